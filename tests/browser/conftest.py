"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Never run `playwright install` here: the tests use the system browser (`make browser-deps` installs the
Debian package `chromium` when /usr/bin/chromium is missing). Set CHROMIUM=/path/to/chromium to use another.

Every browser test module sets ``pytestmark = BROWSER`` (from support.py): the ``browser`` marker, so
``pytest -m "not browser"`` runs the fast suite only, plus a transactional database, because the live server
answers from another thread. A transactional test empties every table when it ends, including what data
migrations seeded; so these tests run last in the session (see ``pytest_collection_modifyitems``), and
``serialized_rollback`` restores that data before each of them (see the ``browser`` fixture).
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from .support import log_in

# Playwright's sync API keeps an asyncio event loop in the test thread; Django would otherwise refuse the
# ORM calls that fixtures make in that thread. The live server itself runs in its own, ordinary thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FAILURE_SCREENSHOTS = Path(settings.BASE_DIR) / "test-results"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the browser tests after everything else (after pytest-django's own ordering): their flush of the
    database at the end of each test must not take migration-seeded data away from other tests."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so the page fixture knows whether the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser(django_db_setup):
    # A missing browser is an error, never a skip: a skipped browser suite would let CI pass without it.
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} not found: run `make browser-deps` (installs Debian's chromium).", pytrace=False)
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # What the migrations seeded (vocabulary, national law base, price list), serialized by pytest-django
    # because BROWSER asks for ``serialized_rollback``. Django keeps database connections per context, and
    # once Playwright's sync API runs, this thread works in a context with fresh connection objects that
    # lack it; hand it over, so Django restores the seeded data before each test (and the flush after each
    # test does not recreate content types with new ids), in bulk (``BulkRestore``).
    serialized = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
                connections[alias].creation.deserialize_db_from_string = BulkRestore(connections[alias])
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        yield browser
        browser.close()


class BulkRestore:
    """Django's ``deserialize_db_from_string`` for the seeded data, one bulk insert per table.

    Django saves the serialized rows one by one (an UPDATE and an INSERT each, with signals): some 650 rows
    before every browser test, most of a browser test's setup. The rows are parsed once and inserted with
    ``bulk_create``, in the same transaction with constraint checks off and checked afterwards, as Django does.
    Rows that are there already are left as they are: before the first browser test the database still holds
    what the migrations wrote (the same rows); after each one it is empty.
    """

    def __init__(self, connection):
        self.connection = connection
        self.fallback = connection.creation.deserialize_db_from_string
        self.parsed = {}  # serialized string -> ([(model, objects)], [(through model, rows)])

    def _parse(self, data):
        from django.core import serializers

        objects, links = {}, {}
        for deserialized in serializers.deserialize("json", data, using=self.connection.alias):
            obj = deserialized.object
            objects.setdefault(type(obj), []).append(obj)
            for name, values in (deserialized.m2m_data or {}).items():
                field = type(obj)._meta.get_field(name)
                through = field.remote_field.through
                source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
                links.setdefault(through, []).extend(through(**{source: obj.pk, target: pk}) for pk in values)
        return list(objects.items()), list(links.items())

    def __call__(self, data):
        from django.db import transaction

        if data not in self.parsed:
            self.parsed[data] = self._parse(data)
        tables = self.parsed[data][0] + self.parsed[data][1]
        if any(model._meta.parents for model, _ in tables):  # bulk_create cannot insert multi-table inheritance
            return self.fallback(data)
        alias = self.connection.alias
        with transaction.atomic(using=alias):
            with self.connection.constraint_checks_disabled():
                for model, rows in tables:
                    model._base_manager.using(alias).bulk_create(rows, ignore_conflicts=True)
            self.connection.check_constraints(table_names=[model._meta.db_table for model, _ in tables])


def _new_page(browser, live_server, **context_options):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", **context_options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    return context, page


def _close(context, page, request):
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        FAILURE_SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(FAILURE_SCREENSHOTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.fixture
def page(browser, live_server, request):
    """A fresh browser tab under the app's own Content-Security-Policy; ``page.console_errors`` lists errors."""
    context, page = _new_page(browser, live_server)
    yield page
    _close(context, page, request)


@pytest.fixture
def a11y_page(browser, live_server, request):
    """A tab that may inject axe-core: the strict CSP (script-src 'self') would block it, so only here it is
    bypassed. Pages are checked for CSP problems by the tests that use ``page``."""
    context, page = _new_page(browser, live_server, bypass_csp=True)
    yield page
    _close(context, page, request)


@pytest.fixture
def nojs_page(browser, live_server, request):
    """A tab with JavaScript switched off: every form must work as a plain POST."""
    context, page = _new_page(browser, live_server, java_script_enabled=False)
    yield page
    _close(context, page, request)


@pytest.fixture
def login_as(password):
    """login_as(page, user): log ``user`` in through the login form in ``page``."""

    def _login_as(page, user):
        log_in(page, user, password)
        return page

    return _login_as


@pytest.fixture
def full_plan(plan, professional):
    """The ``plan`` persona's plan with content in every block-1 section, as the editor will show it."""
    from datetime import date

    from doorbraak.core.constants import LifeDomain
    from doorbraak.households.tests.factories import HouseholdMemberFactory
    from doorbraak.plans.constants import NeedKind, StepPhase
    from doorbraak.plans.models import Tag
    from doorbraak.plans.tests.factories import HelperFactory, NeedFactory, StepFactory

    plan.perspective = "Over een half jaar wonen we nog in ons huis en gaan de kinderen elke dag naar school."
    plan.perspective_target_date = date(2026, 12, 1)
    plan.breakthrough_obstacle = "De woningcorporatie wil pas praten als de hele achterstand betaald is."
    plan.breakthrough_exception = "Bijzondere bijstand voor een huurschuld, wat de beleidsregel uitsluit."
    plan.breakthrough_grantor = "Doorbraakteam"
    plan.save()
    plan.tags.set(Tag.objects.filter(code__in=["huurachterstand", "psychische_klachten", "achterstand_betalen"]))
    HouseholdMemberFactory(household=plan.household, birth_year=1988)
    HelperFactory(plan=plan, agency="Woningcorporatie Thuis", role="Incasso huurachterstand", life_domain="wonen")
    HelperFactory(plan=plan, agency="GGZ Midden", role="Behandelaar moeder", life_domain="psychische_gezondheid")
    NeedFactory(plan=plan, life_domain=LifeDomain.SCHULDEN, kind=NeedKind.SUPPORT)
    NeedFactory(plan=plan, life_domain=LifeDomain.PSYCHISCHE_GEZONDHEID, kind=NeedKind.TREATMENT)
    StepFactory(plan=plan, phase=StepPhase.FIRST_NEED, owner="Wijkteam", due_date=date(2026, 7, 1))
    StepFactory(plan=plan, description="Budgetbeheer aanvragen.", phase=StepPhase.STABILISE, done=True)
    return plan
