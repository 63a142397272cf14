"""What the costs pages show: date fields, labels, ledger identity and status, money notation, names."""

import re
import uuid
from datetime import date

import pytest
from django.urls import reverse

from doorbraak.costs.forms import MarkPaidForm, SheetForm, TariffUploadForm
from doorbraak.costs.selectors.plan_return import suggestions_for_plan
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.models import Tag

pytestmark = pytest.mark.django_db


def add_budget_line(client, plan):
    return client.post(
        reverse("costs:line_add", args=[plan.pk]),
        {
            "scenario": "plan",
            "description": "Huurachterstand",
            "quantity": "1",
            "probability": "1",
            "manual_price": "3200",
            "funding_stream": "participatiewet",
            "paid_from_budget": "on",
            "creation_token": str(uuid.uuid4()),
        },
    )


# --- 1. date fields carry an ISO value, which is all an <input type="date"> accepts ------------------------
@pytest.mark.parametrize(
    ("form_class", "field"),
    [(SheetForm, "reference_date"), (MarkPaidForm, "paid_at"), (TariffUploadForm, "default_valid_from")],
)
def test_date_inputs_render_iso_value(form_class, field, settings):
    settings.LANGUAGE_CODE = "nl"
    html = str(form_class(initial={field: date(2026, 11, 16)})[field])
    assert 'type="date"' in html and 'value="2026-11-16"' in html
    assert "16-11-2026" not in html


def test_peildatum_on_plan_page_has_iso_value(plan, professional, login):
    page = login(professional).get(reverse("costs:plan_return", args=[plan.pk])).content.decode()
    field = re.search(r'<input[^>]*name="reference_date"[^>]*>', page).group(0)
    assert re.search(r'value="\d{4}-\d{2}-\d{2}"', field), field


def test_paid_at_on_ledger_has_iso_value(plan, professional, doorbraakteam, login):
    add_budget_line(login(professional), plan)
    plan.status = PlanStatus.APPROVED
    plan.save()
    year = plan.cost_sheet.reference_date.year
    page = login(doorbraakteam).get(reverse("costs:ledger") + f"?jaar={year}").content.decode()
    field = re.search(r'<input[^>]*name="paid_at"[^>]*>', page).group(0)
    assert re.search(r'value="\d{4}-\d{2}-\d{2}"', field), field


# --- 2. Dutch empty choice on the suggestion rules form ----------------------------------------------------
def test_suggestion_rules_form_has_dutch_empty_label(national_admin, login):
    page = login(national_admin).get(reverse("costs:suggestion_rules")).content.decode()
    assert "---------" not in page
    assert '<option value="" selected>— kies —</option>' in page


# --- 3. tag labels instead of tag codes --------------------------------------------------------------------
def test_suggestion_rules_table_shows_tag_labels(national_admin, login):
    from doorbraak.costs.models import PriceItem, SuggestionRule

    SuggestionRule.objects.create(
        tag_codes="begeleiding_thuis huurachterstand",
        item=PriceItem.objects.get(code="jw_ots"),
        scenario="threatening",
        quantity=1,
        probability=1,
    )
    page = login(national_admin).get(reverse("costs:suggestion_rules")).content.decode()
    table = page.split("<tbody>")[1].split("</tbody>")[0]
    assert '<th scope="row">Begeleiding thuis, Huurachterstand</th>' in table
    assert not re.search(r'<th scope="row">[^<]*_', table)  # no raw codes such as dreigende_ontruiming


def test_suggestion_reason_names_tag_labels(plan):
    plan.tags.add(Tag.objects.get(code="dreigende_ontruiming"))
    reasons = [s.reason for s in suggestions_for_plan(plan=plan) if s.origin == "rule"]
    assert reasons and all("Dreigende ontruiming" in r and "dreigende_ontruiming" not in r for r in reasons)


# --- 4. ledger: household reference for those who may see the plan, capitalised statuses -------------------
def test_ledger_rows_name_household_reference_and_capitalised_status(
    plan, professional, team_lead, manager, policy_analyst, login
):
    add_budget_line(login(professional), plan)
    ledger = reverse("costs:ledger") + f"?jaar={plan.cost_sheet.reference_date.year}"
    page = login(team_lead).get(ledger).content.decode()
    link = reverse("costs:plan_return", args=[plan.pk])
    assert f'href="{link}">{plan.household.reference}</a>' in page
    assert "Plan " + str(plan.pk)[:8] not in page
    assert ">Aangevraagd</td>" in page and ">aangevraagd<" not in page
    for aggregate_only in (manager, policy_analyst):
        body = login(aggregate_only).get(ledger).content.decode()
        assert plan.household.reference not in body and str(plan.pk)[:8] not in body and link not in body


# --- 5. money notation: the same as the follow-up pages ----------------------------------------------------
@pytest.mark.parametrize("value", ["-1602.80", "-1500", "0", "1234.5", "1234567.891", "-0.004", "999.995", "-1000000"])
def test_costs_money_matches_followup_notation(value):
    from decimal import Decimal

    from doorbraak.core.formatting import format_euro
    from doorbraak.core.templatetags.formatting import euro as euro_filter

    assert format_euro(Decimal(value)) == euro_filter(Decimal(value))


def test_negative_money_has_minus_before_euro_sign():
    from decimal import Decimal

    from doorbraak.core.templatetags.formatting import euro

    assert euro(Decimal("-1602.80")) == "\u2212€ 1.602,80"
    assert euro(Decimal("1500")) == "€ 1.500,00"
    assert euro(None) == ""


# --- 6. price list names keep their accents ----------------------------------------------------------------
ACCENTED = {
    "jw_residentieel": "Residentiële jeugdhulp (behandelgroep, open)",
    "jus_detentie_jeugd": "Verblijf justitiële jeugdinrichting",
    "jus_delict_vernieling": "Delict: vernieling van privé- of publiek eigendom",
}


def test_shipped_price_list_and_fresh_install_have_accented_names():
    from doorbraak.costs.models import PriceItem
    from doorbraak.costs.pricelist import price_list_by_code

    rows = price_list_by_code()
    for code, name in ACCENTED.items():
        assert rows[code]["name"] == name
        assert PriceItem.objects.get(code=code).name == name  # seeded by the data migration from the CSV


def test_migration_renames_old_names_but_keeps_admin_edits():
    from importlib import import_module

    from django.apps import apps

    from doorbraak.costs.models import PriceItem

    migration = import_module("doorbraak.costs.migrations.0003_price_item_name_accents")
    PriceItem.objects.filter(code="jw_residentieel").update(name="Residentiele jeugdhulp (behandelgroep, open)")
    PriceItem.objects.filter(code="jus_detentie_jeugd").update(name="Eigen naam van de beheerder")
    migration.forwards(apps, None)
    assert PriceItem.objects.get(code="jw_residentieel").name == ACCENTED["jw_residentieel"]
    assert PriceItem.objects.get(code="jus_detentie_jeugd").name == "Eigen naam van de beheerder"
