from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doorbraak.core import bounds
from doorbraak.core.bounds import BoundedModel

from .constants import SCORE_MAX, SCORE_MIN, HealthDimension, Measurement


class Engagement(BoundedModel, models.Model):
    """The household's voice in a plan: their own words and goals, and why the plan helps them."""

    field_bounds = {"own_words": bounds.TEXT, "goals": bounds.TEXT, "motivation": bounds.TEXT}

    plan = models.OneToOneField("plans.Plan", on_delete=models.CASCADE, related_name="engagement")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    own_words = models.TextField(_("in de eigen woorden van het huishouden"), blank=True)
    goals = models.TextField(_("doelen van het huishouden"), blank=True)
    motivation = models.TextField(_("waarom dit plan de regie en kwaliteit van leven verbetert"), blank=True)
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("betrokkenheid")
        verbose_name_plural = _("betrokkenheid")

    def __str__(self) -> str:
        return f"betrokkenheid {self.plan_id}"


def _score_field(dimension: HealthDimension) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        dimension.label,
        null=True,
        blank=True,
        validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)],
    )


class HealthScoreSet(models.Model):
    """One Positive Health measurement of a plan: six scores 0-10 (empty = not scored).

    'now' and 'expected' exist once per plan; 'realised' once per ``reference`` (for example the
    6- and 12-month evaluations)."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="health_scores")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    measurement = models.CharField(_("meting"), max_length=16, choices=Measurement.choices)
    reference = models.CharField(_("kenmerk"), max_length=64, blank=True)
    body_functions = _score_field(HealthDimension.BODY_FUNCTIONS)
    mental_wellbeing = _score_field(HealthDimension.MENTAL_WELLBEING)
    meaning = _score_field(HealthDimension.MEANING)
    quality_of_life = _score_field(HealthDimension.QUALITY_OF_LIFE)
    participation = _score_field(HealthDimension.PARTICIPATION)
    daily_functioning = _score_field(HealthDimension.DAILY_FUNCTIONING)
    version = models.PositiveIntegerField(default=0)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "measurement", "reference"], name="health_scores_unique_per_plan_measurement"
            ),
            models.CheckConstraint(
                condition=Q(measurement=Measurement.REALISED) | Q(reference=""),
                name="health_scores_reference_only_for_realised",
            ),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{d.value}__isnull": True}) | Q(**{f"{d.value}__lte": SCORE_MAX}),
                    name=f"health_scores_{d.value}_max",
                )
                for d in HealthDimension
            ],
        ]
        verbose_name = _("meting Positieve Gezondheid")
        verbose_name_plural = _("metingen Positieve Gezondheid")

    def __str__(self) -> str:
        return f"{self.measurement} {self.plan_id}"

    @property
    def scores(self) -> dict[str, int | None]:
        return {d.value: getattr(self, d.value) for d in HealthDimension}
