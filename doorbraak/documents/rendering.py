"""Turn a plan document into PDF with WeasyPrint."""

from django.template.loader import render_to_string
from django.utils import translation


def render_document_html(context: dict) -> str:
    template = "documents/plan_plain.html" if context["options"].plain else "documents/plan_full.html"
    with translation.override("nl"):
        return render_to_string(template, context)


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported here: loading pango is slow and only exports need it

    return HTML(string=html, base_url=None).write_pdf()
