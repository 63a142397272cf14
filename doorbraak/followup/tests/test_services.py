from datetime import date

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from doorbraak.core.exceptions import TransitionError
from doorbraak.engagement.models import HealthScoreSet
from doorbraak.followup import selectors, services
from doorbraak.followup.constants import ActionState, DecisionState
from doorbraak.followup.models import DecisionRequest, Evaluation
from doorbraak.organisations.constants import Role
from doorbraak.organisations.tests.factories import make_member
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.models import StatusChange

pytestmark = pytest.mark.django_db


# --- submitting ------------------------------------------------------------------------------------------------


def test_submit_blocked_lists_what_is_missing(plan, professional, levels):
    with pytest.raises(TransitionError) as caught:
        services.plan_submit(actor=professional, plan=plan)
    messages = caught.value.messages
    assert len(messages) >= 3  # engagement, return and legitimacy are all empty
    assert any("Betrokkenheid" in m for m in messages)
    assert any("Rendement" in m for m in messages)
    assert any("Legitimiteit" in m for m in messages)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CONCEPT
    assert not DecisionRequest.objects.exists()


def test_submit_without_breakthrough_names_block_1(complete_plan, professional, levels):
    complete_plan.breakthrough_description = ""
    complete_plan.save()
    with pytest.raises(TransitionError) as caught:
        services.plan_submit(actor=professional, plan=complete_plan)
    assert any("doorbraak" in m for m in caught.value.messages)


def test_submit_only_by_someone_who_may_edit(complete_plan, colleague, levels):
    with pytest.raises(PermissionDenied):
        services.plan_submit(actor=colleague, plan=complete_plan)


def test_submit_sends_plan_to_first_level_and_mails_team_lead(
    complete_plan, professional, team_lead, levels, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = services.plan_submit(actor=professional, plan=complete_plan)
    complete_plan.refresh_from_db()
    assert complete_plan.status == PlanStatus.SUBMITTED
    assert request.level.position == 1 and request.level.decider_role == Role.TEAM_LEAD
    assert request.state == DecisionState.OPEN
    assert [m.to for m in mail.outbox] == [[team_lead.email]]
    message = mail.outbox[0]
    reference = complete_plan.household.reference
    assert reference in message.subject
    assert f"/opvolging/plannen/{complete_plan.pk}/" in message.body
    # No plan content or names in the mail.
    assert "huurachterstand" not in message.body.lower()
    assert professional.last_name not in message.body


def test_submit_seeds_default_matrix_when_none(complete_plan, professional, team_lead, org):
    request = services.plan_submit(actor=professional, plan=complete_plan)
    names = [level.name for level in selectors.escalation_levels(organisation=org)]
    assert names == ["Teamleider", "Doorbraakteam", "Manager / directeur", "Bestuurder"]
    assert request.level.position == 1


def test_level_without_anyone_to_decide_is_skipped(complete_plan, professional, doorbraakteam, levels):
    # No team lead in the plan's team: the plan goes straight to the Doorbraakteam.
    request = services.plan_submit(actor=professional, plan=complete_plan)
    assert request.level.decider_role == Role.DOORBRAAKTEAM


# --- deciding --------------------------------------------------------------------------------------------------


def test_reject_without_reason_is_refused(submitted, team_lead):
    for reason in ("", "   "):
        with pytest.raises(TransitionError):
            services.decision_reject(actor=team_lead, request=submitted, reason=reason)
    submitted.refresh_from_db()
    assert submitted.state == DecisionState.OPEN
    assert submitted.plan.status == PlanStatus.SUBMITTED


def test_no_is_recorded_with_its_reason(submitted, team_lead, professional, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.decision_reject(actor=team_lead, request=submitted, reason="Eerst schuldhulp aanvragen.")
    submitted.refresh_from_db()
    assert submitted.state == DecisionState.REJECTED
    assert submitted.reason == "Eerst schuldhulp aanvragen."
    assert submitted.decided_by == team_lead
    change = StatusChange.objects.get(plan=submitted.plan, to_status=PlanStatus.REJECTED)
    assert change.reason == "Eerst schuldhulp aanvragen."
    assert mail.outbox[-1].to == [professional.email]
    assert "Eerst schuldhulp" not in mail.outbox[-1].body


def test_escalate_moves_to_next_level_and_notifies(
    submitted, team_lead, doorbraakteam, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        new = services.decision_escalate(actor=team_lead, request=submitted, note="Vraagt een uitzondering op beleid.")
    submitted.refresh_from_db()
    assert submitted.state == DecisionState.ESCALATED
    assert new.level.position == 2 and new.state == DecisionState.OPEN
    assert selectors.open_request(plan=new.plan) == new
    assert mail.outbox[-1].to == [doorbraakteam.email]


def test_escalate_needs_a_note(submitted, team_lead):
    with pytest.raises(TransitionError):
        services.decision_escalate(actor=team_lead, request=submitted, note="")


def test_escalate_beyond_last_level_is_refused(submitted, team_lead, doorbraakteam, manager):
    request = services.decision_escalate(actor=team_lead, request=submitted, note="a")
    request = services.decision_escalate(actor=doorbraakteam, request=request, note="b")
    request = services.decision_escalate(actor=manager, request=request, note="c")  # to the administrator
    assert request.level.position == 4
    with pytest.raises(TransitionError, match="hoogste niveau"):
        services.decision_escalate(actor=manager, request=request, note="d")
    request.refresh_from_db()
    assert request.state == DecisionState.OPEN


def test_only_deciders_of_the_current_level_decide(submitted, doorbraakteam, professional, org, other_team):
    other_lead = make_member(org, Role.TEAM_LEAD, team=other_team, email="lead-zuid@voorbeeldstad.nl")
    for user in (doorbraakteam, professional, other_lead):
        with pytest.raises(PermissionDenied):
            services.decision_approve(actor=user, request=submitted, reason="ok")


def test_named_deciders_restrict_a_level(submitted, team_lead, doorbraakteam, org, functional_admin):
    level2 = selectors.escalation_levels(organisation=org)[1]
    second = make_member(org, Role.DOORBRAAKTEAM, email="db2@voorbeeldstad.nl")
    services.escalation_level_update(
        actor=functional_admin, level=level2, name=level2.name, decider_role=Role.DOORBRAAKTEAM, deciders=[second]
    )
    request = services.decision_escalate(actor=team_lead, request=submitted, note="n")
    assert not selectors.is_decider(user=doorbraakteam, level=request.level, plan=request.plan)
    assert selectors.is_decider(user=second, level=request.level, plan=request.plan)
    assert [r.pk for r in selectors.decisions_waiting_for(user=second)] == [request.pk]
    assert selectors.decisions_waiting_for(user=doorbraakteam) == []


def test_decided_once(submitted, team_lead):
    services.decision_approve(actor=team_lead, request=submitted, reason="Prima plan.")
    with pytest.raises(TransitionError):
        services.decision_reject(actor=team_lead, request=submitted, reason="toch niet")


@time_machine.travel(date(2026, 1, 31), tick=False)
def test_approval_schedules_evaluations_at_6_and_12_months(submitted, team_lead):
    services.decision_approve(actor=team_lead, request=submitted, reason="Akkoord.")
    plan = submitted.plan
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED
    due = {e.months: e.due_on for e in Evaluation.objects.filter(plan=plan)}
    assert due == {6: date(2026, 7, 31), 12: date(2027, 1, 31)}


# --- evaluations -----------------------------------------------------------------------------------------------


def _approved(submitted, team_lead):
    with time_machine.travel(date(2026, 1, 15), tick=False):
        services.decision_approve(actor=team_lead, request=submitted, reason="Akkoord.")
    return submitted.plan


def test_evaluation_not_recordable_before_due(submitted, team_lead, professional):
    plan = _approved(submitted, team_lead)
    six = Evaluation.objects.get(plan=plan, months=6)
    with time_machine.travel(date(2026, 7, 14), tick=False):
        assert selectors.inbox_for_user(user=professional).evaluations == []
        with pytest.raises(ValidationError, match="15-07-2026"):
            services.evaluation_record(actor=professional, evaluation=six, breakthrough_achieved="yes", explanation="x")


def test_evaluation_due_listed_and_recorded(submitted, team_lead, professional):
    plan = _approved(submitted, team_lead)
    six = Evaluation.objects.get(plan=plan, months=6)
    with time_machine.travel(date(2026, 7, 15), tick=False):
        assert selectors.inbox_for_user(user=professional).evaluations == [six]
        assert selectors.inbox_for_user(user=team_lead).evaluations == [six]
        services.evaluation_record(
            actor=professional,
            evaluation=six,
            breakthrough_achieved="partly",
            explanation="Ontruiming is van tafel; schulden nog niet geregeld.",
            scores={"body_functions": 6, "mental_wellbeing": 7},
        )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.EVALUATED
    moves = list(StatusChange.objects.filter(plan=plan).order_by("id").values_list("to_status", flat=True))
    assert moves[-2:] == [PlanStatus.IN_PROGRESS, PlanStatus.EVALUATED]
    realised = HealthScoreSet.objects.get(plan=plan, measurement="realised")
    assert (realised.body_functions, realised.mental_wellbeing, realised.meaning) == (6, 7, None)
    # The 12-month evaluation keeps the plan evaluated.
    twelve = Evaluation.objects.get(plan=plan, months=12)
    with time_machine.travel(date(2027, 1, 15), tick=False):
        services.evaluation_record(actor=professional, evaluation=twelve, breakthrough_achieved="yes", explanation="y")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.EVALUATED
    with pytest.raises(ValidationError):
        services.evaluation_record(actor=professional, evaluation=twelve, breakthrough_achieved="yes", explanation="z")


def test_evaluation_requires_outcome_and_explanation(submitted, team_lead, professional):
    plan = _approved(submitted, team_lead)
    six = Evaluation.objects.get(plan=plan, months=6)
    with time_machine.travel(date(2026, 8, 1), tick=False):
        with pytest.raises(ValidationError):
            services.evaluation_record(actor=professional, evaluation=six, breakthrough_achieved="", explanation="x")
        with pytest.raises(ValidationError):
            services.evaluation_record(actor=professional, evaluation=six, breakthrough_achieved="no", explanation=" ")


# --- actions and the inbox -------------------------------------------------------------------------------------


def test_action_lifecycle_and_inbox(submitted, team_lead, colleague, django_capture_on_commit_callbacks):
    plan = submitted.plan
    with django_capture_on_commit_callbacks(execute=True):
        action = services.action_create(
            actor=team_lead, plan=plan, description="Bel de corporatie", owner=colleague, due_date=date(2026, 3, 1)
        )
    assert mail.outbox[-1].to == [colleague.email]
    assert selectors.inbox_for_user(user=colleague).actions == [action]
    services.action_set_state(actor=colleague, action=action, state=ActionState.DONE)
    action.refresh_from_db()
    assert action.state == ActionState.DONE and action.closed_at is not None
    assert selectors.inbox_for_user(user=colleague).actions == []


def test_action_owner_must_be_in_the_organisation(submitted, team_lead, outsider):
    with pytest.raises(ValidationError):
        services.action_create(
            actor=team_lead, plan=submitted.plan, description="x", owner=outsider, due_date=date(2026, 3, 1)
        )


def test_inbox_decisions_per_level(submitted, team_lead, doorbraakteam, org, other_team, outsider):
    assert [r.pk for r in selectors.inbox_for_user(user=team_lead).decisions] == [submitted.pk]
    assert selectors.inbox_for_user(user=doorbraakteam).decisions == []
    other_lead = make_member(org, Role.TEAM_LEAD, team=other_team, email="lead-zuid@voorbeeldstad.nl")
    assert selectors.inbox_for_user(user=other_lead).decisions == []
    assert selectors.inbox_for_user(user=outsider).decisions == []


# --- the manager's view of a plan ------------------------------------------------------------------------------


def test_manager_sees_plan_only_while_escalated_to_them_or_decided_by_them(
    submitted, team_lead, doorbraakteam, manager
):
    from django.http import Http404

    plan = submitted.plan
    with pytest.raises(PermissionDenied):
        selectors.plan_for_decider(user=manager, plan_id=plan.pk)
    request = services.decision_escalate(actor=team_lead, request=submitted, note="n")
    with pytest.raises(PermissionDenied):
        selectors.plan_for_decider(user=manager, plan_id=plan.pk)  # waits at the Doorbraakteam
    request = services.decision_escalate(actor=doorbraakteam, request=request, note="n")
    assert selectors.plan_for_decider(user=manager, plan_id=plan.pk) == plan
    services.decision_approve(actor=manager, request=request, reason="Akkoord.")
    assert selectors.plan_for_decider(user=manager, plan_id=plan.pk) == plan  # decided by them
    with pytest.raises(Http404):
        selectors.plan_for_decider(user=manager, plan_id="not-a-uuid")


def test_timeline_in_time_order(submitted, team_lead, doorbraakteam, professional):
    with time_machine.travel(date(2027, 2, 1)):
        request = services.decision_escalate(actor=team_lead, request=submitted, note="Graag besluit.")
    with time_machine.travel(date(2027, 2, 2)):
        services.decision_approve(actor=doorbraakteam, request=request, reason="Goed onderbouwd.")
    with time_machine.travel(date(2027, 2, 3)):
        services.action_create(
            actor=doorbraakteam, plan=request.plan, description="Betaal", owner=professional, due_date=date(2027, 2, 9)
        )
    entries = selectors.timeline_for_plan(plan=request.plan)
    kinds = [e.kind for e in entries]
    assert [e.at for e in entries] == sorted(e.at for e in entries)
    assert kinds[:2] == ["status", "request"]  # submitted, put before level 1
    assert "decision-escalated" in kinds and "decision-approved" in kinds and kinds[-1] == "action"
    approved = next(e for e in entries if e.kind == "decision-approved")
    assert approved.text == "Goed onderbouwd." and approved.actor == doorbraakteam
