"""The return page with many lines: constant queries, read-only rows, forms on demand, locked lines."""

import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from doorbraak.costs.models import CostLine, PriceItem, Tariff, TariffSet
from doorbraak.costs.presentation import line_rows, rows_html
from doorbraak.costs.selectors.plan_return import line_values_for_plan, plan_results, suggestions_for_plan
from doorbraak.costs.services import plan_return as services
from doorbraak.households.tests.factories import HouseholdFactory
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.models import Tag
from doorbraak.plans.tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


def make_lines(plan, count, *, scenario=None, description=""):
    items = list(PriceItem.objects.order_by("code")[:5])
    CostLine.objects.bulk_create(
        [
            CostLine(
                plan=plan,
                organisation=plan.organisation,
                scenario=scenario or ["current", "threatening", "plan"][i % 3],
                item=items[i % 5],
                description=description,
                quantity=Decimal(i + 1),
                quantity_low=Decimal(i) if i % 2 else None,
                unit_price=Decimal("10.00"),
                price_origin="national",
                price_source="Bron",
                funding_stream=items[i % 5].funding_stream,
                cashable=bool(i % 2),
                is_estimate=i == 0,
            )
            for i in range(count)
        ]
    )


def page_queries(client, plan) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("costs:plan_return", args=[plan.pk])).status_code == 200
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_lines(plan, professional, login):
    plan.tags.add(Tag.objects.get(code="dreigende_ontruiming"))  # suggestions are computed too
    client = login(professional)
    make_lines(plan, 3)
    few = page_queries(client, plan)
    make_lines(plan, 60)
    assert page_queries(client, plan) == few
    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse("costs:plan_return", args=[plan.pk]) + "?partial=results", HTTP_HX_REQUEST="true")
    assert len(ctx.captured_queries) < few


def make_mixed_lines(plan, count, *, scenarios=("current", "threatening", "plan", "realised")):
    """``count`` lines spread over ``scenarios``: price-list items, the municipality's own tariff and free
    lines; every other plan line paid from the Doorbraakbudget."""
    tariff_set = TariffSet.objects.create(
        organisation=plan.organisation, kind="municipal", name="Inkoop", created_by=plan.owner
    )
    own = Tariff.objects.create(
        tariff_set=tariff_set,
        organisation=plan.organisation,
        code="eigen_post",
        name="Eigen post",
        unit="uur",
        amount=Decimal("12.00"),
        funding_stream="wmo",
        valid_from="2020-01-01",
    )
    items = list(PriceItem.objects.order_by("code")[:5])
    lines = []
    for i in range(count):
        kind = i % 3
        scenario = scenarios[i % len(scenarios)]
        budget = scenario == "plan" and i % 2 == 0
        lines.append(
            CostLine(
                plan=plan,
                organisation=plan.organisation,
                scenario=scenario,
                item=items[i % 5] if kind == 0 else None,
                tariff=own if kind == 1 else None,
                description="Vrije regel" if kind == 2 else "",
                quantity=Decimal(i + 1),
                quantity_high=Decimal(i + 2) if i % 2 else None,
                probability=Decimal("0.5") if scenario == "threatening" else Decimal("1"),
                unit_price=Decimal("10.00"),
                price_origin=["national", "tariff", "free"][kind],
                price_source="Bron",
                funding_stream=items[i % 5].funding_stream if kind == 0 else "wmo",
                cashable=bool(i % 2),
                paid_from_budget=budget,
                budget_status="committed" if budget else "",
            )
        )
    CostLine.objects.bulk_create(lines)


def count_queries(request) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = request()
    assert response.status_code in (200, 302), response.status_code
    return len(ctx.captured_queries)


@pytest.mark.parametrize("status", [PlanStatus.CONCEPT, PlanStatus.IN_PROGRESS])
def test_page_and_partials_queries_do_not_grow_with_lines(plan, professional, login, status):
    """The page, and the two parts HTMX reloads, with 1 and with 20 lines over the four scenarios."""
    plan.tags.add(Tag.objects.get(code="dreigende_ontruiming"))  # suggestions are computed too
    plan.status = status
    plan.save()
    client = login(professional)
    url = reverse("costs:plan_return", args=[plan.pk])
    requests = {
        "page": lambda: client.get(url),
        "results": lambda: client.get(url + "?partial=results", HTTP_HX_REQUEST="true"),
        "workspace": lambda: client.get(url + "?partial=workspace", HTTP_HX_REQUEST="true"),
    }
    counts = {}
    for count in (1, 20):
        CostLine.objects.filter(plan=plan).delete()
        TariffSet.objects.filter(organisation=plan.organisation).delete()
        make_mixed_lines(plan, count)
        counts[count] = {name: count_queries(request) for name, request in requests.items()}
    assert counts[1] == counts[20]
    assert counts[20]["results"] < counts[20]["page"]


def htmx_change_queries(client, plan) -> dict[str, int]:
    """The queries of each HTMX form and change on the return page of ``plan`` (its first current line)."""
    line = CostLine.objects.filter(plan=plan, scenario="current").first()
    line_url = reverse("costs:line_edit", args=[plan.pk, line.pk])
    add_url = reverse("costs:line_add", args=[plan.pk])
    edit = {
        "scenario": "current",
        "item": line.item_id,  # a price-list line with a manual price, so "reprice" has work to do
        "description": "Gewijzigd",
        "quantity": "2",
        "probability": "1",
        "manual_price": "3",
        "manual_reason": "Offerte",
        "funding_stream": "wmo",
        "version": "0",
    }
    add = {"scenario": "plan", "description": "Nieuw", "quantity": "1", "probability": "1", "manual_price": "2"}
    add["funding_stream"] = "wmo"
    plan.tags.add(Tag.objects.get(code="budgetbeheer"))  # a rule that suggests a line "met het plan"
    suggestion = {"add": suggestions_for_plan(plan=plan)[0].key}  # what the "Toevoegen" button posts
    settings = {"reference_date": "2025-03-01", "horizon_months": 12, "version": 0}
    steps = [
        ("edit form", "get", line_url, None),
        ("add form", "get", add_url, None),
        ("edit", "post", line_url, edit),
        ("add", "post", add_url, add),
        ("suggestion", "post", reverse("costs:suggestion_add", args=[plan.pk]), suggestion),
        ("reprice", "post", reverse("costs:line_reprice", args=[plan.pk, line.pk]), {"version": 1}),
        ("copy", "post", reverse("costs:scenario_copy", args=[plan.pk]), None),
        ("settings", "post", reverse("costs:sheet_update", args=[plan.pk]), settings),
        ("delete", "post", reverse("costs:line_delete", args=[plan.pk, line.pk]), {"version": 2}),
    ]
    counts = {}
    for name, method, url, data in steps:
        with CaptureQueriesContext(connection) as ctx:
            response = getattr(client, method)(url, data, HTTP_HX_REQUEST="true")
        assert response.status_code == 200, name
        assert "utrecht-alert--error" not in response.content.decode(), name
        counts[name] = len(ctx.captured_queries)
    return counts


def test_htmx_changes_queries_do_not_grow_with_lines(professional, login):
    """Every HTMX change re-renders the workspace; its queries do not depend on the number of lines
    (copying a scenario included)."""
    client = login(professional)
    counts = {}
    for count in (1, 20):
        household = HouseholdFactory(team=professional.membership.team, created_by=professional)
        plan = PlanFactory(household=household, owner=professional)
        make_mixed_lines(plan, count, scenarios=("current", "plan"))
        counts[count] = htmx_change_queries(client, plan)
        assert CostLine.objects.filter(plan=plan, scenario="threatening").count() == (count + 1) // 2
    assert counts[1] == counts[20]


def test_rows_are_read_only_with_one_edit_link_each(plan, professional, login):
    make_lines(plan, 6)
    page = login(professional).get(reverse("costs:plan_return", args=[plan.pk])).content.decode()
    assert page.count('<tr id="line-') == 6
    assert page.count(">Wijzigen<span") == 6
    assert 'name="quantity"' not in page  # no forms per row, and the add form opens on demand
    assert page.count("?scenario=") >= 3 * 2  # an add link (href + hx-get) per plan scenario
    assert "Schatting" in page and "verzilverbaar" in page and "Bron:" in page


def test_row_values_are_escaped(plan, professional, login):
    make_lines(plan, 1, description='<script>alert("x")</script>')
    page = login(professional).get(reverse("costs:plan_return", args=[plan.pk])).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_row_html_matches_the_line(plan):
    make_lines(plan, 2, scenario="plan")
    lines = line_values_for_plan(plan=plan)
    rows = line_rows(
        lines, amounts=plan_results(plan=plan, lines=lines).line_amounts, editable_scenarios=set(), edit_url=""
    )
    html = rows_html(rows, with_actions=False)
    assert rows[1]["range"] == "(1–2)" and rows[1]["amount"] == "€ 20,00"
    assert html.count("<tr") == 2 and "<td><a" not in html and "€ 20,00" in html
    assert rows[0]["label"] == PriceItem.objects.order_by("code").first().name


def test_edit_opens_in_place_with_htmx(plan, professional, login):
    make_lines(plan, 2, scenario="plan", description="Regel")
    line = CostLine.objects.filter(plan=plan).first()
    url = reverse("costs:line_edit", args=[plan.pk, line.pk])
    client = login(professional)
    response = client.get(url, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and response["HX-Retarget"] == f"#line-{line.pk}"
    assert body.lstrip().startswith(f'<tr id="line-{line.pk}"') and "<html" not in body
    assert 'id="id_edit_quantity"' in body and "Regel verwijderen" in body
    data = {"scenario": "plan", "quantity": "-1", "probability": "1", "manual_price": "10", "funding_stream": "wmo"}
    response = client.post(url, {**data, "version": "0"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and response["HX-Retarget"] == f"#line-{line.pk}"
    assert "utrecht-form-field--invalid" in response.content.decode()
    data.update(quantity="3", description="Regel", manual_reason="Offerte")
    response = client.post(url, {**data, "version": "0"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'id="return-workspace"' in response.content.decode()
    line.refresh_from_db()
    assert line.quantity == Decimal("3")


def test_add_form_on_demand(plan, professional, login, outsider, manager):
    url = reverse("costs:line_add", args=[plan.pk])
    client = login(professional)
    page = client.get(url + "?scenario=threatening")
    assert page.status_code == 200 and "<html" in page.content.decode()
    assert '<option value="threatening" selected>' in page.content.decode()
    inline = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert 'id="line-add-form"' in inline and "<html" not in inline and "hx-post" in inline
    # errors: without JS the add page again (400), with HTMX the form in place (200, retargeted)
    bad = {"scenario": "plan", "quantity": "1", "probability": "1", "funding_stream": "wmo", "description": "x"}
    response = client.post(url, bad)
    assert response.status_code == 400 and "Vul bij een vrije regel een prijs" in response.content.decode()
    response = client.post(url, bad, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and response["HX-Retarget"] == "#line-add-form"
    assert not CostLine.objects.exists()
    assert login(outsider).get(url).status_code == 404
    assert login(manager).get(url).status_code == 403


def test_submitted_plan_shows_lines_read_only(plan, professional, login):
    make_lines(plan, 3, description="Regel")
    line = CostLine.objects.filter(plan=plan).first()
    plan.status = PlanStatus.SUBMITTED
    plan.save()
    client = login(professional)
    page = client.get(reverse("costs:plan_return", args=[plan.pk])).content.decode()
    assert page.count('<tr id="line-') == 3
    assert "Wijzigen" not in page and "Acties" not in page and "?scenario=" not in page
    assert reverse("costs:sheet_update", args=[plan.pk]) not in page
    url = reverse("costs:line_edit", args=[plan.pk, line.pk])
    detail = client.get(url)
    body = detail.content.decode()
    assert detail.status_code == 200 and "kan niet meer worden gewijzigd" in body
    assert 'name="quantity"' not in body and "Regel verwijderen" not in body
    data = {"scenario": line.scenario, "quantity": "99", "probability": "1", "version": "0", "funding_stream": "wmo"}
    assert client.post(url, data).status_code == 400
    assert client.post(reverse("costs:line_delete", args=[plan.pk, line.pk]), {"version": 0}).status_code == 400
    add = client.get(reverse("costs:line_add", args=[plan.pk])).content.decode()
    assert 'name="quantity"' not in add and "geen regels meer worden toegevoegd" in add
    line.refresh_from_db()
    assert line.quantity == Decimal("1") and CostLine.objects.filter(plan=plan).count() == 3


def test_realised_lines_stay_editable_during_follow_up(plan, professional, login):
    make_lines(plan, 2, scenario="plan", description="Plan")
    make_lines(plan, 1, scenario="realised", description="Gerealiseerd")
    plan.status = PlanStatus.IN_PROGRESS
    plan.save()
    realised = CostLine.objects.get(plan=plan, scenario="realised")
    client = login(professional)
    page = client.get(reverse("costs:plan_return", args=[plan.pk])).content.decode()
    assert page.count(">Wijzigen<span") == 1
    assert reverse("costs:line_edit", args=[plan.pk, realised.pk]) in page
    url = reverse("costs:line_edit", args=[plan.pk, realised.pk])
    assert 'name="quantity"' in client.get(url).content.decode()
    data = {
        "scenario": "realised",
        "description": "Gerealiseerd",
        "quantity": "4",
        "probability": "1",
        "manual_price": "10",
        "funding_stream": realised.funding_stream,
        "version": "0",
    }
    assert client.post(url, data).status_code == 302
    realised.refresh_from_db()
    assert realised.quantity == Decimal("4")


def test_creation_token_makes_double_submit_harmless(plan, professional, login):
    token = str(uuid.uuid4())
    data = {
        "scenario": "plan",
        "description": "Uitzondering",
        "quantity": "1",
        "probability": "1",
        "manual_price": "5",
        "funding_stream": "wmo",
        "creation_token": token,
    }
    client = login(professional)
    client.post(reverse("costs:line_add", args=[plan.pk]), data)
    client.post(reverse("costs:line_add", args=[plan.pk]), data)
    assert CostLine.objects.filter(plan=plan).count() == 1


@pytest.mark.parametrize(
    ("status", "scenario", "allowed"),
    [
        (PlanStatus.CONCEPT, "plan", True),
        (PlanStatus.SUBMITTED, "plan", False),
        (PlanStatus.SUBMITTED, "realised", False),
        (PlanStatus.APPROVED, "current", False),
        (PlanStatus.IN_PROGRESS, "realised", True),
        (PlanStatus.EVALUATED, "realised", True),
        (PlanStatus.CLOSED, "realised", False),
        (PlanStatus.REJECTED, "threatening", False),
    ],
)
def test_services_lock_lines_by_status(plan, professional, status, scenario, allowed):
    make_lines(plan, 1, scenario=scenario, description="Regel")
    line = CostLine.objects.get(plan=plan)
    plan.status = status
    plan.save()
    attempts = [
        lambda: services.line_update(actor=professional, line=line, data={"quantity": Decimal(7)}, version=0),
        lambda: services.line_reprice(actor=professional, line=CostLine.objects.get(pk=line.pk), version=1),
        lambda: services.line_delete(actor=professional, line=line, version=2),
    ]
    for attempt in attempts:
        if allowed:
            attempt()
        else:
            with pytest.raises(ValidationError):
                attempt()
    assert CostLine.objects.filter(pk=line.pk).exists() is not allowed
