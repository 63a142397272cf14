"""The walk of issue 2's "Done when": a professional logs in, creates a household, fills a complete plan in the
editor (autosave and the "Opslaan" button), reloads, and finds everything there.

Driven by labels, roles and the stable form ids documented at the top of workspace/plan_detail.html.
"""

import re
from datetime import date

from playwright.sync_api import expect

from doorbraak.plans.models import Plan
from doorbraak.plans.services import plan_update_section

from .support import BROWSER, csp_errors

pytestmark = BROWSER

SAVED = re.compile("Opgeslagen")
PLAN_URL = re.compile(r"/plannen/[0-9a-f-]{36}/$")

SITUATION = "Vader en twee tieners. Huurachterstand van 2.400 euro; de ontruiming staat over zes weken gepland."
PERSPECTIVE = "Over een half jaar wonen we nog hier, zijn de schulden geregeld en gaan de jongens naar school."
BREAKTHROUGH = {
    "De doorbraak": "De huurachterstand wordt in één keer betaald, zodat de ontruiming van tafel gaat.",
    "Obstakel in het systeem": "Bijzondere bijstand voor huurschulden is volgens de beleidsregel uitgesloten.",
    "Benodigde uitzondering": "Eenmalige bijzondere bijstand voor de huurschuld via de hardheidsclausule.",
    "Wie kan de uitzondering toestaan": "Doorbraakteam",
}


def field(container, label):
    """The control labelled ``label`` (optional fields add "(niet verplicht)" to their label)."""
    return container.get_by_label(re.compile(rf"^{re.escape(label)}( \(niet verplicht\))?$"))


def wait_saved(page, form_prefix):
    expect(page.locator(f"#status-{form_prefix}")).to_have_text(SAVED, timeout=15_000)


def create_household(page):
    page.get_by_role("link", name="Nieuw huishouden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuw huishouden")
    first_member = page.get_by_role("group", name="Gezinslid 1")
    first_member.get_by_label("Rol in het huishouden").select_option(label="Ouder / verzorger")
    first_member.get_by_label("Geboortejaar").fill("1981")
    page.get_by_label("Datum toestemming").fill(date.today().isoformat())
    page.get_by_role("group", name="Waarvoor is toestemming gegeven").get_by_role("radio").first.check()
    page.get_by_role("button", name="Huishouden aanmaken").click()
    page.wait_for_url(PLAN_URL)


def add_item(page, kind, fields, button):
    """Fill the "new item" form ``form-nieuw-<kind>`` and press its add button; wait for the section to return."""
    form = page.locator(f"#form-nieuw-{kind}")
    for label, value in fields.items():
        control = field(form, label)
        if control.evaluate("el => el.tagName") == "SELECT":
            control.select_option(label=value)
        else:
            control.fill(value)
    items = page.locator(f"form[id^='form-{kind}-']")
    before = items.count()
    form.get_by_role("button", name=button).click()
    expect(items).to_have_count(before + 1)


def test_professional_makes_a_complete_plan_and_finds_it_after_a_reload(page, login_as, professional):
    login_as(page, professional)
    create_household(page)
    plan = Plan.objects.get(owner=professional)
    assert page.url.endswith(f"/plannen/{plan.pk}/")

    # Situation: autosave after typing stops, no button pressed.
    page.locator("#form-situatie").get_by_label("Situatieschets").fill(SITUATION)
    wait_saved(page, "situatie")

    # Helpers (organisation, role, life domain).
    add_item(
        page,
        "hulpverlener",
        {"Organisatie": "Woningcorporatie Thuis", "Rol / wat doen zij": "Incasso", "Leefgebied": "Wonen"},
        "Hulpverlener toevoegen",
    )
    add_item(
        page,
        "hulpverlener",
        {"Organisatie": "Schuldhulp Voorbeeldstad", "Rol / wat doen zij": "Intake", "Leefgebied": "Schulden"},
        "Hulpverlener toevoegen",
    )

    # Perspective: with the explicit "Opslaan" button.
    perspective = page.locator("#form-perspectief")
    perspective.get_by_label("Perspectief").fill(PERSPECTIVE)
    perspective.get_by_label("Streefdatum").fill("2027-03-01")
    perspective.get_by_role("button", name="Opslaan").click()
    wait_saved(page, "perspectief")

    add_item(
        page,
        "behoefte",
        {
            "Leefgebied": "Schulden",
            "Wat is nodig": "Ondersteuning nodig",
            "Omschrijving": "Hulp bij het ordenen van de post en een aanvraag voor schuldhulp.",
        },
        "Behoefte toevoegen",
    )

    # The breakthrough: four fields, one autosave after the last keystroke.
    breakthrough = page.locator("#form-doorbraak")
    for label, value in BREAKTHROUGH.items():
        field(breakthrough, label).fill(value)
    wait_saved(page, "doorbraak")

    add_item(
        page,
        "stap",
        {
            "Stap": "Aanvraag bijzondere bijstand voor de huurschuld indienen.",
            "Fase": "Eerste nood",
            "Wie": "Wijkteam",
            "Wanneer klaar": "2026-12-15",
        },
        "Stap toevoegen",
    )

    tags = page.locator("#form-labels")
    tags.get_by_role("group", name="Problemen").get_by_label("Huurachterstand", exact=True).check()
    tags.get_by_role("group", name="Oplossingen").get_by_label("Achterstand in één keer betalen", exact=True).check()
    tags.get_by_role("button", name="Opslaan").click()
    wait_saved(page, "labels")

    page.reload()

    # Everything is on the page again ...
    expect(page.locator("#form-situatie").get_by_label("Situatieschets")).to_have_value(SITUATION)
    expect(page.locator("#form-perspectief").get_by_label("Perspectief")).to_have_value(PERSPECTIVE)
    expect(page.locator("#form-perspectief").get_by_label("Streefdatum")).to_have_value("2027-03-01")
    for label, value in BREAKTHROUGH.items():
        expect(field(page.locator("#form-doorbraak"), label)).to_have_value(value)
    helpers = page.locator("#sectie-hulpverleners form[id^='form-hulpverlener-']")
    expect(helpers).to_have_count(2)
    expect(helpers.first.get_by_label("Organisatie")).to_have_value(re.compile("Woningcorporatie Thuis|Schuldhulp"))
    needs = page.locator("#sectie-behoeften form[id^='form-behoefte-']")
    expect(needs).to_have_count(1)
    expect(needs.get_by_label("Omschrijving")).to_have_value(re.compile("ordenen van de post"))
    expect(needs.get_by_label("Wat is nodig")).to_have_value("support")
    steps = page.locator("#sectie-stappen form[id^='form-stap-']")
    expect(steps).to_have_count(1)
    expect(field(steps, "Stap")).to_have_value(re.compile("bijzondere bijstand"))
    expect(steps.get_by_label("Wanneer klaar")).to_have_value("2026-12-15")
    expect(tags.get_by_label("Huurachterstand", exact=True)).to_be_checked()
    expect(tags.get_by_label("Achterstand in één keer betalen", exact=True)).to_be_checked()
    expect(tags.get_by_label("Dreigende ontruiming", exact=True)).not_to_be_checked()

    # ... because it is in the database, once.
    plan.refresh_from_db()
    assert plan.situation == SITUATION
    assert plan.perspective == PERSPECTIVE
    assert plan.perspective_target_date == date(2027, 3, 1)
    assert plan.breakthrough_grantor == "Doorbraakteam"
    assert sorted(plan.helpers.values_list("agency", flat=True)) == [
        "Schuldhulp Voorbeeldstad",
        "Woningcorporatie Thuis",
    ]
    assert list(plan.needs.values_list("kind", "life_domain")) == [("support", "schulden")]
    assert list(plan.steps.values_list("phase", "owner", "due_date")) == [
        ("first_need", "Wijkteam", date(2026, 12, 15))
    ]
    assert sorted(plan.tags.values_list("code", flat=True)) == ["achterstand_betalen", "huurachterstand"]
    assert csp_errors(page) == []
    assert page.console_errors == []


def test_the_editor_works_without_javascript(nojs_page, login_as, professional, plan):
    """Every form also works without JavaScript: a plain POST, then post/redirect/get back to the plan."""
    page = login_as(nojs_page, professional)
    page.goto(f"/plannen/{plan.pk}/")
    page.locator("#form-situatie").get_by_label("Situatieschets").fill(SITUATION)
    page.locator("#form-situatie").get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    expect(page.locator("#form-situatie").get_by_label("Situatieschets")).to_have_value(SITUATION)
    add_item(
        page,
        "stap",
        {"Stap": "Afspraak bij de woningcorporatie maken.", "Fase": "Eerste nood"},
        "Stap toevoegen",
    )
    plan.refresh_from_db()
    assert plan.situation == SITUATION
    assert list(plan.steps.values_list("description", flat=True)) == ["Afspraak bij de woningcorporatie maken."]


def test_a_conflicting_autosave_shows_both_texts_and_keeps_mine(page, login_as, professional, plan):
    """Someone else saved the situation while this tab was open: the autosave answers 409, HTMX still shows the
    conflict view (both texts), nothing is overwritten until the user chooses to."""
    login_as(page, professional)
    page.goto(f"/plannen/{plan.pk}/")
    plan.refresh_from_db()
    plan_update_section(
        actor=professional,
        plan=plan,
        section="situation",
        data={"situation": "Tekst van een collega."},
        version=plan.situation_version,
    )
    conflicts = []
    page.on("response", lambda r: r.status == 409 and conflicts.append(r.url))
    page.locator("#form-situatie").get_by_label("Situatieschets").fill(SITUATION)
    expect(page.locator("#status-situatie")).to_have_text(re.compile("Niet opgeslagen"), timeout=15_000)
    conflict = page.locator("#form-situatie").get_by_role("alert")
    expect(conflict).to_contain_text("Tekst van een collega.")
    expect(conflict).to_contain_text(SITUATION)
    assert conflicts, "the refused save answered 409"
    expect(page.locator("#form-situatie").get_by_label("Situatieschets")).to_have_value(SITUATION)
    plan.refresh_from_db()
    assert plan.situation == "Tekst van een collega."
    page.locator("#form-situatie").get_by_role("button", name="Mijn versie toch opslaan").click()
    wait_saved(page, "situatie")
    plan.refresh_from_db()
    assert plan.situation == SITUATION
    # The browser reports the refused save itself as a failed resource; nothing else may go wrong.
    assert [e for e in page.console_errors if "status of 409" not in e] == []
