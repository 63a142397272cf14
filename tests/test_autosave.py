"""Autosave on every side of a plan (issue 9, point 1), tested the way a user meets it.

Each side's free-text form is read from the page as it is rendered and posted exactly so: as HTMX does it
(to the form's ``hx-post``, with the HX-Request header) and without JavaScript (the form's button). Per side:
the text is saved and found again on the page, a save based on an outdated version (two people) is refused
with 409 and the conflict view, nothing overwritten; an empty required text is refused with a Dutch message.
"""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from doorbraak.accounts.tests.mfa_support import verified_login
from doorbraak.costs.models import CostLine, CostSheet
from doorbraak.costs.services.plan_return import line_add
from doorbraak.engagement.models import Engagement
from doorbraak.followup import services as followup_services
from doorbraak.followup.models import Evaluation
from doorbraak.followup.tests.factories import make_complete
from doorbraak.legal.models import Citation, LegalArticle, PlanLegalBasis
from doorbraak.legal.services import citation_add
from doorbraak.plans.models import Plan
from tests.pageforms import rendered_form, rendered_forms

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
SAVED = "Opgeslagen om"
CONFLICT = "Niet opgeslagen: iemand anders heeft dit onderdeel intussen gewijzigd."
INVALID = "Niet opgeslagen: controleer de invoer."


@dataclass
class Side:
    """One autosaving form: where it is, which field the user types in, and what is stored."""

    page: str
    action: str
    field: str
    stored: object  # () -> the stored text
    button: str = "Opslaan"
    required: str = ""  # the Dutch message for an empty required text ("" when empty is allowed)


def _cited(plan, user) -> Citation:
    article = LegalArticle.objects.filter(law_short="Pw", article="35").first()
    return citation_add(actor=user, plan=plan, article=article, application="must", motivation="Eerste tekst.")


def _line(plan, user) -> CostLine:
    data = {"scenario": "plan", "description": "Huurachterstand", "quantity": Decimal("1"), "funding_stream": "overig"}
    return line_add(actor=user, plan=plan, data=data, manual_price=Decimal("1500.00"), manual_reason="Offerte")


def _due_evaluation(plan, user, *, approver, functional_admin) -> Evaluation:
    followup_services.escalation_matrix_seed_defaults(actor=functional_admin, organisation=plan.organisation)
    make_complete(plan, user)
    request = followup_services.plan_submit(actor=user, plan=plan)
    followup_services.decision_approve(actor=approver, request=request, reason="Akkoord.")
    evaluation = Evaluation.objects.get(plan=plan, months=6)
    Evaluation.objects.filter(pk=evaluation.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    return evaluation


def make_side(name, plan, user, request) -> Side:
    pk = plan.pk
    if name == "block1":
        return Side(
            reverse("workspace:plan", args=[pk]),
            reverse("workspace:section", args=[pk, "situation"]),
            "situatie-situation",
            lambda: Plan.objects.get(pk=pk).situation,
        )
    if name == "motivation":
        return Side(
            reverse("legal:plan_legitimacy", args=[pk]),
            reverse("legal:motivation", args=[pk]),
            "motivation",
            lambda: PlanLegalBasis.objects.filter(plan=plan).values_list("motivation", flat=True).first() or "",
            button="Motivering opslaan",
            required="Schrijf de motivering voordat u opslaat",
        )
    if name == "citation":
        citation = _cited(plan, user)
        return Side(
            reverse("legal:plan_legitimacy", args=[pk]),
            reverse("legal:citation_update", args=[pk, citation.pk]),
            f"c{citation.pk}-motivation",
            lambda: Citation.objects.get(pk=citation.pk).motivation,
            required="Schrijf hoe dit artikel in dit plan van toepassing is.",
        )
    if name == "engagement":
        return Side(
            reverse("engagement:plan_engagement", args=[pk]),
            reverse("engagement:texts_save", args=[pk]),
            "own_words",
            lambda: Engagement.objects.filter(plan=plan).values_list("own_words", flat=True).first() or "",
        )
    if name == "return_note":
        return Side(
            reverse("costs:plan_return", args=[pk]),
            reverse("costs:sheet_note", args=[pk]),
            "toelichting-note",
            lambda: CostSheet.objects.filter(plan=plan).values_list("note", flat=True).first() or "",
            button="Toelichting opslaan",
        )
    if name == "line_note":
        line = _line(plan, user)
        return Side(
            reverse("costs:line_edit", args=[pk, line.pk]),
            reverse("costs:line_note", args=[pk, line.pk]),
            f"regel-toelichting-{line.pk}-note",
            lambda: CostLine.objects.get(pk=line.pk).note,
            button="Toelichting opslaan",
        )
    if name == "evaluation":
        evaluation = _due_evaluation(
            plan,
            user,
            approver=request.getfixturevalue("team_lead"),
            functional_admin=request.getfixturevalue("functional_admin"),
        )
        return Side(
            reverse("followup:evaluation_record", args=[pk, evaluation.pk]),
            reverse("followup:evaluation_draft", args=[pk, evaluation.pk]),
            "explanation",
            lambda: Evaluation.objects.get(pk=evaluation.pk).explanation,
            button="",  # the button records the evaluation (final); without JavaScript that is the save
            required="Beschrijf kort wat er echt is gebeurd.",
        )
    raise ValueError(name)


SIDES = ["block1", "motivation", "citation", "engagement", "return_note", "line_note", "evaluation"]


def autosave_form(client, side: Side):
    """The autosaving form on the page as rendered: the one whose hx-post is the side's autosave address."""
    page = client.get(side.page)
    assert page.status_code == 200
    forms = [f for f in rendered_forms(page) if f.attrs.get("hx-post") == side.action]
    assert forms, f"no autosave form posting to {side.action}"
    form = forms[0]
    assert "data-autosave" in form.attrs and side.field in form.names
    return form


def autosave(client, form, changes):
    """What HTMX sends when the typing stops: the form's fields, to its hx-post, with the HX-Request header."""
    return client.post(form.attrs["hx-post"], form.data(changes), **HTMX)


def client_for(user) -> Client:
    return verified_login(Client(), user)


@pytest.fixture
def side(request, plan, professional):
    return make_side(request.param, plan, professional, request)


@pytest.mark.parametrize("side", SIDES, indirect=True)
def test_autosave_saves_and_the_text_is_there_after_a_reload(side, professional):
    client = client_for(professional)
    form = autosave_form(client, side)
    response = autosave(client, form, {side.field: "Getypt en vanzelf bewaard."})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(SAVED) and "<html" not in html
    assert 'hx-swap-oob="true"' in html  # the new version goes into the form, the typed text stays
    assert side.stored() == "Getypt en vanzelf bewaard."
    assert "Getypt en vanzelf bewaard." in client.get(side.page).content.decode()


@pytest.mark.parametrize("side", [s for s in SIDES if s != "evaluation"], indirect=True)
def test_without_javascript_the_button_saves(side, professional):
    client = client_for(professional)
    page = client.get(side.page)
    form = rendered_form(page, action_contains=side.action, with_field=side.field)
    response = form.submit(client, {side.field: "Met de knop bewaard."}, button=side.button)
    assert response.status_code == 302
    assert side.stored() == "Met de knop bewaard."
    followed = client.get(response["Location"]).content.decode()
    assert SAVED in followed and "Met de knop bewaard." in followed


@pytest.mark.parametrize("side", SIDES, indirect=True)
def test_two_people_a_stale_version_is_refused_with_the_conflict_view(side, professional, team_lead):
    """Two clients load the same page; the first saves, the second (still on the old version) gets 409 with both
    texts side by side, and nothing is overwritten. 'Mijn versie toch opslaan' then saves on purpose."""
    first, second = client_for(professional), client_for(team_lead)
    form_first, form_second = autosave_form(first, side), autosave_form(second, side)
    assert autosave(first, form_first, {side.field: "Tekst van de eerste."}).status_code == 200

    response = autosave(second, form_second, {side.field: "Tekst van de tweede."})
    assert response.status_code == 409
    html = response.content.decode()
    assert CONFLICT in html and "Tekst van de eerste." in html and "Tekst van de tweede." in html
    assert "Mijn versie toch opslaan" in html
    assert side.stored() == "Tekst van de eerste."

    overwrite = html.split('name="overwrite_version" value="')[1].split('"')[0]
    data = {**form_second.data({side.field: "Tekst van de tweede."}), "overwrite_version": [overwrite]}
    assert second.post(side.action, data, **HTMX).status_code == 200
    assert side.stored() == "Tekst van de tweede."


@pytest.mark.parametrize("side", ["motivation", "citation", "evaluation"], indirect=True)
def test_an_empty_required_text_is_refused_and_never_reported_as_saved(side, professional):
    client = client_for(professional)
    form = autosave_form(client, side)
    before = side.stored()
    response = autosave(client, form, {side.field: "   "})
    assert response.status_code == 400
    html = response.content.decode()
    assert INVALID in html and side.required in html and SAVED not in html
    # the message names the field, so htmx-a11y.js marks it aria-invalid and links it (aria-describedby)
    assert 'data-error-for="id_' in html
    assert side.stored() == before


def test_without_javascript_an_empty_motivation_shows_the_page_with_the_linked_error(plan, professional):
    client = client_for(professional)
    form = rendered_form(client.get(reverse("legal:plan_legitimacy", args=[plan.pk])), with_field="motivation")
    response = form.submit(client, {"motivation": ""}, button="Motivering opslaan")
    assert response.status_code == 400
    html = response.content.decode()
    assert INVALID in html and 'aria-invalid="true"' in html and 'id="id_motivation_error"' in html
    assert not PlanLegalBasis.objects.filter(plan=plan).exists()


def test_evaluation_draft_is_kept_until_it_is_recorded(plan, professional, team_lead, functional_admin):
    evaluation = _due_evaluation(plan, professional, approver=team_lead, functional_admin=functional_admin)
    client = client_for(professional)
    side_page = reverse("followup:evaluation_record", args=[plan.pk, evaluation.pk])
    form = [f for f in rendered_forms(client.get(side_page)) if "explanation" in f.names][0]
    autosave(client, form, {"explanation": "Halverwege geschreven.", "breakthrough_achieved": "partly"})
    evaluation.refresh_from_db()
    assert not evaluation.is_recorded and evaluation.explanation == "Halverwege geschreven."
    # Coming back: the draft is in the form; recording it is the button.
    form = [f for f in rendered_forms(client.get(side_page)) if "explanation" in f.names][0]
    assert dict(form.fields)["explanation"] == "Halverwege geschreven."
    assert form.submit(client, button="Evaluatie vastleggen").status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.is_recorded and evaluation.breakthrough_achieved == "partly"


def test_a_draft_motivation_is_marked_unsaved(plan, professional):
    """'Maak een concept' puts a draft in the text box without storing it: the form says so and carries
    data-unsaved, so static/js/autosave.js warns before the page is left."""
    client = client_for(professional)
    _cited(plan, professional)
    form = rendered_form(client.get(reverse("legal:plan_legitimacy", args=[plan.pk])), with_field="motivation")
    response = form.submit(client, button="Maak een concept")
    html = response.content.decode()
    assert response.status_code == 200 and "Nog niet opgeslagen" in html
    draft_form = rendered_form(response, with_field="motivation")
    assert "data-unsaved" in draft_form.attrs and "Pw art. 35" in dict(draft_form.fields)["motivation"]
    assert not PlanLegalBasis.objects.filter(plan=plan).exists()


@pytest.mark.parametrize("side", SIDES, indirect=True)
def test_only_who_may_edit_the_plan_can_autosave(side, professional, manager, outsider):
    """The owner saves (above); a manager of the same municipality may not edit (403), another municipality does
    not see the plan at all (404). Nothing is stored for either."""
    form = autosave_form(client_for(professional), side)
    before = side.stored()
    data = form.data({side.field: "Niet van mij."})
    assert client_for(manager).post(side.action, data, **HTMX).status_code == 403
    assert client_for(outsider).post(side.action, data, **HTMX).status_code == 404
    assert side.stored() == before
