"""Turn a plan document into PDF with WeasyPrint."""

from django.template.loader import render_to_string
from django.utils import translation

from doorbraak.core.pdf import html_to_pdf

__all__ = ["html_to_pdf", "render_document_html"]


def render_document_html(context: dict) -> str:
    template = "documents/plan_plain.html" if context["options"].plain else "documents/plan_full.html"
    with translation.override("nl"):
        return render_to_string(template, context)
