"""Demo cost lines (Rendement) for every demo plan, and a Doorbraakbudget per municipality. Delegates to
doorbraak.costs.demo; idempotent (a plan that has lines is left alone, budgets are set to the same value).
A new plan gets its sum a day or three after it was written, while it is still a concept."""

from decimal import Decimal

from django.utils import timezone

from doorbraak.costs.demo import seed_demo_lines
from doorbraak.costs.models import DoorbraakBudget
from doorbraak.costs.services import budget_set


def seed(ctx) -> None:
    created = 0
    for demo_plan in ctx.plans:
        plan = demo_plan.plan
        if demo_plan.is_new:
            ctx.sitting(demo_plan, ctx.rng("costs", demo_plan.key), days=(1, 3))
        created += seed_demo_lines(actor=plan.owner, plan=plan, story=demo_plan.case)
    year = timezone.localdate(ctx.clock.real_now).year  # the seeding clock travels; budgets follow real time
    for organisation in ctx.organisations.values():
        admin = organisation.memberships.filter(role="functional_admin").select_related("user").first()
        if admin is not None:
            for y in (year - 1, year):
                if DoorbraakBudget.objects.filter(organisation=organisation, year=y).exists():
                    continue
                budget_set(actor=admin.user, organisation=organisation, year=y, amount=Decimal("250000.00"))
    ctx.log(f"costs: {created} demo plans priced")
