"""The household's voice and scores in the registry of household data (doorbraak/core/privacy.py)."""

from doorbraak.core.privacy import register_plan_data

from .models import Engagement, HealthScoreSet

register_plan_data(Engagement, HealthScoreSet)
