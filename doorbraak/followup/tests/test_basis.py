"""Deciders see the basis: whoever holds an open decision request reads the plan's three sides, read-only.

Along the default matrix (team lead → Doorbraakteam → manager → administrator) each decider opens the basis
from the request (the follow-up page and the inbox link to it), reads the cited articles with how they apply
and the motivation, the return with who pays and who benefits, and the engagement scores, and downloads the
PDF; each read is logged. Nobody else gains access.
"""

from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from doorbraak.audit.models import AuditEvent
from doorbraak.followup import services
from doorbraak.followup.constants import DecisionState
from doorbraak.followup.models import DecisionRequest
from doorbraak.followup.tests.factories import FORECAST_LINES, LEGAL_MOTIVATION, add_cost_lines
from doorbraak.legal.models import LegalArticle
from doorbraak.legal.services import citation_add
from doorbraak.organisations.constants import Role
from doorbraak.organisations.tests.factories import make_member

pytestmark = pytest.mark.django_db

CITATION_TEXT = "De wet geeft ruimte voor maatwerk in dit geval."  # make_complete's citation
OWN_WORDS = "Ik wil gewoon rust in mijn hoofd"  # complete_engagement's own words


def basis_url(plan):
    return reverse("followup:plan_basis", args=[plan.pk])


def export_url(plan):
    return reverse("documents:plan_export", args=[plan.pk])


@pytest.fixture
def administrator(org):
    return make_member(org, Role.MANAGER, email="bestuurder@voorbeeldstad.nl")


@pytest.fixture
def other_manager(org):
    return make_member(org, Role.MANAGER, email="andere-manager@voorbeeldstad.nl")


@pytest.fixture
def matrix(levels, manager, administrator, other_manager):
    """The default matrix with named deciders on the two manager levels (the other manager decides nowhere)."""
    levels[2].deciders.set([manager])
    levels[3].deciders.set([administrator])
    return levels


def _escalate_to(request, position, deciders):
    while request.level.position < position:
        request = services.decision_escalate(
            actor=deciders[request.level.position], request=request, note="Hoger niveau nodig."
        )
    return request


def _assert_reads_the_basis(client, plan, request):
    response = client.get(basis_url(plan))
    assert response.status_code == 200
    html = response.content.decode()
    # Legitimacy: the cited article, how it applies, and the motivation paragraph.
    assert "Juridische grondslag" in html and "Mag: de wet geeft de bevoegdheid" in html
    assert CITATION_TEXT in html and LEGAL_MOTIVATION in html
    # Return: the totals and who pays / who benefits per funding stream.
    assert "Vermeden kosten (dreigend − plan)" in html
    assert "Participatiewet" in html and "investeert" in html and "Wmo" in html and "profiteert" in html
    # Engagement: the household's own words and the scores now / expected.
    assert OWN_WORDS in html and "Scores Positieve Gezondheid" in html and "Mentaal welbevinden" in html
    # Read-only: nothing on the page writes (only the sign-out form of the page header posts).
    assert html.count('method="post"') == 1 and "Motivering opslaan" not in html
    assert export_url(plan) in html
    # Logged as a read of personal data: the plan and its legal side, with the request it was read for.
    events = AuditEvent.objects.filter(actor=client.user, object_id=str(plan.pk), extra__section="basis")
    assert sorted(events.values_list("action", flat=True)) == ["legal.read", "plan.read"]
    assert {e.extra.get("request") for e in events} == {request.pk}
    return html


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href"))


def _links(html):
    parser = _Links()
    parser.feed(html)
    return parser.hrefs


@pytest.mark.parametrize("position", [1, 2, 3, 4], ids=["team lead", "Doorbraakteam", "manager", "administrator"])
def test_each_decider_along_the_matrix_reads_the_basis_from_the_request(
    position, complete_plan, professional, team_lead, doorbraakteam, manager, administrator, matrix, login
):
    deciders = {1: team_lead, 2: doorbraakteam, 3: manager, 4: administrator}
    request = _escalate_to(services.plan_submit(actor=professional, plan=complete_plan), position, deciders)
    decider = deciders[position]
    client = login(decider)
    client.user = decider
    # The inbox and the follow-up page link to the basis.
    inbox = client.get(reverse("followup:inbox")).content.decode()
    assert basis_url(complete_plan) in _links(inbox)
    followup = client.get(reverse("followup:plan_followup", args=[complete_plan.pk])).content.decode()
    assert basis_url(complete_plan) in _links(followup)
    _assert_reads_the_basis(client, complete_plan, request)


def test_a_manager_deciding_now_downloads_the_pdf(
    complete_plan, professional, team_lead, doorbraakteam, manager, administrator, matrix, login
):
    request = _escalate_to(
        services.plan_submit(actor=professional, plan=complete_plan), 3, {1: team_lead, 2: doorbraakteam}
    )
    client = login(manager)
    page = client.get(export_url(complete_plan))
    assert page.status_code == 200
    html = page.content.decode()
    assert basis_url(complete_plan) in _links(html)  # the way back: a manager has no plan pages
    assert reverse("workspace:plan", args=[complete_plan.pk]) not in _links(html)
    assert 'name="partner"' not in html  # sharing with partners stays with the owner and team lead
    response = client.post(export_url(complete_plan), {"variant": "full", "include_costs": "on"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(actor=manager, action="plan.export", object_id=str(complete_plan.pk)).exists()
    assert request.state == DecisionState.OPEN


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("manager", 403),  # the plan waits at the team lead: not (yet) the manager's decision
        ("other_manager", 403),  # a manager deciding nowhere in this matrix
        ("colleague", 404),  # a professional colleague: not their plan
        ("outsider", 404),  # another municipality: the plan's existence is not revealed
        ("policy_analyst", 403),  # aggregates only
    ],
)
def test_nobody_else_reads_the_basis_or_the_pdf(
    persona, status, complete_plan, professional, team_lead, doorbraakteam, matrix, login, request
):
    assert services.plan_submit(actor=professional, plan=complete_plan).level.decider_role == Role.TEAM_LEAD
    client = login(request.getfixturevalue(persona))
    assert client.get(basis_url(complete_plan)).status_code == status
    assert client.get(export_url(complete_plan)).status_code == status
    assert client.post(export_url(complete_plan), {"variant": "full"}).status_code == status
    assert not AuditEvent.objects.filter(extra__section="basis").exists()
    assert not AuditEvent.objects.filter(action="plan.export").exists()


def test_after_the_decision_only_the_manager_who_decided_keeps_reading(
    complete_plan, professional, team_lead, doorbraakteam, manager, administrator, other_manager, matrix, login
):
    request = _escalate_to(
        services.plan_submit(actor=professional, plan=complete_plan), 3, {1: team_lead, 2: doorbraakteam}
    )
    services.decision_approve(actor=manager, request=request, reason="Akkoord.")
    decided = DecisionRequest.objects.get(pk=request.pk)
    client = login(manager)
    client.user = manager
    html = _assert_reads_the_basis(client, complete_plan, decided)
    assert "Naar het besluit" not in html  # nothing left to decide
    assert client.get(export_url(complete_plan)).status_code == 200
    for persona in (administrator, other_manager):
        assert login(persona).get(basis_url(complete_plan)).status_code == 403


def test_the_owner_sees_the_basis_of_their_own_plan_without_a_request(complete_plan, professional, login):
    client = login(professional)
    response = client.get(basis_url(complete_plan))
    assert response.status_code == 200
    event = AuditEvent.objects.get(actor=professional, action="legal.read", extra__section="basis")
    assert "request" not in event.extra


def test_while_it_waits_at_the_manager_no_other_manager_reads_it(
    complete_plan, professional, team_lead, doorbraakteam, manager, administrator, other_manager, matrix, login
):
    _escalate_to(services.plan_submit(actor=professional, plan=complete_plan), 3, {1: team_lead, 2: doorbraakteam})
    assert login(manager).get(basis_url(complete_plan)).status_code == 200
    for persona in (administrator, other_manager):  # the next level, and a manager not named at this one
        client = login(persona)
        assert client.get(basis_url(complete_plan)).status_code == 403
        assert client.get(export_url(complete_plan)).status_code == 403


def test_the_basis_page_reads_a_fixed_number_of_queries(complete_plan, professional, login):
    client = login(professional)

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(basis_url(complete_plan)).status_code == 200
        return len(ctx.captured_queries)

    before = queries()
    for article in LegalArticle.objects.exclude(citations__plan=complete_plan)[:4]:
        citation_add(actor=professional, plan=complete_plan, article=article, application="may", motivation="Ook.")
    for scenario, lines in FORECAST_LINES.items():
        add_cost_lines(complete_plan, scenario, lines)
    assert queries() == before
