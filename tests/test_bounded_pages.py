"""Oversized text, impossible dates and absurd amounts posted to real pages, as the role that uses them, exactly as
the page renders the form (issue 10, point 5): the user gets a Dutch message at the field, never a 500, and nothing
is saved. The services refuse the same values, so an API built on them later gets the same rule."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from doorbraak.costs.models import CostLine, CostSheet, DoorbraakBudget
from doorbraak.followup.models import FollowUpAction
from doorbraak.households import services as household_services
from doorbraak.households.models import Household
from doorbraak.plans import services as plan_services
from tests.pageforms import rendered_form

pytestmark = pytest.mark.django_db

TOO_LONG = "x" * 12_345
TOO_LONG_MESSAGE = "Dit veld mag niet langer zijn dan 5.000 tekens (u gaf er 12.345)."
THREE_MB = "x" * (3 * 1024 * 1024)
IMPOSSIBLE_DATES = ["0001-01-01", "9999-12-31"]


def _field_error(response, field: str) -> str:
    """The error the page shows at ``field`` (linked to it by aria-describedby), as text."""
    html = response.content.decode()
    assert re.search(rf'aria-describedby="[^"]*id_{field}_error', html), f"no error linked to {field}"
    start = html.index(f'id="id_{field}_error"')
    return html[start : html.index("</", start)]


def _plan_form(client, plan, section: str):
    page = client.get(reverse("workspace:plan", args=[plan.pk]))
    return rendered_form(page, action_contains=f"/onderdeel/{section}/")


def test_a_situation_over_the_cap_is_refused_with_the_limit_and_the_length(plan, professional, login):
    client = login(professional)
    before = plan.situation
    response = _plan_form(client, plan, "situation").submit(client, {"situatie-situation": TOO_LONG})
    assert response.status_code == 400
    assert TOO_LONG_MESSAGE in response.content.decode()
    assert 'aria-describedby="id_situatie-situation_error"' in response.content.decode()
    plan.refresh_from_db()
    assert plan.situation == before


def test_three_megabytes_get_a_dutch_page_and_nothing_is_saved(plan, professional, login):
    client = login(professional)
    before = plan.situation
    response = _plan_form(client, plan, "situation").submit(client, {"situatie-situation": THREE_MB})
    assert response.status_code == 413
    html = response.content.decode()
    assert "Wat u verstuurde is te groot" in html
    assert "2,5 MB" in html and "5.000 tekens" in html and "Er is niets opgeslagen." in html
    assert "Request body exceeded" not in html and "Bad Request" not in html
    plan.refresh_from_db()
    assert plan.situation == before


@pytest.mark.parametrize("value", IMPOSSIBLE_DATES)
def test_a_target_date_outside_the_window_is_refused(value, plan, professional, login):
    client = login(professional)
    before = plan.perspective_target_date
    response = _plan_form(client, plan, "perspective").submit(client, {"perspectief-perspective_target_date": value})
    assert response.status_code == 400
    assert "Vul een datum in tussen 01-01-2000 en" in _field_error(response, "perspectief-perspective_target_date")
    plan.refresh_from_db()
    assert plan.perspective_target_date == before


@pytest.mark.parametrize("value", IMPOSSIBLE_DATES)
def test_a_consent_date_outside_the_window_creates_no_household(value, professional, login):
    client = login(professional)
    form = rendered_form(client.get(reverse("households:create")), with_field="consent_given_on")
    count = Household.objects.count()
    response = form.submit(client, {"consent_given_on": value, "consent_scope": "plan"})
    assert response.status_code in {200, 400}
    assert "Vul een datum in tussen 01-01-1900 en" in _field_error(response, "consent_given_on")
    assert Household.objects.count() == count


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"quantity": "-1"}, "quantity", "Vul een aantal in van 0 tot en met 100.000."),
        ({"quantity": "1000000"}, "quantity", "Vul een aantal in van 0 tot en met 100.000."),
        ({"quantity": "1", "manual_price": "-5"}, "manual_price", "Vul een bedrag in van 0 tot en met 10.000.000."),
        (
            {"quantity": "1", "manual_price": "99999999", "manual_reason": "offerte"},
            "manual_price",
            "Vul een bedrag in van 0 tot en met 10.000.000.",
        ),
    ],
    ids=["negative-quantity", "huge-quantity", "negative-price", "huge-price"],
)
def test_cost_lines_refuse_negative_and_huge_numbers(changes, field, message, plan, professional, login):
    client = login(professional)
    # "Regel toevoegen" at the current situation opens the add form (a page of its own without JavaScript)
    page = client.get(reverse("costs:line_add", args=[plan.pk]), {"scenario": "current"})
    form = rendered_form(page, action_contains=reverse("costs:line_add", args=[plan.pk]), with_field="quantity")
    response = form.submit(client, {"description": "Vrije regel", **changes})
    assert response.status_code == 400
    assert message in _field_error(response, field)
    assert not CostLine.objects.filter(plan=plan).exists()


@pytest.mark.parametrize("value", IMPOSSIBLE_DATES)
def test_a_reference_date_outside_the_window_is_refused(value, plan, professional, login):
    client = login(professional)
    page = client.get(reverse("costs:plan_return", args=[plan.pk]))
    form = rendered_form(page, action_contains=reverse("costs:sheet_update", args=[plan.pk]))
    response = form.submit(client, {"reference_date": value})
    assert response.status_code == 400
    assert "Vul een datum in tussen 01-01-2000 en" in _field_error(response, "reference_date")
    assert not CostSheet.objects.filter(plan=plan, reference_date=date.fromisoformat(value)).exists()


@pytest.mark.parametrize("value", IMPOSSIBLE_DATES)
def test_a_follow_up_action_outside_the_window_is_refused(value, plan, professional, login):
    client = login(professional)
    page = client.get(reverse("followup:plan_followup", args=[plan.pk]))
    form = rendered_form(page, action_contains=reverse("followup:action_add", args=[plan.pk]))
    response = form.submit(client, {"description": "Bellen", "owner": str(professional.pk), "due_date": value})
    assert response.status_code == 400
    assert "Vul een datum in tussen 01-01-2000 en" in _field_error(response, "due_date")
    assert not FollowUpAction.objects.filter(plan=plan).exists()


def test_the_households_own_words_are_capped(plan, professional, login):
    client = login(professional)
    page = client.get(reverse("engagement:plan_engagement", args=[plan.pk]))
    form = rendered_form(page, action_contains=reverse("engagement:texts_save", args=[plan.pk]))
    response = form.submit(client, {"own_words": TOO_LONG})
    assert response.status_code in {200, 400}  # the page again, with the error at the field
    assert TOO_LONG_MESSAGE in _field_error(response, "own_words")
    assert not plan.__class__.objects.filter(pk=plan.pk, engagement__own_words=TOO_LONG).exists()


@pytest.mark.parametrize("amount", ["-1", "2000000000"])
def test_the_budget_refuses_negative_and_huge_amounts(amount, functional_admin, login):
    client = login(functional_admin)
    form = rendered_form(client.get(reverse("costs:budget")), with_field="amount")
    response = form.submit(client, {"year": "2026", "amount": amount})
    assert response.status_code in {200, 400}
    assert "Vul een bedrag in van 0 tot en met 1.000.000.000." in _field_error(response, "amount")
    assert not DoorbraakBudget.objects.exists()


# --- the services refuse the same values (what a later API calls) ----------------------------------------------


def test_the_plan_service_refuses_oversized_text(plan, professional):
    before = plan.situation
    with pytest.raises(ValidationError) as caught:
        plan_services.plan_update_section(
            actor=professional, plan=plan, section="situation", data={"situation": TOO_LONG}, version=0
        )
    assert caught.value.message_dict == {"situation": [TOO_LONG_MESSAGE]}
    plan.refresh_from_db()
    assert plan.situation == before


def test_the_household_service_refuses_an_impossible_consent_date(plan, professional):
    with pytest.raises(ValidationError) as caught:
        household_services.consent_record(
            actor=professional, household=plan.household, given_on=date(9999, 12, 31), scope="plan"
        )
    assert caught.value.message_dict["given_on"][0].startswith("Vul een datum in tussen 01-01-1900 en ")
    assert not plan.household.consents.filter(given_on=date(9999, 12, 31)).exists()


def test_the_cost_line_model_refuses_a_negative_price(plan):
    line = CostLine(plan=plan, organisation=plan.organisation, quantity=Decimal("1"), unit_price=Decimal("-1"))
    with pytest.raises(ValidationError) as caught:
        line.full_clean(exclude=["scenario", "price_origin", "funding_stream"])
    assert caught.value.message_dict["unit_price"] == ["Vul een bedrag in van 0 tot en met 10.000.000."]
