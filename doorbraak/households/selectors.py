from django.db.models import QuerySet
from django.http import Http404

from doorbraak.organisations.constants import Role

from .models import Household


def households_for_user(*, user) -> QuerySet[Household]:
    """Households this user works with: those with a plan they may see, or that they registered."""
    from doorbraak.plans.selectors import plans_for_user

    membership = getattr(user, "membership", None) if user.is_authenticated else None
    if membership is None or membership.role not in {Role.PROFESSIONAL, Role.TEAM_LEAD, Role.DOORBRAAKTEAM}:
        return Household.objects.none()
    visible_plans = plans_for_user(user=user).values("household_id")
    return Household.objects.filter(organisation_id=membership.organisation_id).filter(
        pk__in=visible_plans
    ) | Household.objects.filter(organisation_id=membership.organisation_id, created_by=user)


def household_for_user(*, user, household_id) -> Household:
    try:
        return households_for_user(user=user).distinct().get(pk=household_id)
    except (Household.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
