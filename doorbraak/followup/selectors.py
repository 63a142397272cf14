"""Reads for follow-up. Every function takes the user or the organisation; nothing trusts an id alone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.audit.models import AuditEvent
from doorbraak.organisations.constants import PLAN_ROLES, Role
from doorbraak.organisations.models import Membership
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.models import Plan, StatusChange
from doorbraak.plans.selectors import can_edit_plan, plans_for_user

from .constants import PLAN_EDIT_ACTIONS, ActionState, DecisionState, SharingPart
from .models import ContactPerson, DecisionRequest, EscalationLevel, Evaluation, FollowUpAction, SharingConsent


def _membership(user):
    if not getattr(user, "is_authenticated", False):
        return None
    membership = getattr(user, "membership", None)
    if membership is None or not membership.is_active:
        return None
    return membership


# --- escalation matrix and contacts ----------------------------------------------------------------------------


def escalation_levels(*, organisation) -> QuerySet[EscalationLevel]:
    return EscalationLevel.objects.filter(organisation=organisation).prefetch_related("deciders").order_by("position")


def escalation_level_for_admin(*, user, level_id) -> EscalationLevel:
    membership = _membership(user)
    try:
        return EscalationLevel.objects.get(pk=level_id, organisation_id=membership.organisation_id)
    except (EscalationLevel.DoesNotExist, ValueError, TypeError, AttributeError):
        raise Http404 from None


def contacts(*, organisation, active_only: bool = False) -> QuerySet[ContactPerson]:
    qs = ContactPerson.objects.filter(organisation=organisation).select_related("user")
    if active_only:
        qs = qs.filter(is_active=True)
    return qs


def contact_for_admin(*, user, contact_id) -> ContactPerson:
    membership = _membership(user)
    try:
        return ContactPerson.objects.get(pk=contact_id, organisation_id=membership.organisation_id)
    except (ContactPerson.DoesNotExist, ValueError, TypeError, AttributeError):
        raise Http404 from None


# --- who decides -----------------------------------------------------------------------------------------------


def _co_authorship():
    """What makes someone a co-author of a plan (four eyes): an edit on any side, as the audit log shows, and
    submitting it. Both querysets, unfiltered; the callers narrow them to one plan or one user."""
    edits = AuditEvent.objects.filter(
        object_type=Plan._meta.label_lower, action__in=PLAN_EDIT_ACTIONS, actor__isnull=False
    )
    submissions = StatusChange.objects.filter(to_status=PlanStatus.SUBMITTED)
    return edits, submissions


def plan_involved_user_ids(*, plan: Plan) -> set[int]:
    """Who took part in making ``plan`` and so may not decide about it (four eyes): its owner, whoever submitted
    it, and whoever edited it on any side (block 1, legitimacy, return, engagement)."""
    edits, submissions = _co_authorship()
    editors = edits.filter(object_id=str(plan.pk)).values_list("actor_id", flat=True)
    submitters = submissions.filter(plan=plan).values_list("actor_id", flat=True)
    return {plan.owner_id, *editors, *submitters}


def _holds_level_role(membership, *, level: EscalationLevel, plan: Plan) -> bool:
    """Does this membership have the level's role for this plan (ignoring four eyes)?"""
    if membership.organisation_id != plan.organisation_id or level.organisation_id != plan.organisation_id:
        return False
    if membership.role != level.decider_role:
        return False
    if membership.role == Role.TEAM_LEAD and membership.team_id != plan.team_id:
        return False
    return True


def is_decider(*, user, level: EscalationLevel, plan: Plan) -> bool:
    """May ``user`` decide at ``level`` about ``plan``? The level's role in the same organisation; when the
    level names people, only those; a team lead only for the plans of their own team; and never someone who
    owns, submitted or edited the plan (four eyes)."""
    membership = _membership(user)
    if membership is None or not _holds_level_role(membership, level=level, plan=plan):
        return False
    named = list(level.deciders.all())
    if named and user not in named:
        return False
    return user.pk not in plan_involved_user_ids(plan=plan)


def level_candidates(*, level: EscalationLevel, plan: Plan) -> list:
    """Everyone holding the level's role for this plan, before four eyes are applied."""
    named = list(level.deciders.all())
    members = Membership.objects.filter(
        organisation_id=plan.organisation_id, role=level.decider_role, is_active=True
    ).select_related("user")
    if level.decider_role == Role.TEAM_LEAD:
        members = members.filter(team_id=plan.team_id)
    users = [m.user for m in members]
    if named:
        users = [u for u in users if u in named]
    return users


def deciders_for(*, level: EscalationLevel, plan: Plan) -> list:
    """The people who may decide about ``plan`` at ``level`` (and are told when it arrives there)."""
    involved = plan_involved_user_ids(plan=plan)
    return [user for user in level_candidates(level=level, plan=plan) if user.pk not in involved]


def open_request(*, plan: Plan) -> DecisionRequest | None:
    """The decision request the plan waits on, if it is still submitted."""
    if plan.status != PlanStatus.SUBMITTED:
        return None
    return (
        DecisionRequest.objects.filter(plan=plan, state=DecisionState.OPEN).select_related("level", "opened_by").first()
    )


def next_level(*, level: EscalationLevel) -> EscalationLevel | None:
    return (
        EscalationLevel.objects.filter(organisation_id=level.organisation_id, position__gt=level.position)
        .order_by("position")
        .first()
    )


def _manager_involved(*, user, plan: Plan) -> bool:
    """A manager/director/administrator sees a plan only while it waits at a level where they decide,
    and afterwards the plans they decided themselves (to account for their decision)."""
    if DecisionRequest.objects.filter(plan=plan, decided_by=user).exists():
        return True
    request = open_request(plan=plan)
    return request is not None and is_decider(user=user, level=request.level, plan=plan)


def request_read_for(*, user, plan: Plan) -> DecisionRequest | None:
    """The decision request through which ``user`` reads ``plan``: the open one at a level where they decide,
    else the latest one they decided themselves; None when they see the plan anyway (owner, team lead, ...)."""
    current = open_request(plan=plan)
    if current is not None and is_decider(user=user, level=current.level, plan=plan):
        return current
    return DecisionRequest.objects.filter(plan=plan, decided_by=user).order_by("-decided_at", "-pk").first()


def plan_for_decider(*, user, plan_id) -> Plan:
    """A plan for the follow-up pages: visible through plans_for_user, or to a manager through a decision.

    Another organisation's (or an unknown) plan: 404. A manager not involved in the plan: 403 (their role
    works with aggregates only). Anyone else who cannot see it: 404.
    """
    membership = _membership(user)
    if membership is None:
        raise Http404
    try:
        plan = Plan.objects.select_related("household", "team", "owner", "organisation").get(
            pk=plan_id, organisation_id=membership.organisation_id
        )
    except (Plan.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404 from None
    if plans_for_user(user=user).filter(pk=plan.pk).exists():
        return plan
    if membership.role == Role.MANAGER:
        if _manager_involved(user=user, plan=plan):
            return plan
        raise PermissionDenied
    raise Http404


def can_manage_actions(*, user, plan: Plan) -> bool:
    """The owner and team lead, and anyone who decides (or decided) about the plan, may add actions."""
    if can_edit_plan(user=user, plan=plan):
        return True
    if DecisionRequest.objects.filter(plan=plan, decided_by=user).exists():
        return True
    request = open_request(plan=plan)
    return request is not None and is_decider(user=user, level=request.level, plan=plan)


# --- actions, evaluations --------------------------------------------------------------------------------------


def action_owner_candidates(*, plan: Plan) -> QuerySet:
    """Who can own a follow-up action of ``plan``: people who do case work on it, namely the professionals and
    the team lead of the plan's team, the plan's owner, and the Doorbraakteam. Functional admins, policy
    analysts and managers do no case work and are never offered."""
    case_work = Q(membership__role=Role.DOORBRAAKTEAM) | Q(
        membership__role__in=(Role.PROFESSIONAL, Role.TEAM_LEAD), membership__team_id=plan.team_id
    )
    if plan.owner_id:
        case_work |= Q(pk=plan.owner_id, membership__role__in=PLAN_ROLES)
    return (
        get_user_model()
        .objects.filter(case_work, membership__organisation_id=plan.organisation_id, membership__is_active=True)
        .select_related("membership")
        .order_by("last_name", "first_name", "email")
    )


def actions_for_plan(*, plan: Plan) -> QuerySet[FollowUpAction]:
    return FollowUpAction.objects.filter(plan=plan, organisation_id=plan.organisation_id).select_related("owner")


def action_for_user(*, user, plan: Plan, action_id) -> FollowUpAction:
    try:
        return actions_for_plan(plan=plan).get(pk=action_id)
    except (FollowUpAction.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def evaluations_for_plan(*, plan: Plan) -> QuerySet[Evaluation]:
    return Evaluation.objects.filter(plan=plan, organisation_id=plan.organisation_id)


def evaluation_for_plan(*, plan: Plan, evaluation_id) -> Evaluation:
    try:
        return evaluations_for_plan(plan=plan).get(pk=evaluation_id)
    except (Evaluation.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def evaluation_is_due(evaluation: Evaluation, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return not evaluation.is_recorded and evaluation.due_on <= today


def evaluations_for_user(*, user, due_only: bool = False, today: date | None = None) -> QuerySet[Evaluation]:
    """Open evaluations of the plans this user owns; for a team lead, also those of the team's plans."""
    membership = _membership(user)
    if membership is None or membership.role not in {Role.PROFESSIONAL, Role.TEAM_LEAD}:
        return Evaluation.objects.none()
    qs = Evaluation.objects.filter(organisation_id=membership.organisation_id, recorded_at__isnull=True)
    scope = Q(plan__owner=user)
    if membership.role == Role.TEAM_LEAD and membership.team_id:
        scope |= Q(plan__team_id=membership.team_id)
    qs = qs.filter(scope).exclude(plan__status=PlanStatus.CLOSED)
    if due_only:
        qs = qs.filter(due_on__lte=today or timezone.localdate())
    return qs.select_related("plan__household", "plan__owner").order_by("due_on", "id")


# --- the inbox -------------------------------------------------------------------------------------------------


@dataclass
class Inbox:
    decisions: list[DecisionRequest]
    actions: list[FollowUpAction]
    evaluations: list[Evaluation]

    @property
    def count(self) -> int:
        return len(self.decisions) + len(self.actions) + len(self.evaluations)


def decisions_waiting_for(*, user) -> list[DecisionRequest]:
    membership = _membership(user)
    if membership is None or membership.role not in {Role.TEAM_LEAD, Role.DOORBRAAKTEAM, Role.MANAGER}:
        return []
    qs = (
        DecisionRequest.objects.filter(
            organisation_id=membership.organisation_id,
            state=DecisionState.OPEN,
            plan__status=PlanStatus.SUBMITTED,
            level__decider_role=membership.role,
        )
        .filter(Q(level__deciders__isnull=True) | Q(level__deciders=user))
        .select_related("level", "plan__household", "plan__team")
        .distinct()
        .order_by("opened_at", "id")
    )
    if membership.role == Role.TEAM_LEAD:
        qs = qs.filter(plan__team_id=membership.team_id)
    involved = _plans_involving(user=user)
    return [request for request in qs.exclude(plan__owner=user) if str(request.plan_id) not in involved]


def _plans_involving(*, user) -> set[str]:
    """Ids (as text) of the plans ``user`` edited or submitted: four eyes keeps them out of their decisions."""
    edits, submissions = _co_authorship()
    edited = edits.filter(actor=user).values_list("object_id", flat=True)
    submitted = submissions.filter(actor=user).values_list("plan_id", flat=True)
    return {*edited, *(str(pk) for pk in submitted)}


def inbox_for_user(*, user, today: date | None = None) -> Inbox:
    membership = _membership(user)
    if membership is None:
        return Inbox([], [], [])
    actions = list(
        FollowUpAction.objects.filter(organisation_id=membership.organisation_id, owner=user, state=ActionState.OPEN)
        .select_related("plan__household")
        .order_by("due_date", "id")
    )
    return Inbox(
        decisions=decisions_waiting_for(user=user),
        actions=actions,
        evaluations=list(evaluations_for_user(user=user, due_only=True, today=today)),
    )


# --- consent and sharing ---------------------------------------------------------------------------------------


def consents_for_household(*, household) -> QuerySet[SharingConsent]:
    return SharingConsent.objects.filter(household=household, organisation_id=household.organisation_id).select_related(
        "partner", "partner__user"
    )


def consent_for_plan(*, plan: Plan, consent_id) -> SharingConsent:
    try:
        return consents_for_household(household=plan.household).get(pk=consent_id)
    except (SharingConsent.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def visible_parts_for_partner(*, plan: Plan, partner: ContactPerson, on: date | None = None) -> set[str]:
    """The plan parts (SharingPart codes) the household allows ``partner`` to see on day ``on`` (today).

    Only consents of the plan's own household and organisation count; withdrawn or expired consent gives
    nothing. The result is the union of all consents valid that day.
    """
    if partner.organisation_id != plan.organisation_id or not partner.is_active:
        return set()
    on = on or timezone.localdate()
    parts: set[str] = set()
    for consent in SharingConsent.objects.filter(
        household_id=plan.household_id, organisation_id=plan.organisation_id, partner=partner
    ):
        if consent.is_valid_on(on):
            parts.update(p for p in consent.parts if p in SharingPart.values)
    return parts


def visible_parts_by_partner(*, plan: Plan, on: date | None = None) -> dict[int, set[str]]:
    """``visible_parts_for_partner`` for every partner of the plan's household at once (one query), by
    partner id. Partners who may see nothing that day are left out."""
    on = on or timezone.localdate()
    by_partner: dict[int, set[str]] = {}
    for consent in SharingConsent.objects.filter(
        household_id=plan.household_id,
        organisation_id=plan.organisation_id,
        partner__organisation_id=plan.organisation_id,
        partner__is_active=True,
    ):
        if consent.is_valid_on(on):
            by_partner.setdefault(consent.partner_id, set()).update(p for p in consent.parts if p in SharingPart.values)
    return {partner_id: parts for partner_id, parts in by_partner.items() if parts}


# --- the timeline ----------------------------------------------------------------------------------------------


@dataclass
class TimelineEntry:
    at: datetime
    kind: str
    title: str
    text: str = ""
    actor: object = None
    # The plan part whose content this entry reveals; None: only the fact that something happened.
    part: str | None = None


def _name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.email


def timeline_for_plan(*, plan: Plan) -> list[TimelineEntry]:
    """Status changes, decisions, escalations, actions and evaluations of the plan, oldest first."""
    entries: list[TimelineEntry] = []
    decided_statuses = {PlanStatus.APPROVED, PlanStatus.REJECTED}
    for change in StatusChange.objects.filter(plan=plan).select_related("actor"):
        entries.append(
            TimelineEntry(
                at=change.at,
                kind="status",
                title=_("Status: %(from)s → %(to)s")
                % {"from": change.get_from_status_display(), "to": change.get_to_status_display()},
                # A decision's reason is shown once, with the decision itself.
                text="" if change.to_status in decided_statuses else change.reason,
                actor=change.actor,
                part=SharingPart.BREAKTHROUGH_STEPS if change.reason else None,
            )
        )
    for request in DecisionRequest.objects.filter(plan=plan).select_related("level", "opened_by", "decided_by"):
        entries.append(
            TimelineEntry(
                at=request.opened_at,
                kind="request",
                title=_("Voorgelegd aan niveau %(position)s: %(level)s")
                % {"position": request.level.position, "level": request.level.name},
                text=request.note,
                actor=request.opened_by,
                part=SharingPart.BREAKTHROUGH_STEPS if request.note else None,
            )
        )
        if request.decided_at:
            entries.append(
                TimelineEntry(
                    at=request.decided_at,
                    kind=f"decision-{request.state}",
                    title=_("Besluit %(level)s: %(state)s")
                    % {"level": request.level.name, "state": request.get_state_display()},
                    text=request.reason,
                    actor=request.decided_by,
                    part=SharingPart.BREAKTHROUGH_STEPS,
                )
            )
    for action in actions_for_plan(plan=plan).select_related("created_by"):
        entries.append(
            TimelineEntry(
                at=action.created_at,
                kind="action",
                title=_("Vervolgactie voor %(owner)s, uiterlijk %(due)s")
                % {"owner": _name(action.owner), "due": action.due_date.strftime("%d-%m-%Y")},
                text=action.description,
                actor=action.created_by,
                part=SharingPart.BREAKTHROUGH_STEPS,
            )
        )
        if action.closed_at:
            entries.append(
                TimelineEntry(
                    at=action.closed_at,
                    kind="action-closed",
                    title=_("Vervolgactie %(state)s") % {"state": action.get_state_display().lower()},
                    text=action.description,
                    actor=action.owner,
                    part=SharingPart.BREAKTHROUGH_STEPS,
                )
            )
    for evaluation in evaluations_for_plan(plan=plan).filter(recorded_at__isnull=False).select_related("recorded_by"):
        entries.append(
            TimelineEntry(
                at=evaluation.recorded_at,
                kind="evaluation",
                title=_("Evaluatie na %(months)s maanden: %(outcome)s")
                % {"months": evaluation.months, "outcome": evaluation.get_breakthrough_achieved_display()},
                text=evaluation.explanation,
                actor=evaluation.recorded_by,
                part=SharingPart.BREAKTHROUGH_STEPS,
            )
        )
    entries.sort(key=lambda e: e.at)
    return entries


def timeline_for_partner(*, plan: Plan, partner: ContactPerson, on: date | None = None) -> list[TimelineEntry]:
    """What a partner may see of the timeline: nothing without valid consent; with consent, the facts
    (what happened, when) and the text of entries about parts the household allowed."""
    allowed = visible_parts_for_partner(plan=plan, partner=partner, on=on)
    if not allowed:
        return []
    shown = []
    for entry in timeline_for_plan(plan=plan):
        text = entry.text if entry.part is None or entry.part in allowed else ""
        # Who did what inside the organisation is not the partner's business: no names.
        shown.append(TimelineEntry(at=entry.at, kind=entry.kind, title=entry.title, text=text, actor=None))
    return shown
