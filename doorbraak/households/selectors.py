from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from doorbraak.organisations.constants import Role

from .models import Household


def households_for_user(*, user) -> QuerySet[Household]:
    """Households this user works with, in their own organisation only: those with a plan they may see,
    those they registered, and (for a team lead) those of their team."""
    from doorbraak.plans.selectors import plans_for_user

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
