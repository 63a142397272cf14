from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional")
    TEAM_LEAD = "team_lead", _("Teamleider")
    DOORBRAAKTEAM = "doorbraakteam", _("Lid Doorbraakteam")
    MANAGER = "manager", _("Manager / bestuurder")
    POLICY_ANALYST = "policy_analyst", _("Beleidsanalist")
    FUNCTIONAL_ADMIN = "functional_admin", _("Functioneel beheerder")
    PRIVACY_OFFICER = "privacy_officer", _("Privacyfunctionaris")


# Roles that work with personal data in plans. Managers and policy analysts see aggregates only.
PLAN_ROLES = {Role.PROFESSIONAL, Role.TEAM_LEAD, Role.DOORBRAAKTEAM}

# Roles that read the processing log (Logboek Dataverwerkingen) of their own municipality.
LOG_ROLES = {Role.FUNCTIONAL_ADMIN, Role.PRIVACY_OFFICER}
