"""The demo's own writer of cost lines (seeds/costs.py): priced as the app prices them, any plan status,
idempotent, audited."""

from decimal import Decimal

import pytest

from doorbraak.audit.models import AuditEvent
from doorbraak.costs.constants import BudgetStatus, PriceOrigin
from doorbraak.costs.models import CostLine
from doorbraak.demo.seeds.costs import seed_plan_lines
from doorbraak.plans.constants import PlanStatus

pytestmark = pytest.mark.django_db

SPECS = [
    {"scenario": "current", "code": "zvw_seh_bezoek", "quantity": 2},
    {"scenario": "threatening", "code": "jw_ots", "quantity": 1, "probability": "0.5", "low": 1, "high": 2},
    {
        "scenario": "plan",
        "description": "Huurachterstand betalen",
        "price": "3200",
        "quantity": 1,
        "funding_stream": "participatiewet",
        "paid_from_budget": True,
    },
]


def test_seed_plan_lines_prices_like_the_app_whatever_the_status(plan, professional):
    plan.status = PlanStatus.SUBMITTED  # the app's own services refuse new lines now
    plan.save()
    assert seed_plan_lines(actor=professional, plan=plan, lines=SPECS) == 3
    national = CostLine.objects.get(plan=plan, scenario="current")
    assert national.price_origin == PriceOrigin.NATIONAL and national.unit_price > Decimal("258")
    assert national.funding_stream == "zvw" and national.unit
    threatening = CostLine.objects.get(plan=plan, scenario="threatening")
    assert threatening.probability == Decimal("0.5") and threatening.quantity_high == Decimal("2")
    free = CostLine.objects.get(plan=plan, scenario="plan")
    assert free.price_origin == PriceOrigin.FREE and free.unit_price == Decimal("3200")
    assert free.budget_status == BudgetStatus.COMMITTED
    assert AuditEvent.objects.filter(action="costs.seed", object_id=str(plan.pk)).count() == 1


def test_seed_plan_lines_leaves_a_plan_with_lines_alone(plan, professional):
    seed_plan_lines(actor=professional, plan=plan, lines=SPECS[:1])
    assert seed_plan_lines(actor=professional, plan=plan, lines=SPECS) == 0
    assert CostLine.objects.filter(plan=plan).count() == 1
