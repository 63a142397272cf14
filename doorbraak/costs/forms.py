from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak.core.constants import LifeDomain
from doorbraak.plans.models import Tag
from doorbraak.plans.vocabulary import BREAKTHROUGHS, PROBLEMS, SOLUTIONS

from .constants import PLAN_SCENARIOS, FundingStream, IndexType, Scenario, TariffKind
from .models import PriceItem, Tariff
from .selectors.plan_return import active_price_items, own_tariffs


def date_input():
    """HTML date field: the browser only accepts ISO (YYYY-MM-DD) values, whatever the active locale."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


BOOL_CHOICES = [("", _("Volgt de post")), ("1", _("Ja")), ("0", _("Nee"))]


class LineForm(forms.Form):
    scenario = forms.ChoiceField(label=_("Scenario"), choices=[(s.value, s.label) for s in PLAN_SCENARIOS])
    item = forms.ModelChoiceField(
        label=_("Post uit de prijslijst"),
        queryset=PriceItem.objects.none(),
        required=False,
        empty_label=_("— vrije regel of eigen post —"),
    )
    tariff = forms.ModelChoiceField(
        label=_("Eigen post van de gemeente"),
        queryset=Tariff.objects.none(),
        required=False,
        empty_label=_("— geen —"),
    )
    description = forms.CharField(
        label=_("Omschrijving"),
        max_length=200,
        required=False,
        help_text=_("Verplicht bij een vrije regel, bijvoorbeeld de kosten van de uitzondering zelf."),
    )
    quantity = forms.DecimalField(
        label=_("Aantal (in de eenheid van de post, over de horizon)"), min_value=0, max_digits=12, decimal_places=2
    )
    quantity_low = forms.DecimalField(
        label=_("Aantal laag"), min_value=0, max_digits=12, decimal_places=2, required=False
    )
    quantity_high = forms.DecimalField(
        label=_("Aantal hoog"), min_value=0, max_digits=12, decimal_places=2, required=False
    )
    probability = forms.DecimalField(
        label=_("Kans (0 tot en met 1)"),
        min_value=0,
        max_value=1,
        max_digits=5,
        decimal_places=4,
        initial=Decimal("1"),
    )
    manual_price = forms.DecimalField(
        label=_("Handmatige prijs per eenheid (euro)"),
        min_value=0,
        max_digits=12,
        decimal_places=2,
        required=False,
        help_text=_("Laat leeg om de prijs uit het lokale tarief of de landelijke prijslijst te gebruiken."),
    )
    manual_reason = forms.CharField(label=_("Reden voor de handmatige prijs"), max_length=300, required=False)
    funding_stream = forms.ChoiceField(
        label=_("Financieringsstroom"), choices=[("", _("Volgt de post"))] + FundingStream.choices, required=False
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

    def __init__(self, *args, organisation=None, allow_realised=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = active_price_items()
        self.fields["tariff"].queryset = (
            own_tariffs(organisation=organisation) if organisation else Tariff.objects.none()
        )
        if allow_realised:
            self.fields["scenario"].choices = Scenario.choices

    def clean(self):
        data = super().clean()
        if data.get("item") and data.get("tariff"):
            raise forms.ValidationError(_("Kies een post uit de prijslijst óf een eigen post, niet allebei."))
        return data

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


class SheetForm(forms.Form):
    reference_date = forms.DateField(label=_("Peildatum (voor tarieven en prijspeil)"), widget=date_input())
    horizon_months = forms.IntegerField(label=_("Horizon (maanden)"), min_value=1, max_value=120)
    version = forms.IntegerField(widget=forms.HiddenInput)


class NoteForm(forms.Form):
    """The free-text note of the return sum or of one line; it autosaves with its own version."""

    note = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["note"].label = label


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class SuggestionAddForm(forms.Form):
    item = forms.ModelChoiceField(queryset=PriceItem.objects.all())
    scenario = forms.ChoiceField(choices=[(s.value, s.label) for s in PLAN_SCENARIOS])
    quantity = forms.DecimalField(min_value=0, max_digits=12, decimal_places=2)
    probability = forms.DecimalField(min_value=0, max_value=1, max_digits=5, decimal_places=4)


class TariffUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort tarieven"), choices=TariffKind.choices)
    name = forms.CharField(label=_("Naam van de tariefset"), max_length=200)
    default_valid_from = forms.DateField(
        label=_("Geldig vanaf (als het bestand geen datum per regel heeft)"),
        widget=date_input(),
    )
    file = forms.FileField(label=_("Bestand (CSV of XLSX)"))


class TariffConfirmForm(forms.Form):
    payload = forms.CharField(widget=forms.HiddenInput)


class BudgetForm(forms.Form):
    year = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
    amount = forms.DecimalField(label=_("Budget (euro)"), min_value=0, max_digits=12, decimal_places=2)


class MarkPaidForm(forms.Form):
    paid_at = forms.DateField(label=_("Betaald op"), widget=date_input())


class ItemPriceForm(forms.Form):
    year = forms.IntegerField(label=_("Prijsjaar"), min_value=1990, max_value=2100)
    amount = forms.DecimalField(label=_("Prijs (euro)"), min_value=0, max_digits=12, decimal_places=2)
    source = forms.CharField(label=_("Bron"), max_length=400)
    source_url = forms.URLField(label=_("Adres van de bron"), required=False, max_length=500, assume_scheme="https")
    notes = forms.CharField(
        label=_("Toelichting"),
        required=False,
        widget=forms.Textarea,
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
    percentage = forms.DecimalField(label=_("Jaarmutatie (%)"), max_digits=6, decimal_places=3)
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
    quantity = forms.DecimalField(label=_("Aantal"), min_value=0, max_digits=12, decimal_places=2)
    probability = forms.DecimalField(label=_("Kans"), min_value=0, max_value=1, max_digits=5, decimal_places=4)
    explanation = forms.CharField(label=_("Toelichting"), max_length=300, required=False)

    def clean_tag_codes(self):
        codes = set(self.cleaned_data["tag_codes"].split())
        known = set(Tag.objects.filter(code__in=codes).values_list("code", flat=True))
        unknown = codes - known
        if unknown:
            raise forms.ValidationError(_("Onbekende labels: %(codes)s") % {"codes": ", ".join(sorted(unknown))})
        return " ".join(sorted(codes))
