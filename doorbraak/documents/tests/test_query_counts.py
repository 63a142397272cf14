"""The plan document and its export page read a fixed number of queries, however big the plan is."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from doorbraak.documents.rendering import render_document_html
from doorbraak.documents.selectors import ExportOptions, document_context

pytestmark = pytest.mark.django_db

OPTIONS = {
    "full": ExportOptions(closed_arguments=True),
    "plain with costs": ExportOptions(plain=True, include_costs=True),
}


def grow(plan, professional, *, times: int) -> None:
    """Add ``times`` of everything a document lists: helpers, needs, steps, citations, cost lines, members."""
    from doorbraak.followup.tests.factories import add_cost_lines
    from doorbraak.households.tests.factories import HouseholdMemberFactory
    from doorbraak.legal.models import LegalArticle
    from doorbraak.legal.services import citation_add
    from doorbraak.legal.tests.factories import LocalArticleFactory
    from doorbraak.plans.tests.factories import HelperFactory, NeedFactory, StepFactory

    cited = set(plan.citations.values_list("national_article_id", flat=True))
    national = LegalArticle.objects.filter(retired_at__isnull=True).exclude(pk__in=cited).order_by("pk")[:times]
    for article in [*national, *(LocalArticleFactory(organisation=plan.organisation) for _ in range(times))]:
        citation_add(actor=professional, plan=plan, article=article, application="may", motivation="Past hier.")
    for i in range(times):
        HelperFactory(plan=plan, agency=f"Organisatie {i}")
        NeedFactory(plan=plan, description=f"Behoefte {i}")
        StepFactory(plan=plan, description=f"Stap {i}", owner="Consulent")
        HouseholdMemberFactory(household=plan.household, birth_year=1980 + i)
        for scenario in ("current", "threatening", "plan"):
            add_cost_lines(plan, scenario, [(f"Regel {i}", "2", "100.00", "wmo", True)])


def document_queries(plan, options: ExportOptions) -> int:
    with CaptureQueriesContext(connection) as ctx:
        html = render_document_html(document_context(plan=plan, options=options))
    assert plan.household.reference in html
    return len(ctx.captured_queries)


@pytest.mark.parametrize("variant", OPTIONS)
def test_document_queries_do_not_grow_with_the_plan(complete_plan, professional, variant):
    options = OPTIONS[variant]
    few = document_queries(complete_plan, options)
    grow(complete_plan, professional, times=8)
    assert document_queries(complete_plan, options) == few


def test_pdf_export_queries_do_not_grow_with_the_plan(complete_plan, professional, login):
    client = login(professional)
    url = reverse("documents:plan_export", args=[complete_plan.pk])

    def export_queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            response = client.post(url, {"variant": "full", "include_costs": "on", "closed_arguments": "on"})
            assert response["Content-Type"] == "application/pdf"
        return len(ctx.captured_queries)

    few = export_queries()
    grow(complete_plan, professional, times=6)
    assert export_queries() == few


def test_export_page_queries_do_not_grow_with_partners(complete_plan, professional, login):
    from doorbraak.followup.services import consent_record
    from doorbraak.followup.tests.factories import ContactPersonFactory

    def share_with(count: int) -> None:
        today = timezone.localdate()
        for _ in range(count):
            consent_record(
                actor=professional,
                plan=complete_plan,
                partner=ContactPersonFactory(organisation=complete_plan.organisation),
                parts=["situation", "costs"],
                given_on=today,
                valid_until=today + timedelta(days=90),
            )

    client = login(professional)
    url = reverse("documents:plan_export", args=[complete_plan.pk])

    def page_queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    share_with(1)
    few = page_queries()
    share_with(5)
    assert page_queries() == few
