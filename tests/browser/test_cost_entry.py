"""Fast cost entry (issue 9, point 6) in a real browser: a standard line with the keyboard only through the
price combobox (ARIA 1.2: listbox, aria-activedescendant, arrows, Enter, Escape), axe-core after every
update, the keys it took; the combobox under the real CSP; the filtered list without JavaScript; several
suggested lines accepted in one action."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from doorbraak.costs.models import CostLine
from doorbraak.plans.models import Tag

from .keyboard import assert_accessible, assert_focus_kept, focused
from .support import BROWSER, csp_errors

pytestmark = BROWSER

# The keys a standard line may take from the return page with the keyboard only (report: the measured count).
KEY_BUDGET = 16


class Keys:
    """Presses keys in the page and counts them."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def press(self, key: str, times: int = 1):
        for _ in range(times):
            self.page.keyboard.press(key)
            self.count += 1

    def type(self, text: str):
        self.page.keyboard.type(text)
        self.count += len(text)


def combobox_state(page) -> dict:
    return page.evaluate(
        """() => {
          const input = document.querySelector("[role=combobox]");
          const list = document.getElementById(input.getAttribute("aria-controls"));
          const active = input.getAttribute("aria-activedescendant");
          return {expanded: input.getAttribute("aria-expanded"), hidden: list.hidden, value: input.value,
                  active: active ? document.getElementById(active).textContent : null,
                  options: list.querySelectorAll("[role=option]").length,
                  select: document.querySelector("select[name=item]").value};
        }"""
    )


def test_a_standard_line_with_the_keyboard_only(a11y_page, login_as, professional, full_plan):
    page = login_as(a11y_page, professional)
    page.goto(reverse("costs:plan_return", args=[full_plan.pk]))
    keys = Keys(page)
    link = page.get_by_role("link", name="Regel toevoegen aan Huidige situatie")
    link.focus()  # where a keyboard user Tabs to; the Tabs before it are not counted
    keys.press("Enter")
    expect(page.locator("#line-add-form form")).to_be_visible()
    assert assert_focus_kept(page)["name"] == "scenario"
    assert_accessible(page, "after opening the add-line form")
    # no separate search field in place: the combobox filters as you type
    expect(page.locator("[data-price-search]")).to_have_count(0)
    keys.press("Tab")
    combobox = page.get_by_role("combobox", name="Post")
    expect(combobox).to_be_focused()
    keys.type("huisarts")
    listbox = page.get_by_role("listbox", name="Post")
    expect(listbox).to_be_visible()
    state = combobox_state(page)
    assert state["expanded"] == "true" and 0 < state["options"] < 5, state
    expect(page.locator("#line-add-form [role=status]").first).to_contain_text("gevonden")
    assert_accessible(page, "with the list open")
    keys.press("ArrowDown")
    state = combobox_state(page)
    assert state["active"].startswith("Huisartsconsult") and "per keer" in state["active"], state
    assert "landelijke prijslijst" in state["active"]
    assert_accessible(page, "with an active option")
    keys.press("Enter")  # chooses; does not submit
    state = combobox_state(page)
    assert state["expanded"] == "false" and state["hidden"] and state["value"].startswith("Huisartsconsult"), state
    assert state["select"], "the hidden select holds the chosen post"
    assert not CostLine.objects.filter(plan=full_plan).exists()
    # Escape closes a list the user typed open and puts the chosen post back (not counted: not needed here)
    page.keyboard.type("x")
    expect(listbox).to_be_visible()
    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    assert combobox_state(page)["value"].startswith("Huisartsconsult")
    keys.press("Tab")
    assert focused(page)["name"] == "quantity"
    keys.type("6")
    keys.press("Enter")  # submits the form
    expect(page.locator("#return-workspace .save-status")).to_have_text("Regel toegevoegd.")
    line = CostLine.objects.get(plan=full_plan)
    assert line.item.code == "zvw_huisarts_consult" and line.quantity == 6 and line.scenario == "current"
    assert_focus_kept(page)
    assert_accessible(page, "after adding the line")
    assert keys.count <= KEY_BUDGET, f"{keys.count} keys for a standard line (budget {KEY_BUDGET})"
    print(f"\nkeys for a standard line with the keyboard only: {keys.count}")


def test_the_combobox_under_the_real_csp_and_the_folded_fields(page, login_as, professional, full_plan):
    page = login_as(page, professional)
    page.goto(reverse("costs:line_add", args=[full_plan.pk]) + "?scenario=threatening")
    expect(page.locator("[data-price-search]")).to_be_hidden()  # the combobox searches instead
    combobox = page.get_by_role("combobox", name="Post")
    combobox.click()
    combobox.press_sequentially("ontruim")
    option = page.get_by_role("listbox").get_by_role("option").first
    expect(option).to_be_visible()
    option.click()
    assert combobox_state(page)["select"]
    # threatening: the probability is among the visible fields; the rest is folded
    expect(page.get_by_label("Kans (0 tot en met 1)")).to_be_visible()
    expect(page.get_by_label("Handmatige prijs per eenheid (euro)")).to_be_hidden()
    page.locator(".costs-more-fields summary").click()
    expect(page.get_by_label("Handmatige prijs per eenheid (euro)")).to_be_visible()
    assert not csp_errors(page), page.console_errors
    assert not page.console_errors, page.console_errors


def test_without_javascript_the_search_narrows_the_list(nojs_page, login_as, professional, full_plan):
    page = login_as(nojs_page, professional)
    page.goto(reverse("costs:line_add", args=[full_plan.pk]) + "?scenario=current")
    everything = page.locator("select[name=item] option").count()
    page.get_by_label("Zoek een post").fill("huisarts")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("status").filter(has_text="gevonden voor 'huisarts'")).to_be_visible()
    narrowed = page.locator("select[name=item] option").count()
    assert 1 < narrowed < everything
    page.locator("select[name=item]").select_option(index=1)
    page.get_by_label(re.compile("^Aantal \\(in de eenheid")).fill("6")
    page.get_by_role("button", name="Regel toevoegen").click()
    expect(page.get_by_text("Regel toegevoegd.")).to_be_visible()
    assert CostLine.objects.get(plan=full_plan).item.code == "zvw_huisarts_consult"


def test_accepting_several_suggested_lines_in_one_action(a11y_page, login_as, professional, full_plan):
    full_plan.tags.add(Tag.objects.get(code="dreigende_ontruiming"), Tag.objects.get(code="budgetbeheer"))
    page = login_as(a11y_page, professional)
    page.goto(reverse("costs:plan_return", args=[full_plan.pk]))
    boxes = page.locator("input[name=selected]")
    count = boxes.count()
    assert count >= 3
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.get_by_role("button", name="Geselecteerde toevoegen").click()
    expect(page.locator("#return-workspace .save-status")).to_have_text("2 voorgestelde regels toegevoegd.")
    assert CostLine.objects.filter(plan=full_plan).count() == 2
    assert page.locator("input[name=selected]").count() == count - 2
    assert_focus_kept(page)
    assert_accessible(page, "after accepting two suggestions")
    page.get_by_role("button", name=re.compile("^Toevoegen")).first.click()
    expect(page.locator("#return-workspace .save-status")).to_have_text("Voorgestelde regel toegevoegd.")
    assert CostLine.objects.filter(plan=full_plan).count() == 3
