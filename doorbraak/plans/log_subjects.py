"""Which household a refused attempt concerns: the processing log (audit) cannot import plans, so plans
registers the ids its URLs carry (``/plannen/<plan_id>/…``, ``/huishoudens/<household_id>/…``).

Only within the user's own organisation: for another municipality's id the answer is None, so the refused row
in this organisation's log names the object id only and reveals nothing of the other municipality.
"""

from doorbraak.audit.middleware import register_subject_kwarg
from doorbraak.households.models import Household

from .models import Plan


def household_id_of_plan(organisation, plan_id):
    try:
        return Plan.objects.filter(organisation=organisation, pk=plan_id).values_list("household_id", flat=True).first()
    except (ValueError, TypeError):
        return None


def household_id_of_household(organisation, household_id):
    try:
        return Household.objects.filter(organisation=organisation, pk=household_id).values_list("pk", flat=True).first()
    except (ValueError, TypeError):
        return None


register_subject_kwarg("plan_id", object_type="plans.plan", household_of=household_id_of_plan)
register_subject_kwarg("household_id", object_type="households.household", household_of=household_id_of_household)
