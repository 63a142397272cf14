"""Demo cost lines (Rendement) for every demo plan, and a Doorbraakbudget per municipality.

Each story has its own three scenarios (``cost_stories.STORIES``): the helpers now, what threatens without the
plan and the plan with the cost of its exception. The exception's price follows the household's own amount
(e.g. its rent arrears) and the volume of help varies a little per household (seeded per plan), so every
plan has its own forecast. Idempotent: ``seed_plan_lines`` leaves a plan that has lines alone, and budgets
are only set when missing. A new plan gets its sum a day or three after it was written, while still a concept.
"""

from decimal import Decimal

from django.utils import timezone

from doorbraak.costs.models import DoorbraakBudget
from doorbraak.costs.services import budget_set, seed_plan_lines

from .cost_stories import lines_for, story_amount

# How much help a household gets compared with the story's standard, chosen per plan (seeded).
VOLUME_SCALES = ("0.8", "0.85", "0.9", "0.95", "1", "1.05", "1.1", "1.15", "1.2")


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
