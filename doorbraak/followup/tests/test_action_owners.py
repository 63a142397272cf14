"""The 'Wie' list of a follow-up action offers only people who do case work on the plan: the plan's team
(professionals, team lead), its owner and the Doorbraakteam. Functional admins, policy analysts, managers and
other teams are not offered, and posting one of them is refused with a Dutch message."""

import re

import pytest
from django.urls import reverse

from doorbraak.organisations.constants import Role
from doorbraak.organisations.tests.factories import make_member
from tests.pageforms import rendered_form

pytestmark = pytest.mark.django_db


def _offered(page) -> set[str]:
    html = page.content.decode()
    select = re.search(r'<select name="owner"[^>]*>(.*?)</select>', html, re.S)
    assert select, "the follow-up page shows no 'Wie' list"
    return {value for value in re.findall(r'<option value="([^"]*)"', select.group(1)) if value}


@pytest.fixture
def people(org, other_team, professional, colleague, team_lead, doorbraakteam, manager, policy_analyst):
    return {
        "offered": {professional, colleague, team_lead, doorbraakteam},
        "not_offered": {
            manager,
            policy_analyst,
            make_member(org, Role.FUNCTIONAL_ADMIN, email="beheer2@voorbeeldstad.nl"),
            make_member(org, Role.PROFESSIONAL, team=other_team, email="zuid@voorbeeldstad.nl"),
            make_member(org, Role.TEAM_LEAD, team=other_team, email="lead-zuid@voorbeeldstad.nl"),
        },
    }


def test_wie_offers_only_case_workers_of_the_plan(submitted, team_lead, people, outsider, login):
    page = login(team_lead).get(reverse("followup:plan_followup", args=[submitted.plan.pk]))
    offered = _offered(page)
    assert offered == {str(user.pk) for user in people["offered"]}
    assert not offered & {str(user.pk) for user in people["not_offered"] | {outsider}}


@pytest.mark.parametrize("who", ["manager", "policy_analyst", "functional_admin", "other_team"])
def test_posting_someone_not_offered_is_refused(who, submitted, team_lead, people, login, request):
    user = {
        "manager": request.getfixturevalue("manager"),
        "policy_analyst": request.getfixturevalue("policy_analyst"),
        "functional_admin": next(u for u in people["not_offered"] if u.membership.role == Role.FUNCTIONAL_ADMIN),
        "other_team": next(u for u in people["not_offered"] if u.email == "zuid@voorbeeldstad.nl"),
    }[who]
    client = login(team_lead)
    page = client.get(reverse("followup:plan_followup", args=[submitted.plan.pk]))
    form = rendered_form(page, action_contains="/acties/", with_field="owner")
    data = {"description": "Bel de corporatie", "owner": str(user.pk), "due_date": "2027-03-01"}
    response = form.submit(client, data)
    assert response.status_code == 400
    message = "Kies bij &#x27;Wie&#x27; iemand uit het team van dit plan of het Doorbraakteam."
    assert message in response.content.decode()
    assert not submitted.plan.followup_actions.exists()


def test_an_offered_owner_is_accepted(submitted, team_lead, doorbraakteam, people, login):
    client = login(team_lead)
    page = client.get(reverse("followup:plan_followup", args=[submitted.plan.pk]))
    form = rendered_form(page, action_contains="/acties/", with_field="owner")
    response = form.submit(
        client, {"description": "Bel de corporatie", "owner": str(doorbraakteam.pk), "due_date": "2027-03-01"}
    )
    assert response.status_code == 302
    assert submitted.plan.followup_actions.get().owner == doorbraakteam


def test_the_service_refuses_a_manager_too(submitted, team_lead, manager):
    from datetime import date

    from django.core.exceptions import ValidationError

    from doorbraak.followup.services import action_create

    with pytest.raises(ValidationError) as error:
        action_create(actor=team_lead, plan=submitted.plan, description="x", owner=manager, due_date=date(2027, 3, 1))
    assert "owner" in error.value.message_dict
