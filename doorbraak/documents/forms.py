from django import forms
from django.utils.translation import gettext_lazy as _

VARIANTS = [
    ("full", _("Volledig plan (voor professionals en besluitvormers)")),
    ("plain", _("Eenvoudige versie voor het huishouden (B1-taal)")),
]


class ExportForm(forms.Form):
    variant = forms.ChoiceField(label=_("Welke versie?"), choices=VARIANTS, initial="full", widget=forms.RadioSelect)
    include_costs = forms.BooleanField(
        label=_("Kosten en baten ook in de eenvoudige versie opnemen"),
        required=False,
        help_text=_("Standaard staan interne kosten niet in de versie voor het huishouden."),
    )
    closed_arguments = forms.BooleanField(
        label=_("Gesloten argumenten met antwoorden afdrukken (volledig plan)"), required=False
    )
    partner = forms.TypedChoiceField(
        label=_("Voor een partner"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Alleen de onderdelen waarvoor het huishouden deze partner nu toestemming gaf."),
    )

    def __init__(self, *args, partner_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].choices = [("", _("Niet voor een partner: alle onderdelen"))] + [
            (choice.partner.pk, str(choice.partner)) for choice in partner_choices
        ]
        self.has_partners = bool(partner_choices)
