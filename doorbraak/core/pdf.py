"""HTML to PDF with WeasyPrint, for every document the app exports (the plan, the access export)."""


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported here: loading pango is slow and only exports need it

    return HTML(string=html, base_url=None).write_pdf()
