"""Every costs view: allowed role works, wrong role 403, other municipality 404. Plus behaviour."""

import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from doorbraak.audit.models import AuditEvent
from doorbraak.costs.constants import PriceOrigin, Scenario
from doorbraak.costs.models import CostLine, DoorbraakBudget, ItemPrice, PriceItem, SuggestionRule, Tariff, TariffSet
from doorbraak.costs.selectors.ledger import ledger as ledger_data
from doorbraak.costs.selectors.plan_return import costs_side_complete, plan_results
from doorbraak.households.tests.factories import HouseholdFactory
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.models import Tag
from doorbraak.plans.tests.factories import HelperFactory, PlanFactory

pytestmark = pytest.mark.django_db


def add_line(client, plan, **data):
    payload = {"scenario": "current", "quantity": "10", "probability": "1", "creation_token": str(uuid.uuid4())}
    payload.update(data)
    return client.post(reverse("costs:line_add", args=[plan.pk]), payload)


def item(code):
    return PriceItem.objects.get(code=code)


# --- plan return page --------------------------------------------------------------------------------------
def test_plan_return_access(plan, professional, team_lead, colleague, outsider, manager, functional_admin, login):
    url = reverse("costs:plan_return", args=[plan.pk])
    assert login(professional).get(url).status_code == 200
    assert login(team_lead).get(url).status_code == 200
    assert login(colleague).get(url).status_code == 404
    assert login(outsider).get(url).status_code == 404
    assert login(manager).get(url).status_code == 403
    assert login(functional_admin).get(url).status_code == 403
    assert AuditEvent.objects.filter(action="plan.read", object_id=str(plan.pk)).exists()


def test_add_line_resolves_national_price_indexed(plan, professional, login):
    client = login(professional)
    response = add_line(client, plan, item=item("zvw_seh_bezoek").pk, quantity="2")
    assert response.status_code == 302
    line = CostLine.objects.get(plan=plan)
    assert line.price_origin == PriceOrigin.NATIONAL
    assert line.price_year == 2022
    assert line.indexed
    assert "prijspeil 2022, geïndexeerd naar" in line.index_note
    assert line.funding_stream == "zvw" and line.cashable
    assert line.unit_price > Decimal("258")
    page = client.get(reverse("costs:plan_return", args=[plan.pk])).content.decode()
    assert "prijspeil 2022, geïndexeerd naar" in page
    assert AuditEvent.objects.filter(action="costs.line.add", object_id=str(plan.pk)).exists()


def test_estimate_is_marked_with_text(plan, professional, login):
    client = login(professional)
    add_line(client, plan, item=item("jw_ots").pk, quantity="1", scenario="threatening", probability="0.5")
    line = CostLine.objects.get(plan=plan)
    assert line.is_estimate
    page = client.get(reverse("costs:plan_return", args=[plan.pk])).content.decode()
    assert "Schatting" in page


def test_resolution_order_manual_over_tariff_over_national(plan, professional, functional_admin, login):
    organisation = plan.organisation
    ts = TariffSet.objects.create(
        organisation=organisation, kind="municipal", name="Inkoop 2025", created_by=functional_admin
    )
    code = "wmo_begeleiding_individueel"
    Tariff.objects.create(
        tariff_set=ts,
        organisation=organisation,
        item=item(code),
        code=code,
        name="Begeleiding",
        unit="uur",
        amount=Decimal("70.00"),
        funding_stream="wmo",
        cashable=True,
        valid_from=plan.created_at.date().replace(month=1, day=1),
    )
    client = login(professional)
    add_line(client, plan, item=item(code).pk)
    tariff_line = CostLine.objects.get(plan=plan)
    assert tariff_line.price_origin == PriceOrigin.TARIFF and tariff_line.unit_price == Decimal("70.00")
    # a manual price without a reason is refused
    response = add_line(client, plan, item=item(code).pk, manual_price="60")
    assert response.status_code == 400
    assert CostLine.objects.filter(plan=plan).count() == 1
    add_line(client, plan, item=item(code).pk, manual_price="60", manual_reason="Offerte aanbieder")
    manual = CostLine.objects.filter(plan=plan, price_origin=PriceOrigin.MANUAL).get()
    assert manual.unit_price == Decimal("60.00")


def test_tariff_of_other_municipality_not_used(plan, professional, outsider_admin, other_org, login):
    ts = TariffSet.objects.create(organisation=other_org, kind="municipal", name="Anders", created_by=outsider_admin)
    code = "wmo_begeleiding_individueel"
    Tariff.objects.create(
        tariff_set=ts,
        organisation=other_org,
        item=item(code),
        code=code,
        name="x",
        unit="uur",
        amount=Decimal("1.00"),
        funding_stream="wmo",
        valid_from="2000-01-01",
    )
    add_line(login(professional), plan, item=item(code).pk)
    assert CostLine.objects.get(plan=plan).price_origin == PriceOrigin.NATIONAL


def test_free_line_needs_description_and_price(plan, professional, login):
    client = login(professional)
    assert add_line(client, plan, scenario="plan", funding_stream="participatiewet").status_code == 400
    response = add_line(
        client,
        plan,
        scenario="plan",
        description="Huurachterstand betalen",
        quantity="1",
        manual_price="3200",
        funding_stream="participatiewet",
        cashable="1",
        paid_from_budget="on",
    )
    assert response.status_code == 302
    line = CostLine.objects.get(plan=plan)
    assert line.price_origin == PriceOrigin.FREE and line.paid_from_budget and line.budget_status == "committed"


def test_htmx_add_returns_workspace_with_results(plan, professional, login):
    client = login(professional)
    response = client.post(
        reverse("costs:line_add", args=[plan.pk]),
        {
            "scenario": "plan",
            "description": "Hondenpension",
            "quantity": "60",
            "manual_price": "22.50",
            "funding_stream": "participatiewet",
            "probability": "1",
        },
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="return-workspace"' in body and "<html" not in body
    assert "€ 1.350,00" in body


def test_line_add_permissions(plan, colleague, outsider, manager, team_lead, login):
    assert add_line(login(outsider), plan, description="x", manual_price="1", funding_stream="wmo").status_code == 404
    assert add_line(login(manager), plan, description="x", manual_price="1", funding_stream="wmo").status_code == 403
    assert add_line(login(colleague), plan, description="x", manual_price="1", funding_stream="wmo").status_code == 404
    assert add_line(login(team_lead), plan, description="x", manual_price="1", funding_stream="wmo").status_code == 302


def test_doorbraakteam_reads_but_cannot_edit(plan, professional, doorbraakteam, login):
    plan.status = PlanStatus.SUBMITTED
    plan.save()
    url = reverse("costs:plan_return", args=[plan.pk])
    assert login(doorbraakteam).get(url).status_code == 200
    assert (
        add_line(login(doorbraakteam), plan, description="x", manual_price="1", funding_stream="wmo").status_code == 403
    )


def test_lines_locked_after_submission(plan, professional, login):
    plan.status = PlanStatus.SUBMITTED
    plan.save()
    response = add_line(login(professional), plan, description="x", manual_price="1", funding_stream="wmo")
    assert response.status_code == 400
    assert not CostLine.objects.exists()


def make_line(plan, professional, login, **data):
    add_line(login(professional), plan, description="Regel", manual_price="10", funding_stream="wmo", **data)
    return CostLine.objects.filter(plan=plan).latest("created_at")


def test_edit_line_with_version_check(plan, professional, outsider, manager, login):
    line = make_line(plan, professional, login)
    url = reverse("costs:line_edit", args=[plan.pk, line.pk])
    client = login(professional)
    assert client.get(url).status_code == 200
    data = {
        "scenario": "current",
        "description": "Regel",
        "quantity": "5",
        "probability": "1",
        "manual_price": "10",
        "funding_stream": "wmo",
        "version": "0",
    }
    assert client.post(url, data).status_code == 302
    line.refresh_from_db()
    assert line.quantity == Decimal("5") and line.version == 1
    # stale version -> conflict, nothing overwritten
    response = client.post(url, {**data, "quantity": "99", "version": "0"})
    assert response.status_code == 409
    line.refresh_from_db()
    assert line.quantity == Decimal("5")
    assert login(outsider).get(url).status_code == 404
    assert login(manager).get(url).status_code == 403


def test_delete_line(plan, professional, outsider, manager, login):
    line = make_line(plan, professional, login)
    url = reverse("costs:line_delete", args=[plan.pk, line.pk])
    assert login(outsider).post(url, {"version": 0}).status_code == 404
    assert login(manager).post(url, {"version": 0}).status_code == 403
    assert login(professional).post(url, {"version": 5}).status_code == 400
    assert login(professional).post(url, {"version": 0}).status_code == 302
    assert not CostLine.objects.filter(pk=line.pk).exists()


def test_reprice_line(plan, professional, outsider, manager, login):
    add_line(login(professional), plan, item=item("zvw_seh_bezoek").pk)
    line = CostLine.objects.get(plan=plan)
    url = reverse("costs:line_reprice", args=[plan.pk, line.pk])
    assert login(outsider).post(url, {"version": 0}).status_code == 404
    assert login(manager).post(url, {"version": 0}).status_code == 403
    assert login(professional).post(url, {"version": 0}).status_code == 302


def test_price_in_plan_not_changed_by_new_price(plan, professional, national_admin, login):
    add_line(login(professional), plan, item=item("zvw_seh_bezoek").pk)
    before = CostLine.objects.get(plan=plan).unit_price
    url = reverse("costs:price_item", args=["zvw_seh_bezoek"])
    response = login(national_admin).post(url, {"year": 2025, "amount": "500", "source": "Test"})
    assert response.status_code == 302
    assert ItemPrice.objects.filter(item__code="zvw_seh_bezoek").count() == 2
    assert ItemPrice.objects.get(item__code="zvw_seh_bezoek", year=2022).amount == Decimal("258.00")
    assert CostLine.objects.get(plan=plan).unit_price == before


def test_prefill_current_from_helpers_and_copy(plan, professional, outsider, manager, login):
    HelperFactory(plan=plan, agency="Bewindvoerder Jansen", role="Beschermingsbewind", life_domain="schulden")
    HelperFactory(plan=plan, agency="Woningcorporatie", role="Verhuurder", life_domain="wonen")
    url = reverse("costs:scenario_prefill", args=[plan.pk])
    assert login(outsider).post(url).status_code == 404
    assert login(manager).post(url).status_code == 403
    assert login(professional).post(url).status_code == 302
    lines = CostLine.objects.filter(plan=plan, scenario=Scenario.CURRENT)
    # the bewindvoerder matches a post (its quantity is left to the professional); the corporation matches
    # none and gets no line (no invented €0 line): see test_fast_entry.py for the details
    assert [line.item.code for line in lines] == ["pw_bewind_standaard"]
    copy = reverse("costs:scenario_copy", args=[plan.pk])
    assert login(outsider).post(copy).status_code == 404
    assert login(manager).post(copy).status_code == 403
    assert login(professional).post(copy).status_code == 302
    assert CostLine.objects.filter(plan=plan, scenario=Scenario.THREATENING).count() == 1
    assert login(professional).post(copy).status_code == 400  # target no longer empty


def test_suggestions_from_tags(plan, professional, outsider, manager, login):
    plan.tags.add(Tag.objects.get(code="dreigende_ontruiming"))
    page = login(professional).get(reverse("costs:plan_return", args=[plan.pk])).content.decode()
    assert "Kosten van een huisuitzetting voor de verhuurder" in page
    url = reverse("costs:suggestion_add", args=[plan.pk])
    data = {"add": f"threatening:{item('wc_huisuitzetting_verhuurder').pk}"}  # what its "Toevoegen" posts
    assert login(outsider).post(url, data).status_code == 404
    assert login(manager).post(url, data).status_code == 403
    assert login(professional).post(url, data).status_code == 302
    assert CostLine.objects.get(plan=plan).probability == Decimal("0.6")


def test_sheet_update(plan, professional, outsider, manager, login):
    url = reverse("costs:sheet_update", args=[plan.pk])
    data = {"reference_date": "2024-03-01", "horizon_months": 12, "version": 0}
    assert login(outsider).post(url, data).status_code == 404
    assert login(manager).post(url, data).status_code == 403
    assert login(professional).post(url, data).status_code == 302
    add_line(login(professional), plan, item=item("zvw_seh_bezoek").pk)
    assert CostLine.objects.get(plan=plan).price_level_year == 2024
    assert login(professional).post(url, data).status_code == 400  # stale version


# --- costs_side_complete / plan_results contract ------------------------------------------------------------
def test_selectors_contract(plan, professional, login):
    assert not costs_side_complete(plan=plan)
    client = login(professional)
    add_line(
        client,
        plan,
        scenario="plan",
        description="Uitzondering",
        manual_price="100",
        funding_stream="wmo",
        quantity="1",
    )
    assert not costs_side_complete(plan=plan)
    add_line(
        client,
        plan,
        scenario="threatening",
        description="Opvang",
        manual_price="80",
        funding_stream="wmo",
        quantity="10",
        probability="0.5",
    )
    assert costs_side_complete(plan=plan)
    result = plan_results(plan=plan)
    assert result.avoided_costs == Decimal("300.00")


# --- national admin ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name", ["costs:price_list", "costs:index_figures", "costs:suggestion_rules", "costs:price_item_create"]
)
def test_national_admin_pages(name, national_admin, functional_admin, professional, login):
    url = reverse(name)
    assert login(national_admin).get(url).status_code == 200
    assert login(functional_admin).get(url).status_code == 403
    assert login(professional).get(url).status_code == 403


def test_price_item_detail_and_create(national_admin, professional, login):
    client = login(national_admin)
    assert client.get(reverse("costs:price_item", args=["jw_ots"])).status_code == 200
    assert login(professional).get(reverse("costs:price_item", args=["jw_ots"])).status_code == 403
    client = login(national_admin)
    response = client.post(reverse("costs:price_item", args=["jw_ots"]), {"year": 2024, "amount": "1", "source": "x"})
    assert response.status_code == 400  # that year exists; never overwritten
    data = {
        "code": "test_post",
        "name": "Testpost",
        "unit": "uur",
        "funding_stream": "wmo",
        "life_domain": "wonen",
        "index_type": "cpi",
        "year": 2025,
        "amount": "12.50",
        "source": "Eigen",
        "notes": "SCHATTING: test",
    }
    assert client.post(reverse("costs:price_item_create"), data).status_code == 302
    assert ItemPrice.objects.get(item__code="test_post").is_estimate


def test_index_figure_and_rules(national_admin, login):
    client = login(national_admin)
    r = client.post(
        reverse("costs:index_figures"),
        {"index_type": "ova_mix", "year": 2024, "percentage": "6.1", "source": "VWS OVA"},
    )
    assert r.status_code == 302
    r = client.post(
        reverse("costs:suggestion_rules"),
        {
            "tag_codes": "onbekend_label",
            "item": item("jw_ots").pk,
            "scenario": "threatening",
            "quantity": "1",
            "probability": "0.5",
        },
    )
    assert r.status_code == 400
    r = client.post(
        reverse("costs:suggestion_rules"),
        {
            "tag_codes": "beslag huurachterstand",
            "item": item("jw_ots").pk,
            "scenario": "threatening",
            "quantity": "1",
            "probability": "0.5",
        },
    )
    assert r.status_code == 302
    rule = SuggestionRule.objects.get(tag_codes="beslag huurachterstand")
    assert client.post(reverse("costs:suggestion_rule_delete", args=[rule.pk])).status_code == 302
    assert not SuggestionRule.objects.filter(pk=rule.pk).exists()


# --- functional admin: tariffs and budget -----------------------------------------------------------------
def test_tariff_pages_access(functional_admin, outsider_admin, professional, login):
    ts = TariffSet.objects.create(
        organisation=functional_admin.membership.organisation,
        kind="municipal",
        name="Inkoop",
        created_by=functional_admin,
    )
    for url in [
        reverse("costs:tariff_sets"),
        reverse("costs:tariff_upload"),
        reverse("costs:tariff_set", args=[ts.pk]),
    ]:
        assert login(functional_admin).get(url).status_code == 200
        assert login(professional).get(url).status_code == 403
    assert login(outsider_admin).get(reverse("costs:tariff_set", args=[ts.pk])).status_code == 404
    toggle = reverse("costs:tariff_set_toggle", args=[ts.pk])
    assert login(outsider_admin).post(toggle).status_code == 404
    assert login(professional).post(toggle).status_code == 403
    assert login(functional_admin).post(toggle).status_code == 302
    ts.refresh_from_db()
    assert not ts.is_active


def test_budget_and_ledger(
    plan, professional, team_lead, doorbraakteam, manager, functional_admin, outsider, outsider_admin, login
):
    year = plan.created_at.year
    url = reverse("costs:budget")
    assert login(professional).get(url).status_code == 403
    assert login(functional_admin).post(url, {"year": year, "amount": "50000"}).status_code == 302
    assert DoorbraakBudget.objects.get(organisation=plan.organisation, year=year).amount == Decimal("50000")
    add_line(
        login(professional),
        plan,
        scenario="plan",
        description="Huurachterstand",
        quantity="1",
        manual_price="3200",
        funding_stream="participatiewet",
        paid_from_budget="on",
    )
    line = CostLine.objects.get(plan=plan)
    ledger = reverse("costs:ledger") + f"?jaar={year}"
    manager_page = login(manager).get(ledger)
    assert manager_page.status_code == 200
    body = manager_page.content.decode()
    assert "€ 3.200,00" in body and str(plan.pk)[:8] not in body  # totals only, no plan link
    assert plan.household.reference not in body
    assert login(professional).get(ledger).status_code == 403
    lead_page = login(team_lead).get(ledger).content.decode()
    assert plan.household.reference in lead_page and "Plan " + str(plan.pk)[:8] not in lead_page
    # outsider's ledger shows nothing of this municipality
    assert "3.200,00" not in login(outsider_admin).get(ledger).content.decode()
    # doorbraakteam marks paid once the plan is approved
    plan.status = PlanStatus.APPROVED
    plan.save()
    pay = reverse("costs:ledger_mark_paid", args=[line.pk])
    assert login(manager).post(pay, {"paid_at": f"{year}-06-01"}).status_code == 403
    assert login(outsider).post(pay, {"paid_at": f"{year}-06-01"}).status_code == 403
    assert login(doorbraakteam).post(pay, {"paid_at": f"{year}-06-01"}).status_code == 302
    line.refresh_from_db()
    assert line.budget_status == "paid"
    data = ledger_data(user=doorbraakteam, organisation=plan.organisation, year=year)
    assert data["totals"]["spent"] == Decimal("3200.00")
    assert data["remaining"] == Decimal("46800.00")


def test_mark_paid_other_municipality_404(outsider_plan, outsider, other_org, login, doorbraakteam):
    line = CostLine.objects.create(
        plan=outsider_plan,
        organisation=other_org,
        scenario="plan",
        description="x",
        quantity=1,
        unit_price=1,
        price_origin="free",
        funding_stream="wmo",
        paid_from_budget=True,
        budget_status="committed",
    )
    assert login(doorbraakteam).post(reverse("costs:ledger_mark_paid", args=[line.pk])).status_code == 404


def test_ledger_queries_do_not_grow_with_lines(professional, team_lead, doorbraakteam, login):
    """The ledger with 1 and with 20 budget lines (over 1 and 4 plans, named by item, tariff or description):
    the same number of queries for a team lead (rows with links) and the Doorbraakteam (pay forms)."""
    organisation = professional.membership.organisation
    tariff_set = TariffSet.objects.create(organisation=organisation, kind="municipal", name="T", created_by=team_lead)
    own = Tariff.objects.create(
        tariff_set=tariff_set,
        organisation=organisation,
        code="eigen",
        name="Eigen post",
        unit="uur",
        amount=Decimal("5.00"),
        funding_stream="wmo",
        valid_from="2020-01-01",
    )
    year = timezone.localdate().year

    def make_budget_lines(count, plans):
        for i in range(count):
            CostLine.objects.create(
                plan=plans[i % len(plans)],
                organisation=organisation,
                scenario="plan",
                item=item("jw_ots") if i % 3 == 0 else None,
                tariff=own if i % 3 == 1 else None,
                description="Vrij" if i % 3 == 2 else "",
                quantity=1,
                unit_price=Decimal("10.00"),
                price_origin="national",
                funding_stream="wmo",
                paid_from_budget=True,
                budget_status="paid" if i % 2 else "committed",
                paid_at=timezone.localdate() if i % 2 else None,
            )

    def queries(user):
        client = login(user)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("costs:ledger") + f"?jaar={year}").status_code == 200
        return len(ctx.captured_queries)

    counts = {}
    for count, plan_count in ((1, 1), (20, 4)):
        CostLine.objects.all().delete()
        plans = []
        for _i in range(plan_count):
            household = HouseholdFactory(team=professional.membership.team, created_by=professional)
            plans.append(PlanFactory(household=household, owner=professional, status=PlanStatus.APPROVED))
        make_budget_lines(count, plans)
        counts[count] = {"team lead": queries(team_lead), "doorbraakteam": queries(doorbraakteam)}
    assert counts[1] == counts[20]
