"""Reads of organisations, teams, districts and memberships. Everything takes the organisation: an id from
another organisation is a 404, so its existence is not revealed."""

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from .models import District, Membership, Organisation, Team


def active_membership(*, user) -> Membership | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Membership.objects.select_related("organisation", "team").filter(user=user, is_active=True).first()


def teams_for_organisation(*, organisation: Organisation) -> QuerySet[Team]:
    return (
        Team.objects.filter(organisation=organisation)
        .select_related("district")
        .annotate(member_count=Count("memberships", filter=Q(memberships__is_active=True)))
    )


def team_for_organisation(*, organisation: Organisation, team_id) -> Team:
    try:
        return Team.objects.select_related("district", "organisation").get(organisation=organisation, pk=team_id)
    except (Team.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def districts_for_organisation(*, organisation: Organisation) -> QuerySet[District]:
    return District.objects.filter(organisation=organisation).annotate(team_count=Count("teams"))


def district_for_organisation(*, organisation: Organisation, district_id) -> District:
    try:
        return District.objects.select_related("organisation").get(organisation=organisation, pk=district_id)
    except (District.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def memberships_for_organisation(*, organisation: Organisation) -> QuerySet[Membership]:
    return Membership.objects.filter(organisation=organisation).select_related("user", "team").order_by("user__email")


def membership_for_organisation(*, organisation: Organisation, membership_id) -> Membership:
    try:
        return Membership.objects.select_related("user", "team", "organisation").get(
            organisation=organisation, pk=membership_id
        )
    except (Membership.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def organisations_overview() -> QuerySet[Organisation]:
    """For the national admin only: every tenant with its number of active users (no personal data)."""
    return Organisation.objects.annotate(
        active_users=Count("memberships", filter=Q(memberships__is_active=True), distinct=True),
        team_count=Count("teams", distinct=True),
    ).order_by("name")
