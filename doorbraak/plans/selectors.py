"""Reads of plans. Every function takes the user; nothing here trusts an id on its own."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from doorbraak.households.models import Household
from doorbraak.organisations.constants import Role

from .constants import PlanStatus, TagKind
from .models import Plan, StatusChange, Tag
from .workflow import BLOCK1_EDITABLE, STEPS_EDITABLE, TRANSITIONS


def plans_for_user(*, user) -> QuerySet[Plan]:
    """The plans this user may see, within their own organisation only.

    professional: plans they own; team lead: the plans of their team; Doorbraakteam: every plan of
    the organisation past the draft stage. Other roles work with aggregates and see no plans.
    """
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    if membership is None or not membership.is_active:
        return Plan.objects.none()
    base = Plan.objects.filter(organisation_id=membership.organisation_id).select_related("household", "team", "owner")
    if membership.role == Role.PROFESSIONAL:
        return base.filter(owner=user)
    if membership.role == Role.TEAM_LEAD:
        return base.filter(Q(team_id=membership.team_id) | Q(owner=user))
    if membership.role == Role.DOORBRAAKTEAM:
        return base.exclude(status=PlanStatus.CONCEPT)
    return Plan.objects.none()


def plan_for_user(*, user, plan_id) -> Plan:
    """One visible plan, or 404 (also for another organisation's plan: its existence is not revealed)."""
    try:
        return plans_for_user(user=user).get(pk=plan_id)
    except (Plan.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def can_edit_plan(*, user, plan: Plan) -> bool:
    """The owner and the team lead of the plan's team may edit; others only read."""
    membership = getattr(user, "membership", None)
    if membership is None or membership.organisation_id != plan.organisation_id:
        return False
    if plan.owner_id == user.pk:
        return True
    return membership.role == Role.TEAM_LEAD and membership.team_id == plan.team_id


def plan_for_editing(*, user, plan_id) -> Plan:
    """A plan the user may change: 404 when invisible, 403 when visible but read-only for them."""
    plan = plan_for_user(user=user, plan_id=plan_id)
    if not can_edit_plan(user=user, plan=plan):
        raise PermissionDenied
    return plan


def block1_editable(plan: Plan) -> bool:
    return plan.status in BLOCK1_EDITABLE


def steps_editable(plan: Plan) -> bool:
    return plan.status in STEPS_EDITABLE


def active_tags() -> QuerySet[Tag]:
    return Tag.objects.filter(is_active=True)


ITEM_RELATIONS = {"helper": "helpers", "need": "needs", "step": "steps"}


def plan_items(*, plan: Plan) -> dict[str, list]:
    """The helpers, needs and steps of a plan (fetched through a selector that checked the user), per kind."""
    return {kind: list(getattr(plan, relation).all()) for kind, relation in ITEM_RELATIONS.items()}


def plan_item(*, plan: Plan, kind: str, item_id):
    """One helper, need or step of ``plan``, or None (gone, or it belongs to another plan)."""
    return getattr(plan, ITEM_RELATIONS[kind]).filter(pk=item_id).first()


def tag_choices_for_plan(*, plan: Plan) -> tuple[list[Tag], list[int]]:
    """The tags the editor offers (every active one plus those the plan carries) and the ids the plan carries."""
    current_ids = list(plan.tags.values_list("pk", flat=True))
    return list(Tag.objects.filter(Q(is_active=True) | Q(pk__in=current_ids))), current_ids


def status_changes_for_plan(*, plan: Plan) -> QuerySet[StatusChange]:
    return plan.status_changes.select_related("actor")


# Approve and reject are decisions: they are taken on the follow-up page, along the municipality's
# escalation matrix (doorbraak.followup), never as a plain status button on the plan page.
DECISIONS = frozenset({PlanStatus.APPROVED, PlanStatus.REJECTED})


def may_request_transition(*, user, plan: Plan, to_status: str) -> bool:
    """Whether this user may ask for this status move on the plan page (legality is the workflow's job)."""
    if to_status in DECISIONS:
        return False
    return can_edit_plan(user=user, plan=plan)


def available_transitions(*, user, plan: Plan) -> list[str]:
    """The status moves to offer this user as buttons now, in workflow order."""
    order = list(PlanStatus.values)
    targets = sorted(TRANSITIONS.get(plan.status, frozenset()), key=order.index)
    return [t for t in targets if may_request_transition(user=user, plan=plan, to_status=t)]


def plan_list_for_user(*, user, status: str = "", reference: str = "") -> QuerySet[Plan]:
    """The visible plans, optionally filtered by status and (part of) the household reference."""
    plans = plans_for_user(user=user)
    if status:
        plans = plans.filter(status=status)
    reference = reference.strip().upper()
    if reference:
        plans = plans.filter(household__reference__icontains=reference)
    return plans.order_by("-last_edited_at", "-created_at")


def tags_by_kind() -> dict[str, list[Tag]]:
    """Every tag (active or not) grouped by kind, for the national admin's vocabulary page."""
    groups: dict[str, list[Tag]] = {kind: [] for kind in TagKind.values}
    for tag in Tag.objects.order_by("kind", "label"):
        groups.setdefault(tag.kind, []).append(tag)
    return groups


# --- households, seen through their plans -----------------------------------------------------------------
# Who may see a household follows from who may see its plans, so these reads live here and not in
# doorbraak.households (which sits below plans and imports nothing of it).


def households_for_user(*, user) -> QuerySet[Household]:
    """Households this user works with, in their own organisation only: those with a plan they may see,
    those they registered, and (for a team lead) those of their team."""
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    if membership is None or not membership.is_active:
        return Household.objects.none()
    if membership.role not in {Role.PROFESSIONAL, Role.TEAM_LEAD, Role.DOORBRAAKTEAM}:
        return Household.objects.none()
    visible = Q(pk__in=plans_for_user(user=user).values("household_id")) | Q(created_by=user)
    if membership.role == Role.TEAM_LEAD and membership.team_id:
        visible |= Q(team_id=membership.team_id)
    return Household.objects.filter(visible, organisation_id=membership.organisation_id).select_related("team")


def household_for_user(*, user, household_id) -> Household:
    """One visible household, or 404 (also for another organisation's: its existence is not revealed)."""
    try:
        return households_for_user(user=user).get(pk=household_id)
    except (Household.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def can_edit_household(*, user, household: Household) -> bool:
    """Who registered it, the owner of one of its plans, or the team lead of its team."""
    membership = getattr(user, "membership", None)
    if membership is None or membership.organisation_id != household.organisation_id:
        return False
    if household.created_by_id == user.pk:
        return True
    if membership.role == Role.TEAM_LEAD and membership.team_id == household.team_id:
        return True
    return membership.role in {Role.PROFESSIONAL, Role.TEAM_LEAD} and household.plans.filter(owner=user).exists()


def household_for_editing(*, user, household_id) -> Household:
    """A household the user may change: 404 when invisible, 403 when visible but read-only for them."""
    household = household_for_user(user=user, household_id=household_id)
    if not can_edit_household(user=user, household=household):
        raise PermissionDenied
    return household


# --- the processing log (functional admin and privacy officer: no case work, only who processed what) ---------


def household_for_log(*, organisation, household_id) -> Household:
    """A household of this organisation for its processing log, or 404 (also another municipality's)."""
    try:
        return Household.objects.get(organisation=organisation, pk=household_id)
    except (Household.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def household_by_reference(*, organisation, reference: str) -> Household | None:
    """The household of this organisation with exactly this reference, or None."""
    return Household.objects.filter(organisation=organisation, reference=reference.strip().upper()).first()


def household_references(*, organisation, household_ids) -> dict:
    """Household id -> reference, for the households of this organisation among ``household_ids``."""
    return dict(
        Household.objects.filter(organisation=organisation, pk__in=list(household_ids)).values_list("pk", "reference")
    )
