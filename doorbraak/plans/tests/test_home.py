import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_plan_roles_go_to_their_plans(login, professional, team_lead, doorbraakteam):
    for user in (professional, team_lead, doorbraakteam):
        response = login(user).get(reverse("home"))
        assert response.status_code == 302
        assert response["Location"] == reverse("plans:list")


def test_functional_admin_goes_to_admin(login, functional_admin):
    response = login(functional_admin).get(reverse("home"))
    assert response["Location"] == reverse("organisations:overview")


@pytest.mark.parametrize("persona", ["manager", "policy_analyst"])
def test_overview_roles_get_the_overview_of_their_own_municipality(request, login, persona, plan, outsider_plan):
    user = request.getfixturevalue(persona)
    response = login(user).get(reverse("home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Overzicht Gemeente Voorbeeldstad" in html
    assert outsider_plan.team.name not in html
    assert plan.household.reference not in html  # aggregates only, and those on the dashboards
    assert reverse("costs:ledger") in html and reverse("analytics:dashboard") in html


def test_manager_home_links_to_inbox_but_analyst_home_does_not(login, manager, policy_analyst):
    assert reverse("followup:inbox") in login(manager).get(reverse("home")).content.decode()
    assert reverse("followup:inbox") not in login(policy_analyst).get(reverse("home")).content.decode()


def test_national_admin_home_lists_national_admin_pages(login, national_admin):
    client = login(national_admin)
    html = client.get(reverse("home")).content.decode()
    for name in (
        "organisations:organisation_list",
        "legal:national_list",
        "costs:price_list",
        "costs:index_figures",
        "costs:suggestion_rules",
        "plans:tags_admin",
    ):
        assert reverse(name) in html
        assert client.get(reverse(name)).status_code == 200, name
    assert "geen plannen om te openen" not in html


def test_managers_start_page_shows_no_raw_counts_only_the_way_to_the_protected_dashboards(
    manager, professional, team, login
):
    """A raw count per team on the start page would single out a team with two plans; the figures are on the
    dashboards, where small groups are held back."""
    from doorbraak.households.tests.factories import HouseholdFactory
    from doorbraak.plans.tests.factories import PlanFactory

    for _ in range(2):
        PlanFactory(household=HouseholdFactory(team=team, created_by=professional), owner=professional)
    html = login(manager).get("/").content.decode()
    assert reverse("analytics:dashboard") in html
    assert "Plannen per team" not in html and "Plannen per status" not in html and "2 plannen" not in html
