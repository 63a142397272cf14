from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from doorbraak.core import bounds
from doorbraak.core.bounds import BoundedModel
from doorbraak.organisations.constants import Role

from .constants import ActionState, BreakthroughOutcome, ContactDomain, DecisionState, SharingPart

DECIDER_ROLE_CHOICES = [(r.value, r.label) for r in (Role.TEAM_LEAD, Role.DOORBRAAKTEAM, Role.MANAGER)]


class EscalationLevel(models.Model):
    """One step of a municipality's escalation matrix, agreed in advance. Position 1 decides first."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="escalation_levels"
    )
    position = models.PositiveSmallIntegerField(_("volgorde"))
    name = models.CharField(_("naam"), max_length=120)
    decider_role = models.CharField(_("wie besluit (rol)"), max_length=32, choices=DECIDER_ROLE_CHOICES)
    deciders = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name=_("alleen deze personen"),
        help_text=_("Leeg laten: iedereen met deze rol in de gemeente (een teamleider alleen voor het eigen team)."),
    )

    class Meta:
        ordering = ["organisation", "position"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "position"], name="escalation_level_position_unique")
        ]
        verbose_name = _("escalatieniveau")
        verbose_name_plural = _("escalatiematrix")

    def __str__(self) -> str:
        return f"{self.position}. {self.name}"


class ContactPerson(models.Model):
    """A fixed contact person for a domain: a colleague in the tool or someone at a partner organisation.

    External contact persons stand for their partner organisation when a household gives consent to share.
    """

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="contacts")
    domain = models.CharField(_("domein"), max_length=32, choices=ContactDomain.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("collega in Doorbraak"),
    )
    partner_organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    function = models.CharField(_("functie"), max_length=200, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["domain", "partner_organisation", "id"]
        verbose_name = _("vast contactpersoon")
        verbose_name_plural = _("vaste contactpersonen")

    def __str__(self) -> str:
        who = self.partner_organisation or (self.user.get_full_name() if self.user_id else "")
        return f"{self.get_domain_display()}: {who} {self.function}".strip()

    @property
    def is_internal(self) -> bool:
        return self.user_id is not None

    def clean(self):
        if not self.user_id and not self.partner_organisation:
            raise ValidationError(_("Kies een collega of vul de organisatie van de partner in."))
        if not self.user_id and not self.email:
            raise ValidationError({"email": _("Een externe contactpersoon heeft een e-mailadres nodig.")})


class DecisionRequest(BoundedModel, models.Model):
    """A plan waiting at (or decided at) one level of the escalation matrix. One row per level visited."""

    field_bounds = {"note": bounds.TEXT, "reason": bounds.TEXT}

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="decision_requests")
    level = models.ForeignKey(EscalationLevel, on_delete=models.PROTECT, related_name="requests")
    state = models.CharField(_("stand"), max_length=16, choices=DecisionState.choices, default=DecisionState.OPEN)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(_("voorgelegd op"))
    note = models.TextField(_("toelichting bij het voorleggen"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    reason = models.TextField(_("reden"), blank=True)

    class Meta:
        ordering = ["opened_at", "id"]
        indexes = [models.Index(fields=["organisation", "state"])]
        constraints = [
            models.UniqueConstraint(
                fields=["plan"], condition=models.Q(state="open"), name="one_open_decision_request_per_plan"
            )
        ]
        verbose_name = _("besluitvraag")
        verbose_name_plural = _("besluitvragen")


class FollowUpAction(BoundedModel, models.Model):
    field_bounds = {"due_date": bounds.PLANNED_DATE}

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="followup_actions")
    description = models.CharField(_("actie"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="followup_actions", verbose_name=_("wie")
    )
    due_date = models.DateField(_("uiterlijk klaar op"))
    state = models.CharField(_("stand"), max_length=16, choices=ActionState.choices, default=ActionState.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("vervolgactie")
        verbose_name_plural = _("vervolgacties")


class Evaluation(BoundedModel, models.Model):
    """A scheduled look back, 6 and 12 months after approval: what was realised, did it work."""

    field_bounds = {"due_on": bounds.PLANNED_DATE, "explanation": bounds.TEXT}

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="evaluations")
    months = models.PositiveSmallIntegerField(_("maanden na goedkeuring"))
    due_on = models.DateField(_("gepland op"))
    recorded_at = models.DateTimeField(_("vastgelegd op"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    breakthrough_achieved = models.CharField(
        _("is de doorbraak gelukt?"), max_length=8, choices=BreakthroughOutcome.choices, blank=True
    )
    explanation = models.TextField(_("wat is er echt gebeurd?"), blank=True)
    version = models.PositiveIntegerField(default=0)  # the text autosaves before recording (optimistic lock)

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [models.UniqueConstraint(fields=["plan", "months"], name="one_evaluation_per_plan_and_moment")]
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")

    @property
    def is_recorded(self) -> bool:
        return self.recorded_at is not None


def default_parts() -> list[str]:
    return []


class SharingConsent(BoundedModel, models.Model):
    """The household's consent that one partner may see some parts of its plan, until a date."""

    field_bounds = {
        "given_on": bounds.RECORDED_DATE,
        "valid_until": bounds.PLANNED_DATE,
        "withdrawn_on": bounds.RECORDED_DATE,
    }

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    household = models.ForeignKey("households.Household", on_delete=models.CASCADE, related_name="sharing_consents")
    partner = models.ForeignKey(ContactPerson, on_delete=models.PROTECT, related_name="consents")
    parts = models.JSONField(_("onderdelen"), default=default_parts)
    given_on = models.DateField(_("toestemming gegeven op"))
    valid_until = models.DateField(_("geldig tot en met"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()
    withdrawn_on = models.DateField(_("ingetrokken op"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-given_on", "-id"]
        verbose_name = _("toestemming om te delen")
        verbose_name_plural = _("toestemmingen om te delen")

    def clean(self):
        unknown = set(self.parts or []) - set(SharingPart.values)
        if unknown or not self.parts:
            raise ValidationError({"parts": _("Kies een of meer onderdelen van het plan.")})
        if self.given_on and self.valid_until and self.valid_until < self.given_on:
            raise ValidationError({"valid_until": _("De einddatum ligt vóór de datum van de toestemming.")})

    def is_valid_on(self, day) -> bool:
        if self.withdrawn_on is not None and self.withdrawn_on <= day:
            return False
        return self.given_on <= day <= self.valid_until

    def get_parts_display(self) -> list[str]:
        return [SharingPart(p).label for p in SharingPart.values if p in (self.parts or [])]
