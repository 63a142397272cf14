"""The denormalised co-selection counts stay exact through every kind of write (never stale)."""

import pytest

from doorbraak.households.tests.factories import HouseholdFactory
from doorbraak.legal import coselection
from doorbraak.legal.models import Citation, CoSelectionCount, LegalArticle
from doorbraak.legal.services import citation_add, citation_delete
from doorbraak.legal.suggestions import co_selection_for_plan
from doorbraak.plans.models import Tag
from doorbraak.plans.services import plan_set_tags
from doorbraak.plans.tests.factories import PlanFactory

from .factories import LocalArticleFactory

pytestmark = pytest.mark.django_db


def article(key):
    law_short, number = key.rsplit(" ", 1)
    return LegalArticle.objects.filter(law_short=law_short, article=number).first()


def table():
    return {
        (r.organisation_id, r.tag_id, r.article_key, r.national): r.plans
        for r in CoSelectionCount.objects.exclude(plans=0)
    }


def assert_exact():
    """The counts kept by the writes equal a full recount from the citations and tag links."""
    kept = table()
    coselection.rebuild()
    assert kept == table()


def set_tags(actor, plan, tags):
    plan.refresh_from_db()
    plan_set_tags(actor=actor, plan=plan, tags=tags, version=plan.tags_version)


def new_plan(team, owner):
    return PlanFactory(household=HouseholdFactory(team=team), owner=owner)


def test_counts_follow_citations_tags_and_deletion(plan, team, professional, outsider, outsider_plan):
    rent, debts, youth = (
        Tag.objects.get(kind="problem", code=c)
        for c in ("huurachterstand", "problematische_schulden", "opvoedproblemen")
    )
    earlier = new_plan(team, professional)
    set_tags(professional, earlier, [rent, debts])
    pw35, pw48 = article("Pw 35"), article("Pw 48")
    c35 = citation_add(actor=professional, plan=earlier, article=pw35, application="may")
    citation_add(actor=professional, plan=earlier, article=pw48, application="may")
    local = LocalArticleFactory(organisation=plan.organisation)
    citation_add(actor=professional, plan=earlier, article=local, application="may")
    assert_exact()
    org = plan.organisation_id
    assert table()[(org, rent.pk, "Pw 35", True)] == 1
    assert table()[(org, rent.pk, "", True)] == 1
    assert table()[(org, debts.pk, local.key, False)] == 1

    # Two paragraphs of one article count once for the plan; deleting one keeps the count.
    first, second = LegalArticle.objects.filter(law_short="Jw", article="2.3")[:2]
    a = citation_add(actor=professional, plan=earlier, article=first, application="may")
    citation_add(actor=professional, plan=earlier, article=second, application="may")
    assert table()[(org, rent.pk, "Jw 2.3", True)] == 1
    citation_delete(actor=professional, citation=a)
    assert table()[(org, rent.pk, "Jw 2.3", True)] == 1
    assert_exact()

    # Changing tags moves the plan's contribution from one tag to another.
    set_tags(professional, earlier, [debts, youth])
    assert (org, rent.pk, "Pw 35", True) not in table()
    assert table()[(org, youth.pk, "Pw 35", True)] == 1
    assert_exact()

    citation_delete(actor=professional, citation=c35)
    assert (org, youth.pk, "Pw 35", True) not in table()
    assert_exact()

    # Reverse side of the link and clearing work too.
    youth.plans.remove(earlier)
    assert (org, youth.pk, "Pw 48", True) not in table()
    earlier.tags.clear()
    assert not any(key[1] in (debts.pk, youth.pk) and key[0] == org for key in table())
    assert_exact()

    # Another municipality's plan counts nationwide only; deleting a plan removes its contribution.
    set_tags(outsider, outsider_plan, [rent])
    citation_add(actor=outsider, plan=outsider_plan, article=pw48, application="may")
    assert table()[(outsider_plan.organisation_id, rent.pk, "Pw 48", True)] == 1
    assert_exact()
    earlier.delete()
    assert not any(key[0] == org for key in table())
    assert_exact()


def test_co_selection_reads_local_and_national_scopes(plan, team, professional):
    rent = Tag.objects.get(kind="problem", code="huurachterstand")
    pw48 = article("Pw 48")
    set_tags(professional, plan, [rent])
    for _ in range(5):
        earlier = new_plan(team, professional)
        set_tags(professional, earlier, [rent])
        citation_add(actor=professional, plan=earlier, article=pw48, application="may")
    citation_add(actor=professional, plan=plan, article=pw48, application="may")  # own citation left out
    local, national = co_selection_for_plan(plan=plan, tags=[rent])
    assert (local["Pw 48"].chosen, local["Pw 48"].out_of) == (5, 5)
    assert (national["Pw 48"].chosen, national["Pw 48"].out_of) == (5, 5)
    # Below the national minimum cell size nothing is shown nationwide.
    citation_delete(actor=professional, citation=Citation.objects.filter(national_article=pw48).first())
    local, national = co_selection_for_plan(plan=plan, tags=[rent])
    assert local["Pw 48"].chosen == 4 and "Pw 48" not in national


def test_one_round_trip_reads_what_the_separate_queries_read(plan, team, professional, outsider):
    """suggestions._plan_reads (one UNION ALL) returns the same counts as coselection.counts_for_tags, the
    plan's own cited keys, its needs in order and its helpers' domains."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from doorbraak.legal.coselection import counts_for_tags
    from doorbraak.legal.suggestions import _plan_reads
    from doorbraak.plans.tests.factories import NeedFactory

    rent = Tag.objects.get(kind="problem", code="huurachterstand")
    set_tags(professional, plan, [rent])
    for key in ("Pw 48", "Pw 35"):
        earlier = new_plan(team, professional)
        set_tags(professional, earlier, [rent])
        citation_add(actor=professional, plan=earlier, article=article(key), application="may")
    citation_add(actor=professional, plan=plan, article=article("Pw 48"), application="may")
    NeedFactory(plan=plan, life_domain="wonen", description="Eerst.")
    NeedFactory(plan=plan, life_domain="schulden", description="Daarna.")
    with CaptureQueriesContext(connection) as ctx:
        reads = _plan_reads(plan, [rent.pk])
    assert len(ctx.captured_queries) == 1
    local, national = counts_for_tags(organisation_id=plan.organisation_id, tag_ids=[rent.pk])
    assert (reads.local, reads.national) == (local, national)
    assert reads.own_keys == {"Pw 48"}
    assert reads.needs == [("wonen", "Eerst."), ("schulden", "Daarna.")]
    assert _plan_reads(plan, []).local == ({}, {})
