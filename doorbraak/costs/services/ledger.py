"""Writes for the Doorbraakbudget ledger: the Doorbraakteam marks a budget line as paid."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record
from doorbraak.plans.constants import PlanStatus

from ..constants import BudgetStatus
from ..models import CostLine


@transaction.atomic
def line_mark_paid(*, actor, line: CostLine, paid_at: date) -> CostLine:
    stored = CostLine.objects.select_for_update().get(pk=line.pk)
    if not stored.paid_from_budget:
        raise ValidationError(_("Deze regel wordt niet uit het Doorbraakbudget betaald."))
    if stored.plan.status == PlanStatus.REJECTED:
        raise ValidationError(_("Een afgewezen plan kan niet worden betaald."))
    stored.budget_status = BudgetStatus.PAID
    stored.paid_at = paid_at
    stored.version += 1
    stored.save(update_fields=["budget_status", "paid_at", "version"])
    audit_record(
        actor=actor,
        organisation=stored.organisation,
        action=AuditAction.COSTS_BUDGET_PAID,
        obj=stored.plan,
        line=str(stored.pk),
    )
    return stored
