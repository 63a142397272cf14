from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak.core import bounds
from doorbraak.core.constants import LifeDomain
from doorbraak.core.formatting import format_euro
from doorbraak.plans.models import Tag
from doorbraak.plans.vocabulary import BREAKTHROUGHS, PROBLEMS, SOLUTIONS

from .constants import PLAN_SCENARIOS, FundingStream, IndexType, PriceOrigin, Scenario, TariffKind
from .models import PriceItem, Tariff
from .selectors.plan_return import OWN_PREFIX, PriceOption, active_price_items, own_tariffs


def date_input():
    """HTML date field: the browser only accepts ISO (YYYY-MM-DD) values, whatever the active locale."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


BOOL_CHOICES = [("", _("Volgt de post")), ("1", _("Ja")), ("0", _("Nee"))]


class PriceSelect(forms.Select):
    """The price field's <select>: each option carries its price, unit and origin as data attributes, which
    static/js/costs.js shows in the combobox (the option's text says the same without JavaScript)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.option_data: dict[str, dict[str, str]] = {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["attrs"].update(self.option_data.get(str(value), {}))
        return option


def price_option_label(option: PriceOption) -> tuple[str, dict[str, str]]:
    origin = str(PriceOrigin(option.origin).label).lower()
    price = format_euro(option.amount) if option.amount is not None else _("nog geen prijs")
    meta = _("%(price)s per %(unit)s · %(origin)s") % {"price": price, "unit": option.unit, "origin": origin}
    return f"{option.name} — {meta}", {"data-name": option.name, "data-meta": meta}


class LineForm(forms.Form):
    """A cost line. The fields most lines need come first (MAIN_FIELDS); the rest are folded on the page."""

    MAIN_FIELDS = ("scenario", "item", "quantity")

    scenario = forms.ChoiceField(label=_("Scenario"), choices=[(s.value, s.label) for s in PLAN_SCENARIOS])
    item = forms.ChoiceField(
        label=_("Post"),
        required=False,
        widget=PriceSelect(
            attrs={
                "data-combobox": "",
                # the texts static/js/costs.js shows and announces ({n}: a number)
                "data-text-none": _("Geen post gevonden; probeer een ander woord."),
                "data-text-one": _("1 post gevonden"),
                "data-text-many": _("{n} posten gevonden"),
                "data-text-chosen": _("Gekozen:"),
            }
        ),
        help_text=_("Lokale tarieven van de gemeente staan bovenaan, daarna de landelijke prijslijst."),
    )
    quantity = forms.DecimalField(
        label=_("Aantal (in de eenheid van de post, over de horizon)"),
        max_digits=12,
        decimal_places=2,
        validators=[bounds.QUANTITY],
    )
    probability = forms.DecimalField(
        label=_("Kans (0 tot en met 1)"),
        min_value=0,
        max_value=1,
        max_digits=5,
        decimal_places=4,
        initial=Decimal("1"),
    )
    description = forms.CharField(
        label=_("Omschrijving"),
        max_length=200,
        required=False,
        help_text=_("Verplicht bij een vrije regel, bijvoorbeeld de kosten van de uitzondering zelf."),
    )
    quantity_low = forms.DecimalField(
        label=_("Aantal laag"), max_digits=12, decimal_places=2, required=False, validators=[bounds.QUANTITY]
    )
    quantity_high = forms.DecimalField(
        label=_("Aantal hoog"), max_digits=12, decimal_places=2, required=False, validators=[bounds.QUANTITY]
    )
    manual_price = forms.DecimalField(
        label=_("Handmatige prijs per eenheid (euro)"),
        validators=[bounds.AMOUNT],
        max_digits=12,
        decimal_places=2,
        required=False,
        help_text=_("Laat leeg om de prijs uit het lokale tarief of de landelijke prijslijst te gebruiken."),
    )
    manual_reason = forms.CharField(label=_("Reden voor de handmatige prijs"), max_length=300, required=False)
    funding_stream = forms.ChoiceField(
        label=_("Financieringsstroom (wie betaalt)"),
        choices=[("", _("Volgt de post"))] + FundingStream.choices,
        required=False,
    )
    cashable = forms.TypedChoiceField(
        label=_("Verzilverbaar"),
        choices=BOOL_CHOICES,
        required=False,
        coerce=lambda v: v == "1",
        empty_value=None,
    )
    paid_from_budget = forms.BooleanField(label=_("Betaald uit het Doorbraakbudget"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    creation_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organisation=None, options=(), allow_realised=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        choices = [("", _("— vrije regel (zelf een prijs invullen) —"))]
        widget = self.fields["item"].widget
        for option in options:
            label, data = price_option_label(option)
            choices.append((option.value, label))
            widget.option_data[option.value] = data
        current = str(self["item"].value() or "")
        if current and current not in widget.option_data:
            choices.append((current, self._stored_choice_label(current)))
        self.fields["item"].choices = choices
        if allow_realised:
            self.fields["scenario"].choices = Scenario.choices

    def _stored_choice_label(self, value: str) -> str:
        """The label of a line's current item or own tariff that is no longer among today's options."""
        item, tariff = self._lookup(value)
        source = item or tariff
        return str(source.name) if source else value

    def _lookup(self, value: str) -> tuple[PriceItem | None, Tariff | None]:
        if not value:
            return None, None
        if value.startswith(OWN_PREFIX):
            pk = value.removeprefix(OWN_PREFIX)
            tariffs = own_tariffs(organisation=self.organisation) if self.organisation else Tariff.objects.none()
            return None, tariffs.filter(pk=pk).first() if pk.isdigit() else None
        return (active_price_items().filter(pk=value).first() if value.isdigit() else None), None

    def clean_item(self):
        value = self.cleaned_data.get("item") or ""
        item, tariff = self._lookup(value)
        if value and item is None and tariff is None:
            raise forms.ValidationError(_("Deze post bestaat niet (meer); kies een andere."))
        self.cleaned_data["tariff"] = tariff
        return item

    @property
    def main_fields(self):
        """Scenario, price item and quantity; the probability too when the line is in the threatening
        scenario, where it matters."""
        names = list(self.MAIN_FIELDS)
        if str(self["scenario"].value() or "") == Scenario.THREATENING:
            names.append("probability")
        return [self[name] for name in names]

    @property
    def folded_fields(self):
        shown = {field.name for field in self.main_fields}
        return [field for field in self.visible_fields() if field.name not in shown]

    @property
    def folded_has_errors(self) -> bool:
        return any(field.errors for field in self.folded_fields)

    def line_data(self) -> dict:
        d = self.cleaned_data
        return {
            "scenario": d["scenario"],
            "item": d.get("item"),
            "tariff": d.get("tariff"),
            "description": d.get("description") or "",
            "quantity": d["quantity"],
            "quantity_low": d.get("quantity_low"),
            "quantity_high": d.get("quantity_high"),
            "probability": d["probability"] if d.get("probability") is not None else Decimal("1"),
            "funding_stream": d.get("funding_stream") or None,
            "cashable": d.get("cashable"),
            "paid_from_budget": bool(d.get("paid_from_budget")),
        }


class PriceSearchForm(forms.Form):
    """Without JavaScript: narrow the price field's list to the posts matching the words."""

    q = forms.CharField(label=_("Zoek een post"), max_length=100, required=False)


class SheetForm(forms.Form):
    reference_date = forms.DateField(
        label=_("Peildatum (voor tarieven en prijspeil)"), widget=date_input(), validators=[bounds.REFERENCE_DATE]
    )
    horizon_months = forms.IntegerField(label=_("Horizon (maanden)"), min_value=1, max_value=120)
    version = forms.IntegerField(widget=forms.HiddenInput)


class NoteForm(forms.Form):
    """The free-text note of the return sum or of one line; it autosaves with its own version."""

    note = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3}), validators=[bounds.TEXT]
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["note"].label = label


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class SuggestionAddForm(forms.Form):
    """Which suggested lines to add: one ("Toevoegen" posts add=KEY), the ticked boxes (selected=KEY), or all the
    page showed ("Alle toevoegen" posts all=1 with the hidden shown=KEY fields). Only the keys of the
    suggestions the plan has now (``keys``) are valid."""

    add = forms.ChoiceField(required=False)
    selected = forms.MultipleChoiceField(required=False)
    shown = forms.MultipleChoiceField(required=False)
    all = forms.BooleanField(required=False)

    def __init__(self, *args, keys=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(key, key) for key in keys]
        self.fields["add"].choices = [("", "")] + choices
        self.fields["selected"].choices = choices
        self.fields["shown"].choices = choices

    def chosen(self) -> list[str]:
        if self.cleaned_data["add"]:
            return [self.cleaned_data["add"]]
        return self.cleaned_data["shown" if self.cleaned_data["all"] else "selected"]


class TariffUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort tarieven"), choices=TariffKind.choices)
    name = forms.CharField(label=_("Naam van de tariefset"), max_length=200)
    default_valid_from = forms.DateField(
        validators=[bounds.VALIDITY_DATE],
        label=_("Geldig vanaf (als het bestand geen datum per regel heeft)"),
        widget=date_input(),
    )
    file = forms.FileField(label=_("Bestand (CSV of XLSX)"))


class TariffConfirmForm(forms.Form):
    payload = forms.CharField(widget=forms.HiddenInput, validators=[bounds.PAYLOAD])


class BudgetForm(forms.Form):
    year = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
    amount = forms.DecimalField(label=_("Budget (euro)"), max_digits=12, decimal_places=2, validators=[bounds.BUDGET])


class MarkPaidForm(forms.Form):
    paid_at = forms.DateField(label=_("Betaald op"), widget=date_input(), validators=[bounds.RECORDED_DATE])


class ItemPriceForm(forms.Form):
    year = forms.IntegerField(label=_("Prijsjaar"), min_value=1990, max_value=2100)
    amount = forms.DecimalField(label=_("Prijs (euro)"), max_digits=12, decimal_places=2, validators=[bounds.AMOUNT])
    source = forms.CharField(label=_("Bron"), max_length=400)
    source_url = forms.URLField(label=_("Adres van de bron"), required=False, max_length=500, assume_scheme="https")
    notes = forms.CharField(
        label=_("Toelichting"),
        required=False,
        widget=forms.Textarea,
        validators=[bounds.TEXT],
        help_text=_("Begin met 'SCHATTING:' als de prijs een eigen schatting is."),
    )


class PriceItemForm(ItemPriceForm):
    code = forms.SlugField(label=_("Code"), max_length=64)
    name = forms.CharField(label=_("Naam"), max_length=200)
    unit = forms.CharField(label=_("Eenheid"), max_length=32)
    funding_stream = forms.ChoiceField(label=_("Financieringsstroom"), choices=FundingStream.choices)
    life_domain = forms.ChoiceField(label=_("Leefgebied"))
    cashable = forms.BooleanField(label=_("Verzilverbaar"), required=False)
    index_type = forms.ChoiceField(label=_("Indexatie"), choices=IndexType.choices)

    field_order = ["code", "name", "unit", "funding_stream", "life_domain", "cashable", "index_type"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["life_domain"].choices = LifeDomain.choices


class IndexFigureForm(forms.Form):
    index_type = forms.ChoiceField(label=_("Index"), choices=IndexType.choices[:3])
    year = forms.IntegerField(label=_("Jaar"), min_value=1990, max_value=2100)
    percentage = forms.DecimalField(
        label=_("Jaarmutatie (%)"), max_digits=6, decimal_places=3, validators=[bounds.PERCENTAGE]
    )
    source = forms.CharField(label=_("Bron"), max_length=400)
    is_provisional = forms.BooleanField(label=_("Voorlopig cijfer"), required=False)


TAG_CHOICES = sorted({c for c, _l, _d in PROBLEMS + SOLUTIONS + BREAKTHROUGHS})


class SuggestionRuleForm(forms.Form):
    tag_codes = forms.CharField(
        label=_("Labels (codes, gescheiden door spaties)"),
        max_length=300,
        help_text=_("Het plan moet al deze labels hebben."),
    )
    item = forms.ModelChoiceField(
        label=_("Post"), queryset=PriceItem.objects.filter(is_active=True), empty_label=_("— kies —")
    )
    scenario = forms.ChoiceField(label=_("Scenario"), choices=[(s.value, s.label) for s in PLAN_SCENARIOS])
    quantity = forms.DecimalField(label=_("Aantal"), max_digits=12, decimal_places=2, validators=[bounds.QUANTITY])
    probability = forms.DecimalField(label=_("Kans"), min_value=0, max_value=1, max_digits=5, decimal_places=4)
    explanation = forms.CharField(label=_("Toelichting"), max_length=300, required=False)

    def clean_tag_codes(self):
        codes = set(self.cleaned_data["tag_codes"].split())
        known = set(Tag.objects.filter(code__in=codes).values_list("code", flat=True))
        unknown = codes - known
        if unknown:
            raise forms.ValidationError(_("Onbekende labels: %(codes)s") % {"codes": ", ".join(sorted(unknown))})
        return " ".join(sorted(codes))
