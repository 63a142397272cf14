"""One way to submit a plan (followup:plan_submit) with one permission rule, from both pages that offer it."""

import pytest
from django.urls import reverse

from doorbraak.followup.constants import DecisionState
from doorbraak.followup.models import DecisionRequest
from doorbraak.plans.constants import PlanStatus

pytestmark = pytest.mark.django_db

FROM_PLAN_PAGE = {"return_to": "plan"}


def submit_url(plan):
    return reverse("followup:plan_submit", args=[plan.pk])


def assert_not_submitted(plan):
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CONCEPT
    assert not DecisionRequest.objects.filter(plan=plan).exists()


@pytest.mark.parametrize("data", [{}, FROM_PLAN_PAGE], ids=["followup page", "plan page"])
def test_the_owner_submits_their_own_plan(data, complete_plan, professional, levels, login):
    response = login(professional).post(submit_url(complete_plan), data)
    assert response.status_code == 302
    complete_plan.refresh_from_db()
    assert complete_plan.status == PlanStatus.SUBMITTED
    assert DecisionRequest.objects.get(plan=complete_plan, state=DecisionState.OPEN).level.position == 1


def test_the_team_lead_of_the_team_may_submit(complete_plan, team_lead, levels, login):
    assert login(team_lead).post(submit_url(complete_plan), FROM_PLAN_PAGE).status_code == 302
    complete_plan.refresh_from_db()
    assert complete_plan.status == PlanStatus.SUBMITTED


@pytest.mark.parametrize("data", [{}, FROM_PLAN_PAGE], ids=["followup page", "plan page"])
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("colleague", 404),  # same team, not their plan: they cannot see it
        ("doorbraakteam", 404),  # a concept is the professional's own work
        ("outsider", 404),  # another municipality: its existence is not revealed
        ("manager", 403),  # a role without plans
        ("policy_analyst", 403),
    ],
)
def test_nobody_else_submits(data, persona, status, complete_plan, levels, login, request):
    assert login(request.getfixturevalue(persona)).post(submit_url(complete_plan), data).status_code == status
    assert_not_submitted(complete_plan)


def test_a_visible_plan_is_still_refused_to_a_reader(complete_plan, professional, doorbraakteam, levels, login):
    """The rule is the service's: seeing the plan is not enough to submit it (403, not a redirect)."""
    from doorbraak.plans.models import Plan

    Plan.objects.filter(pk=complete_plan.pk).update(status=PlanStatus.REJECTED)  # visible to the Doorbraakteam
    assert login(doorbraakteam).post(submit_url(complete_plan), FROM_PLAN_PAGE).status_code == 403
    complete_plan.refresh_from_db()
    assert complete_plan.status == PlanStatus.REJECTED


def test_landing_after_submitting_depends_on_the_page_it_came_from(complete_plan, professional, levels, login):
    response = login(professional).post(submit_url(complete_plan), FROM_PLAN_PAGE)
    assert response["Location"] == reverse("workspace:plan", args=[complete_plan.pk]) + "#sectie-status"


def test_landing_after_submitting_from_the_followup_page(complete_plan, professional, levels, login):
    response = login(professional).post(submit_url(complete_plan))
    assert response["Location"] == reverse("followup:plan_followup", args=[complete_plan.pk])


def test_refused_from_the_plan_page_lands_on_top_of_the_plan_page(plan, professional, levels, login):
    client = login(professional)
    response = client.post(submit_url(plan), FROM_PLAN_PAGE)
    assert response["Location"] == reverse("workspace:plan", args=[plan.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Het plan kan nog niet worden ingediend. Wat nog ontbreekt, staat hieronder bij de waardendriehoek." in page
    assert_not_submitted(plan)


def test_refused_from_the_followup_page_lists_what_is_missing_there(plan, professional, levels, login):
    client = login(professional)
    response = client.post(submit_url(plan))
    assert response["Location"] == reverse("followup:plan_followup", args=[plan.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Het plan kan nog niet worden ingediend:" in page and "Rendement" in page
    assert_not_submitted(plan)
