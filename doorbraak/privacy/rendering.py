"""The access export as HTML for WeasyPrint (doorbraak/core/pdf.py turns it into PDF)."""

from django.template.loader import render_to_string
from django.utils import translation

from .selectors import AccessExport


def render_access_export_html(export: AccessExport) -> str:
    with translation.override("nl"):
        return render_to_string(
            "privacy/access_export_pdf.html",
            {"export": export, "colour": export.household.organisation.primary_colour},
        )
