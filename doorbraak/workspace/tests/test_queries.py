"""The plan page's number of queries does not grow with what the plan holds.

Two plans of the same owner, one with 1 and one with 10 helpers, needs, steps, household members, tags and
status changes: both pages must take the same number of queries (editable and read-only).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from doorbraak.households.tests.factories import HouseholdFactory, HouseholdMemberFactory
from doorbraak.plans.constants import PlanStatus, StepPhase
from doorbraak.plans.models import Plan, StatusChange, Tag
from doorbraak.plans.tests.factories import HelperFactory, NeedFactory, PlanFactory, StepFactory

pytestmark = pytest.mark.django_db


def plan_with(n: int, *, owner, team) -> Plan:
    household = HouseholdFactory(team=team, created_by=owner)
    plan = PlanFactory(household=household, owner=owner)
    for i in range(n):
        HelperFactory(plan=plan, agency=f"Instantie {i}")
        NeedFactory(plan=plan)
        StepFactory(plan=plan, phase=list(StepPhase)[i % 3])
        HouseholdMemberFactory(household=household)
        StatusChange.objects.create(plan=plan, from_status="concept", to_status="concept", actor=owner)
    plan.tags.set(Tag.objects.filter(is_active=True).order_by("pk")[:n])
    assert plan.tags.count() == n
    return plan


def page_queries(client, plan) -> list[str]:
    url = reverse("workspace:plan", args=[plan.pk])
    client.get(url)  # warm up (session, caches)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in context.captured_queries]


def assert_same_count(small: list[str], large: list[str]) -> None:
    assert len(large) == len(small), "\n".join(large)


def test_editable_plan_page_is_constant_in_what_the_plan_holds(professional, team, login):
    client = login(professional)
    small = page_queries(client, plan_with(1, owner=professional, team=team))
    large = page_queries(client, plan_with(10, owner=professional, team=team))
    assert_same_count(small, large)


def test_read_only_plan_page_is_constant_in_what_the_plan_holds(professional, doorbraakteam, team, login):
    plans = [plan_with(n, owner=professional, team=team) for n in (1, 10)]
    Plan.objects.filter(pk__in=[p.pk for p in plans]).update(status=PlanStatus.SUBMITTED)
    client = login(doorbraakteam)
    small, large = (page_queries(client, plan) for plan in plans)
    assert_same_count(small, large)


def test_plan_page_query_budget(professional, team, login, django_assert_max_num_queries):
    """A ceiling (17 today: session, user, membership, plan, audit row, tags, items, the three sides, status
    changes), so a new panel on the page is a conscious choice; the failure lists the queries."""
    client = login(professional)
    plan = plan_with(10, owner=professional, team=team)
    url = reverse("workspace:plan", args=[plan.pk])
    client.get(url)
    with django_assert_max_num_queries(20):
        client.get(url)
