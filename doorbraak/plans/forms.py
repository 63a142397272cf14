"""Forms of the plan editor. Each section of block 1 is its own small form that carries the version it
was based on, so a save on top of someone else's change is refused instead of overwriting it."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doorbraak.core import bounds
from doorbraak.core.constants import LifeDomain

from .constants import PlanStatus, TagKind
from .models import Helper, Need, Step, Tag

# The processing log exists from 2026 on; a period far outside it is a typing error, not a question.
LOG_FIRST_YEAR, LOG_LAST_YEAR = 2020, 2100
LOG_YEARS = {"first": LOG_FIRST_YEAR, "last": LOG_LAST_YEAR}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class VersionedForm(forms.Form):
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class SituationForm(VersionedForm):
    situation = forms.CharField(
        label=_("Situatieschets"), required=False, widget=forms.Textarea(attrs={"rows": 8}), validators=[bounds.TEXT]
    )


class PerspectiveForm(VersionedForm):
    perspective = forms.CharField(
        label=_("Perspectief"),
        required=False,
        help_text=_("Eén scherp doel, in de woorden van het huishouden."),
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[bounds.TEXT],
    )
    perspective_target_date = forms.DateField(
        label=_("Streefdatum"), required=False, widget=DateInput(), validators=[bounds.PLANNED_DATE]
    )


class BreakthroughForm(VersionedForm):
    breakthrough_description = forms.CharField(
        label=_("De doorbraak"),
        required=False,
        help_text=_("De eerste en belangrijkste stap waar alle andere stappen van afhangen."),
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[bounds.TEXT],
    )
    breakthrough_obstacle = forms.CharField(
        label=_("Obstakel in het systeem"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[bounds.TEXT],
    )
    breakthrough_exception = forms.CharField(
        label=_("Benodigde uitzondering"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[bounds.TEXT],
    )
    breakthrough_grantor = forms.CharField(label=_("Wie kan de uitzondering toestaan"), required=False, max_length=200)


SECTION_FORMS: dict[str, type[VersionedForm]] = {
    "situation": SituationForm,
    "perspective": PerspectiveForm,
    "breakthrough": BreakthroughForm,
}

TAG_FIELDS = {
    TagKind.LIFE_DOMAIN: "life_domain_tags",
    TagKind.PROBLEM: "problem_tags",
    TagKind.SOLUTION: "solution_tags",
    TagKind.BREAKTHROUGH: "breakthrough_tags",
}

TAG_LEGENDS = {
    TagKind.LIFE_DOMAIN: _("Leefgebieden"),
    TagKind.PROBLEM: _("Problemen"),
    TagKind.SOLUTION: _("Oplossingen"),
    TagKind.BREAKTHROUGH: _("Soort doorbraak"),
}


class TagsForm(VersionedForm):
    """Checkbox groups per kind of tag; only active tags, plus any the plan already carries."""

    def __init__(self, *args, tags=None, current_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        if tags is None:
            tags = list(Tag.objects.filter(Q(is_active=True) | Q(pk__in=list(current_ids))))
        by_kind: dict[str, list[Tag]] = {kind: [] for kind in TAG_FIELDS}
        for tag in tags:
            by_kind.setdefault(tag.kind, []).append(tag)
        for kind, name in TAG_FIELDS.items():
            field = forms.MultipleChoiceField(
                label=TAG_LEGENDS[kind],
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=[(str(t.pk), t.label) for t in sorted(by_kind[kind], key=lambda t: t.label)],
            )
            self.fields[name] = field
        self._tags = {str(t.pk): t for t in tags}

    def groups(self):
        """(field, legend) per kind, for rendering each kind as its own fieldset."""
        return [self[name] for name in TAG_FIELDS.values()]

    def selected_tags(self) -> list[Tag]:
        ids = [pk for name in TAG_FIELDS.values() for pk in self.cleaned_data.get(name, [])]
        return [self._tags[pk] for pk in ids]


class ItemForm(forms.ModelForm):
    """Edit form of one helper, need or step; carries the item's own version. The model's bounds
    (``field_bounds``) are put on the form fields."""

    formfield_callback = bounds.bounded_formfield

    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput, required=False)
    creation_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An existing item carries its version; a new one carries a creation token against double submits.
        del self.fields["creation_token" if self.instance.pk else "version"]
        for f in self.fields.values():
            if isinstance(f, forms.TypedChoiceField) and f.choices and f.choices[0][0] == "":
                f.choices = [("", _("— kies —")), *f.choices[1:]]

    def item_data(self) -> dict:
        return {f: self.cleaned_data[f] for f in self._meta.fields}


class HelperForm(ItemForm):
    class Meta:
        model = Helper
        formfield_callback = bounds.bounded_formfield  # the bounds of the model's field_bounds
        fields = ["agency", "role", "life_domain"]
        labels = {"agency": _("Organisatie"), "role": _("Rol / wat doen zij"), "life_domain": _("Leefgebied")}


class NeedForm(ItemForm):
    class Meta:
        model = Need
        formfield_callback = bounds.bounded_formfield  # the bounds of the model's field_bounds
        fields = ["life_domain", "kind", "description"]
        labels = {"life_domain": _("Leefgebied"), "kind": _("Wat is nodig"), "description": _("Omschrijving")}
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class StepForm(ItemForm):
    class Meta:
        model = Step
        formfield_callback = bounds.bounded_formfield  # the bounds of the model's field_bounds
        fields = ["description", "phase", "owner", "due_date", "done"]
        labels = {
            "description": _("Stap"),
            "phase": _("Fase"),
            "owner": _("Wie"),
            "due_date": _("Wanneer klaar"),
            "done": _("Gedaan"),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 2}), "due_date": DateInput()}


ITEM_FORMS: dict[str, type[ItemForm]] = {"helper": HelperForm, "need": NeedForm, "step": StepForm}


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(choices=PlanStatus.choices, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2}), validators=[bounds.TEXT]
    )


class PlanFilterForm(forms.Form):
    """Filter and search of the plan list. Sent by POST so a household reference never lands in a URL."""

    reference = forms.CharField(label=_("Zoek op referentie huishouden"), required=False, max_length=20)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Alle statussen")), *PlanStatus.choices]
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)


class TagCreateForm(forms.ModelForm):
    class Meta:
        model = Tag
        fields = ["kind", "label", "code", "life_domain"]
        labels = {
            "kind": _("Soort"),
            "label": _("Omschrijving"),
            "code": _("Code"),
            "life_domain": _("Leefgebied"),
        }
        help_texts = {"code": _("Kleine letters, cijfers en liggende streepjes, bijvoorbeeld 'energiearmoede'.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["life_domain"].choices = [("", _("Geen (algemeen)")), *LifeDomain.choices]
        self.fields["kind"].choices = [("", _("— kies —")), *TagKind.choices]


class LogHouseholdForm(forms.Form):
    """Choose a household for "Wie heeft dit dossier ingezien?" by its reference (POST: never in a URL)."""

    reference = forms.CharField(
        label=_("Referentie huishouden"), max_length=20, help_text=_("Bijvoorbeeld HH-7KQ4-M2XD.")
    )

    def clean_reference(self) -> str:
        return self.cleaned_data["reference"].strip().upper()


class LogPeriodForm(forms.Form):
    """A period of the processing log: from and to, both days included."""

    since = forms.DateField(label=_("Van"), widget=DateInput())
    until = forms.DateField(label=_("Tot en met"), widget=DateInput())

    def __init__(self, *args, required: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = required

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        for name in ("since", "until"):
            day = data.get(name)
            if day is not None and not (LOG_FIRST_YEAR <= day.year <= LOG_LAST_YEAR):
                self.add_error(name, _("Kies een datum tussen %(first)s en %(last)s.") % LOG_YEARS)
        if since and until and since > until:
            self.add_error("until", _("De einddatum ligt vóór de begindatum."))
        return data
