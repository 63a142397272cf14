from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from doorbraak.accounts.models import User
from doorbraak.audit.models import AuditEvent
from doorbraak.demo.constants import DEMO_PASSWORD, DEMO_USERS, NATIONAL_ADMIN, role_label
from doorbraak.demo.seeds.cases import CASES
from doorbraak.households.models import Household
from doorbraak.organisations.constants import Role
from doorbraak.organisations.models import Membership, Organisation
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.models import Plan, StatusChange, Tag

pytestmark = pytest.mark.django_db

# Every model of the apps the demo writes to: a second run must not add a single row to any of them.
COUNTED_APPS = ("accounts", "organisations", "households", "plans", "audit")


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for label in COUNTED_APPS
        for model in apps.get_app_config(label).get_models()
    }


def _seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_demo_builds_everything_once(client):
    first = _seed()
    assert "Demodata aangemaakt" in first
    before = _row_counts()

    voorbeeldstad = Organisation.objects.get(slug="voorbeeldstad")
    anderstad = Organisation.objects.get(slug="anderstad")
    assert voorbeeldstad.name == "Gemeente Voorbeeldstad"
    assert {t.name for t in voorbeeldstad.teams.all()} == {
        "Wijkteam Noord",
        "Wijkteam Centrum",
        "Jeugd- en gezinsteam Zuid",
    }
    assert all(t.district is not None for t in voorbeeldstad.teams.all())
    assert voorbeeldstad.districts.count() == 3

    # a user for every role, plus a national admin
    roles = set(Membership.objects.filter(organisation=voorbeeldstad, is_active=True).values_list("role", flat=True))
    assert roles == set(Role.values)
    assert User.objects.filter(is_national_admin=True, email="landelijk@doorbraak.example").exists()
    assert Membership.objects.filter(organisation=anderstad, role=Role.PROFESSIONAL).count() == 1

    # ~30 households with plans in every status
    plans = Plan.objects.filter(organisation=voorbeeldstad)
    assert 28 <= plans.count() <= 32
    assert set(plans.values_list("status", flat=True)) == set(PlanStatus.values)
    owners = {p.owner.email for p in plans.filter(status=PlanStatus.CLOSED)}
    assert len(owners) == 3  # every professional has a closed plan (and so every status)
    for plan in plans.prefetch_related("helpers", "steps", "needs", "tags"):
        assert 5 <= plan.helpers.count() <= 15
        assert plan.situation
        if plan.status != PlanStatus.CONCEPT:
            assert plan.has_breakthrough and plan.breakthrough_obstacle and plan.breakthrough_grantor
            assert plan.steps.count() >= 4 and plan.needs.count() >= 3 and plan.tags.count() >= 5
            assert plan.submitted_at is not None
            assert plan.active_editing_seconds > 0
            assert plan.created_at < plan.submitted_at
    rejections = StatusChange.objects.filter(plan__in=plans, to_status=PlanStatus.REJECTED).exclude(reason="")
    assert rejections.count() == plans.filter(status=PlanStatus.REJECTED).count() == 3

    # members have roles and birth years, never names
    household = Household.objects.filter(organisation=voorbeeldstad).first()
    assert household.members.exists() and household.consents.exists()
    assert all(m.birth_year > 1900 for m in household.members.all())

    # the services wrote audit rows, spread over past months
    assert AuditEvent.objects.filter(action="plan.create", organisation=voorbeeldstad).count() == plans.count()
    assert AuditEvent.objects.filter(action="plan.status", organisation=voorbeeldstad).exists()
    oldest = plans.order_by("created_at").first().created_at
    newest = plans.order_by("-created_at").first().created_at
    assert (newest - oldest).days > 180

    # second run: nothing changes
    second = _seed()
    assert "niets gewijzigd" in second
    assert _row_counts() == before

    # (seeding is slow-ish, so the same data also checks the logins)
    _check_demo_logins(client)


def _check_demo_logins(client):
    for spec in DEMO_USERS:
        assert client.login(email=spec.email, password=DEMO_PASSWORD), spec.email
        client.logout()
    response = client.post(
        reverse("accounts:login"), {"username": "professional@voorbeeldstad.example", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    plans_page = client.get(reverse("plans:list"))
    assert plans_page.status_code == 200
    # tenant isolation in the demo: Anderstad's professional cannot open a Voorbeeldstad plan
    plan = Plan.objects.filter(organisation__slug="voorbeeldstad").first()
    client.logout()
    client.login(email="professional@anderstad.example", password=DEMO_PASSWORD)
    assert client.get(reverse("plans:detail", args=[plan.pk])).status_code == 404


def test_demo_logins_prints_every_role():
    out = StringIO()
    call_command("demo_logins", stdout=out)
    text = out.getvalue()
    assert DEMO_PASSWORD in text
    for spec in DEMO_USERS:
        assert spec.email in text
        assert role_label(spec.role) in text
    for role in Role:
        assert str(role.label) in text
    assert role_label(NATIONAL_ADMIN) in text
    assert "seed_demo" in text  # nobody seeded yet: it says what to do


def test_every_case_uses_known_tags_and_life_domains(db):
    from doorbraak.core.constants import LifeDomain

    codes = set(Tag.objects.values_list("code", flat=True))
    for case in CASES:
        assert set(case["tags"]) <= codes, case["key"]
        domains = {d for _, _, d in case["helpers"]} | {d for d, _, _ in case["needs"]}
        assert domains <= set(LifeDomain.values), case["key"]


def test_seed_completes_an_organisation_made_by_hand(org, national_admin):
    """conftest's 'org' has slug voorbeeldstad but none of the demo users: seeding fills in what is missing."""
    _seed()
    assert Membership.objects.filter(organisation=org, role=Role.FUNCTIONAL_ADMIN).exists()
    assert Plan.objects.filter(organisation=org).count() == 30
