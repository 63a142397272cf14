from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak.core import bounds
from doorbraak.core.constants import LifeDomain
from doorbraak.core.tabular import MAX_BYTES

from .constants import LOCAL_CSV_COLUMNS, MOTIVATION_REQUIRED, Application
from .loading import ArticleNumberField, split_list
from .models import LegalArticle, LocalArticle

EMPTY_LABEL = _("— kies —")


class CitationForm(forms.Form):
    article_ref = forms.RegexField(regex=r"^[nl]:\d+$", max_length=20, widget=forms.HiddenInput)
    application = forms.ChoiceField(label=_("Hoe is het van toepassing"), choices=Application.choices)
    motivation = forms.CharField(
        label=_("Motivering"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "class": "utrecht-textarea"}),
        validators=[bounds.TEXT],
    )


class CitationUpdateForm(forms.Form):
    """How a cited article applies to this plan: the kind and, required once cited, the motivation in words."""

    application = forms.ChoiceField(label=_("Hoe is het van toepassing"), choices=Application.choices)
    motivation = forms.CharField(
        label=_("Motivering"),
        error_messages={"required": _("Schrijf hoe dit artikel in dit plan van toepassing is.")},
        widget=forms.Textarea(attrs={"rows": 3, "class": "utrecht-textarea"}),
        validators=[bounds.TEXT],
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class MotivationForm(forms.Form):
    """The motivation paragraph: required to save; 'Maak een concept' (``draft=True``) may start from empty."""

    motivation = forms.CharField(
        label=_("Motivering van de uitzondering"),
        error_messages={"required": MOTIVATION_REQUIRED},
        widget=forms.Textarea(attrs={"rows": 8, "class": "utrecht-textarea"}),
        validators=[bounds.TEXT],
        help_text=_("Gebruik 'Maak een concept' voor een voorzet op basis van de gekozen artikelen en pas die aan."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, draft: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if draft:
            self.fields["motivation"].required = False


class _ArticleFormMixin(forms.ModelForm):
    life_domains = forms.MultipleChoiceField(
        label=_("Leefgebieden"), choices=LifeDomain.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    keywords = forms.CharField(
        label=_("Trefwoorden"),
        required=False,
        validators=[bounds.SHORT_TEXT],
        help_text=_("Gescheiden door puntkomma's, bijvoorbeeld: urgentie; voorrang"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and self.instance.pk and not self.is_bound:
            self.initial["keywords"] = "; ".join(self.instance.keywords)
        for field in self.fields.values():
            if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.MultipleChoiceField):
                # Django's "---------" placeholder is not Dutch; the empty choice reads "— kies —".
                field.choices = [(value, EMPTY_LABEL if value == "" else label) for value, label in field.choices]
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.setdefault("class", "utrecht-textarea")
            elif isinstance(field.widget, forms.Select):
                field.widget.attrs.setdefault("class", "utrecht-select")
            elif isinstance(field.widget, forms.DateInput):
                field.widget.input_type = "date"
                field.widget.format = "%Y-%m-%d"
                field.widget.attrs.setdefault("class", "utrecht-textbox")
            elif not isinstance(field.widget, forms.CheckboxSelectMultiple):
                field.widget.attrs.setdefault("class", "utrecht-textbox")

    def clean_keywords(self):
        return split_list(self.cleaned_data["keywords"])

    def clean(self):
        data = super().clean()
        if data.get("valid_from") and data.get("valid_until") and data["valid_until"] < data["valid_from"]:
            self.add_error("valid_until", _("De einddatum ligt voor de begindatum."))
        return data


class NationalArticleForm(_ArticleFormMixin):
    source_url = forms.URLField(label=_("Bron"), required=False, max_length=400, assume_scheme="https")

    class Meta:
        model = LegalArticle
        formfield_callback = bounds.bounded_formfield  # the bounds of the model's field_bounds
        fields = [
            "law_short",
            "law_title",
            "bwb_id",
            "article",
            "paragraph",
            "heading",
            "room_for_maatwerk",
            "kind",
            "life_domains",
            "keywords",
            "source_url",
            "verified",
            "valid_from",
            "valid_until",
            "situations",
            "plain_language",
        ]
        widgets = {"valid_from": forms.DateInput, "valid_until": forms.DateInput}
        field_classes = {"article": ArticleNumberField}


class LocalArticleForm(_ArticleFormMixin):
    class Meta:
        model = LocalArticle
        formfield_callback = bounds.bounded_formfield  # the bounds of the model's field_bounds
        fields = list(LOCAL_CSV_COLUMNS)  # the form edits exactly what a CSV import fills
        widgets = {"valid_from": forms.DateInput, "valid_until": forms.DateInput}
        field_classes = {"article": ArticleNumberField}

    def __init__(self, *args, organisation=None, **kwargs):
        self.organisation = organisation
        super().__init__(*args, **kwargs)

    def validate_unique(self):
        # The organisation is set by the service; check the (organisation, regulation, article) rule here.
        if self.organisation is not None:
            clash = LocalArticle.objects.filter(
                organisation=self.organisation,
                regulation_title=self.cleaned_data.get("regulation_title"),
                article=self.cleaned_data.get("article"),
            ).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("article", _("Dit artikel van deze regeling bestaat al."))


class LocalImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_(
            "Kolommen: regulation_title, regulation_type, cvdr_id, article, heading, summary, kind, "
            "life_domains, keywords, valid_from, valid_until; optioneel situations en plain_language."
        ),
    )

    def clean_file(self):
        """The upload itself; the reader in core.tabular decodes and checks its bytes."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 2 MB."))
        return upload
