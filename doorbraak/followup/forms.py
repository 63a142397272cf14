from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doorbraak.core import bounds
from doorbraak.costs.constants import FundingStream

from .constants import BreakthroughOutcome, SharingPart
from .models import ContactPerson, EscalationLevel


def _org_users(organisation, roles=None):
    qs = get_user_model().objects.filter(membership__organisation=organisation, membership__is_active=True)
    if roles:
        qs = qs.filter(membership__role__in=roles)
    return qs.order_by("last_name", "first_name", "email")


EMPTY_CHOICE = _("— kies —")


def _dutch_empty_choices(form):
    """Django's "---------" placeholder in selects, as the Dutch "— kies —" the rest of the app shows."""
    for field in form.fields.values():
        if getattr(field, "empty_label", None) == "---------":
            field.empty_label = EMPTY_CHOICE
        elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
            choices = list(field.choices)
            if choices and choices[0] == ("", "---------"):
                field.choices = [("", EMPTY_CHOICE), *choices[1:]]


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.email


class UserMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name() or obj.email
        return f"{name} ({obj.membership.get_role_display()})"


class EscalationLevelForm(forms.ModelForm):
    deciders = UserMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Alleen deze personen"),
        help_text=_("Leeg laten: iedereen met deze rol (een teamleider alleen voor het eigen team)."),
    )

    class Meta:
        model = EscalationLevel
        fields = ["name", "decider_role", "deciders"]

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        from .constants import DECIDER_ROLES

        self.fields["deciders"].queryset = _org_users(organisation, DECIDER_ROLES).select_related("membership")
        _dutch_empty_choices(self)


class ContactForm(forms.ModelForm):
    user = UserChoiceField(queryset=None, required=False, label=_("Collega in Doorbraak"))

    class Meta:
        model = ContactPerson
        fields = ["domain", "user", "partner_organisation", "function", "email", "is_active"]
        help_texts = {"partner_organisation": _("Voor een externe partner: de naam van de organisatie.")}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = _org_users(organisation)
        _dutch_empty_choices(self)


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden of toelichting"),
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[bounds.TEXT],
        required=False,
        help_text=_("Verplicht bij afwijzen en bij voorleggen aan het volgende niveau. Ook 'nee' krijgt een reden."),
    )
    outcome = forms.ChoiceField(
        choices=[("approve", _("Goedkeuren")), ("reject", _("Afwijzen")), ("escalate", _("Voorleggen"))]
    )


class ActionForm(forms.Form):
    description = forms.CharField(label=_("Actie"), max_length=300)
    owner = UserChoiceField(
        queryset=None,
        label=_("Wie"),
        error_messages={"invalid_choice": _("Kies bij 'Wie' iemand uit het team van dit plan of het Doorbraakteam.")},
    )
    due_date = forms.DateField(
        label=_("Uiterlijk klaar op"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[bounds.PLANNED_DATE],
    )

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners  # followup.selectors.action_owner_candidates
        _dutch_empty_choices(self)


class ActionStateForm(forms.Form):
    state = forms.ChoiceField(choices=[("open", "open"), ("done", "done"), ("cancelled", "cancelled")])


SCORE_CHOICES = [("", _("niet gescoord"))] + [(str(i), str(i)) for i in range(11)]


class EvaluationDraftForm(forms.Form):
    """What the evaluation form autosaves before it is recorded: the text (required) and the outcome if chosen."""

    breakthrough_achieved = forms.ChoiceField(
        label=_("Is de doorbraak gelukt?"), choices=BreakthroughOutcome.choices, required=False
    )
    explanation = forms.CharField(
        label=_("Wat is er echt gebeurd?"),
        error_messages={"required": _("Beschrijf kort wat er echt is gebeurd.")},
        validators=[bounds.TEXT],
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class EvaluationForm(forms.Form):
    breakthrough_achieved = forms.ChoiceField(
        label=_("Is de doorbraak gelukt?"), choices=BreakthroughOutcome.choices, widget=forms.RadioSelect
    )
    explanation = forms.CharField(
        label=_("Wat is er echt gebeurd?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        validators=[bounds.TEXT],
        help_text=_("Wat is gerealiseerd, wat kostte het echt, is de kwaliteit van leven verbeterd?"),
    )

    def __init__(self, *args, dimensions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.dimension_codes = []
        for code, label in dimensions:
            name = f"score_{code}"
            self.fields[name] = forms.TypedChoiceField(
                label=label, choices=SCORE_CHOICES, coerce=int, empty_value=None, required=False
            )
            self.dimension_codes.append(code)

    def score_fields(self):
        return [self[f"score_{code}"] for code in self.dimension_codes]

    def scores(self) -> dict:
        return {code: self.cleaned_data.get(f"score_{code}") for code in self.dimension_codes}


class ConsentForm(forms.Form):
    partner = forms.ModelChoiceField(queryset=None, label=_("Partner"))
    parts = forms.MultipleChoiceField(
        label=_("Welke onderdelen van het plan mag deze partner zien?"),
        choices=SharingPart.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    given_on = forms.DateField(
        label=_("Toestemming gegeven op"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=timezone.localdate,
        validators=[bounds.RECORDED_DATE],
    )
    valid_until = forms.DateField(
        label=_("Geldig tot en met"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[bounds.PLANNED_DATE],
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = ContactPerson.objects.filter(
            organisation=organisation, is_active=True
        ).select_related("user")
        _dutch_empty_choices(self)

    def clean(self):
        data = super().clean()
        if data.get("given_on") and data.get("valid_until") and data["valid_until"] < data["given_on"]:
            self.add_error("valid_until", _("De einddatum ligt vóór de datum van de toestemming."))
        return data


class RealisedLineForm(forms.Form):
    """One realised cost line: how much, at what price per unit (the actual cost)."""

    quantity = forms.DecimalField(label=_("Aantal"), max_digits=12, decimal_places=2, validators=[bounds.QUANTITY])
    unit_price = forms.DecimalField(
        label=_("Prijs per eenheid (euro)"), max_digits=12, decimal_places=2, validators=[bounds.AMOUNT]
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class RealisedLineAddForm(forms.Form):
    description = forms.CharField(label=_("Omschrijving"), max_length=200)
    quantity = forms.DecimalField(label=_("Aantal"), max_digits=12, decimal_places=2, validators=[bounds.QUANTITY])
    unit_price = forms.DecimalField(
        label=_("Prijs per eenheid (euro)"), max_digits=12, decimal_places=2, validators=[bounds.AMOUNT]
    )
    funding_stream = forms.ChoiceField(label=_("Financieringsstroom"), choices=FundingStream.choices)
    cashable = forms.BooleanField(label=_("Verzilverbaar"), required=False)
