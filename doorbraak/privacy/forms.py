"""Forms only collect and shape input; the rules live in services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import AUDIT_YEARS_MAX, AUDIT_YEARS_MIN, CASE_FILE_YEARS_MAX, CASE_FILE_YEARS_MIN


class ReferenceForm(forms.Form):
    reference = forms.CharField(
        label=_("Referentie van het huishouden"),
        max_length=16,
        help_text=_("Zoals HH-7KQ4-M2XD. Het huishouden noemt die, of u vindt hem op het plan."),
    )


class AccessExportForm(forms.Form):
    file_format = forms.ChoiceField(
        label=_("Bestandsvorm"),
        choices=[("pdf", _("PDF, om te lezen of mee te geven")), ("json", _("JSON, om door te geven aan een systeem"))],
        initial="pdf",
        widget=forms.RadioSelect,
    )


class RetentionForm(forms.Form):
    case_file_years = forms.IntegerField(
        label=_("Bewaartermijn dossier (jaren)"),
        min_value=CASE_FILE_YEARS_MIN,
        max_value=CASE_FILE_YEARS_MAX,
        help_text=_("Gerekend vanaf het afsluiten of evalueren van het plan. Standaard 20 jaar (Jeugdwet)."),
    )
    audit_years = forms.IntegerField(
        label=_("Bewaartermijn auditlog (jaren)"),
        min_value=AUDIT_YEARS_MIN,
        max_value=AUDIT_YEARS_MAX,
        help_text=_("Daarna verdwijnen de regels over wie wat las of wijzigde. Standaard 5 jaar."),
    )
