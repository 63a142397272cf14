from django.db import models
from django.utils.translation import gettext_lazy as _


class HouseholdRole(models.TextChoices):
    PARENT = "parent", _("Ouder / verzorger")
    PARTNER = "partner", _("Partner")
    CHILD = "child", _("Kind")
    ADULT = "adult", _("Volwassene (alleenstaand)")
    OTHER = "other", _("Andere huisgenoot")


class ConsentScope(models.TextChoices):
    PLAN = "plan", _("Maatwerkplan opstellen en delen met betrokken professionals")
    PLAN_AND_DATA = "plan_and_data", _("Maatwerkplan en gebruik van gegevens voor geanonimiseerde beleidsinformatie")
