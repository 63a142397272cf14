import uuid
from datetime import date

from django.db import transaction

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record

from .models import Consent, Household, HouseholdMember


@transaction.atomic
def household_create(
    *,
    actor,
    team,
    members: list[dict],
    consent_given_on: date | None,
    consent_scope: str = "",
    creation_token: uuid.UUID | None = None,
) -> Household:
    """Register a household with its members and (optional) consent. A repeated submit with the same
    ``creation_token`` returns the household created the first time."""
    if creation_token:
        existing = Household.objects.filter(creation_token=creation_token, organisation=team.organisation).first()
        if existing:
            return existing
    household = Household(organisation=team.organisation, team=team, created_by=actor, creation_token=creation_token)
    household.full_clean()
    household.save()
    for data in members:
        member = HouseholdMember(household=household, **data)
        member.full_clean()
        member.save()
    if consent_given_on:
        consent_record(actor=actor, household=household, given_on=consent_given_on, scope=consent_scope)
    audit_record(
        actor=actor,
        organisation=household.organisation,
        action=AuditAction.HOUSEHOLD_CREATE,
        obj=household,
        members=len(members),
    )
    return household


@transaction.atomic
def consent_record(*, actor, household: Household, given_on: date, scope: str) -> Consent:
    consent = Consent(household=household, given_on=given_on, scope=scope, recorded_by=actor)
    consent.full_clean()
    consent.save()
    audit_record(
        actor=actor,
        organisation=household.organisation,
        action=AuditAction.CONSENT_CREATE,
        obj=consent,
        household=str(household.pk),
    )
    return consent


@transaction.atomic
def member_add(*, actor, household: Household, role: str, birth_year: int, label: str = "") -> HouseholdMember:
    member = HouseholdMember(household=household, role=role, birth_year=birth_year, label=label)
    member.full_clean()
    member.save()
    audit_record(
        actor=actor,
        organisation=household.organisation,
        action=AuditAction.HOUSEHOLD_UPDATE,
        obj=household,
        member=member.pk,
    )
    return member


def household_record_read(*, actor, household: Household) -> None:
    """Log that a user viewed a household (personal data)."""
    audit_record(actor=actor, organisation=household.organisation, action=AuditAction.HOUSEHOLD_READ, obj=household)
