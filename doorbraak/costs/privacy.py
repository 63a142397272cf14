"""The return side of a plan in the registry of household data (doorbraak/core/privacy.py)."""

from doorbraak.core.privacy import register_plan_data

from .models import CostLine, CostSheet

register_plan_data(CostSheet, CostLine)
