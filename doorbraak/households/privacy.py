"""The household's own records in the registry of household data (doorbraak/core/privacy.py)."""

from doorbraak.core.privacy import DELETED_WITH_HOUSEHOLD, register

from .models import Consent, Household, HouseholdMember

register(Household, household_path="pk", plan_path=None, erasure=DELETED_WITH_HOUSEHOLD)
register(HouseholdMember, household_path="household", plan_path=None, erasure=DELETED_WITH_HOUSEHOLD)
register(Consent, household_path="household", plan_path=None, erasure=DELETED_WITH_HOUSEHOLD)
