"""The household's access request (AVG art. 15): the page, the JSON and PDF downloads, and who may do it."""

import json

import pytest
from django.urls import reverse

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.models import AuditEvent
from doorbraak.audit.services import audit_record
from doorbraak.core.privacy import household_data
from tests.pageforms import rendered_form

from .conftest import fill_household

OVERVIEW = reverse("privacy:overview")


def find(client, reference):
    """Look the household up by its reference on the overview, as the functional admin does."""
    page = client.get(OVERVIEW)
    return rendered_form(page, action_contains=OVERVIEW).submit(client, {"reference": reference})


def download(client, household, file_format):
    page = client.get(reverse("privacy:household_access", args=[household.pk]))
    form = rendered_form(page, action_contains=f"/privacy/huishoudens/{household.pk}/")
    return form.submit(client, {"file_format": file_format})


def test_functional_admin_finds_the_household_and_sees_what_is_held(login, functional_admin, full_household):
    client = login(functional_admin)
    response = find(client, full_household.reference.lower())
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    text = page.content.decode()
    assert full_household.reference in text
    assert "verbetert de hulpverlener het in het gewone plan" in text
    assert page["Cache-Control"] == "no-store, private"
    assert AuditEvent.objects.filter(
        action=AuditAction.PRIVACY_ACCESS_VIEW, actor=functional_admin, object_id=str(full_household.pk)
    ).exists()


def test_json_holds_every_registered_model_and_who_saw_it(login, functional_admin, professional, team):
    household, (plan,) = fill_household(team=team, user=professional)
    other, (other_plan,) = fill_household(team=team, user=professional)
    audit_record(actor=professional, organisation=plan.organisation, action=AuditAction.PLAN_READ, obj=plan)
    audit_record(actor=professional, organisation=plan.organisation, action=AuditAction.PLAN_READ, obj=other_plan)
    client = login(functional_admin)
    response = download(client, household, "json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store, private"
    assert f"inzage-{household.reference}-" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["huishouden"] == household.reference
    sections = {section["model"]: section["gegevens"] for section in data["onderdelen"]}
    assert set(sections) == {h.label for h in household_data()}
    empty = [label for label, records in sections.items() if not records]
    assert empty == [], f"the test household should have a row in every model; empty: {empty}"
    assert sections["households.household"][0]["reference"] == household.reference
    assert [p["id"] for p in sections["plans.plan"]] == [str(plan.pk)]
    assert sections["plans.plan"][0]["situation"] == plan.situation
    assert sections["plans.plan"][0]["tags"], "the plan's tags are exported"
    assert sections["households.householdmember"][0]["label"] == "moeder"
    assert sections["costs.costline"][0]["unit_price"]  # money as text, exactly as stored
    # The processing log: the read of this plan, not the read of the other household's plan.
    reads = [e for e in data["verwerkingen"] if e["actie"] == AuditAction.PLAN_READ]
    assert [(e["object_id"], e["medewerker"], e["rol"]) for e in reads] == [
        (str(plan.pk), professional.pk, "Professional")
    ]
    assert str(other_plan.pk) not in response.content.decode()
    assert other.reference not in response.content.decode()
    export_event = AuditEvent.objects.get(action=AuditAction.PRIVACY_ACCESS_EXPORT)
    assert export_event.object_id == str(household.pk)
    assert export_event.extra["format"] == "json"
    assert export_event.actor == functional_admin


def test_pdf_is_a_real_document_with_the_records(login, functional_admin, full_household, pdf_text):
    client = login(functional_admin)
    response = download(client, full_household, "pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Inzage in uw gegevens" in text
    assert full_household.reference in text
    assert "Woonstichting De Linde" in text  # a helper of the plan
    assert "Bellen met de woningcorporatie" in text  # a follow-up action
    assert "Wie heeft uw gegevens ingezien of gewijzigd?" in text
    assert AuditEvent.objects.filter(action=AuditAction.PRIVACY_ACCESS_EXPORT, extra__format="pdf").count() == 1


def test_unknown_and_other_municipality_references_get_the_same_answer(login, functional_admin, outsider_plan):
    client = login(functional_admin)
    for reference in (outsider_plan.household.reference, "HH-2222-2222"):
        response = find(client, reference)
        assert response.status_code == 200
        assert "Er is in deze gemeente geen huishouden met deze referentie." in response.content.decode()


@pytest.mark.parametrize("persona", ["outsider_admin", "outsider", "national_admin"])
def test_another_municipality_gets_404(request, login, persona, full_household):
    """Whoever is not of the household's municipality (the national admin has none) learns nothing: 404."""
    client = login(request.getfixturevalue(persona))
    url = reverse("privacy:household_access", args=[full_household.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"file_format": "json"}).status_code == 404
    assert not AuditEvent.objects.filter(action__startswith="privacy.access").exists()


@pytest.mark.parametrize("persona", ["professional", "team_lead", "doorbraakteam", "manager", "policy_analyst"])
def test_other_roles_are_refused(request, login, persona, full_household):
    client = login(request.getfixturevalue(persona))
    assert client.get(OVERVIEW).status_code == 403
    url = reverse("privacy:household_access", args=[full_household.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"file_format": "json"}).status_code == 403
    assert client.get(reverse("privacy:retention")).status_code == 403
    assert not AuditEvent.objects.filter(action__startswith="privacy.access").exists()


def test_national_admin_has_no_privacy_pages(login, national_admin):
    client = login(national_admin)
    assert client.get(OVERVIEW).status_code == 403
    assert client.get(reverse("privacy:retention")).status_code == 403


def test_signed_out_goes_to_sign_in(client, full_household):
    response = client.get(reverse("privacy:household_access", args=[full_household.pk]))
    assert response.status_code == 302
    assert "/account/" in response["Location"]


# Field names that are Dutch words as they stand.
DUTCH_ALREADY = {"plan", "status", "team", "partner", "scenario"}


def test_every_exported_field_has_a_dutch_label():
    """The PDF is for the household: no field may show Django's English fallback name."""
    from doorbraak.privacy.selectors import NOT_EXPORTED, _label

    english = [
        f"{h.label}.{f.name}"
        for h in household_data()
        for f in [*h.model._meta.concrete_fields, *h.model._meta.many_to_many]
        if f.name not in NOT_EXPORTED
        and _label(f) == f.name.replace("_", " ")
        and f.name not in {"plan", "status", "team", "partner", "scenario"}
    ]
    assert english == []


def test_the_export_reads_a_fixed_number_of_queries(professional, team):
    """One query per model (plus the tags and the log), however many plans and rows the household has."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from doorbraak.privacy.selectors import access_export

    counts = []
    for plans in (1, 3):
        household, _ = fill_household(team=team, user=professional, plans=plans)
        with CaptureQueriesContext(connection) as queries:
            export = access_export(household=household)
            export.as_json()
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[0] <= len(household_data()) + 3
