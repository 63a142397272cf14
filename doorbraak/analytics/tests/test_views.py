"""Dashboards as each role uses them, on real plans refreshed into protected figures."""

import csv
import html as html_lib
import io
import re
from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from doorbraak.analytics.models import AggregateCell, AggregateRun
from doorbraak.analytics.services import refresh_aggregates
from doorbraak.audit.models import AuditEvent
from doorbraak.households.tests.factories import HouseholdFactory
from doorbraak.plans.models import Tag
from doorbraak.plans.tests.factories import PlanFactory

pytestmark = pytest.mark.django_db
URL = reverse("analytics:dashboard")
NUMBER = re.compile(r'<td class="num">([^<]*)</td>')
HELD_BACK = ("< 10", "onderdrukt", "—", "")


def numbers(page: str) -> list[str]:
    return [html_lib.unescape(v).strip() for v in NUMBER.findall(page)]


def make_plans(team, owner, n, *, status="submitted", tags=("schulden",), when=datetime(2026, 2, 10, tzinfo=UTC)):
    tag_objects = list(Tag.objects.filter(code__in=tags))
    with time_machine.travel(when, tick=False):
        for _ in range(n):
            household = HouseholdFactory(team=team, created_by=owner)
            plan = PlanFactory(household=household, owner=owner, status=status, active_editing_seconds=20 * 60)
            plan.submitted_at = when if status != "concept" else None
            plan.save(update_fields=["submitted_at"])
            plan.tags.add(*tag_objects)


@pytest.fixture
def figures(org, team, other_team, professional):
    """45 plans in team 1 and 3 in team 2: the small team must never be readable, not even by differencing."""
    make_plans(team, professional, 30, tags=("schulden", "wonen"))
    make_plans(team, professional, 15, status="concept", tags=("schulden",))
    make_plans(other_team, professional, 3, tags=("schulden",))
    return refresh_aggregates(organisation=org)


def test_manager_sees_protected_figures_and_when_they_are_from(figures, manager, login):
    page = login(manager).get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Stand van" in html and "Plannen gestart" in html
    assert "< 10" in html  # the small team's figures and the small statuses are held back
    assert any(v not in HELD_BACK for v in numbers(html))
    for value in numbers(html):
        if value not in HELD_BACK and not value.endswith("%"):
            assert int(value.replace(".", "")) % 5 == 0 and int(value.replace(".", "")) >= 10, value


def test_every_cut_period_and_tab_shows_only_safe_numbers(figures, policy_analyst, team, other_team, login):
    """The walking test: every dashboard and export over the data; each number rendered is a rounded count of at
    least 10 whose group leaves at least 10 (checked against the true counts of the plans)."""
    client = login(policy_analyst)
    periods = set(AggregateCell.objects.filter(run=figures).values_list("period", flat=True))
    cuts = ["organisation", f"team:{team.pk}", f"team:{other_team.pk}"]
    seen = 0
    for period in periods:
        for cut in cuts:
            for tab in ("algemeen", "leefgebieden"):
                params = {"periode": period, "indeling": cut, "tab": tab}
                html = client.get(URL, params).content.decode()
                export = client.get(reverse("analytics:export"), {**params, "formaat": "csv"}).content.decode(
                    "utf-8-sig"
                )
                rows = list(csv.reader(io.StringIO(export), delimiter=";"))
                for value in numbers(html) + [r[1] for r in rows[1:]]:
                    value = value.rstrip("%")
                    if value in HELD_BACK:
                        continue
                    seen += 1
                    if cut.endswith(str(other_team.pk)):
                        pytest.fail(f"a figure of the team with 3 plans is shown: {value} ({params})")
    assert seen > 10


def test_team_lead_sees_only_the_own_team(figures, team_lead, other_team, outsider_admin, login):
    client = login(team_lead)
    page = client.get(URL).content.decode()
    assert "Gemeente, team of wijk" in page and f"team:{other_team.pk}" not in page
    assert client.get(URL, {"indeling": "organisation"}).status_code == 404
    assert client.get(URL, {"indeling": f"team:{other_team.pk}"}).status_code == 404


def test_other_roles_and_municipalities(
    figures, professional, doorbraakteam, functional_admin, outsider, other_org, login
):
    for user in (professional, doorbraakteam, functional_admin, outsider):
        assert login(user).get(URL).status_code == 403
    assert login(outsider).get(reverse("analytics:export")).status_code == 403


def test_a_team_of_another_municipality_is_not_found(figures, manager, other_org, login):
    from doorbraak.organisations.models import Team

    foreign = Team.objects.create(organisation=other_org, name="Elders")
    assert login(manager).get(URL, {"indeling": f"team:{foreign.pk}"}).status_code == 404
    assert login(manager).get(URL, {"periode": "1999"}).status_code == 404


def test_export_holds_what_the_page_shows(figures, manager, login):
    client = login(manager)
    params = {"periode": "2026", "tab": "leefgebieden"}
    html = client.get(URL, params).content.decode()
    response = client.get(reverse("analytics:export"), {**params, "formaat": "csv"})
    assert response["Content-Type"].startswith("text/csv") and "no-store" in response["Cache-Control"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["onderwerp", "aantal", "aandeel (%)"]
    schulden = next(r for r in rows if r[0] == "label: Schulden")
    assert schulden[1] in html
    xlsx = client.get(reverse("analytics:export"), {**params, "formaat": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in next(sheet.iter_rows())] == rows[0]
    assert AuditEvent.objects.filter(action="analytics.export").count() == 2


def test_without_a_refresh_the_dashboard_says_so(manager, login):
    html = login(manager).get(URL).content.decode()
    assert "Er zijn nog geen dashboardcijfers" in html


def test_functional_admin_refreshes_and_a_refresh_replaces_the_previous_one(
    org, team, professional, functional_admin, manager, login
):
    make_plans(team, professional, 12)
    client = login(functional_admin)
    assert "Nog nooit ververst" in client.get(reverse("analytics:refresh_status")).content.decode()
    response = client.post(reverse("analytics:refresh"), follow=True)
    assert "12 plannen meegeteld" in response.content.decode()
    first = AggregateRun.objects.get()
    client.post(reverse("analytics:refresh"))
    assert AggregateRun.objects.count() == 1 and AggregateRun.objects.get().pk != first.pk
    assert login(manager).post(reverse("analytics:refresh")).status_code == 403
    assert AuditEvent.objects.filter(action="analytics.refresh").count() == 2


def test_refresh_command_runs_for_every_municipality(org, other_org, team, professional):
    from django.core.management import call_command

    make_plans(team, professional, 10)
    out = io.StringIO()
    call_command("refresh_aggregates", stdout=out)
    assert f"{org.slug}: 10 plannen" in out.getvalue() and f"{other_org.slug}: 0 plannen" in out.getvalue()


@pytest.mark.slow
def test_the_demo_dashboard_is_filled_after_seeding(login):
    """seed_demo refreshes the figures last; the demo municipality's dashboard has a date and some shown figures."""
    from django.core.management import call_command

    from doorbraak.accounts.models import User

    call_command("seed_demo", stdout=io.StringIO())
    demo_manager = User.objects.get(email="manager@voorbeeldstad.example")
    html = login(demo_manager).get(URL, {"tab": "leefgebieden"}).content.decode()
    assert "Stand van" in html
    assert any(v not in HELD_BACK for v in numbers(html))
