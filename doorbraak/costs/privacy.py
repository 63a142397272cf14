"""The return side of a plan in the registry of household data (doorbraak/core/privacy.py)."""

from doorbraak.core.privacy import DELETED_WITH_PLAN, register

from .models import CostLine, CostSheet

for model in (CostSheet, CostLine):
    register(model, household_path="plan__household", plan_path="plan", erasure=DELETED_WITH_PLAN)
