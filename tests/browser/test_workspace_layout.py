"""The plan's workspace layout in a real browser (issue 9, points 8 and 10): the municipality's colour on the
primary button, the navigation beside the plan on a wide screen and above it on a phone, and the layout
without JavaScript (plain links on the side pages, collapsible sections with <details>)."""

from django.urls import reverse
from playwright.sync_api import expect

from .support import BROWSER

pytestmark = BROWSER


def test_the_primary_button_has_the_municipalitys_colour(page, login_as, professional, full_plan):
    organisation = full_plan.organisation
    organisation.primary_colour = "#7a1f5c"
    organisation.save(update_fields=["primary_colour"])
    login_as(page, professional)
    page.goto(reverse("workspace:plan", args=[full_plan.pk]))
    button = page.get_by_role("button", name="Indienen")
    expect(button).to_have_css("background-color", "rgb(122, 31, 92)")


def test_the_navigation_sits_beside_the_plan_on_a_wide_screen_and_above_it_on_a_phone(
    page, login_as, professional, full_plan
):
    login_as(page, professional)
    url = reverse("workspace:plan", args=[full_plan.pk])
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(url)
    nav = page.get_by_role("navigation", name="Onderdelen van het plan")
    strip = page.locator("#waardendriehoek")
    nav_box, strip_box = nav.bounding_box(), strip.bounding_box()
    assert nav_box["x"] + nav_box["width"] <= strip_box["x"], (nav_box, strip_box)
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(url)
    nav_box, strip_box = nav.bounding_box(), strip.bounding_box()
    assert nav_box["y"] + nav_box["height"] <= strip_box["y"]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert page.console_errors == []


def test_without_javascript_the_side_pages_keep_plain_links_and_sections_fold(
    nojs_page, login_as, professional, full_plan
):
    page = login_as(nojs_page, professional)
    page.goto(reverse("costs:plan_return", args=[full_plan.pk]))
    nav = page.get_by_role("navigation", name="Onderdelen van het plan")
    expect(nav.get_by_role("link", name="Blok 1: het plan")).to_be_visible()
    expect(nav.get_by_role("link", name="Legitimiteit")).to_be_visible()
    nav.get_by_role("link", name="Blok 1: het plan").click()
    page.wait_for_url(f"**{reverse('workspace:plan', args=[full_plan.pk])}")
    helpers = page.locator("#sectie-hulpverleners details")
    expect(helpers).not_to_have_attribute("open", "")
    helpers.locator("summary").click()
    expect(helpers.locator("form[id^='form-hulpverlener-']").first).to_be_visible()
    page.get_by_role("navigation", name="Onderdelen van het plan").get_by_role("link", name="Legitimiteit").click()
    page.wait_for_url(f"**{reverse('legal:plan_legitimacy', args=[full_plan.pk])}")
