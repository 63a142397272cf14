from django.db import models
from django.utils.translation import gettext_lazy as _


class HealthDimension(models.TextChoices):
    """The six dimensions of Mijn Positieve Gezondheid (Institute for Positive Health), in its order."""

    BODY_FUNCTIONS = "body_functions", _("Lichaamsfuncties")
    MENTAL_WELLBEING = "mental_wellbeing", _("Mentaal welbevinden")
    MEANING = "meaning", _("Zingeving")
    QUALITY_OF_LIFE = "quality_of_life", _("Kwaliteit van leven")
    PARTICIPATION = "participation", _("Meedoen")
    DAILY_FUNCTIONING = "daily_functioning", _("Dagelijks functioneren")


class Measurement(models.TextChoices):
    NOW = "now", _("Nu")
    EXPECTED = "expected", _("Verwacht na het plan")
    REALISED = "realised", _("Gerealiseerd")


# Plain-language (B1) names of the dimensions, for the household's version of the plan.
PLAIN_DIMENSION_LABELS = {
    HealthDimension.BODY_FUNCTIONS: _("Hoe voelt uw lichaam?"),
    HealthDimension.MENTAL_WELLBEING: _("Hoe voelt u zich van binnen?"),
    HealthDimension.MEANING: _("Heeft uw leven zin?"),
    HealthDimension.QUALITY_OF_LIFE: _("Hoe fijn is uw leven?"),
    HealthDimension.PARTICIPATION: _("Doet u mee met anderen?"),
    HealthDimension.DAILY_FUNCTIONING: _("Lukt het dagelijks leven?"),
}

SCORE_MIN = 0
SCORE_MAX = 10
