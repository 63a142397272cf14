"""Gemeente Voorbeeldstad (3 districts, 3 teams, a user for every role), a national admin, and Gemeente
Anderstad (a functional admin and one professional) for tenant-isolation demos."""

from datetime import timedelta

from doorbraak.accounts import mfa
from doorbraak.accounts.models import User
from doorbraak.demo.constants import (
    ANDERSTAD,
    ANDERSTAD_TEAM,
    DEMO_PASSWORD,
    DEMO_USERS,
    DISTRICTS_AND_TEAMS,
    NATIONAL_ADMIN,
    ORGANISATIONS,
    VOORBEELDSTAD,
)
from doorbraak.organisations import services
from doorbraak.organisations.constants import Role
from doorbraak.organisations.models import District, Organisation, Team

# The organisation was set up about fourteen months ago, before the first plans.
SET_UP_DAYS_AGO = 420


def _user(ctx, key: str) -> User:
    spec = next(u for u in DEMO_USERS if u.key == key)
    return User.objects.filter(email=spec.email).first()


def _national_admin(ctx) -> User:
    spec = next(u for u in DEMO_USERS if u.role == NATIONAL_ADMIN)
    user = User.objects.filter(email=spec.email).first()
    if user is None:
        user = User.objects.create_user(
            username=spec.email,
            email=spec.email,
            password=DEMO_PASSWORD,
            first_name=spec.first_name,
            last_name=spec.last_name,
            is_national_admin=True,
        )
        ctx.count("users")
    return user


def _organisation(ctx, slug: str, national_admin: User) -> Organisation:
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is not None:
        return organisation
    facts = ORGANISATIONS[slug]
    admin = next(u for u in DEMO_USERS if u.organisation == slug and u.role == Role.FUNCTIONAL_ADMIN)
    if User.objects.filter(email=admin.email).exists():
        raise RuntimeError(f"{admin.email} exists without organisation {slug}; start from an empty database.")
    organisation, _membership, _password = services.organisation_create(
        actor=national_admin,
        name=facts["name"],
        slug=slug,
        display_name=facts["display_name"],
        primary_colour=facts["colour"],
        admin_email=admin.email,
        admin_first_name=admin.first_name,
        admin_last_name=admin.last_name,
        admin_password=DEMO_PASSWORD,
    )
    ctx.count("organisations")
    ctx.count("users")
    return organisation


def _district(ctx, organisation, name, actor) -> District:
    district = District.objects.filter(organisation=organisation, name=name).first()
    if district is None:
        district = services.district_create(actor=actor, organisation=organisation, name=name)
        ctx.count("districts")
    return district


def _team(ctx, organisation, name, district, actor) -> Team:
    team = Team.objects.filter(organisation=organisation, name=name).first()
    if team is None:
        team = services.team_create(actor=actor, organisation=organisation, name=name, district=district)
        ctx.count("teams")
    return team


def seed(ctx) -> None:
    ctx.clock.jump(ctx.clock.real_now - timedelta(days=SET_UP_DAYS_AGO))
    national_admin = _national_admin(ctx)
    ctx.users["national_admin"] = national_admin

    for slug in (VOORBEELDSTAD, ANDERSTAD):
        ctx.organisations[slug] = _organisation(ctx, slug, national_admin)
        ctx.clock.advance(600)

    voorbeeldstad, anderstad = ctx.organisations[VOORBEELDSTAD], ctx.organisations[ANDERSTAD]
    admins = {}
    for slug, key in ((VOORBEELDSTAD, "functional_admin"), (ANDERSTAD, "anderstad_admin")):
        admin = _user(ctx, key)
        if admin is None:  # the organisation existed without its demo admin (e.g. made by hand)
            spec = next(u for u in DEMO_USERS if u.key == key)
            membership, _password = services.user_create(
                actor=national_admin,
                organisation=ctx.organisations[slug],
                email=spec.email,
                first_name=spec.first_name,
                last_name=spec.last_name,
                role=spec.role,
                password=DEMO_PASSWORD,
            )
            admin = membership.user
            ctx.count("users")
        admins[slug] = admin
    for name_district, name_team in DISTRICTS_AND_TEAMS:
        district = _district(ctx, voorbeeldstad, name_district, admins[VOORBEELDSTAD])
        ctx.districts[name_district] = district
        ctx.teams[name_team] = _team(ctx, voorbeeldstad, name_team, district, admins[VOORBEELDSTAD])
        ctx.clock.advance(90)
    ctx.teams[ANDERSTAD_TEAM] = _team(ctx, anderstad, ANDERSTAD_TEAM, None, admins[ANDERSTAD])

    for spec in DEMO_USERS:
        if spec.role == NATIONAL_ADMIN:
            continue
        user = User.objects.filter(email=spec.email).first()
        if user is None:
            ctx.clock.advance(120)
            membership, _password = services.user_create(
                actor=admins[spec.organisation],
                organisation=ctx.organisations[spec.organisation],
                email=spec.email,
                first_name=spec.first_name,
                last_name=spec.last_name,
                role=spec.role,
                team=ctx.teams[spec.team] if spec.team else None,
                password=DEMO_PASSWORD,
            )
            user = membership.user
            ctx.count("users")
        ctx.users[spec.key] = user
    # Every demo user has an authenticator app already; `manage.py demo_code EMAIL` shows its current code.
    for user in ctx.users.values():
        mfa.confirmed_totp_device(user)
