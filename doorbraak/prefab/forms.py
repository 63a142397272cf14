"""Forms of the template editor: the template itself and one formset per kind of part. Each formset has a few
empty rows (no JavaScript needed to add one); a row left empty is skipped, a row marked "Verwijderen" is dropped."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak.core import bounds
from doorbraak.costs.models import PriceItem
from doorbraak.legal.models import LegalArticle, LocalArticle
from doorbraak.plans.forms import TAG_FIELDS, TagsForm
from doorbraak.plans.models import Tag

from .models import PlanTemplate, TemplateArticle, TemplateCostLine, TemplateHelper, TemplateNeed, TemplateStep

EXTRA_ROWS = 2


class TemplateForm(forms.ModelForm):
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput, initial=0)

    class Meta:
        formfield_callback = bounds.bounded_formfield  # the bounds of the model's field_bounds
        model = PlanTemplate
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


TAGS_PREFIX = "labels"


def template_tags_form(*, template: PlanTemplate | None, data=None) -> TagsForm:
    """The template's tags as the plan editor shows them: one group of checkboxes per kind (active tags, plus
    those the template carries). Its version field is unused here: the template form carries the version."""
    current = list(template.tags.all()) if template else []
    tags = list(Tag.objects.filter(is_active=True)) + [t for t in current if not t.is_active]
    if data is not None:
        return TagsForm(data, prefix=TAGS_PREFIX, tags=tags)
    initial = {"version": 0}
    for kind, name in TAG_FIELDS.items():
        initial[name] = [str(t.pk) for t in current if t.kind == kind]
    return TagsForm(prefix=TAGS_PREFIX, tags=tags, initial=initial)


class PartForm(forms.ModelForm):
    """A part row; ``organisation`` (None for a national template) limits the local choices."""

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation


class HelperForm(PartForm):
    class Meta:
        formfield_callback = bounds.bounded_formfield  # the bounds of the model's field_bounds
        model = TemplateHelper
        fields = ["agency", "role", "life_domain"]


class NeedForm(PartForm):
    class Meta:
        formfield_callback = bounds.bounded_formfield  # the bounds of the model's field_bounds
        model = TemplateNeed
        fields = ["life_domain", "kind", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class StepForm(PartForm):
    class Meta:
        formfield_callback = bounds.bounded_formfield  # the bounds of the model's field_bounds
        model = TemplateStep
        fields = ["phase", "description", "owner"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class CostLineForm(PartForm):
    class Meta:
        formfield_callback = bounds.bounded_formfield  # the bounds of the model's field_bounds
        model = TemplateCostLine
        fields = ["scenario", "item", "description", "quantity", "probability", "unit_price", "funding_stream"]
        help_texts = {
            "item": _("De prijs komt bij het overnemen uit het tarief van de gemeente of de landelijke prijslijst."),
            "unit_price": _("Alleen bij een vrije regel zonder prijspost."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = PriceItem.objects.filter(is_active=True).order_by("name")


class ArticleForm(PartForm):
    class Meta:
        formfield_callback = bounds.bounded_formfield  # the bounds of the model's field_bounds
        model = TemplateArticle
        fields = ["national_article", "local_article", "application", "motivation"]
        labels = {"national_article": _("Landelijk wetsartikel"), "local_article": _("Lokaal artikel")}
        widgets = {"motivation": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["national_article"].queryset = LegalArticle.objects.filter(retired_at__isnull=True)
        if self.organisation is None:
            del self.fields["local_article"]
        else:
            self.fields["local_article"].queryset = LocalArticle.objects.filter(
                organisation=self.organisation, retired_at__isnull=True
            )

    def clean(self):
        data = super().clean()
        chosen = [data.get("national_article"), data.get("local_article")]
        if sum(a is not None for a in chosen) != 1:
            raise forms.ValidationError(_("Kies één artikel: een landelijk of een lokaal."))
        return data


# kind (as in services.PART_MODELS) -> (form, prefix, legend)
PART_FORMS = {
    "helpers": (HelperForm, "hulpverleners", _("Typische hulpverleners")),
    "needs": (NeedForm, "behoeften", _("Behoeften per leefgebied")),
    "steps": (StepForm, "stappen", _("Stappen per fase")),
    "cost_lines": (CostLineForm, "kosten", _("Typische kostenregels per scenario")),
    "articles": (ArticleForm, "artikelen", _("Wetsartikelen met motivering")),
}


def part_formsets(*, organisation, data=None, parts: dict[str, list] | None = None) -> dict:
    """One formset per kind, filled from the stored ``parts`` (or from ``data`` when posted)."""
    formsets = {}
    for kind, (form_class, prefix, legend) in PART_FORMS.items():
        factory = forms.formset_factory(form_class, extra=EXTRA_ROWS, can_delete=True)
        initial = [forms.model_to_dict(p, fields=form_class._meta.fields) for p in (parts or {}).get(kind, [])]
        formset = factory(data, prefix=prefix, initial=initial, form_kwargs={"organisation": organisation})
        formset.legend = legend
        formsets[kind] = formset
    return formsets


def parts_from(formsets: dict) -> dict[str, list[dict]]:
    """The rows to store per kind: stored or filled-in rows not marked for removal (an untouched empty row has
    no cleaned data)."""
    return {
        kind: [
            {k: v for k, v in form.cleaned_data.items() if k != "DELETE"}
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        for kind, formset in formsets.items()
    }
