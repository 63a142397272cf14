"""The plan (block 1) and its lists in the registry of household data (doorbraak/core/privacy.py)."""

from django.utils.translation import gettext_lazy as _

from doorbraak.core.privacy import DELETED_WITH_PLAN, register

from .models import Helper, Need, Plan, StatusChange, Step

register(Plan, household_path="household", plan_path="pk", erasure=DELETED_WITH_PLAN)
for model in (Helper, Need, Step):
    register(model, household_path="plan__household", plan_path="plan", erasure=DELETED_WITH_PLAN)
register(
    StatusChange,
    household_path="plan__household",
    plan_path="plan",
    erasure=DELETED_WITH_PLAN,
    title=_("statusverloop van de plannen"),
)
