"""The household's voice and scores in the registry of household data (doorbraak/core/privacy.py)."""

from doorbraak.core.privacy import DELETED_WITH_PLAN, register

from .models import Engagement, HealthScoreSet

for model in (Engagement, HealthScoreSet):
    register(
        model,
        household_path="plan__household",
        plan_path="plan",
        erasure=DELETED_WITH_PLAN,
    )
