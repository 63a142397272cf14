"""The household's own records in the registry of household data (doorbraak/core/privacy.py)."""

from doorbraak.core.privacy import DELETED_WITH_HOUSEHOLD, register, register_household_data

from .models import Consent, Household, HouseholdMember

register(Household, household_path="pk", plan_path=None, erasure=DELETED_WITH_HOUSEHOLD)
register_household_data(HouseholdMember, Consent)
