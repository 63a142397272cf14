"""A safety net over every route: no view forgets its login check or its tenant check.

Each app tests its own views in detail (right role, wrong role, other municipality). This module walks
the URL configuration itself, so a view added later without a check fails here even if its author
forgot to write those tests.
"""

import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Routes anyone may open: the login page, the pages of 'wachtwoord vergeten' (the link in the e-mail is checked
# by its token; doorbraak/accounts/tests/test_password_reset.py), the way in and back of single sign-on (the
# provider checks who it is; doorbraak/accounts/tests/test_oidc.py) and the stylesheet with the municipality's colour.
PUBLIC = {
    "accounts:oidc_start",
    "accounts:oidc_callback",
    "accounts:login",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "branding_css",
}


def _routes(patterns=None, namespace=""):
    """(name, converters) for every named route of the project (Django's own admin left out)."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            ns = pattern.namespace or namespace
            yield from _routes(pattern.url_patterns, ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), dict(pattern.pattern.converters)


ROUTES = sorted(_routes())

# A stand-in value per converter type for routes whose object does not matter (anonymous requests).
DUMMY = {"UUIDConverter": uuid.uuid4(), "IntConverter": 1, "StringConverter": "helper", "SlugConverter": "x"}


def _dummy_kwargs(converters: dict) -> dict:
    return {name: DUMMY[type(conv).__name__] for name, conv in converters.items()}


def _route_id(value) -> str:
    """A test id that is the same in every process (pytest-xdist workers must collect the same ids): the route
    name, or its converters by name and type (a converter object's repr holds its memory address)."""
    if isinstance(value, dict):
        return ",".join(f"{key}:{type(conv).__name__}" for key, conv in value.items()) or "-"
    return str(value)


# The role × URL × state matrix over the same ROUTES, with the answer per persona and object state in one table,
# is tests/test_access_matrix.py (its data: tests/access_world.py).


def test_route_list_is_complete():
    names = {name for name, _ in ROUTES}
    assert {"workspace:plan", "legal:plan_legitimacy", "costs:plan_return", "followup:plan_followup"} <= names


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "converters"), [r for r in ROUTES if r[0] not in PUBLIC], ids=_route_id)
def test_anonymous_visitors_are_sent_to_login(name, converters, client):
    url = reverse(name, kwargs=_dummy_kwargs(converters))
    for method in (client.get, client.post):
        response = method(url)
        if response.status_code == 405:
            continue
        assert response.status_code == 302, f"{method.__name__.upper()} {name} gave {response.status_code}"
        login_path = reverse("accounts:login")
        assert response["Location"].startswith(login_path), f"{name} redirects to {response['Location']}"


# The processing log (logbook:*) is read by the functional admin and the privacy officer; it is not case work.
LOG_ROUTES = [name for name, _ in ROUTES if name.startswith("logbook:")]
PLAN_ONLY = [name for name, conv in ROUTES if list(conv) == ["plan_id"]]
HOUSEHOLD_ONLY = [name for name, conv in ROUTES if list(conv) == ["household_id"] and name not in LOG_ROUTES]


@pytest.mark.parametrize("name", PLAN_ONLY)
@pytest.mark.parametrize("persona", ["outsider", "outsider_admin"])
def test_another_municipality_never_reaches_a_plan(name, persona, plan, login, request):
    """Other municipality: 404 (the plan's existence is not revealed), whatever the method."""
    client = login(request.getfixturevalue(persona))
    url = reverse(name, kwargs={"plan_id": plan.pk})
    for method in (client.get, client.post):
        status = method(url).status_code
        assert status in {403, 404, 405}, f"{method.__name__.upper()} {name} gave {status}"
        if persona == "outsider":  # a plan role: the object check answers, with 404
            assert status in {404, 405}, f"{method.__name__.upper()} {name} gave {status} instead of 404"


@pytest.mark.parametrize("name", HOUSEHOLD_ONLY)
def test_another_municipality_never_reaches_a_household(name, plan, outsider, login):
    client = login(outsider)
    url = reverse(name, kwargs={"household_id": plan.household_id})
    for method in (client.get, client.post):
        assert method(url).status_code in {404, 405}


# The one household page that is the functional admin's (and privacy officer's) work: answering the household's
# access request (AVG art. 15, doorbraak/privacy). It is tested there for every role and the other municipality.
ACCESS_REQUEST = {"privacy:household_access"}


@pytest.mark.parametrize(
    ("persona", "name"),
    [
        (persona, name)
        for persona in ("policy_analyst", "functional_admin", "privacy_officer")
        for name in PLAN_ONLY + HOUSEHOLD_ONLY
        if not (persona in ("functional_admin", "privacy_officer") and name in ACCESS_REQUEST)
    ],
)
def test_roles_without_case_work_never_open_personal_data(name, persona, plan, login, request):
    """Policy analysts, functional admins and privacy officers work with aggregates, settings and the processing
    log, never with a household's plan."""
    client = login(request.getfixturevalue(persona))
    kwargs = {"plan_id": plan.pk} if name in PLAN_ONLY else {"household_id": plan.household_id}
    status = client.get(reverse(name, kwargs=kwargs)).status_code
    assert status in {403, 405}, f"{name} gave {status}"


def test_the_log_routes_are_known():
    assert set(LOG_ROUTES) == {"logbook:overview", "logbook:household", "logbook:export"}


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("privacy_officer", 200),
        ("functional_admin", 200),
        ("professional", 403),
        ("team_lead", 403),
        ("doorbraakteam", 403),
        ("manager", 403),
        ("policy_analyst", 403),
        ("outsider", 403),  # another municipality, and not a log role
        ("outsider_admin", 404),  # a log role of another municipality: the household does not exist for them
    ],
)
def test_the_processing_log_of_a_household_opens_for_its_own_log_roles_only(persona, status, plan, login, request):
    client = login(request.getfixturevalue(persona))
    assert client.get(reverse("logbook:household", kwargs={"household_id": plan.household_id})).status_code == status


# --- the basis of a plan for whoever decides about it (issue 9, point 3) ---------------------------------------
# The basis page and the plan document open for the holder of an open decision request, and for nobody else.

BASIS_ROUTES = ["followup:plan_basis", "documents:plan_export"]


@pytest.fixture
def waiting_at_manager(plan, professional, team_lead, doorbraakteam, manager, functional_admin, org):
    """``plan``, complete and submitted, escalated up the default matrix until it waits at the manager level."""
    from doorbraak.followup import services as followup
    from doorbraak.followup.tests.factories import make_complete

    levels = followup.escalation_matrix_seed_defaults(actor=functional_admin, organisation=org)
    levels[2].deciders.set([manager])  # the manager level names its decider
    make_complete(plan, professional)
    request = followup.plan_submit(actor=professional, plan=plan)
    for decider in (team_lead, doorbraakteam):
        request = followup.decision_escalate(actor=decider, request=request, note="Hoger niveau nodig.")
    assert request.level.position == 3
    return plan


@pytest.fixture
def other_manager(org):
    from doorbraak.organisations.constants import Role
    from doorbraak.organisations.tests.factories import make_member

    return make_member(org, Role.MANAGER, email="andere-manager@voorbeeldstad.nl")


@pytest.mark.parametrize("name", BASIS_ROUTES)
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("manager", 200),  # holds the open decision request
        ("other_manager", 403),  # a manager without a request at their level: their role works with aggregates
        ("outsider", 404),  # another municipality: the plan's existence is not revealed
        ("colleague", 404),  # a professional colleague: not their plan
    ],
)
def test_the_basis_opens_for_the_decider_only(name, persona, status, waiting_at_manager, login, request):
    client = login(request.getfixturevalue(persona))
    assert client.get(reverse(name, kwargs={"plan_id": waiting_at_manager.pk})).status_code == status
