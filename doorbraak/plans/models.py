import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doorbraak.core import bounds
from doorbraak.core.bounds import BoundedModel
from doorbraak.core.constants import LifeDomain

from .constants import NeedKind, PlanStatus, StepPhase, TagKind


class Tag(models.Model):
    """Controlled vocabulary for life domains, problems, solutions and breakthroughs (national)."""

    kind = models.CharField(_("soort"), max_length=16, choices=TagKind.choices)
    code = models.SlugField(_("code"), max_length=64)
    label = models.CharField(_("omschrijving"), max_length=120)
    life_domain = models.CharField(_("leefgebied"), max_length=32, choices=LifeDomain.choices, blank=True)
    is_active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        ordering = ["kind", "label"]
        constraints = [models.UniqueConstraint(fields=["kind", "code"], name="tag_code_unique_per_kind")]
        verbose_name = _("label")
        verbose_name_plural = _("labels")

    def __str__(self) -> str:
        return self.label


class Plan(BoundedModel, models.Model):
    """A maatwerkplan: one per household episode. Each text section carries its own version for
    optimistic locking, so two people can work on different sections without conflict."""

    field_bounds = {
        "situation": bounds.TEXT,
        "perspective": bounds.TEXT,
        "perspective_target_date": bounds.PLANNED_DATE,
        "breakthrough_description": bounds.TEXT,
        "breakthrough_obstacle": bounds.TEXT,
        "breakthrough_exception": bounds.TEXT,
    }

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="plans")
    team = models.ForeignKey("organisations.Team", on_delete=models.PROTECT, related_name="plans")
    household = models.ForeignKey("households.Household", on_delete=models.PROTECT, related_name="plans")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="owned_plans")
    status = models.CharField(_("status"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.CONCEPT)
    creation_token = models.UUIDField(unique=True, null=True, blank=True, editable=False)

    situation = models.TextField(_("situatieschets"), blank=True)
    situation_version = models.PositiveIntegerField(default=0)

    perspective = models.TextField(_("perspectief in de woorden van het huishouden"), blank=True)
    perspective_target_date = models.DateField(_("streefdatum"), null=True, blank=True)
    perspective_version = models.PositiveIntegerField(default=0)

    breakthrough_description = models.TextField(_("de doorbraak"), blank=True)
    breakthrough_obstacle = models.TextField(_("obstakel in het systeem"), blank=True)
    breakthrough_exception = models.TextField(_("benodigde uitzondering"), blank=True)
    breakthrough_grantor = models.CharField(_("wie kan de uitzondering toestaan"), max_length=200, blank=True)
    breakthrough_version = models.PositiveIntegerField(default=0)

    tags = models.ManyToManyField(Tag, blank=True, related_name="plans")
    tags_version = models.PositiveIntegerField(default=0)

    # Time-to-plan
    created_at = models.DateTimeField(_("gestart"), auto_now_add=True)
    first_edited_at = models.DateTimeField(_("eerst bewerkt"), null=True, blank=True)
    last_edited_at = models.DateTimeField(_("laatst bewerkt"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("ingediend"), null=True, blank=True)
    active_editing_seconds = models.PositiveIntegerField(_("actieve bewerkingstijd (s)"), default=0)
    # The active editing time at the (latest) submission, for dashboards: the time-to-plan of a submitted plan.
    submitted_editing_seconds = models.PositiveIntegerField(
        _("actieve bewerkingstijd bij indienen (s)"), null=True, blank=True
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "status"]), models.Index(fields=["organisation", "team"])]
        verbose_name = _("maatwerkplan")
        verbose_name_plural = _("maatwerkplannen")

    def __str__(self) -> str:
        return f"plan {self.pk}"

    @property
    def has_breakthrough(self) -> bool:
        return bool(self.breakthrough_description.strip())


class PlanItem(models.Model):
    """Common columns of the list sections of a plan (helpers, needs, steps)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    version = models.PositiveIntegerField(default=0)
    creation_token = models.UUIDField(unique=True, null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Copied from a plan template (doorbraak.prefab) and not edited since: shown as "uit sjabloon".
    from_template = models.BooleanField(_("uit sjabloon"), default=False)

    class Meta:
        abstract = True
        ordering = ["created_at", "id"]


class Helper(PlanItem):
    """An agency or helper involved now: the inventory that also feeds the 'current' cost scenario."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="helpers")
    agency = models.CharField(_("organisatie"), max_length=200)
    role = models.CharField(_("rol / wat doen zij"), max_length=200, blank=True)
    life_domain = models.CharField(_("leefgebied"), max_length=32, choices=LifeDomain.choices)

    class Meta(PlanItem.Meta):
        verbose_name = _("betrokken hulpverlener")
        verbose_name_plural = _("betrokken hulpverleners")


class Need(BoundedModel, PlanItem):
    field_bounds = {"description": bounds.TEXT}

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="needs")
    life_domain = models.CharField(_("leefgebied"), max_length=32, choices=LifeDomain.choices)
    kind = models.CharField(_("wat is nodig"), max_length=16, choices=NeedKind.choices)
    description = models.TextField(_("omschrijving"))

    class Meta(PlanItem.Meta):
        verbose_name = _("behoefte")
        verbose_name_plural = _("behoeften")


class Step(BoundedModel, PlanItem):
    field_bounds = {"description": bounds.TEXT, "due_date": bounds.PLANNED_DATE}

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="steps")
    description = models.TextField(_("stap"))
    phase = models.CharField(_("fase"), max_length=16, choices=StepPhase.choices)
    owner = models.CharField(_("wie"), max_length=200, blank=True)
    due_date = models.DateField(_("wanneer klaar"), null=True, blank=True)
    done = models.BooleanField(_("gedaan"), default=False)

    class Meta(PlanItem.Meta):
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")


class StatusChange(BoundedModel, models.Model):
    """The plan's timeline of status changes, with the reason (a 'no' is recorded with its reason)."""

    field_bounds = {"reason": bounds.TEXT}

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=16, choices=PlanStatus.choices)
    to_status = models.CharField(max_length=16, choices=PlanStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("toelichting"), blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
