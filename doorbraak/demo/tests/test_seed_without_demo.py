"""Seeding when the database does not hold the shared demo of test_seed_demo.py: before any seed, and over an
organisation made by hand."""

from io import StringIO

import pytest
from django.core.management import call_command

from doorbraak.demo.constants import DEMO_PASSWORD, DEMO_USERS, NATIONAL_ADMIN, role_label
from doorbraak.organisations.constants import Role
from doorbraak.organisations.models import Membership
from doorbraak.plans.models import Plan

pytestmark = pytest.mark.django_db


def _seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


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


@pytest.mark.slow
def test_seed_completes_an_organisation_made_by_hand(org, national_admin):
    """conftest's 'org' has slug voorbeeldstad but none of the demo users: seeding fills in what is missing."""
    _seed()
    assert Membership.objects.filter(organisation=org, role=Role.FUNCTIONAL_ADMIN).exists()
    assert Plan.objects.filter(organisation=org).count() == 30
