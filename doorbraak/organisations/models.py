from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import Role

hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Gebruik een kleurcode als #1a5f8c."))


class Organisation(models.Model):
    """A tenant: a municipality, region, insurer or housing corporation that owns its data."""

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam"), unique=True)
    display_name = models.CharField(_("naam in de huisstijl"), max_length=200, blank=True)
    primary_colour = models.CharField(_("hoofdkleur"), max_length=7, default="#1a5f8c", validators=[hex_colour])
    plan_horizon_months = models.PositiveSmallIntegerField(
        _("termijn perspectief (maanden)"), default=settings.PLAN_DEFAULT_HORIZON_MONTHS
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.display_name or self.name


class Team(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("naam"), max_length=200)
    district = models.ForeignKey(
        "District", on_delete=models.SET_NULL, null=True, blank=True, related_name="teams", verbose_name=_("wijk")
    )

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="team_name_unique_per_org")]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="districts")
    name = models.CharField(_("naam"), max_length=200)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="district_name_unique_per_org")]
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """What a user is in one organisation. A user has at most one active membership."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("rol"), max_length=32, choices=Role.choices)
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="memberships", verbose_name=_("team")
    )
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")

    def __str__(self) -> str:
        return f"{self.user_id}@{self.organisation_id}:{self.role}"
