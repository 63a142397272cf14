"""Reads for the Doorbraakbudget ledger: requested, committed and spent per year and team, rows per plan for
those who may see the plan. Everything is filtered by the organisation the caller passes."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from doorbraak.organisations.constants import Role
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.selectors import plan_for_user, plans_for_user

from .. import calculator
from ..constants import BudgetStatus, Scenario
from ..models import CostLine, DoorbraakBudget
from .plan_return import to_calculator_lines

LEDGER_ROLES = {Role.DOORBRAAKTEAM, Role.TEAM_LEAD, Role.FUNCTIONAL_ADMIN, Role.MANAGER, Role.POLICY_ANALYST}

# Commitments count once a plan is approved; drafts and submitted plans are requests.
COMMITTED_STATUSES = {PlanStatus.APPROVED, PlanStatus.IN_PROGRESS, PlanStatus.EVALUATED, PlanStatus.CLOSED}
REQUESTED_STATUSES = {PlanStatus.CONCEPT, PlanStatus.SUBMITTED}


def budget_lines(*, organisation, year: int) -> list[CostLine]:
    """Plan lines paid from the Doorbraakbudget in a year (by the sheet's reference year, or paid date)."""
    lines = (
        CostLine.objects.filter(organisation=organisation, scenario=Scenario.PLAN, paid_from_budget=True)
        .exclude(plan__status=PlanStatus.REJECTED)
        .select_related("plan", "plan__team", "plan__household", "plan__cost_sheet", "item", "tariff")  # label
    )
    out = []
    for line in lines:
        if line.budget_status == BudgetStatus.PAID and line.paid_at:
            line_year = line.paid_at.year
        else:
            sheet = getattr(line.plan, "cost_sheet", None)
            line_year = sheet.reference_date.year if sheet else timezone.localdate(line.plan.created_at).year
        if line_year == year:
            out.append(line)
    return out


def line_amount(line) -> Decimal:
    return calculator.calculate(to_calculator_lines([line])).line_amounts[line.pk]


def ledger(*, user, organisation, year: int) -> dict:
    """Budget, requested, committed, spent and remaining for a year, per team; with per-plan rows only for
    users who may see those plans (managers and policy analysts get totals only)."""
    budget = DoorbraakBudget.objects.filter(organisation=organisation, year=year).first()
    lines = budget_lines(organisation=organisation, year=year)
    visible = set(
        plans_for_user(user=user).filter(pk__in={line.plan_id for line in lines}).values_list("pk", flat=True)
    )
    zero = Decimal("0.00")
    teams: dict[str, dict] = {}
    rows = []
    totals = {"requested": zero, "committed": zero, "spent": zero}
    for line in lines:
        amount = line_amount(line)
        if line.budget_status == BudgetStatus.PAID:
            bucket = "spent"
        elif line.plan.status in COMMITTED_STATUSES:
            bucket = "committed"
        else:
            bucket = "requested"
        team = teams.setdefault(
            line.plan.team.name, {"team": line.plan.team.name, "requested": zero, "committed": zero, "spent": zero}
        )
        team[bucket] += amount
        totals[bucket] += amount
        if line.plan_id in visible:
            rows.append({"line": line, "amount": amount, "bucket": bucket})
    budget_amount = budget.amount if budget else None
    remaining = None if budget_amount is None else budget_amount - totals["committed"] - totals["spent"]
    return {
        "year": year,
        "budget": budget,
        "budget_amount": budget_amount,
        "totals": totals,
        "remaining": remaining,
        "teams": sorted(teams.values(), key=lambda t: t["team"]),
        "rows": rows,
    }


def budget_line_for_payment(*, user, organisation, line_id) -> CostLine:
    """A line of the organisation's plans that ``user`` may see (404 otherwise), to be marked as paid."""
    try:
        line = CostLine.objects.select_related("plan").get(pk=line_id, organisation=organisation)
    except (CostLine.DoesNotExist, ValidationError):
        raise Http404 from None
    plan_for_user(user=user, plan_id=line.plan_id)  # 404 when the plan is not visible
    return line
