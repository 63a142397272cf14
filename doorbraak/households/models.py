import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doorbraak.core import bounds
from doorbraak.core.bounds import BoundedModel

from .constants import ConsentScope, HouseholdRole

# No 0/O, 1/I/L: references are read aloud and typed over.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_reference() -> str:
    """A pseudonymous reference such as ``HH-7KQ4-M2XD``; it carries no personal information."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"HH-{chars[:4]}-{chars[4:]}"


class Household(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="households")
    team = models.ForeignKey("organisations.Team", on_delete=models.PROTECT, related_name="households")
    reference = models.CharField(_("referentie"), max_length=16, unique=True, default=new_reference, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    creation_token = models.UUIDField(unique=True, null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")

    def __str__(self) -> str:
        return self.reference


class HouseholdMember(BoundedModel, models.Model):
    field_bounds = {"birth_year": bounds.BIRTH_YEAR}

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members")
    role = models.CharField(_("rol in het huishouden"), max_length=16, choices=HouseholdRole.choices)
    birth_year = models.PositiveSmallIntegerField(_("geboortejaar"))
    label = models.CharField(
        _("aanduiding"), max_length=60, blank=True, help_text=_("Bijvoorbeeld 'moeder' of 'oudste zoon'; geen naam.")
    )

    class Meta:
        ordering = ["birth_year", "id"]
        verbose_name = _("gezinslid")
        verbose_name_plural = _("gezinsleden")

    def __str__(self) -> str:
        return f"{self.get_role_display()} ({self.birth_year})"


class Consent(BoundedModel, models.Model):
    field_bounds = {"given_on": bounds.RECORDED_DATE, "withdrawn_on": bounds.RECORDED_DATE}

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="consents")
    given_on = models.DateField(_("datum toestemming"))
    scope = models.CharField(_("reikwijdte"), max_length=32, choices=ConsentScope.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    withdrawn_on = models.DateField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        ordering = ["-given_on", "-id"]
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")

    def __str__(self) -> str:
        return f"{self.scope} {self.given_on}"
