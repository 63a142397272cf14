"""Household screens: registration (straight on to the plan), the household page, members and consent."""

import uuid

import pytest
from django.urls import reverse

from doorbraak.audit.models import AuditEvent
from doorbraak.households.models import Consent, Household, HouseholdMember
from doorbraak.households.tests.factories import HouseholdFactory
from doorbraak.plans.models import Plan

CREATE = "/huishoudens/nieuw/"


def create_data(team, token=None, **extra):
    data = {
        "team": str(team.pk),
        "consent_given_on": "2026-03-02",
        "consent_scope": "plan",
        "creation_token": str(token or uuid.uuid4()),
        "leden-TOTAL_FORMS": "4",
        "leden-INITIAL_FORMS": "0",
        "leden-MIN_NUM_FORMS": "1",
        "leden-MAX_NUM_FORMS": "20",
        "leden-0-role": "parent",
        "leden-0-birth_year": "1988",
        "leden-0-label": "moeder",
        "leden-1-role": "child",
        "leden-1-birth_year": "2015",
        "leden-1-label": "",
        "leden-2-role": "",
        "leden-2-birth_year": "",
        "leden-2-label": "",
        "leden-3-role": "",
        "leden-3-birth_year": "",
        "leden-3-label": "",
    }
    data.update(extra)
    return data


def test_create_form_defaults_to_own_team_and_offers_only_own_teams(professional, team, other_team, outsider, login):
    html = login(professional).get(CREATE).content.decode()
    assert f'<option value="{team.pk}" selected>' in html
    assert other_team.name in html and outsider.membership.team.name not in html
    assert "Huishouden aanmaken" in html and "Geboortejaar" in html


def test_create_household_leads_straight_to_its_plan(professional, team, login):
    response = login(professional).post(CREATE, create_data(team))
    household = Household.objects.get()
    plan = Plan.objects.get(household=household)
    assert response.status_code == 302 and response["Location"] == reverse("workspace:plan", args=[plan.pk])
    assert plan.owner == professional and plan.team == team
    assert sorted(household.members.values_list("birth_year", flat=True)) == [1988, 2015]
    consent = Consent.objects.get(household=household)
    assert consent.recorded_by == professional and consent.scope == "plan"
    assert household.reference.startswith("HH-")
    event = AuditEvent.objects.get(action="household.create")
    assert event.extra == {"members": 2}


def test_double_submit_creates_one_household_and_one_plan(professional, team, login):
    client = login(professional)
    data = create_data(team, token=uuid.uuid4())
    first = client.post(CREATE, data)
    second = client.post(CREATE, data)
    assert first["Location"] == second["Location"]
    assert Household.objects.count() == 1 and Plan.objects.count() == 1 and HouseholdMember.objects.count() == 2


def test_create_needs_one_member_and_a_sane_birth_year(professional, team, login):
    client = login(professional)
    data = create_data(
        team,
        **{
            "leden-0-role": "",
            "leden-0-birth_year": "",
            "leden-0-label": "",
            "leden-1-role": "",
            "leden-1-birth_year": "",
        },
    )
    response = client.post(CREATE, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Vul minimaal één gezinslid in." in page
    assert "formulier" not in page.split("<main")[1]  # no talk of "forms" to the user
    response = client.post(CREATE, create_data(team, **{"leden-1-birth_year": "2999"}))
    assert response.status_code == 400 and "toekomst" in response.content.decode()
    assert Household.objects.count() == 0


def test_cannot_register_in_another_municipalitys_team(professional, outsider, login):
    response = login(professional).post(CREATE, create_data(outsider.membership.team))
    assert response.status_code == 400
    assert Household.objects.count() == 0


@pytest.mark.parametrize("persona", ["manager", "policy_analyst", "doorbraakteam", "functional_admin"])
def test_create_403_for_other_roles(persona, team, login, request):
    client = login(request.getfixturevalue(persona))
    assert client.get(CREATE).status_code == 403
    assert client.post(CREATE, create_data(team)).status_code == 403


def test_team_lead_may_register_for_another_team(team_lead, other_team, login):
    login(team_lead).post(CREATE, create_data(other_team))
    assert Household.objects.get().team == other_team


# ---------------------------------------------------------------------------------------- the page


def detail(household):
    return reverse("households:detail", args=[household.pk])


def test_household_page_shows_members_consent_and_plans_and_audits_the_read(plan, professional, login):
    household = plan.household
    household.members.create(role="parent", birth_year=1988, label="moeder")
    household.consents.create(given_on="2026-03-02", scope="plan", recorded_by=professional)
    response = login(professional).get(detail(household))
    html = response.content.decode()
    assert response.status_code == 200
    assert "1988" in html and "moeder" in html and "2 maart 2026" in html
    assert reverse("workspace:plan", args=[plan.pk]) in html and "Nieuw plan starten" in html
    event = AuditEvent.objects.get(action="household.read")
    assert event.object_id == str(household.pk) and event.actor == professional and event.extra == {}


def test_team_lead_sees_team_household(plan, team_lead, login):
    assert login(team_lead).get(detail(plan.household)).status_code == 200


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("manager", 403),
        ("policy_analyst", 403),
        ("outsider", 404),
        ("colleague", 404),
    ],
)
def test_household_page_access(persona, status, plan, login, request):
    assert login(request.getfixturevalue(persona)).get(detail(plan.household)).status_code == status
    assert not AuditEvent.objects.filter(action="household.read").exists()


def test_doorbraakteam_reads_household_of_submitted_plan_without_edit_forms(plan, doorbraakteam, login):
    Plan.objects.filter(pk=plan.pk).update(status="submitted")
    html = login(doorbraakteam).get(detail(plan.household)).content.decode()
    assert "form-gezinslid" not in html and "Nieuw plan starten" not in html


def test_outsider_household_is_404_for_us(outsider_plan, professional, login):
    assert login(professional).get(detail(outsider_plan.household)).status_code == 404


# ---------------------------------------------------------------------------------------- members and consent


def test_add_member_and_consent_without_javascript(plan, professional, login):
    client = login(professional)
    household = plan.household
    response = client.post(
        reverse("households:member_add", args=[household.pk]),
        {"lid-role": "child", "lid-birth_year": "2019", "lid-label": "jongste"},
    )
    assert response.status_code == 302 and response["Location"].endswith("#gezinsleden")
    assert household.members.get().label == "jongste"
    response = client.post(
        reverse("households:consent_add", args=[household.pk]),
        {"toestemming-given_on": "2026-04-01", "toestemming-scope": "plan_and_data"},
    )
    assert response.status_code == 302
    consent = household.consents.get()
    assert consent.recorded_by == professional and consent.scope == "plan_and_data"
    assert AuditEvent.objects.filter(action="consent.create").exists()


def test_invalid_member_shows_errors(plan, professional, login):
    response = login(professional).post(
        reverse("households:member_add", args=[plan.household.pk]), {"lid-role": "", "lid-birth_year": "x"}
    )
    assert response.status_code == 400 and plan.household.members.count() == 0


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("manager", 403),
        ("policy_analyst", 403),
        ("doorbraakteam", 403),
        ("outsider", 404),
        ("colleague", 404),
    ],
)
def test_member_and_consent_access(persona, status, plan, login, request):
    client = login(request.getfixturevalue(persona))
    household = plan.household
    member = {"lid-role": "child", "lid-birth_year": "2019"}
    consent = {"toestemming-given_on": "2026-04-01", "toestemming-scope": "plan"}
    assert client.post(reverse("households:member_add", args=[household.pk]), member).status_code == status
    assert client.post(reverse("households:consent_add", args=[household.pk]), consent).status_code == status
    assert household.members.count() == 0 and household.consents.count() == 0


def test_team_lead_may_add_member_to_team_household(team, team_lead, colleague, login):
    household = HouseholdFactory(team=team, created_by=colleague)
    response = login(team_lead).post(
        reverse("households:member_add", args=[household.pk]), {"lid-role": "adult", "lid-birth_year": "1970"}
    )
    assert response.status_code == 302
