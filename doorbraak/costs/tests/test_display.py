"""What the costs pages show: date fields, labels, ledger identity and status, money notation, names."""

import re
import uuid
from datetime import date

import pytest
from django.urls import reverse

from doorbraak.costs.forms import MarkPaidForm, SheetForm, TariffUploadForm
from doorbraak.plans.constants import PlanStatus

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
