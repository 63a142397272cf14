"""The Legitimiteit page reads a fixed number of queries, however many articles the plan cites."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from doorbraak.legal.models import LegalArticle
from doorbraak.legal.services import citation_add, motivation_save

from .factories import LocalArticleFactory

pytestmark = pytest.mark.django_db


def cite(plan, actor, articles) -> None:
    for article in articles:
        citation_add(actor=actor, plan=plan, article=article, application="may", motivation="Past bij dit huishouden.")


def page_queries(client, plan, **params) -> int:
    """Queries of one page load. The law base is read once per process and kept (suggestions): the helper
    loads the page once before counting, so a cold cache does not count as the small plan's cost."""
    client.get(reverse("legal:plan_legitimacy", args=[plan.pk]))
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("legal:plan_legitimacy", args=[plan.pk]), params, **_htmx(params))
        assert response.status_code == 200
    return len(ctx.captured_queries)


def _htmx(params) -> dict:
    return {"HTTP_HX_REQUEST": "true"} if params.get("partial") else {}


def test_legitimacy_page_queries_do_not_grow_with_citations(plan, professional, login):
    national = list(LegalArticle.objects.filter(retired_at__isnull=True).order_by("pk")[:12])
    local = [LocalArticleFactory(organisation=plan.organisation) for _ in range(4)]
    motivation_save(actor=professional, plan=plan, motivation="Onze motivering.", version=0)
    client = login(professional)
    cite(plan, professional, national[:1] + local[:1])
    few = page_queries(client, plan)
    cite(plan, professional, national[1:] + local[1:])
    assert page_queries(client, plan) == few
    assert page_queries(client, plan, partial="suggestions") <= few


def test_read_only_legitimacy_page_queries_do_not_grow_with_citations(plan, professional, team_lead, login):
    """The team lead reads the same page (no edit forms): also constant."""
    national = list(LegalArticle.objects.filter(retired_at__isnull=True).order_by("pk")[:10])
    cite(plan, professional, national[:1])
    client = login(team_lead)
    few = page_queries(client, plan)
    cite(plan, professional, national[1:])
    assert page_queries(client, plan) == few
