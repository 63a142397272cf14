from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doorbraak.core import bounds

from .constants import ConsentScope, HouseholdRole


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _this_year() -> int:
    return timezone.localdate().year


class HouseholdForm(forms.Form):
    """Registration of a household: the team, consent, and a creation token against double submits."""

    team = forms.ModelChoiceField(label=_("Team"), queryset=None, empty_label=None)
    consent_given_on = forms.DateField(
        label=_("Datum toestemming"), widget=DateInput(), validators=[bounds.RECORDED_DATE]
    )
    consent_scope = forms.ChoiceField(
        label=_("Waarvoor is toestemming gegeven"), choices=ConsentScope.choices, widget=forms.RadioSelect
    )
    creation_token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams


class MemberForm(forms.Form):
    role = forms.ChoiceField(label=_("Rol in het huishouden"), choices=[("", "—"), *HouseholdRole.choices])
    birth_year = forms.IntegerField(label=_("Geboortejaar"), min_value=1900)
    label = forms.CharField(
        label=_("Aanduiding"),
        required=False,
        max_length=60,
        help_text=_("Bijvoorbeeld 'moeder' of 'oudste zoon'; geen naam."),
    )

    def clean_birth_year(self):
        year = self.cleaned_data["birth_year"]
        if year > _this_year():
            raise forms.ValidationError(_("Het geboortejaar ligt in de toekomst."))
        return year


class BaseMemberFormSet(forms.BaseFormSet):
    # Django's own wording ("Verstuur minimaal 1 formulier.") talks about forms, not about the household.
    default_error_messages = {
        "too_few_forms": _("Vul minimaal één gezinslid in."),
        "too_many_forms": _("Een huishouden heeft hier hoogstens %(num)d gezinsleden."),
    }

    def members(self) -> list[dict]:
        return [f.cleaned_data for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]


MemberFormSet = forms.formset_factory(
    MemberForm, formset=BaseMemberFormSet, extra=3, min_num=1, validate_min=True, max_num=20, validate_max=True
)


class ConsentForm(forms.Form):
    given_on = forms.DateField(label=_("Datum toestemming"), widget=DateInput(), validators=[bounds.RECORDED_DATE])
    scope = forms.ChoiceField(
        label=_("Waarvoor is toestemming gegeven"), choices=ConsentScope.choices, widget=forms.RadioSelect
    )
