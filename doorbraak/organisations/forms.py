"""Forms only collect and shape input; the rules live in services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak.core import bounds

from .constants import Role
from .services import PLAN_HORIZON_MAX_MONTHS, PLAN_HORIZON_MIN_MONTHS


class TeamForm(forms.Form):
    name = forms.CharField(label=_("Naam van het team"), max_length=200)
    district = forms.ModelChoiceField(
        label=_("Wijk"), queryset=None, required=False, empty_label=_("Geen wijk"), help_text=_("Waar werkt dit team?")
    )

    def __init__(self, *args, districts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts


class DistrictForm(forms.Form):
    name = forms.CharField(label=_("Naam van de wijk"), max_length=200)


class MembershipForm(forms.Form):
    role = forms.ChoiceField(label=_("Rol"), choices=Role.choices)
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=None,
        required=False,
        empty_label=_("Geen team"),
        help_text=_("Professionals en teamleiders horen bij een team."),
    )

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams


class UserCreateForm(MembershipForm):
    email = forms.EmailField(label=_("E-mailadres"), help_text=_("Dit is ook de inlognaam."))
    first_name = forms.CharField(label=_("Voornaam"), max_length=150)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150)
    password = forms.CharField(
        label=_("Eerste wachtwoord"),
        required=False,
        max_length=bounds.PASSWORD_MAX_LENGTH,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "Laat leeg om een eenmalig wachtwoord te laten maken; dat ziet u één keer op het scherm. "
            "Een zelfgekozen wachtwoord heeft minstens 10 tekens."
        ),
    )

    field_order = ["email", "first_name", "last_name", "role", "team", "password"]


class OrganisationSettingsForm(forms.Form):
    display_name = forms.CharField(
        label=_("Naam in de huisstijl"),
        max_length=200,
        required=False,
        help_text=_("Zo heet de toepassing bovenaan elke pagina, bijvoorbeeld 'Doorbraak Voorbeeldstad'."),
    )
    primary_colour = forms.CharField(
        label=_("Hoofdkleur"),
        max_length=7,
        widget=forms.TextInput(attrs={"type": "color"}),
        help_text=_("Kleurcode als #1a5f8c. Witte tekst moet er goed leesbaar op zijn (contrast minstens 4,5:1)."),
    )
    plan_horizon_months = forms.IntegerField(
        label=_("Termijn van het perspectief (maanden)"),
        min_value=PLAN_HORIZON_MIN_MONTHS,
        max_value=PLAN_HORIZON_MAX_MONTHS,
        help_text=_("De streefdatum van een nieuw plan ligt standaard zoveel maanden vooruit."),
    )


class OrganisationCreateForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200, help_text=_("Bijvoorbeeld 'Gemeente Voorbeeldstad'."))
    slug = forms.SlugField(
        label=_("Korte naam"), max_length=50, required=False, help_text=_("Laat leeg om die uit de naam te maken.")
    )
    display_name = forms.CharField(label=_("Naam in de huisstijl"), max_length=200, required=False)
    primary_colour = forms.CharField(
        label=_("Hoofdkleur"), max_length=7, initial="#1a5f8c", widget=forms.TextInput(attrs={"type": "color"})
    )
    admin_email = forms.EmailField(label=_("E-mailadres van de eerste functioneel beheerder"))
    admin_first_name = forms.CharField(label=_("Voornaam van de beheerder"), max_length=150)
    admin_last_name = forms.CharField(label=_("Achternaam van de beheerder"), max_length=150)
