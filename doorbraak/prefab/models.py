"""Plan templates (prefab plans): the usual helpers, needs, steps, cost lines and articles of a kind of household.

A template is national (no organisation: the national admin publishes it for every municipality) or belongs to
one municipality (its functional admin). It is edited as a draft, published (then offered to professionals and no
longer changed) and retired. Later the dashboards will turn mined household profiles into such templates, so the
parts are ordinary rows, not text.
"""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from doorbraak.core import bounds
from doorbraak.core.bounds import BoundedModel
from doorbraak.core.constants import LifeDomain
from doorbraak.costs.constants import PLAN_SCENARIOS, FundingStream
from doorbraak.legal.constants import Application
from doorbraak.plans.constants import NeedKind, StepPhase

from .constants import TemplateStatus

SCENARIO_CHOICES = [(s.value, s.label) for s in PLAN_SCENARIOS]


class PlanTemplate(BoundedModel, models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Empty: national, offered in every municipality. Otherwise offered only in this municipality.
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    code = models.SlugField(_("code"), max_length=64, blank=True, help_text=_("Vaste naam voor de demo en imports."))
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), help_text=_("Voor welk huishouden is dit sjabloon bedoeld?"))
    field_bounds = {"description": bounds.TEXT}
    tags = models.ManyToManyField("plans.Tag", blank=True, related_name="+", verbose_name=_("labels"))
    status = models.CharField(_("status"), max_length=16, choices=TemplateStatus.choices, default=TemplateStatus.DRAFT)
    version = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    retired_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code"], condition=~models.Q(code=""), name="plan_template_code_unique"
            )
        ]
        indexes = [models.Index(fields=["status", "organisation"])]
        verbose_name = _("plansjabloon")
        verbose_name_plural = _("plansjablonen")

    def __str__(self) -> str:
        return self.title

    @property
    def is_national(self) -> bool:
        return self.organisation_id is None


class TemplatePart(models.Model):
    template = models.ForeignKey(PlanTemplate, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position", "id"]


class TemplateHelper(TemplatePart):
    template = models.ForeignKey(PlanTemplate, on_delete=models.CASCADE, related_name="helpers")
    agency = models.CharField(_("organisatie"), max_length=200)
    role = models.CharField(_("rol / wat doen zij"), max_length=200, blank=True)
    life_domain = models.CharField(_("leefgebied"), max_length=32, choices=LifeDomain.choices)


class TemplateNeed(BoundedModel, TemplatePart):
    field_bounds = {"description": bounds.TEXT}

    template = models.ForeignKey(PlanTemplate, on_delete=models.CASCADE, related_name="needs")
    life_domain = models.CharField(_("leefgebied"), max_length=32, choices=LifeDomain.choices)
    kind = models.CharField(_("wat is nodig"), max_length=16, choices=NeedKind.choices)
    description = models.TextField(_("omschrijving"))


class TemplateStep(BoundedModel, TemplatePart):
    field_bounds = {"description": bounds.TEXT}

    template = models.ForeignKey(PlanTemplate, on_delete=models.CASCADE, related_name="steps")
    phase = models.CharField(_("fase"), max_length=16, choices=StepPhase.choices)
    description = models.TextField(_("stap"))
    owner = models.CharField(_("wie"), max_length=200, blank=True)


class TemplateCostLine(BoundedModel, TemplatePart):
    field_bounds = {"quantity": bounds.QUANTITY, "probability": bounds.PROBABILITY, "unit_price": bounds.AMOUNT}

    """A typical line of one scenario: a price-list item (priced when copied, from the municipality's tariff or
    the national list) or a free line with its own amount."""

    template = models.ForeignKey(PlanTemplate, on_delete=models.CASCADE, related_name="cost_lines")
    scenario = models.CharField(_("scenario"), max_length=16, choices=SCENARIO_CHOICES)
    item = models.ForeignKey(
        "costs.PriceItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("prijspost"),
    )
    description = models.CharField(_("omschrijving"), max_length=200, blank=True)
    quantity = models.DecimalField(_("aantal"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)])
    probability = models.DecimalField(
        _("kans"),
        max_digits=5,
        decimal_places=4,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
    )
    unit_price = models.DecimalField(
        _("prijs per eenheid (vrije regel)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    funding_stream = models.CharField(
        _("financieringsstroom"), max_length=32, choices=FundingStream.choices, blank=True
    )


class TemplateArticle(BoundedModel, TemplatePart):
    field_bounds = {"motivation": bounds.TEXT}

    """A typical article with a drafted motivation (how it applies). A local article only in a template of the
    municipality that owns it."""

    template = models.ForeignKey(PlanTemplate, on_delete=models.CASCADE, related_name="articles")
    national_article = models.ForeignKey(
        "legal.LegalArticle", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    local_article = models.ForeignKey(
        "legal.LocalArticle", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    application = models.CharField(_("hoe is het van toepassing"), max_length=16, choices=Application.choices)
    motivation = models.TextField(_("motivering"), blank=True)

    class Meta(TemplatePart.Meta):
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(national_article__isnull=False, local_article__isnull=True)
                    | models.Q(national_article__isnull=True, local_article__isnull=False)
                ),
                name="template_article_exactly_one",
            )
        ]

    @property
    def article(self):
        return self.national_article or self.local_article


class TemplateUse(models.Model):
    """That a plan was filled from a template: by whom and when (for the dashboards, and so a template is copied
    into a plan only once)."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="+")
    template = models.ForeignKey(PlanTemplate, on_delete=models.PROTECT, related_name="uses")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "template"], name="template_use_once_per_plan")]
