import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from doorbraak.core import bounds
from doorbraak.core.bounds import BoundedModel
from doorbraak.core.constants import LifeDomain

from .constants import (
    DEFAULT_HORIZON_MONTHS,
    BudgetStatus,
    FundingStream,
    IndexType,
    PriceOrigin,
    Scenario,
    TariffKind,
)

money_field = {"max_digits": 12, "decimal_places": 2}
quantity_field = {"max_digits": 12, "decimal_places": 2}


class PriceItem(models.Model):
    """One post of the national societal price list (maatschappelijke prijslijst). Its prices live in
    ItemPrice rows, one per year, that are never changed once created."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    unit = models.CharField(_("eenheid"), max_length=32)
    funding_stream = models.CharField(_("financieringsstroom"), max_length=32, choices=FundingStream.choices)
    life_domain = models.CharField(_("leefgebied"), max_length=32, choices=LifeDomain.choices)
    cashable = models.BooleanField(_("verzilverbaar"), default=False)
    index_type = models.CharField(_("indexatie"), max_length=16, choices=IndexType.choices, default=IndexType.CPI)
    is_active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("prijslijstpost")
        verbose_name_plural = _("prijslijstposten")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class ItemPrice(BoundedModel, models.Model):
    """A price of a price-list item in one price year. Immutable: a new year's price is a new row."""

    field_bounds = {"amount": bounds.AMOUNT, "notes": bounds.TEXT}

    item = models.ForeignKey(PriceItem, on_delete=models.PROTECT, related_name="prices")
    year = models.PositiveSmallIntegerField(_("prijsjaar"), validators=[MinValueValidator(1990)])
    amount = models.DecimalField(_("prijs (euro)"), validators=[MinValueValidator(Decimal("0"))], **money_field)
    source = models.CharField(_("bron"), max_length=400)
    source_url = models.URLField(_("adres van de bron"), max_length=500, blank=True)
    notes = models.TextField(_("toelichting"), blank=True)
    is_estimate = models.BooleanField(_("schatting"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["item__code", "-year"]
        constraints = [models.UniqueConstraint(fields=["item", "year"], name="item_price_unique_year")]
        verbose_name = _("prijs")
        verbose_name_plural = _("prijzen")

    def __str__(self) -> str:
        return f"{self.item_id} {self.year}: {self.amount}"


class IndexFigure(BoundedModel, models.Model):
    """Yearly change of an index (percent), e.g. CBS CPI 2023 = 3.8."""

    field_bounds = {"percentage": bounds.PERCENTAGE}

    index_type = models.CharField(_("index"), max_length=16, choices=IndexType.choices)
    year = models.PositiveSmallIntegerField(_("jaar"), validators=[MinValueValidator(1990)])
    percentage = models.DecimalField(_("jaarmutatie (%)"), max_digits=6, decimal_places=3)
    source = models.CharField(_("bron"), max_length=400)
    is_provisional = models.BooleanField(_("voorlopig cijfer"), default=False)

    class Meta:
        ordering = ["index_type", "year"]
        constraints = [models.UniqueConstraint(fields=["index_type", "year"], name="index_figure_unique_year")]
        verbose_name = _("indexcijfer")
        verbose_name_plural = _("indexcijfers")

    def __str__(self) -> str:
        return f"{self.index_type} {self.year}: {self.percentage}%"


class TariffSet(models.Model):
    """A municipality's uploaded tariffs: its own purchase tariffs, or an insurer's or NZa set."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("soort tarieven"), max_length=16, choices=TariffKind.choices)
    name = models.CharField(_("naam"), max_length=200)
    is_active = models.BooleanField(_("in gebruik"), default=True)
    source_filename = models.CharField(_("bestand"), max_length=200, blank=True)
    # Fingerprint of the upload (municipality, kind, name, date, file bytes): a confirm can be stored only once.
    import_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("tariefset")
        verbose_name_plural = _("tariefsets")

    def __str__(self) -> str:
        return self.name


class Tariff(BoundedModel, models.Model):
    """One tariff row: mapped to a price-list item, or an own item of the municipality (item empty)."""

    field_bounds = {"amount": bounds.AMOUNT, "valid_from": bounds.VALIDITY_DATE, "valid_until": bounds.VALIDITY_DATE}

    tariff_set = models.ForeignKey(TariffSet, on_delete=models.CASCADE, related_name="tariffs")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(PriceItem, on_delete=models.PROTECT, null=True, blank=True, related_name="tariffs")
    code = models.CharField(_("code"), max_length=64)
    name = models.CharField(_("naam"), max_length=200)
    unit = models.CharField(_("eenheid"), max_length=32)
    amount = models.DecimalField(_("tarief (euro)"), validators=[MinValueValidator(Decimal("0"))], **money_field)
    funding_stream = models.CharField(_("financieringsstroom"), max_length=32, choices=FundingStream.choices)
    cashable = models.BooleanField(_("verzilverbaar"), default=True)
    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)

    class Meta:
        ordering = ["code", "-valid_from"]
        indexes = [models.Index(fields=["organisation", "item", "valid_from"])]
        verbose_name = _("tarief")
        verbose_name_plural = _("tarieven")

    def __str__(self) -> str:
        return f"{self.code}: {self.amount}"


class CostSheet(BoundedModel, models.Model):
    """The return side of one plan: its reference date (for tariffs and price level) and horizon."""

    field_bounds = {"reference_date": bounds.REFERENCE_DATE, "note": bounds.TEXT}

    plan = models.OneToOneField("plans.Plan", on_delete=models.CASCADE, related_name="cost_sheet")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    reference_date = models.DateField(_("peildatum"))
    horizon_months = models.PositiveSmallIntegerField(
        _("horizon (maanden)"),
        default=DEFAULT_HORIZON_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )
    version = models.PositiveIntegerField(default=0)
    note = models.TextField(_("toelichting bij de rekensom"), blank=True)
    note_version = models.PositiveIntegerField(default=0)  # the note autosaves with its own lock

    class Meta:
        verbose_name = _("rekensom")
        verbose_name_plural = _("rekensommen")


class CostLine(BoundedModel, models.Model):
    """A priced line in one scenario of a plan. The unit price, its origin, source and year are stored as
    resolved at the time, so later price-list or tariff changes never alter an existing plan."""

    field_bounds = {
        "quantity": bounds.QUANTITY,
        "quantity_low": bounds.QUANTITY,
        "quantity_high": bounds.QUANTITY,
        "probability": bounds.PROBABILITY,
        "unit_price": bounds.AMOUNT,
        "paid_at": bounds.RECORDED_DATE,
        "note": bounds.TEXT,
    }

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="cost_lines")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    scenario = models.CharField(_("scenario"), max_length=16, choices=Scenario.choices)
    item = models.ForeignKey(
        PriceItem, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("prijspost")
    )
    tariff = models.ForeignKey(
        Tariff, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("eigen tarief")
    )
    description = models.CharField(_("omschrijving"), max_length=200, blank=True)
    unit = models.CharField(_("eenheid"), max_length=32, blank=True)
    quantity = models.DecimalField(_("aantal"), validators=[MinValueValidator(Decimal("0"))], **quantity_field)
    quantity_low = models.DecimalField(
        _("aantal laag"), null=True, blank=True, validators=[MinValueValidator(Decimal("0"))], **quantity_field
    )
    quantity_high = models.DecimalField(
        _("aantal hoog"), null=True, blank=True, validators=[MinValueValidator(Decimal("0"))], **quantity_field
    )
    probability = models.DecimalField(
        _("kans"),
        max_digits=5,
        decimal_places=4,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
    )
    unit_price = models.DecimalField(_("prijs per eenheid"), **money_field)
    price_origin = models.CharField(_("herkomst prijs"), max_length=16, choices=PriceOrigin.choices)
    price_source = models.CharField(_("bron van de prijs"), max_length=400, blank=True)
    price_source_url = models.URLField(max_length=500, blank=True)
    price_year = models.PositiveSmallIntegerField(_("prijsjaar bron"), null=True, blank=True)
    price_level_year = models.PositiveSmallIntegerField(_("prijspeil"), null=True, blank=True)
    indexed = models.BooleanField(_("geïndexeerd"), default=False)
    index_note = models.CharField(_("indexatie"), max_length=300, blank=True)
    is_estimate = models.BooleanField(_("schatting"), default=False)
    # Filled in by the tool (from the helper inventory), not yet checked by the professional: shown as
    # "schatting, controleer" until the line is edited or confirmed. Unrelated to is_estimate (the price).
    needs_confirmation = models.BooleanField(_("nog te controleren"), default=False)
    manual_reason = models.CharField(_("reden handmatige prijs"), max_length=300, blank=True)
    funding_stream = models.CharField(_("financieringsstroom"), max_length=32, choices=FundingStream.choices)
    cashable = models.BooleanField(_("verzilverbaar"), default=False)
    paid_from_budget = models.BooleanField(_("betaald uit Doorbraakbudget"), default=False)
    budget_status = models.CharField(_("status budget"), max_length=16, choices=BudgetStatus.choices, blank=True)
    paid_at = models.DateField(_("betaald op"), null=True, blank=True)
    version = models.PositiveIntegerField(default=0)
    note = models.TextField(_("toelichting"), blank=True)
    note_version = models.PositiveIntegerField(default=0)  # the note autosaves with its own lock
    creation_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Copied from a plan template (doorbraak.prefab) and not edited since: shown as "uit sjabloon".
    from_template = models.BooleanField(_("uit sjabloon"), default=False)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["plan", "scenario"]),
            models.Index(fields=["organisation", "paid_from_budget"]),
        ]
        verbose_name = _("kostenregel")
        verbose_name_plural = _("kostenregels")

    def __str__(self) -> str:
        return f"{self.scenario}: {self.label}"

    @property
    def label(self) -> str:
        if self.description:
            return self.description
        if self.item_id:
            return self.item.name
        if self.tariff_id:
            return self.tariff.name
        return ""


class SuggestionRule(BoundedModel, models.Model):
    """National rules: when a plan has all these tags, propose this line in this scenario."""

    field_bounds = {"quantity": bounds.QUANTITY, "probability": bounds.PROBABILITY}

    tag_codes = models.CharField(
        _("labels (codes, gescheiden door spaties)"),
        max_length=300,
        help_text=_("Het plan moet al deze labels hebben, bijvoorbeeld: dreigende_ontruiming"),
    )
    item = models.ForeignKey(PriceItem, on_delete=models.CASCADE, related_name="+", verbose_name=_("prijspost"))
    scenario = models.CharField(_("scenario"), max_length=16, choices=Scenario.choices)
    quantity = models.DecimalField(_("aantal"), validators=[MinValueValidator(Decimal("0"))], **quantity_field)
    probability = models.DecimalField(
        _("kans"),
        max_digits=5,
        decimal_places=4,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
    )
    explanation = models.CharField(_("toelichting"), max_length=300, blank=True)
    is_active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        ordering = ["tag_codes", "scenario", "item__code"]
        verbose_name = _("suggestieregel")
        verbose_name_plural = _("suggestieregels")

    def __str__(self) -> str:
        return f"{self.tag_codes} -> {self.item_id}"

    @property
    def codes(self) -> set[str]:
        return set(self.tag_codes.split())


class DoorbraakBudget(BoundedModel, models.Model):
    """A municipality's yearly Doorbraakbudget (bureaucracy-free money)."""

    field_bounds = {"amount": bounds.BUDGET}

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("jaar"), validators=[MinValueValidator(2000)])
    amount = models.DecimalField(_("budget (euro)"), validators=[MinValueValidator(Decimal("0"))], **money_field)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="budget_unique_year")]
        verbose_name = _("Doorbraakbudget")
        verbose_name_plural = _("Doorbraakbudgetten")
