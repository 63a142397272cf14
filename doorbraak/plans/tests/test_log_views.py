"""The processing log screens: "Wie heeft dit dossier ingezien?" and the export, for the functional admin and
the privacy officer of the household's own municipality only."""

import csv
import io

import pytest
import time_machine
from django.urls import reverse

from doorbraak.accounts.tests.mfa_support import verified_login
from doorbraak.audit.constants import AuditAction
from doorbraak.audit.models import AuditEvent
from doorbraak.audit.services import processing_activities_seed
from tests.pageforms import rendered_form

pytestmark = pytest.mark.django_db
OVERVIEW = reverse("logbook:overview")
LOG_PERSONAS = ["privacy_officer", "functional_admin"]
REFUSED_PERSONAS = ["professional", "team_lead", "doorbraakteam", "manager", "policy_analyst"]


def _household_url(plan):
    return reverse("logbook:household", args=[plan.household_id])


@pytest.fixture
def viewed(plan, professional, policy_analyst, client):
    """The plan opened by its owner on 3 March, and tried by a policy analyst (refused) on 10 March."""
    plan.situation = "Moeder is bang dat de deurwaarder komt."
    plan.save(update_fields=["situation"])
    with time_machine.travel("2026-03-03 10:00 +0100"):
        verified_login(client, professional)
        client.get(reverse("workspace:plan", args=[plan.pk]))
    with time_machine.travel("2026-03-10 10:00 +0100"):
        verified_login(client, policy_analyst)
        client.get(reverse("workspace:plan", args=[plan.pk]))
    client.logout()
    return plan


@pytest.mark.parametrize("persona", LOG_PERSONAS)
def test_the_household_is_chosen_by_its_reference_and_shows_who_did_what(persona, viewed, login, request):
    client = login(request.getfixturevalue(persona))
    page = client.get(OVERVIEW)
    assert page.status_code == 200
    response = rendered_form(page, action_contains="/logboek/").submit(
        client, {"reference": viewed.household.reference.lower()}
    )
    assert response.status_code == 302 and response["Location"] == _household_url(viewed)
    html = client.get(response["Location"]).content.decode()
    assert f"Wie heeft dossier {viewed.household.reference} ingezien?" in html
    owner = viewed.owner.get_full_name()
    assert owner in html and "Professional" in html and "plan ingezien" in html and "Maatwerkplan opstellen" in html
    assert "Beleidsanalist" in html and "toegang geweigerd" in html and "geweigerd" in html
    assert "deurwaarder" not in html  # who processed what, never the case itself


def test_opening_the_log_of_a_household_is_itself_logged(viewed, privacy_officer, login):
    login(privacy_officer).get(_household_url(viewed))
    (row,) = AuditEvent.objects.filter(action=AuditAction.LOG_READ)
    assert (row.actor, row.role, row.household_id) == (privacy_officer, "privacy_officer", viewed.household_id)
    assert row.activity == "accountability"


def test_the_period_filter_and_the_pages(viewed, privacy_officer, login):
    client = login(privacy_officer)
    page = client.get(_household_url(viewed))
    march = rendered_form(page, action_contains="/logboek/huishoudens/").submit(
        client, {"since": "2026-03-01", "until": "2026-03-05"}
    )
    html = march.content.decode()
    assert "1 regel" in html and "plan ingezien" in html and "toegang geweigerd" not in html
    bad = client.get(_household_url(viewed), {"since": "2026-03-09", "until": "2026-03-01"})
    assert "De einddatum ligt vóór de begindatum." in bad.content.decode()
    AuditEvent.objects.bulk_create(
        AuditEvent(
            organisation=viewed.organisation,
            action=AuditAction.PLAN_READ,
            activity="plan_drafting",
            household_id=viewed.household_id,
            object_type="plans.plan",
            object_id=str(viewed.pk),
        )
        for _ in range(60)
    )
    first = client.get(_household_url(viewed)).content.decode()
    assert "Pagina 1 van 2" in first and "pagina=2" in first
    assert "Pagina 2 van 2" in client.get(_household_url(viewed), {"pagina": 2}).content.decode()


@pytest.mark.parametrize("persona", REFUSED_PERSONAS)
def test_other_roles_are_refused(persona, viewed, login, request):
    client = login(request.getfixturevalue(persona))
    assert client.get(OVERVIEW).status_code == 403
    assert client.get(_household_url(viewed)).status_code == 403
    assert client.post(reverse("logbook:export"), {"since": "2026-03-01", "until": "2026-03-31"}).status_code == 403


def test_another_municipality_gets_404_and_cannot_find_the_reference(viewed, outsider_admin, login):
    client = login(outsider_admin)
    assert client.get(_household_url(viewed)).status_code == 404
    response = client.post(OVERVIEW, {"reference": viewed.household.reference})
    assert response.status_code == 400
    assert "Uw gemeente heeft geen huishouden met deze referentie." in response.content.decode()


@pytest.mark.parametrize("persona", LOG_PERSONAS)
def test_the_export_of_a_period_is_a_csv_and_is_logged(persona, viewed, other_org, outsider, login, request):
    user = request.getfixturevalue(persona)
    client = login(user)
    page = client.get(OVERVIEW)
    response = rendered_form(page, action_contains="/logboek/export/").submit(
        client, {"since": "2026-03-01", "until": "2026-03-31"}
    )
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response["Cache-Control"] == "no-store, private"
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["tijdstip", "verzoek-id", "gebruiker"]
    assert [row[6] for row in body] == ["plan.read", "access.refused"]
    assert {row[9] for row in body} == {viewed.household.reference}
    exported = AuditEvent.objects.filter(action=AuditAction.LOG_EXPORT)
    assert {(row.household_id, row.object_type) for row in exported} == {
        (viewed.household_id, "households.household"),
        (None, "organisations.organisation"),
    }
    assert all(row.actor == user for row in exported)


def test_a_name_that_looks_like_a_formula_is_quoted_in_the_export(viewed, privacy_officer, login):
    viewed.owner.first_name = "=HYPERLINK(1)"
    viewed.owner.save(update_fields=["first_name"])
    response = login(privacy_officer).post(reverse("logbook:export"), {"since": "2026-03-01", "until": "2026-03-31"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text and ";=HYPERLINK" not in text


def test_an_export_needs_a_valid_period(privacy_officer, login):
    response = login(privacy_officer).post(reverse("logbook:export"), {"since": "2026-03-31", "until": "2026-03-01"})
    assert response.status_code == 400
    assert "De einddatum ligt vóór de begindatum." in response.content.decode()


def test_the_overview_shows_the_register_of_processing_activities(org, privacy_officer, login):
    processing_activities_seed(organisation=org)
    html = login(privacy_officer).get(OVERVIEW).content.decode()
    for name in ("Maatwerkplan opstellen", "Besluitvorming", "Opvolging en evaluatie", "Verantwoording"):
        assert name in html


def test_the_privacy_officer_lands_on_the_log_and_sees_no_case_work(plan, privacy_officer, login):
    client = login(privacy_officer)
    assert client.get("/")["Location"] == OVERVIEW
    assert client.get(reverse("plans:list")).status_code == 403
    assert client.get(reverse("workspace:plan", args=[plan.pk])).status_code == 403
    assert client.get(reverse("households:detail", args=[plan.household_id])).status_code == 403


def test_the_export_form_comes_filled_with_this_month(privacy_officer, login):
    """The period the page proposes (first of the month until today) can be sent as it is."""
    client = login(privacy_officer)
    response = rendered_form(client.get(OVERVIEW), action_contains="/logboek/export/").submit(client)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
