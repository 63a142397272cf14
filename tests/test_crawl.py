"""Every link a user can reach works: a small crawler per persona.

For each role it starts at the home page, follows every same-origin ``<a href>`` (GET only, depth-limited)
with Django's test client and fails on a server error, a 404 or a 403 behind a link that page showed to that
very user: a link you may not follow, or that leads nowhere, is a dead end. It protects the whole app
against regressions in templates and views that per-view tests do not notice (a renamed URL, a template
that crashes on one kind of plan, a link shown to a role that may not open it).
"""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.urls import reverse

from doorbraak.followup import services as followup
from doorbraak.followup.tests.factories import make_complete
from doorbraak.households.tests.factories import HouseholdFactory
from doorbraak.plans.tests.factories import PlanFactory

pytestmark = pytest.mark.django_db

MAX_DEPTH = 3
MAX_PAGES = 120
# Never follow: logging out (ends the crawl's session) and Django's own admin.
SKIP = re.compile(r"^/(account/uitloggen|django-admin)/")
# Pages with one link per object (e.g. one per price list item): a handful of each kind is enough.
UUID_OR_ID = re.compile(r"/([0-9a-f]{8}-[0-9a-f-]{27}|\d+)/")
PER_KIND = 3


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def _links(base: str, html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    found = []
    for href in parser.hrefs:
        url, _fragment = urldefrag(urljoin(base, href))
        parts = urlsplit(url)
        if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver") or not parts.path:
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if not SKIP.match(path):
            found.append(path)
    return found


# Every page a signed-in user sees may hold personal data: no browser or proxy keeps a copy (issue 10, point 3).
PERSONAL_PAGE_CACHING = {"no-store", "private"}


def crawl(client) -> tuple[int, list[str]]:
    """Visit what is reachable from the home page; return (pages seen, problems)."""
    problems: list[str] = []
    kinds: dict[str, int] = {}
    queue = deque([("/", 0, "(start)")])
    seen = {"/"}
    pages = 0
    while queue and pages < MAX_PAGES:
        path, depth, came_from = queue.popleft()
        kind = UUID_OR_ID.sub("/<id>/", urlsplit(path).path)
        kinds[kind] = kinds.get(kind, 0) + 1
        if kinds[kind] > PER_KIND:
            continue
        response = client.get(path, follow=True)
        pages += 1
        if response.status_code >= 400:
            problems.append(f"{response.status_code} {path} (link on {came_from})")
            continue
        if "text/html" in response.get("Content-Type", "") and not PERSONAL_PAGE_CACHING.issubset(
            {part.strip() for part in response.get("Cache-Control", "").split(",")}
        ):
            problems.append(f"Cache-Control {response.get('Cache-Control')!r} on {path}: a browser may keep it")
        if depth >= MAX_DEPTH or "text/html" not in response.get("Content-Type", ""):
            continue
        final = response.redirect_chain[-1][0] if response.redirect_chain else path
        for link in _links(final, response.content.decode()):
            if link not in seen:
                seen.add(link)
                queue.append((link, depth + 1, path))
    return pages, problems


@pytest.fixture
def submitted_plan(org, team, colleague, team_lead, doorbraakteam, manager, functional_admin):
    """A second plan, complete and submitted along the default escalation matrix (team lead first)."""
    followup.escalation_matrix_seed_defaults(actor=functional_admin, organisation=org)
    plan = PlanFactory(household=HouseholdFactory(team=team, created_by=colleague), owner=colleague)
    make_complete(plan, colleague)
    followup.plan_submit(actor=colleague, plan=plan)
    return plan


@pytest.mark.slow
@pytest.mark.parametrize(
    "persona",
    [
        "professional",
        "colleague",
        "team_lead",
        "doorbraakteam",
        "manager",
        "policy_analyst",
        "functional_admin",
        "national_admin",
        "outsider",
    ],
)
def test_every_reachable_link_works(request, persona, login, plan, outsider_plan, submitted_plan):
    client = login(request.getfixturevalue(persona))
    pages, problems = crawl(client)
    assert not problems, "\n".join(problems)
    assert pages >= 2, "the home page links nowhere: a dead end"


def test_crawler_reports_a_dead_link(login, professional, plan, monkeypatch):
    """The crawler itself can fail: a page that links to a missing plan is reported."""
    import tests.test_crawl as me

    real_links = me._links

    def with_dead_link(base, html):
        return [*real_links(base, html), reverse("workspace:plan", args=["00000000-0000-0000-0000-000000000000"])]

    monkeypatch.setattr(me, "_links", with_dead_link)
    _pages, problems = crawl(login(professional))
    assert any(problem.startswith("404 /plannen/00000000-") for problem in problems)
