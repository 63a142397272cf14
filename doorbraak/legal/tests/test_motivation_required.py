"""The motivation paragraph is required: an empty one is refused with a Dutch field error, never "opgeslagen".

The tests read the motivation form from the Legitimiteit page as it is rendered and post exactly that (the
submit button included), without JavaScript and as HTMX does.
"""

from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from doorbraak.audit.models import AuditEvent
from doorbraak.legal import selectors, services
from doorbraak.legal.models import LegalArticle, PlanLegalBasis

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
REFUSED = "Schrijf de motivering voordat u opslaat"


class _Form(HTMLParser):
    """The fields (name → value) and submit buttons of the form posting to ``action``."""

    def __init__(self, action: str):
        super().__init__()
        self.action, self.inside, self.fields, self.buttons = action, False, {}, {}
        self.textarea = None
        self.hx_post = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("action") == self.action:
            self.inside, self.hx_post = True, a.get("hx-post")
        elif not self.inside:
            return
        elif tag == "input" and a.get("name"):
            self.fields[a["name"]] = a.get("value", "")
        elif tag == "textarea":
            self.textarea = a["name"]
            self.fields[self.textarea] = ""
        elif tag == "button" and a.get("name"):
            self.buttons[a["value"]] = (a["name"], a["value"])

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "form":
            self.inside = False


def rendered_motivation_form(client, plan) -> _Form:
    html = client.get(reverse("legal:plan_legitimacy", args=[plan.pk])).content.decode()
    form = _Form(reverse("legal:motivation", args=[plan.pk]))
    form.feed(html)
    assert "motivation" in form.fields and "version" in form.fields, "the page renders the motivation form"
    return form


def post(client, plan, form: _Form, button: str, motivation: str, **headers):
    name, value = form.buttons[button]
    data = {**form.fields, "motivation": motivation, name: value}
    return client.post(reverse("legal:motivation", args=[plan.pk]), data, **headers)


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_the_service_refuses_an_empty_motivation_with_a_field_error(plan, professional, text):
    with pytest.raises(ValidationError) as refused:
        services.motivation_save(actor=professional, plan=plan, motivation=text, version=0)
    assert REFUSED in " ".join(refused.value.message_dict["motivation"])
    assert not PlanLegalBasis.objects.filter(plan=plan).exists()
    assert not AuditEvent.objects.filter(action="legal.motivation").exists()


def test_a_plain_post_of_an_empty_motivation_is_refused_on_the_page(plan, professional, login):
    client = login(professional)
    form = rendered_motivation_form(client, plan)
    assert form.hx_post == reverse("legal:motivation", args=[plan.pk])
    response = post(client, plan, form, "save", "")
    assert response.status_code == 400
    html = response.content.decode()
    assert REFUSED in html and 'class="utrecht-form-field-error-message"' in html
    assert "Niet opgeslagen: controleer de invoer." in html
    assert "Opgeslagen om" not in html
    assert not PlanLegalBasis.objects.filter(plan=plan).exists()


def test_emptying_a_saved_motivation_keeps_the_saved_text(plan, professional, login):
    services.motivation_save(actor=professional, plan=plan, motivation="Onze motivering.", version=0)
    client = login(professional)
    form = rendered_motivation_form(client, plan)
    assert form.fields["motivation"].strip() == "Onze motivering." and form.fields["version"] == "1"
    response = post(client, plan, form, "save", "  ", **HTMX)
    assert response.status_code == 400
    assert PlanLegalBasis.objects.get(plan=plan).motivation == "Onze motivering."


def test_htmx_gets_the_status_line_with_the_error_and_then_saved(plan, professional, login):
    """The autosave answer is the status line (the text being typed is never replaced): the error names the field
    (data-error-for, so htmx-a11y.js marks it aria-invalid and links the message), then "Opgeslagen"."""
    client = login(professional)
    form = rendered_motivation_form(client, plan)
    response = post(client, plan, form, "save", "", **HTMX)
    assert response.status_code == 400  # base.html lets HTMX swap a 400 in
    html = response.content.decode()
    assert "<html" not in html and "<textarea" not in html
    assert REFUSED in html and "Niet opgeslagen: controleer de invoer." in html
    assert 'id="status-motivering-motivation" data-error-for="id_motivation"' in html

    response = post(client, plan, form, "save", "De wet laat hier een uitzondering toe.", **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Opgeslagen om" in html and REFUSED not in html
    assert 'name="version" id="id_version" value="1" hx-swap-oob="true"' in html
    assert PlanLegalBasis.objects.get(plan=plan).motivation == "De wet laat hier een uitzondering toe."
    # The page itself holds no stale flash message from the HTMX answers.
    page = client.get(reverse("legal:plan_legitimacy", args=[plan.pk])).content.decode()
    assert "niet opgeslagen" not in page


def test_a_draft_needs_no_text_and_is_not_saved(plan, professional, login):
    pw35 = LegalArticle.objects.filter(law_short="Pw", article="35").first()
    services.citation_add(actor=professional, plan=plan, article=pw35, application="must", motivation="Noodzakelijk.")
    client = login(professional)
    form = rendered_motivation_form(client, plan)
    response = post(client, plan, form, "draft", "", **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pw art. 35" in html and "Er staat een concept" in html
    assert html.lstrip().startswith('<section id="legal-motivation"')
    assert "data-unsaved" in html  # leaving the page now warns: the draft is not stored
    assert not PlanLegalBasis.objects.filter(plan=plan).exists()
    assert not selectors.legal_side_complete(plan=plan)


def test_the_legal_side_needs_a_cited_article_with_how_it_applies_and_the_motivation(plan, professional):
    assert [m.split(" ")[0] for m in selectors.legal_missing(plan=plan)] == ["Kies", "Schrijf"]
    pw35 = LegalArticle.objects.filter(law_short="Pw", article="35").first()
    citation = services.citation_add(actor=professional, plan=plan, article=pw35, application="must")
    assert len(selectors.legal_missing(plan=plan)) == 2  # cited, but not how it applies here
    services.citation_update(
        actor=professional, citation=citation, application="must", motivation="Kosten zijn noodzakelijk.", version=0
    )
    assert selectors.legal_missing(plan=plan) == [str(selectors.MOTIVATION_MISSING)]
    services.motivation_save(actor=professional, plan=plan, motivation="De wet laat dit toe.", version=0)
    assert selectors.legal_missing(plan=plan) == []
    assert selectors.legal_side_complete(plan=plan)


def test_the_page_marks_the_motivation_as_required_without_a_browser_popup(plan, professional, login):
    """The label no longer says '(niet verplicht)'; the form has novalidate, so the app's own error shows."""
    html = login(professional).get(reverse("legal:plan_legitimacy", args=[plan.pk])).content.decode()
    start = html.index(f'action="{reverse("legal:motivation", args=[plan.pk])}"')
    form_html = html[html.rindex("<form", 0, start) : html.index("</form>", start)]
    assert "novalidate" in form_html
    label = form_html[form_html.index("Motivering van de uitzondering") :][:120]
    assert "niet verplicht" not in label
    assert "required" in form_html[form_html.index("<textarea") :].split(">")[0]
