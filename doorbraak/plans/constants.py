from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    SUBMITTED = "submitted", _("Ingediend")
    APPROVED = "approved", _("Goedgekeurd")
    REJECTED = "rejected", _("Afgewezen")
    IN_PROGRESS = "in_progress", _("In uitvoering")
    EVALUATED = "evaluated", _("Geëvalueerd")
    CLOSED = "closed", _("Afgesloten")


class NeedKind(models.TextChoices):
    SELF = "self", _("Kan het huishouden zelf")
    SUPPORT = "support", _("Ondersteuning nodig")
    TREATMENT = "treatment", _("Behandeling nodig")


class StepPhase(models.TextChoices):
    FIRST_NEED = "first_need", _("Eerste nood")
    STABILISE = "stabilise", _("Stabiliseren (5,5 is voldoende)")
    HOPE = "hope", _("Hoop doet leven")


class TagKind(models.TextChoices):
    LIFE_DOMAIN = "life_domain", _("Leefgebied")
    PROBLEM = "problem", _("Probleem")
    SOLUTION = "solution", _("Oplossing")
    BREAKTHROUGH = "breakthrough", _("Soort doorbraak")
