"""Demo cost lines (Rendement) for every demo plan, and a Doorbraakbudget per municipality.

Each story has its own three scenarios (``cost_stories.STORIES``): the helpers now, what threatens without the
plan and the plan with the cost of its exception. The exception's price follows the household's own amount
(e.g. its rent arrears) and the volume of help varies a little per household (seeded per plan), so every
plan has its own forecast. Idempotent: ``seed_plan_lines`` leaves a plan that has lines alone, and budgets
are only set when missing. A new plan gets its sum a day or three after it was written, while still a concept.
"""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record
from doorbraak.costs.constants import BudgetStatus
from doorbraak.costs.models import CostLine, DoorbraakBudget, PriceItem
from doorbraak.costs.services.plan_return import apply_price, ensure_sheet
from doorbraak.costs.services.tariffs import budget_set

from .cost_stories import lines_for, story_amount

# How much help a household gets compared with the story's standard, chosen per plan (seeded).
VOLUME_SCALES = ("0.8", "0.85", "0.9", "0.95", "1", "1.05", "1.1", "1.15", "1.2")


@transaction.atomic
def seed_plan_lines(*, actor, plan, lines: list[dict]) -> int:
    """Add lines to a plan whatever its status (demo data only; the app's own services refuse lines of a
    plan that is no longer a concept). Each dict: scenario, code or description+price, quantity,
    probability, paid_from_budget. Prices resolve as usual (tariff > national). Idempotent per plan: does
    nothing when the plan has lines."""
    if CostLine.objects.filter(plan=plan).exists():
        return 0
    ensure_sheet(plan=plan)
    items = PriceItem.objects.in_bulk(field_name="code")
    for spec in lines:
        item = items.get(spec.get("code") or "")
        line = CostLine(
            plan=plan,
            organisation_id=plan.organisation_id,
            scenario=spec["scenario"],
            item=item,
            description=spec.get("description", ""),
            quantity=Decimal(str(spec["quantity"])),
            probability=Decimal(str(spec.get("probability", "1"))),
            quantity_low=Decimal(str(spec["low"])) if "low" in spec else None,
            quantity_high=Decimal(str(spec["high"])) if "high" in spec else None,
            funding_stream=spec.get("funding_stream") or (item.funding_stream if item else "overig"),
            cashable=spec.get("cashable", item.cashable if item else True),
            paid_from_budget=spec.get("paid_from_budget", False),
        )
        price = spec.get("price")
        apply_price(
            line,
            plan=plan,
            manual_price=None if price is None else Decimal(str(price)),
            manual_reason=spec.get("reason", ""),
        )
        if line.paid_from_budget:
            line.budget_status = BudgetStatus.COMMITTED
        line.full_clean(exclude=["plan", "organisation", "creation_token"])
        line.save()
    audit_record(actor=actor, organisation=plan.organisation, action=AuditAction.COSTS_SEED, obj=plan, count=len(lines))
    return len(lines)


def plan_line_specs(ctx, demo_plan) -> list[dict]:
    plan = demo_plan.plan
    amount = story_amount(plan.situation, plan.breakthrough_description)
    scale = Decimal(ctx.rng("costs-volume", demo_plan.key).choice(VOLUME_SCALES))
    return lines_for(demo_plan.case, amount=amount, scale=scale)


def seed(ctx) -> None:
    created = 0
    for demo_plan in ctx.plans:
        plan = demo_plan.plan
        if demo_plan.is_new:
            ctx.sitting(demo_plan, ctx.rng("costs", demo_plan.key), days=(1, 3))
        created += seed_plan_lines(actor=plan.owner, plan=plan, lines=plan_line_specs(ctx, demo_plan))
    year = timezone.localdate(ctx.clock.real_now).year  # the seeding clock travels; budgets follow real time
    for organisation in ctx.organisations.values():
        admin = organisation.memberships.filter(role="functional_admin").select_related("user").first()
        if admin is not None:
            for y in (year - 1, year):
                if DoorbraakBudget.objects.filter(organisation=organisation, year=y).exists():
                    continue
                budget_set(actor=admin.user, organisation=organisation, year=y, amount=Decimal("250000.00"))
    ctx.log(f"costs: {created} demo cost lines")
