"""Every admin view: the functional admin works, other roles get 403, another municipality's ids give 404."""

import pytest
from django.urls import reverse

from doorbraak.accounts.models import User
from doorbraak.organisations.constants import Role
from doorbraak.organisations.models import District, Membership, Organisation, Team
from doorbraak.organisations.tests.factories import DistrictFactory

pytestmark = pytest.mark.django_db

# (url name, needs an object id) for every page of the functional admin.
ADMIN_GET_PAGES = [
    ("organisations:overview", None),
    ("organisations:team_create", None),
    ("organisations:team_edit", "team"),
    ("organisations:district_create", None),
    ("organisations:district_edit", "district"),
    ("organisations:user_create", None),
    ("organisations:user_edit", "membership"),
    ("organisations:settings", None),
]
ADMIN_POST_ONLY = [
    "organisations:user_deactivate",
    "organisations:user_activate",
    "organisations:user_reset_password",
]


@pytest.fixture
def district(org):
    return DistrictFactory(organisation=org, name="Centrum")


@pytest.fixture
def objects(team, district, professional):
    return {"team": team.pk, "district": district.pk, "membership": professional.membership.pk}


def _url(name, kind, objects):
    if kind is None:
        return reverse(name)
    return reverse(name, args=[objects[kind]])


@pytest.mark.parametrize(("name", "kind"), ADMIN_GET_PAGES)
def test_functional_admin_sees_every_page(login, functional_admin, objects, name, kind):
    response = login(functional_admin).get(_url(name, kind, objects))
    assert response.status_code == 200
    assert b"<h1" in response.content


@pytest.mark.parametrize(("name", "kind"), ADMIN_GET_PAGES)
@pytest.mark.parametrize("persona", ["professional", "team_lead", "doorbraakteam", "manager", "policy_analyst"])
def test_other_roles_get_403(request, login, objects, name, kind, persona):
    user = request.getfixturevalue(persona)
    assert login(user).get(_url(name, kind, objects)).status_code == 403


@pytest.mark.parametrize("name", ADMIN_POST_ONLY)
def test_post_actions_403_for_professional(login, professional, objects, name):
    url = reverse(name, args=[objects["membership"]])
    assert login(professional).post(url).status_code == 403


@pytest.mark.parametrize(("name", "kind"), [p for p in ADMIN_GET_PAGES if p[1]])
def test_outsider_admin_gets_404_on_our_objects(login, outsider_admin, objects, name, kind):
    assert login(outsider_admin).get(_url(name, kind, objects)).status_code == 404


@pytest.mark.parametrize("name", ADMIN_POST_ONLY)
def test_outsider_admin_gets_404_on_our_users_actions(login, outsider_admin, professional, password, name):
    response = login(outsider_admin).post(reverse(name, args=[professional.membership.pk]))
    assert response.status_code == 404
    professional.refresh_from_db()
    assert professional.is_active and professional.check_password(password)


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("organisations:overview"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_overview_lists_only_own_organisation(login, functional_admin, professional, outsider, team):
    content = login(functional_admin).get(reverse("organisations:overview")).content.decode()
    assert professional.email in content
    assert team.name in content
    assert outsider.email not in content
    assert "Wijkteam Anderstad" not in content


def test_create_team_with_district(login, functional_admin, org, district):
    client = login(functional_admin)
    response = client.post(reverse("organisations:team_create"), {"name": "Wijkteam West", "district": district.pk})
    assert response.status_code == 302
    assert Team.objects.get(organisation=org, name="Wijkteam West").district == district


def test_duplicate_team_shows_dutch_error(login, functional_admin, team):
    response = login(functional_admin).post(reverse("organisations:team_create"), {"name": team.name})
    assert response.status_code == 200
    assert "Er bestaat al een team met de naam" in response.content.decode()


def test_team_form_refuses_other_organisations_district(login, functional_admin, team, other_org):
    foreign = DistrictFactory(organisation=other_org)
    response = login(functional_admin).post(
        reverse("organisations:team_edit", args=[team.pk]), {"name": team.name, "district": foreign.pk}
    )
    assert response.status_code == 200  # the form's choice list holds only our districts
    team.refresh_from_db()
    assert team.district is None


def test_rename_team_and_district(login, functional_admin, team, district):
    client = login(functional_admin)
    client.post(reverse("organisations:team_edit", args=[team.pk]), {"name": "Wijkteam Noord-Oost", "district": ""})
    client.post(reverse("organisations:district_edit", args=[district.pk]), {"name": "Binnenstad"})
    team.refresh_from_db()
    assert team.name == "Wijkteam Noord-Oost"
    assert District.objects.get(pk=district.pk).name == "Binnenstad"


def test_create_district(login, functional_admin, org):
    response = login(functional_admin).post(reverse("organisations:district_create"), {"name": "Zuid"})
    assert response.status_code == 302
    assert District.objects.filter(organisation=org, name="Zuid").exists()


def test_create_user_shows_one_time_password_once(login, functional_admin, org, team, client):
    response = login(functional_admin).post(
        reverse("organisations:user_create"),
        {
            "email": "nieuw@voorbeeldstad.nl",
            "first_name": "Nieuwe",
            "last_name": "Collega",
            "role": Role.PROFESSIONAL,
            "team": team.pk,
            "password": "",
        },
    )
    assert response.status_code == 200
    password = response.context["password"]
    assert password and password in response.content.decode()
    user = User.objects.get(email="nieuw@voorbeeldstad.nl")
    assert user.membership.organisation == org and user.membership.team == team
    client.logout()
    assert client.login(email="nieuw@voorbeeldstad.nl", password=password)


def test_create_user_with_chosen_password_does_not_echo_it(login, functional_admin):
    chosen = "Een-lang-genoeg-wachtwoord-7"
    response = login(functional_admin).post(
        reverse("organisations:user_create"),
        {
            "email": "zelf@voorbeeldstad.nl",
            "first_name": "Z",
            "last_name": "K",
            "role": Role.MANAGER,
            "password": chosen,
        },
    )
    assert response.status_code == 200
    assert chosen not in response.content.decode()
    assert User.objects.get(email="zelf@voorbeeldstad.nl").check_password(chosen)


def test_create_user_duplicate_email_error(login, functional_admin, professional):
    response = login(functional_admin).post(
        reverse("organisations:user_create"),
        {"email": professional.email, "first_name": "A", "last_name": "B", "role": Role.MANAGER},
    )
    assert response.status_code == 200
    assert "Er bestaat al een account met dit e-mailadres" in response.content.decode()


def test_change_role_and_team(login, functional_admin, professional, other_team):
    response = login(functional_admin).post(
        reverse("organisations:user_edit", args=[professional.membership.pk]),
        {"role": Role.TEAM_LEAD, "team": other_team.pk},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=professional)
    assert (membership.role, membership.team) == (Role.TEAM_LEAD, other_team)


def test_deactivate_and_activate(login, functional_admin, professional):
    client = login(functional_admin)
    membership_id = professional.membership.pk
    assert client.get(reverse("organisations:user_deactivate", args=[membership_id])).status_code == 405
    client.post(reverse("organisations:user_deactivate", args=[membership_id]))
    professional.refresh_from_db()
    assert not professional.is_active
    assert User.objects.filter(pk=professional.pk).exists()  # never deleted
    client.post(reverse("organisations:user_activate", args=[membership_id]))
    professional.refresh_from_db()
    assert professional.is_active


def test_admin_cannot_deactivate_self_via_view(login, functional_admin):
    client = login(functional_admin)
    response = client.post(reverse("organisations:user_deactivate", args=[functional_admin.membership.pk]), follow=True)
    assert "eigen account niet deactiveren" in response.content.decode()
    functional_admin.refresh_from_db()
    assert functional_admin.is_active


def test_reset_password_view(login, functional_admin, professional):
    response = login(functional_admin).post(
        reverse("organisations:user_reset_password", args=[professional.membership.pk])
    )
    assert response.status_code == 200
    professional.refresh_from_db()
    assert professional.check_password(response.context["password"])


def test_settings_refuses_low_contrast(login, functional_admin, org):
    response = login(functional_admin).post(
        reverse("organisations:settings"),
        {"display_name": "Voorbeeldstad", "primary_colour": "#ffcc00", "plan_horizon_months": 6},
    )
    assert response.status_code == 200
    assert "Kies een donkerdere kleur" in response.content.decode()
    org.refresh_from_db()
    assert org.primary_colour == "#1a5f8c"


def test_settings_saved_and_used_by_branding(login, functional_admin, org):
    client = login(functional_admin)
    response = client.post(
        reverse("organisations:settings"),
        {"display_name": "Doorbraak Voorbeeldstad", "primary_colour": "#2d3e50", "plan_horizon_months": 12},
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert (org.primary_colour, org.plan_horizon_months) == ("#2d3e50", 12)
    assert "#2d3e50" in client.get(reverse("branding_css")).content.decode()


# --- National admin ---------------------------------------------------------------------------------------


def test_national_admin_lists_and_creates_organisations(login, national_admin, org, other_org):
    client = login(national_admin)
    content = client.get(reverse("organisations:organisation_list")).content.decode()
    assert org.name in content and other_org.name in content
    response = client.post(
        reverse("organisations:organisation_create"),
        {
            "name": "Gemeente Nieuwdorp",
            "slug": "",
            "display_name": "",
            "primary_colour": "#1a5f8c",
            "admin_email": "beheer@nieuwdorp.example",
            "admin_first_name": "Eerste",
            "admin_last_name": "Beheerder",
        },
    )
    assert response.status_code == 200
    assert response.context["password"] in response.content.decode()
    new = Organisation.objects.get(slug="gemeente-nieuwdorp")
    assert new.memberships.get().role == Role.FUNCTIONAL_ADMIN


def test_national_admin_create_with_light_colour_refused(login, national_admin):
    response = login(national_admin).post(
        reverse("organisations:organisation_create"),
        {
            "name": "Gemeente Geel",
            "primary_colour": "#ffff00",
            "admin_email": "beheer@geel.example",
            "admin_first_name": "A",
            "admin_last_name": "B",
        },
    )
    assert response.status_code == 200
    assert "4,5:1" in response.content.decode()
    assert not Organisation.objects.filter(name="Gemeente Geel").exists()


@pytest.mark.parametrize("name", ["organisations:organisation_list", "organisations:organisation_create"])
@pytest.mark.parametrize("persona", ["functional_admin", "professional", "outsider_admin"])
def test_national_pages_403_for_others(request, login, name, persona):
    user = request.getfixturevalue(persona)
    assert login(user).get(reverse(name)).status_code == 403


def test_national_admin_nav_link(login, national_admin):
    response = login(national_admin).get(reverse("organisations:organisation_list"))
    assert reverse("organisations:organisation_list") in response.content.decode()
