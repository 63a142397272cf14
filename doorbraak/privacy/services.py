"""Writes for the household's rights: logging an access export, the retention terms, and erasure past them."""

from dataclasses import dataclass, field
from datetime import datetime

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models import F, Max, Q
from django.db.models.functions import Coalesce

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.selectors import events_before_count
from doorbraak.audit.services import audit_record, purge_events_before
from doorbraak.core.pdf import html_to_pdf
from doorbraak.households.models import Household
from doorbraak.organisations.models import Organisation
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.models import Plan

from .rendering import render_access_export_html
from .selectors import AccessExport, retention_policy_for

EXPORT_FORMATS = ("json", "pdf")


def access_export_record(*, actor, export: AccessExport, file_format: str) -> bytes | dict:
    """Render the export as JSON (a dict) or PDF (bytes) and log it in the same step; nothing leaves unlogged."""
    if file_format not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {file_format!r}")
    content = export.as_json() if file_format == "json" else html_to_pdf(render_access_export_html(export))
    with transaction.atomic():
        audit_record(
            actor=actor,
            organisation=export.household.organisation,
            action=AuditAction.PRIVACY_ACCESS_EXPORT,
            obj=export.household,
            format=file_format,
            records=export.record_count,
            events=len(export.events),
        )
    return content


@transaction.atomic
def access_export_shown(*, actor, export: AccessExport) -> None:
    """Log that the access page showed what the municipality holds about the household."""
    audit_record(
        actor=actor,
        organisation=export.household.organisation,
        action=AuditAction.PRIVACY_ACCESS_VIEW,
        obj=export.household,
        records=export.record_count,
    )


def access_export_filename(export: AccessExport, file_format: str) -> str:
    return f"inzage-{export.household.reference}-{export.generated_at:%Y%m%d}.{file_format}"


@transaction.atomic
def retention_policy_update(*, actor, organisation: Organisation, case_file_years: int, audit_years: int):
    policy = retention_policy_for(organisation=organisation)
    policy.case_file_years, policy.audit_years = case_file_years, audit_years
    policy.full_clean()
    policy.save()
    audit_record(
        actor=actor,
        organisation=organisation,
        action=AuditAction.PRIVACY_RETENTION_UPDATE,
        obj=policy,
        case_file_years=case_file_years,
        audit_years=audit_years,
    )
    return policy


# --- Retention ----------------------------------------------------------------------------------------------

# A plan's term starts when it reached one of these and stays there (an evaluated plan can go back to work).
ENDED = (PlanStatus.EVALUATED, PlanStatus.CLOSED)


@dataclass
class RetentionResult:
    organisation: Organisation
    case_files_before: datetime
    audit_before: datetime
    plans: list[str] = field(default_factory=list)
    households: list[str] = field(default_factory=list)
    audit_events: int = 0


def plans_past_term(*, organisation: Organisation, before: datetime):
    """Plans of ``organisation`` that ended (closed or evaluated, and still so) before ``before``. The end is the
    last move into the current status; a plan without that history counts from its creation."""
    return (
        Plan.objects.filter(organisation=organisation, status__in=ENDED)
        .annotate(
            ended_at=Coalesce(Max("status_changes__at", filter=Q(status_changes__to_status=F("status"))), "created_at")
        )
        .filter(ended_at__lt=before)
    )


def households_past_term(*, organisation: Organisation, before: datetime, leaving: list[str]):
    """Households of ``organisation`` registered before ``before`` with no plan left once ``leaving`` is gone."""
    return Household.objects.filter(organisation=organisation, created_at__lt=before).exclude(
        pk__in=Plan.objects.exclude(pk__in=leaving).values("household_id")
    )


def retention_apply(*, organisation: Organisation, now: datetime, dry_run: bool = False) -> RetentionResult:
    """Delete what is past its term in one municipality: ended plans with everything that hangs from them,
    households without a plan left, and audit events past the audit term. Running it twice deletes nothing more.
    With ``dry_run`` it only counts. Each deletion is logged with ids only, after the purge, so the log of
    today's run stays."""
    policy = retention_policy_for(organisation=organisation)
    result = RetentionResult(
        organisation=organisation,
        case_files_before=now - relativedelta(years=policy.case_file_years),
        audit_before=now - relativedelta(years=policy.audit_years),
    )
    with transaction.atomic():
        plans = list(plans_past_term(organisation=organisation, before=result.case_files_before))
        result.plans = [str(plan.pk) for plan in plans]
        households = list(
            households_past_term(organisation=organisation, before=result.case_files_before, leaving=result.plans)
        )
        result.households = [str(household.pk) for household in households]
        if dry_run:
            result.audit_events = events_before_count(organisation=organisation, before=result.audit_before)
            return result
        for plan in plans:
            plan.delete()
        for household in households:
            household.delete()
        result.audit_events = purge_events_before(organisation=organisation, before=result.audit_before)
        for model, ids in ((Plan, result.plans), (Household, result.households)):
            for pk in ids:
                audit_record(
                    actor=None,
                    organisation=organisation,
                    action=AuditAction.PRIVACY_RETENTION_DELETE,
                    obj=model(pk=pk),
                    term=policy.case_file_years,
                )
        audit_record(
            actor=None,
            organisation=organisation,
            action=AuditAction.PRIVACY_RETENTION_RUN,
            obj=None,
            plans=len(result.plans),
            households=len(result.households),
            audit_events=result.audit_events,
        )
    return result
