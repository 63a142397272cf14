from django.db.models import QuerySet

from .models import Membership, Organisation, Team


def active_membership(*, user) -> Membership | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Membership.objects.select_related("organisation", "team").filter(user=user, is_active=True).first()


def teams_for_organisation(*, organisation: Organisation) -> QuerySet[Team]:
    return Team.objects.filter(organisation=organisation).select_related("district")


def memberships_for_organisation(*, organisation: Organisation) -> QuerySet[Membership]:
    return Membership.objects.filter(organisation=organisation).select_related("user", "team").order_by("user__email")
