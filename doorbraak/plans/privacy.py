"""The plan (block 1) and its lists in the registry of household data (doorbraak/core/privacy.py)."""

from django.utils.translation import gettext_lazy as _

from doorbraak.core.privacy import DELETED_WITH_PLAN, register, register_plan_data

from .models import Helper, Need, Plan, StatusChange, Step

register(Plan, household_path="household", plan_path="pk", erasure=DELETED_WITH_PLAN)
register_plan_data(Helper, Need, Step)
register_plan_data(StatusChange, title=_("statusverloop van de plannen"))
