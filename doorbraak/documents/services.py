"""Exporting a plan document. An export is a read of personal data and is always logged."""

from django.db import transaction

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record
from doorbraak.plans.models import Plan

from .rendering import html_to_pdf, render_document_html
from .selectors import ExportOptions, document_context

EXPORT_FORMATS = ("pdf",)


def plan_export_page_record(*, actor, plan: Plan) -> None:
    """Opening the export page shows the household's reference and the partners it shares with: logged."""
    audit_record(actor=actor, organisation=plan.organisation, action=AuditAction.PLAN_EXPORT_PAGE, obj=plan)


def plan_export(*, actor, plan: Plan, options: ExportOptions, channel: str = "web", file_format: str = "pdf") -> bytes:
    """Render the plan document and record the export (``actor`` None on the command line)."""
    if file_format not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {file_format!r}")
    pdf = html_to_pdf(render_document_html(document_context(plan=plan, options=options)))
    with transaction.atomic():
        audit_record(
            actor=actor,
            organisation=plan.organisation,
            action=AuditAction.PLAN_EXPORT,
            obj=plan,
            format=file_format,
            variant=options.variant,
            costs=int(options.shows_costs),
            closed_arguments=int(options.closed_arguments and not options.plain),
            partner=options.partner.pk if options.partner is not None else None,
            channel=channel,
        )
    return pdf


def export_filename(plan: Plan, options: ExportOptions) -> str:
    """A file name with the pseudonymous reference only (no names)."""
    suffix = "-eenvoudig" if options.plain else ""
    partner = f"-partner{options.partner.pk}" if options.partner is not None else ""
    return f"plan-{plan.household.reference}{suffix}{partner}.pdf"
