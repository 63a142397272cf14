import pytest
from django.core.exceptions import ValidationError

from doorbraak.accounts.models import User
from doorbraak.audit.models import AuditEvent
from doorbraak.organisations import services
from doorbraak.organisations.constants import Role
from doorbraak.organisations.models import Membership, Organisation, Team
from doorbraak.organisations.tests.factories import DistrictFactory

pytestmark = pytest.mark.django_db


def test_team_create_writes_audit(functional_admin, org):
    district = DistrictFactory(organisation=org, name="Noord")
    team = services.team_create(actor=functional_admin, organisation=org, name=" Wijkteam Oost ", district=district)
    assert team.name == "Wijkteam Oost"
    assert team.district == district
    event = AuditEvent.objects.get(action="team.create")
    assert event.object_id == str(team.pk)
    assert event.actor == functional_admin
    assert event.extra == {"district": district.pk}


def test_duplicate_team_name_is_refused_in_dutch(functional_admin, org, team):
    with pytest.raises(ValidationError) as exc:
        services.team_create(actor=functional_admin, organisation=org, name=team.name.upper())
    assert "Er bestaat al een team met de naam" in exc.value.message_dict["name"][0]
    assert Team.objects.filter(organisation=org).count() == 1


def test_same_team_name_is_fine_in_another_organisation(outsider_admin, other_org, team):
    services.team_create(actor=outsider_admin, organisation=other_org, name=team.name)
    assert Team.objects.filter(name=team.name).count() == 2


def test_team_cannot_link_to_another_organisations_district(functional_admin, team, other_org):
    foreign = DistrictFactory(organisation=other_org)
    with pytest.raises(ValidationError):
        services.team_update(actor=functional_admin, team=team, name=team.name, district=foreign)


def test_team_rename_and_duplicate(functional_admin, org, team, other_team):
    services.team_update(actor=functional_admin, team=team, name="Wijkteam Noordoost", district=None)
    team.refresh_from_db()
    assert team.name == "Wijkteam Noordoost"
    with pytest.raises(ValidationError):
        services.team_update(actor=functional_admin, team=team, name=other_team.name, district=None)


def test_district_duplicate_refused(functional_admin, org):
    services.district_create(actor=functional_admin, organisation=org, name="Centrum")
    with pytest.raises(ValidationError) as exc:
        services.district_create(actor=functional_admin, organisation=org, name="centrum")
    assert "Er bestaat al een wijk" in exc.value.message_dict["name"][0]


def test_user_create_with_generated_password(functional_admin, org, team):
    membership, password = services.user_create(
        actor=functional_admin,
        organisation=org,
        email="Nieuw.Lid@Voorbeeldstad.NL",
        first_name="Nieuw",
        last_name="Lid",
        role=Role.PROFESSIONAL,
        team=team,
    )
    user = membership.user
    assert user.email == "nieuw.lid@voorbeeldstad.nl"
    assert user.check_password(password)
    assert len(password) == 19
    assert membership.team == team and membership.role == Role.PROFESSIONAL
    event = AuditEvent.objects.get(action="membership.create")
    assert event.extra == {"user": user.pk, "role": "professional", "team": team.pk}
    assert "nieuw" not in str(event.extra).lower()  # no names or e-mail in the audit row


def test_user_create_refuses_duplicate_email_and_weak_password(functional_admin, org, professional):
    with pytest.raises(ValidationError) as exc:
        services.user_create(
            actor=functional_admin,
            organisation=org,
            email=professional.email.upper(),
            first_name="A",
            last_name="B",
            role=Role.MANAGER,
        )
    assert "Er bestaat al een account" in exc.value.message_dict["email"][0]
    with pytest.raises(ValidationError) as exc:
        services.user_create(
            actor=functional_admin,
            organisation=org,
            email="kort@voorbeeldstad.nl",
            first_name="A",
            last_name="B",
            role=Role.MANAGER,
            password="kort",
        )
    assert "password" in exc.value.message_dict
    assert not User.objects.filter(email="kort@voorbeeldstad.nl").exists()


def test_user_create_refuses_team_of_other_organisation(functional_admin, org, outsider):
    with pytest.raises(ValidationError):
        services.user_create(
            actor=functional_admin,
            organisation=org,
            email="x@voorbeeldstad.nl",
            first_name="X",
            last_name="Y",
            role=Role.PROFESSIONAL,
            team=outsider.membership.team,
        )


def test_membership_update_and_self_demotion(functional_admin, professional, other_team):
    membership = professional.membership
    services.membership_update(actor=functional_admin, membership=membership, role=Role.TEAM_LEAD, team=other_team)
    membership.refresh_from_db()
    assert (membership.role, membership.team) == (Role.TEAM_LEAD, other_team)
    with pytest.raises(ValidationError):
        services.membership_update(
            actor=functional_admin, membership=functional_admin.membership, role=Role.PROFESSIONAL, team=None
        )


def test_deactivate_keeps_user_and_blocks_login(functional_admin, professional, client, password):
    services.membership_set_active(actor=functional_admin, membership=professional.membership, active=False)
    professional.refresh_from_db()
    assert not professional.is_active
    assert not Membership.objects.get(user=professional).is_active
    assert not client.login(email=professional.email, password=password)
    assert AuditEvent.objects.filter(action="membership.deactivate").count() == 1
    services.membership_set_active(actor=functional_admin, membership=professional.membership, active=True)
    assert client.login(email=professional.email, password=password)


def test_admin_cannot_deactivate_self(functional_admin):
    with pytest.raises(ValidationError):
        services.membership_set_active(actor=functional_admin, membership=functional_admin.membership, active=False)


def test_reset_password(functional_admin, professional, password):
    new = services.membership_reset_password(actor=functional_admin, membership=professional.membership)
    professional.refresh_from_db()
    assert professional.check_password(new)
    assert not professional.check_password(password)


@pytest.mark.parametrize("colour", ["#ffff00", "#777777", "#88c0e0"])
def test_light_colour_refused_for_contrast(functional_admin, org, colour):
    with pytest.raises(ValidationError) as exc:
        services.organisation_update_settings(
            actor=functional_admin, organisation=org, display_name="X", primary_colour=colour, plan_horizon_months=6
        )
    message = exc.value.message_dict["primary_colour"][0]
    assert "contrast" in message and "4,5:1" in message
    org.refresh_from_db()
    assert org.primary_colour == "#1a5f8c"


@pytest.mark.parametrize("colour", ["1a5f8c", "#12345", "blauw"])
def test_malformed_colour_refused(functional_admin, org, colour):
    with pytest.raises(ValidationError) as exc:
        services.organisation_update_settings(
            actor=functional_admin, organisation=org, display_name="", primary_colour=colour, plan_horizon_months=6
        )
    assert "primary_colour" in exc.value.message_dict


def test_settings_saved_and_horizon_bounds(functional_admin, org):
    services.organisation_update_settings(
        actor=functional_admin,
        organisation=org,
        display_name="Doorbraak Voorbeeldstad",
        primary_colour="#7A1F5C",
        plan_horizon_months=12,
    )
    org.refresh_from_db()
    assert (org.display_name, org.primary_colour, org.plan_horizon_months) == ("Doorbraak Voorbeeldstad", "#7a1f5c", 12)
    with pytest.raises(ValidationError) as exc:
        services.organisation_update_settings(
            actor=functional_admin, organisation=org, display_name="", primary_colour="#7a1f5c", plan_horizon_months=36
        )
    assert "plan_horizon_months" in exc.value.message_dict


def test_organisation_create_needs_national_admin(national_admin, functional_admin):
    with pytest.raises(ValidationError):
        services.organisation_create(
            actor=functional_admin, name="Gemeente Nergens", admin_email="a@b.nl", admin_first_name="A",
            admin_last_name="B",
        )  # fmt: skip
    org, membership, password = services.organisation_create(
        actor=national_admin,
        name="Gemeente Nieuwdorp",
        admin_email="beheer@nieuwdorp.example",
        admin_first_name="Beheer",
        admin_last_name="Nieuwdorp",
    )
    assert org.slug == "gemeente-nieuwdorp"
    assert membership.role == Role.FUNCTIONAL_ADMIN and membership.organisation == org
    assert membership.user.check_password(password)


def test_organisation_create_duplicate_slug_and_bad_admin_email_roll_back(national_admin, org, professional):
    with pytest.raises(ValidationError) as exc:
        services.organisation_create(
            actor=national_admin, name="X", slug=org.slug, admin_email="n@x.nl", admin_first_name="A",
            admin_last_name="B",
        )  # fmt: skip
    assert "slug" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.organisation_create(
            actor=national_admin, name="Gemeente Dubbel", admin_email=professional.email, admin_first_name="A",
            admin_last_name="B",
        )  # fmt: skip
    assert "admin_email" in exc.value.message_dict
    assert not Organisation.objects.filter(slug="gemeente-dubbel").exists()
