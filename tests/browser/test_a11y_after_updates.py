"""Accessible when the page changes (issue 9, point 9): after every kind of HTMX update the focus is on
something sensible (never the body), errors are linked to their fields and announced, and axe-core still finds
nothing serious. The first-load checks are in test_accessibility.py; these run after each update."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from .keyboard import assert_accessible, assert_focus_kept, assert_tab_moves_on, described_by_text
from .support import BROWSER

pytestmark = BROWSER


def plan_url(plan):
    return reverse("workspace:plan", args=[plan.pk])


def test_adding_an_item_puts_the_focus_on_the_new_items_form(a11y_page, login_as, professional, full_plan):
    page = login_as(a11y_page, professional)
    page.goto(plan_url(full_plan))
    form = page.locator("#form-nieuw-hulpverlener")
    form.get_by_label("Organisatie").fill("Schuldhulp")
    form.get_by_label("Leefgebied").select_option(index=1)
    form.get_by_role("button", name="Hulpverlener toevoegen").click()
    expect(page.locator("#sectie-hulpverleners")).to_contain_text("3 hulpverleners vastgelegd")
    element = assert_focus_kept(page)
    assert element["id"] == "id_nieuw-hulpverlener-agency", element
    assert_tab_moves_on(page)
    assert_accessible(page, "after adding a helper")


def test_an_empty_item_is_refused_with_linked_and_announced_errors(a11y_page, login_as, professional, full_plan):
    page = login_as(a11y_page, professional)
    page.goto(plan_url(full_plan))
    page.locator("#form-nieuw-behoefte").get_by_role("button", name="Behoefte toevoegen").click()
    expect(page.locator("#form-nieuw-behoefte .utrecht-form-field-error-message").first).to_be_visible()
    element = assert_focus_kept(page)
    assert element["invalid"] == "true", element
    assert "verplicht" in described_by_text(page, element["id"]).lower()
    expect(page.locator("#live-region")).to_contain_text(re.compile("verplicht", re.I))
    assert_tab_moves_on(page)
    assert_accessible(page, "after an empty need")


def test_an_autosave_keeps_the_focus_in_the_text(a11y_page, login_as, professional, full_plan):
    page = login_as(a11y_page, professional)
    page.goto(plan_url(full_plan))
    field = page.locator("#form-situatie").get_by_label("Situatieschets")
    field.fill("Moeder en twee kinderen; de huur is achter.")
    expect(page.locator("#status-situatie")).to_have_text(re.compile("Opgeslagen om"), timeout=15_000)
    assert assert_focus_kept(page)["id"] == "id_situatie-situation"
    assert page.locator("#id_situatie-situation").get_attribute("aria-invalid") is None
    assert_accessible(page, "after an autosave")


def test_a_failed_autosave_marks_the_field_and_is_announced(a11y_page, login_as, professional, full_plan):
    page = login_as(a11y_page, professional)
    page.goto(plan_url(full_plan))
    form = page.locator("form[id^='form-hulpverlener-']").first
    form_id = form.get_attribute("id")
    page.locator("#sectie-hulpverleners summary").click()
    agency = form.get_by_label("Organisatie")
    agency.fill("")
    status = page.locator(f"#{form_id.replace('form-', 'status-')}")
    expect(status).to_contain_text("Niet opgeslagen", timeout=15_000)
    expect(status.locator(".save-status__error")).to_be_visible()
    field_id = agency.get_attribute("id")
    expect(agency).to_have_attribute("aria-invalid", "true")
    assert "verplicht" in described_by_text(page, field_id).lower()
    expect(page.locator("#live-region")).to_contain_text("Niet opgeslagen")
    assert assert_focus_kept(page)["id"] == field_id
    assert_accessible(page, "after a failed autosave")
    # Fixed: the next autosave removes the marks again.
    agency.fill("Wijkteam Noord")
    expect(status).to_contain_text("Opgeslagen om", timeout=15_000)
    expect(agency).not_to_have_attribute("aria-invalid", "true")
    assert "verplicht" not in described_by_text(page, field_id).lower()


def test_saving_engagement_scores_and_texts_keeps_the_place(a11y_page, login_as, professional, full_plan):
    page = login_as(a11y_page, professional)
    page.goto(reverse("engagement:plan_engagement", args=[full_plan.pk]))
    page.get_by_label("Lichaamsfuncties, nu").fill("5")
    page.get_by_role("button", name="Scores opslaan").click()
    expect(page.locator("#engagement-scores .save-status")).not_to_be_empty()
    element = assert_focus_kept(page)
    assert page.evaluate("() => document.getElementById('engagement-scores').contains(document.activeElement)")
    assert_accessible(page, "after saving scores")
    # An out-of-range score is refused by the server (no browser popup): the field is focused and linked.
    page.get_by_label("Zingeving, nu").fill("11")
    page.get_by_role("button", name="Scores opslaan").click()
    expect(page.locator("#engagement-scores .utrecht-form-field-error-message").first).to_be_visible()
    element = assert_focus_kept(page)
    assert element["invalid"] == "true", element
    expect(page.locator("#live-region")).not_to_be_empty()
    assert_accessible(page, "after a refused score")
    page.locator("#id_own_words").fill("Rust in mijn hoofd.")
    page.locator("#engagement-texts").get_by_role("button", name="Opslaan").click()
    expect(page.locator("#engagement-texts .save-status")).not_to_be_empty()
    assert_focus_kept(page)
    assert page.evaluate("() => document.getElementById('engagement-texts').contains(document.activeElement)")
    assert_accessible(page, "after saving the texts")


def test_opening_the_add_line_form_focuses_its_first_field(a11y_page, login_as, professional, full_plan):
    page = login_as(a11y_page, professional)
    page.goto(reverse("costs:plan_return", args=[full_plan.pk]))
    page.get_by_role("link", name=re.compile("^Regel toevoegen")).first.click()
    expect(page.locator("#line-add-form form")).to_be_visible()
    element = assert_focus_kept(page)
    assert page.evaluate("() => document.getElementById('line-add-form').contains(document.activeElement)"), element
    assert element["tag"] in ("input", "select", "textarea"), element
    assert_tab_moves_on(page)
    assert_accessible(page, "after opening the add-line form")


def test_the_side_pages_navigation_loads_without_taking_the_focus(a11y_page, login_as, professional, full_plan):
    page = login_as(a11y_page, professional)
    for name in ("engagement:plan_engagement", "costs:plan_return", "legal:plan_legitimacy"):
        page.goto(reverse(name, args=[full_plan.pk]))
        nav = page.get_by_role("navigation", name="Onderdelen van het plan")
        expect(nav.locator("[aria-current=page] .plan-badge")).to_be_visible()
        expect(nav.locator("[aria-current=page]")).to_have_count(1)
        assert page.evaluate("() => document.activeElement === document.body")
        assert_accessible(page, f"{name} with the navigation loaded")


def test_the_engagement_page_does_not_scroll_sideways_at_320px(a11y_page, login_as, professional, full_plan):
    page = login_as(a11y_page, professional)
    page.set_viewport_size({"width": 320, "height": 800})
    for url in (reverse("engagement:plan_engagement", args=[full_plan.pk]), plan_url(full_plan)):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 320, url
