"""Test personas in two municipalities, shared by every app's tests.

Voorbeeldstad ('org') has one of every role; Anderstad ('other_org') has a professional whose
objects must stay invisible (404) to Voorbeeldstad's users, and the other way round.
"""

import os

import pytest
from _pytest.nodeid import NodeId

from doorbraak.accounts.tests.mfa_support import verified_login
from doorbraak.organisations.constants import Role
from doorbraak.organisations.tests.factories import (
    TEST_PASSWORD,
    OrganisationFactory,
    TeamFactory,
    UserFactory,
    make_member,
)

MAX_WORKERS = 4


def pytest_xdist_auto_num_workers(config):
    """``-n auto`` (the default, see pyproject.toml): one pytest-xdist worker per CPU this process may use, at most
    MAX_WORKERS: every worker builds its own test database, and the slowest tests set a floor anyway.
    PYTEST_XDIST_AUTO_NUM_WORKERS overrides it, as in pytest-xdist itself."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS", "").isdigit():
        return int(os.environ["PYTEST_XDIST_AUTO_NUM_WORKERS"])
    return min(len(os.sched_getaffinity(0)), MAX_WORKERS)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Keep ``xdist_group`` tests on one worker. pytest-xdist 3.8 marks a group by appending ``@<group>`` to the
    node id through ``item._nodeid``, which pytest 9 no longer reads (the id is ``item._id``), so its
    ``--dist loadgroup`` spread a group over all workers and the demo was built once per worker. Until xdist
    follows, set the same suffix the way pytest 9 reads it; a no-op where xdist's own marking worked."""
    if not getattr(config.option, "loadgroup", False):
        return
    for item in items:
        names = sorted(
            {
                str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                for mark in item.iter_markers("xdist_group")
            }
        )
        if names and "@" not in item.nodeid:
            item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(names)}")


@pytest.fixture
def password():
    return TEST_PASSWORD


@pytest.fixture
def org(db):
    return OrganisationFactory(name="Gemeente Voorbeeldstad", slug="voorbeeldstad")


@pytest.fixture
def other_org(db):
    return OrganisationFactory(name="Gemeente Anderstad", slug="anderstad", primary_colour="#7a1f5c")


@pytest.fixture
def team(org):
    return TeamFactory(organisation=org, name="Wijkteam Noord")


@pytest.fixture
def other_team(org):
    return TeamFactory(organisation=org, name="Wijkteam Zuid")


@pytest.fixture
def professional(org, team):
    return make_member(org, Role.PROFESSIONAL, team=team, email="professional@voorbeeldstad.nl")


@pytest.fixture
def colleague(org, team):
    """Another professional in the same team: sees only their own plans."""
    return make_member(org, Role.PROFESSIONAL, team=team, email="collega@voorbeeldstad.nl")


@pytest.fixture
def team_lead(org, team):
    return make_member(org, Role.TEAM_LEAD, team=team, email="teamleider@voorbeeldstad.nl")


@pytest.fixture
def doorbraakteam(org):
    return make_member(org, Role.DOORBRAAKTEAM, email="doorbraakteam@voorbeeldstad.nl")


@pytest.fixture
def manager(org):
    return make_member(org, Role.MANAGER, email="manager@voorbeeldstad.nl")


@pytest.fixture
def policy_analyst(org):
    return make_member(org, Role.POLICY_ANALYST, email="beleid@voorbeeldstad.nl")


@pytest.fixture
def functional_admin(org):
    return make_member(org, Role.FUNCTIONAL_ADMIN, email="beheer@voorbeeldstad.nl")


@pytest.fixture
def privacy_officer(org):
    return make_member(org, Role.PRIVACY_OFFICER, email="privacy@voorbeeldstad.nl")


@pytest.fixture
def national_admin(db):
    return UserFactory(email="landelijk@doorbraak.nl", is_national_admin=True)


@pytest.fixture
def outsider(other_org):
    """A professional of another municipality."""
    team = TeamFactory(organisation=other_org, name="Wijkteam Anderstad")
    return make_member(other_org, Role.PROFESSIONAL, team=team, email="professional@anderstad.nl")


@pytest.fixture
def outsider_admin(other_org):
    return make_member(other_org, Role.FUNCTIONAL_ADMIN, email="beheer@anderstad.nl")


@pytest.fixture
def plan(professional, team):
    from doorbraak.households.tests.factories import HouseholdFactory
    from doorbraak.plans.tests.factories import PlanFactory

    household = HouseholdFactory(team=team, created_by=professional)
    return PlanFactory(household=household, owner=professional)


@pytest.fixture
def outsider_plan(outsider):
    from doorbraak.households.tests.factories import HouseholdFactory
    from doorbraak.plans.tests.factories import PlanFactory

    household = HouseholdFactory(team=outsider.membership.team, created_by=outsider)
    return PlanFactory(household=household, owner=outsider)


@pytest.fixture
def login(client):
    """login(user) logs the test client in as ``user`` with the second step done (a confirmed TOTP device,
    verified in the session as the second step does it) and returns the client."""

    def _login(user):
        return verified_login(client, user)

    return _login


@pytest.fixture(autouse=True)
def _open_audit_log_for_flush(request):
    """A transactional test (the browser tests) ends with Django's flush, which on SQLite deletes every row
    with DELETE; the append-only trigger on the processing log refuses that. Before the flush, empty the log
    through the retention gate, the same way ``purge_events_before`` does (PostgreSQL truncates: no trigger)."""
    marker = request.node.get_closest_marker("django_db")
    transactional = marker is not None and (marker.kwargs.get("transaction") or "live_server" in request.fixturenames)
    if transactional:
        request.getfixturevalue("transactional_db")  # set up before this fixture, so its flush runs after
    yield
    if transactional:
        from django.db import connection, transaction

        from doorbraak.audit.models import AuditEvent
        from doorbraak.audit.services import _retention_gate

        if connection.vendor == "sqlite":
            with transaction.atomic(), _retention_gate():
                AuditEvent.objects.all().delete()
