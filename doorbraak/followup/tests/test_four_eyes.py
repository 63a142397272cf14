"""Four eyes: nobody decides about a plan they own, submitted or edited; a level where nobody else may decide
is passed over, recorded with the reason (issue 10, point 1)."""

import pytest
from django.urls import reverse

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record
from doorbraak.followup import selectors, services
from doorbraak.followup.constants import DecisionState
from doorbraak.followup.models import DecisionRequest
from doorbraak.followup.tests.factories import make_complete
from doorbraak.households.tests.factories import HouseholdFactory
from doorbraak.organisations.constants import Role
from doorbraak.organisations.tests.factories import make_member
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.services import plan_update_section
from doorbraak.plans.tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


def _edit_situation(plan, user):
    plan.refresh_from_db()
    plan_update_section(
        actor=user, plan=plan, section="situation", data={"situation": "Bijgewerkt."}, version=plan.situation_version
    )


def _states(plan):
    return [(r.level.position, r.state) for r in DecisionRequest.objects.filter(plan=plan).order_by("opened_at", "id")]


def test_a_team_leads_own_plan_skips_their_level_with_the_reason(team, team_lead, doorbraakteam, manager, levels):
    household = HouseholdFactory(team=team, created_by=team_lead)
    plan = PlanFactory(household=household, owner=team_lead)
    make_complete(plan, team_lead)
    request = services.plan_submit(actor=team_lead, plan=plan)
    assert request.level.decider_role == Role.DOORBRAAKTEAM
    skipped = DecisionRequest.objects.get(plan=plan, state=DecisionState.SKIPPED)
    assert skipped.level.decider_role == Role.TEAM_LEAD and skipped.decided_by is None
    assert "vier ogen" in skipped.reason
    assert not selectors.is_decider(user=team_lead, level=skipped.level, plan=plan)
    assert selectors.is_decider(user=doorbraakteam, level=request.level, plan=plan)


def test_the_team_lead_cannot_approve_their_own_plan_through_the_page(
    team, team_lead, doorbraakteam, manager, levels, login
):
    """What the exploit did: the team lead posts 'approve' on their own submitted plan."""
    household = HouseholdFactory(team=team, created_by=team_lead)
    plan = PlanFactory(household=household, owner=team_lead)
    make_complete(plan, team_lead)
    services.plan_submit(actor=team_lead, plan=plan)
    client = login(team_lead)
    page = client.get(reverse("followup:plan_followup", args=[plan.pk]))
    assert page.status_code == 200
    assert reverse("followup:plan_decide", args=[plan.pk]) not in page.content.decode()
    response = client.post(reverse("followup:plan_decide", args=[plan.pk]), {"outcome": "approve", "reason": "ok"})
    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    # the page says why the level was passed over
    assert "Overgeslagen (vier ogen)" in page.content.decode()


def test_another_team_lead_of_the_same_team_decides_instead(team, team_lead, org, doorbraakteam, levels):
    second = make_member(org, Role.TEAM_LEAD, team=team, email="tweede.teamleider@voorbeeldstad.nl")
    household = HouseholdFactory(team=team, created_by=team_lead)
    plan = PlanFactory(household=household, owner=team_lead)
    make_complete(plan, team_lead)
    request = services.plan_submit(actor=team_lead, plan=plan)
    assert request.level.decider_role == Role.TEAM_LEAD
    assert selectors.deciders_for(level=request.level, plan=plan) == [second]
    services.decision_approve(actor=second, request=request, reason="Akkoord.")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED


def test_a_team_lead_who_edited_the_plan_may_not_decide(complete_plan, professional, team_lead, doorbraakteam, levels):
    """Also not through their inbox: the plan waits for someone else."""
    _edit_situation(complete_plan, team_lead)
    request = services.plan_submit(actor=professional, plan=complete_plan)
    assert _states(complete_plan) == [(1, DecisionState.SKIPPED), (2, DecisionState.OPEN)]
    assert selectors.decisions_waiting_for(user=team_lead) == []
    assert selectors.decisions_waiting_for(user=doorbraakteam) == [request]
    with pytest.raises(services.PermissionDenied):
        services.decision_approve(actor=team_lead, request=request, reason="")


def test_the_submitter_may_not_decide(complete_plan, professional, team_lead, doorbraakteam, levels):
    """A team lead who submits a professional's plan (they may edit it) is excluded too."""
    request = services.plan_submit(actor=team_lead, plan=complete_plan)
    assert request.level.decider_role == Role.DOORBRAAKTEAM
    assert team_lead.pk in selectors.plan_involved_user_ids(plan=complete_plan)


@pytest.mark.parametrize("involved_level", [1, 2, 3])
def test_every_level_passes_over_an_involved_only_decider(
    complete_plan, professional, team_lead, doorbraakteam, manager, org, levels, involved_level
):
    """Escalating up the matrix: at the level where the only decider edited the plan, it moves on."""
    administrator = make_member(org, Role.MANAGER, email="bestuurder@voorbeeldstad.nl")
    levels[2].deciders.set([manager])
    levels[3].deciders.set([administrator])
    deciders = {1: team_lead, 2: doorbraakteam, 3: manager, 4: administrator}
    editor = deciders[involved_level]
    if editor is manager:
        # A manager cannot edit a plan in the app; the audit log is what counts, so record an edit as a service does.
        audit_record(actor=manager, organisation=org, action=AuditAction.PLAN_UPDATE, obj=complete_plan)
    else:
        _edit_situation(complete_plan, editor)
    request = services.plan_submit(actor=professional, plan=complete_plan)
    while request.level.position < 4:
        decider = deciders[request.level.position]
        assert decider is not editor
        request = services.decision_escalate(actor=decider, request=request, note="Hoger niveau nodig.")
    services.decision_approve(actor=administrator, request=request, reason="Akkoord.")
    states = _states(complete_plan)
    assert (involved_level, DecisionState.SKIPPED) in states
    assert all(state != DecisionState.SKIPPED for position, state in states if position != involved_level)
    assert states[-1] == (4, DecisionState.APPROVED)


def test_nobody_at_a_level_is_recorded_as_such(org, doorbraakteam, levels, functional_admin):
    """A team without a team lead: the first level is passed over, and the timeline says why."""
    lonely_team = org.teams.create(name="Wijkteam Oost")
    owner = make_member(org, Role.PROFESSIONAL, team=lonely_team, email="oost@voorbeeldstad.nl")
    plan = PlanFactory(household=HouseholdFactory(team=lonely_team, created_by=owner), owner=owner)
    make_complete(plan, owner)
    request = services.plan_submit(actor=owner, plan=plan)
    assert request.level.decider_role == Role.DOORBRAAKTEAM
    skipped = DecisionRequest.objects.get(plan=plan, state=DecisionState.SKIPPED)
    assert skipped.reason == "Overgeslagen: op dit niveau is niemand die over dit plan kan besluiten."
    titles = [entry.text for entry in selectors.timeline_for_plan(plan=plan)]
    assert skipped.reason in titles
