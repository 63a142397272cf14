"""Nothing lost (issue 9, point 1) in a real browser: on every side of a plan, typing saves by itself (the status
line says "Opgeslagen om"), the text is there after a reload, axe finds nothing serious after the update, and
leaving a page with unsaved input (also a motivation drafted with "Maak een concept") asks first."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from doorbraak.households.tests.factories import HouseholdFactory
from doorbraak.plans.tests.factories import PlanFactory
from tests.test_autosave import _cited, _due_evaluation, _line

from .keyboard import assert_accessible, assert_focus_kept
from .support import BROWSER, csp_errors

pytestmark = BROWSER
SAVED = re.compile("Opgeslagen om")


def sides(plan, professional, team_lead, functional_admin):
    """(page, field id, status id) of one free-text field per side; the evaluation is on an approved plan."""
    citation = _cited(plan, professional)
    line = _line(plan, professional)
    approved = PlanFactory(household=HouseholdFactory(team=plan.team, created_by=professional), owner=professional)
    evaluation = _due_evaluation(approved, professional, approver=team_lead, functional_admin=functional_admin)
    return [
        (reverse("workspace:plan", args=[plan.pk]), "id_situatie-situation", "status-situatie"),
        (reverse("legal:plan_legitimacy", args=[plan.pk]), "id_motivation", "status-motivering"),
        (
            reverse("legal:plan_legitimacy", args=[plan.pk]),
            f"id_c{citation.pk}-motivation",
            f"status-artikel-{citation.pk}",
        ),
        (reverse("engagement:plan_engagement", args=[plan.pk]), "id_own_words", "status-eigen-woorden"),
        (reverse("costs:plan_return", args=[plan.pk]), "id_toelichting-note", "status-toelichting"),
        (
            reverse("costs:line_edit", args=[plan.pk, line.pk]),
            f"id_regel-toelichting-{line.pk}-note",
            f"status-regel-toelichting-{line.pk}",
        ),
        (
            reverse("followup:evaluation_record", args=[approved.pk, evaluation.pk]),
            "id_explanation",
            f"status-evaluatie-{evaluation.pk}",
        ),
    ]


def test_typing_on_every_side_saves_by_itself_and_survives_a_reload(
    a11y_page, login_as, professional, team_lead, functional_admin, plan
):
    page = login_as(a11y_page, professional)
    for number, (url, field_id, status_id) in enumerate(sides(plan, professional, team_lead, functional_admin)):
        text = f"Vanzelf bewaard, kant {number}."
        page.goto(url)
        field = page.locator(f"#{field_id}")
        field.fill("")
        field.press_sequentially(text)
        status = page.locator(f"#{status_id}")
        expect(status).to_have_text(SAVED, timeout=15_000)
        assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
        assert assert_focus_kept(page)["id"] == field_id  # the answer never replaces what is being typed
        assert_accessible(page, f"after an autosave on {url}")
        page.reload()
        expect(page.locator(f"#{field_id}")).to_have_value(text)


def test_an_empty_motivation_is_refused_marked_and_linked(a11y_page, login_as, professional, plan):
    page = login_as(a11y_page, professional)
    page.goto(reverse("legal:plan_legitimacy", args=[plan.pk]))
    field = page.locator("#id_motivation")
    field.press_sequentially("Kort")
    expect(page.locator("#status-motivering")).to_have_text(SAVED, timeout=15_000)
    field.fill("")
    field.press("Backspace")  # an input event on the now empty text box
    status = page.locator("#status-motivering")
    expect(status).to_contain_text("Niet opgeslagen", timeout=15_000)
    expect(field).to_have_attribute("aria-invalid", "true")
    described = field.get_attribute("aria-describedby") or ""
    assert "status-motivering-motivation" in described.split()
    expect(page.locator("#status-motivering-motivation")).to_contain_text("Schrijf de motivering")
    assert_accessible(page, "after a refused empty motivation")


def _leave(page) -> list[str]:
    """Click the header's link to the start page and dismiss the browser's leave warning, if any; the dialogs
    seen (Chromium shows a beforeunload dialog only after the user did something on the page, as here)."""
    dialogs = []

    def on_dialog(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    before = page.url
    page.locator(".site-header__brand").click()
    page.wait_for_timeout(500)
    page.remove_listener("dialog", on_dialog)
    if dialogs:
        assert page.url == before, "staying on the page after the warning"
    return dialogs


def test_leaving_with_unsaved_input_warns_on_every_side(
    page, login_as, professional, team_lead, functional_admin, plan
):
    login_as(page, professional)
    for url, field_id, status_id in sides(plan, professional, team_lead, functional_admin):
        page.goto(url)
        page.locator(f"#{field_id}").press_sequentially("Nog niet bewaard")
        assert _leave(page) == ["beforeunload"], url  # typed, autosave still waiting
        expect(page.locator(f"#{status_id}")).to_have_text(SAVED, timeout=15_000)
        assert _leave(page) == [], url  # saved: leaving is free
    assert not csp_errors(page)


def test_a_drafted_motivation_warns_until_it_is_saved(page, login_as, professional, plan):
    _cited(plan, professional)
    login_as(page, professional)
    page.goto(reverse("legal:plan_legitimacy", args=[plan.pk]))
    page.get_by_role("button", name="Maak een concept").click()
    expect(page.locator("#id_motivation")).to_have_value(re.compile("Pw art. 35"))
    expect(page.locator("#status-motivering")).to_contain_text("Nog niet opgeslagen")
    assert _leave(page) == ["beforeunload"]
    page.get_by_role("button", name="Motivering opslaan").click()
    expect(page.locator("#status-motivering")).to_have_text(SAVED, timeout=15_000)
    assert _leave(page) == []
