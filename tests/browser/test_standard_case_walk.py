"""Issue 9's "Done when": the standard case walked in a real browser by a professional, from a plan template and
without one, counting every input (a typed field, a chosen option, a ticked box) and every click it needed.

The case: a single mother with rent arrears and an eviction judgement, depression, and a son who skips school.
The breakthrough: the municipality pays the arrears through special assistance despite an earlier refusal. The
professional registers the household, fills block 1, accepts suggested articles and cost lines, completes the
three sides and submits; then every decider along the escalation matrix opens the plan's basis from the inbox.

Counted from the start page after signing in (signing in itself is not counted) to the confirmation of the
submit. Run with ``-s`` to see the counts (``pytest tests/browser/test_standard_case_walk.py -s -n0``).
"""

import re
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import expect

from doorbraak.demo.seeds import prefab as demo_templates
from doorbraak.followup.models import DecisionRequest
from doorbraak.followup.services import escalation_matrix_seed_defaults
from doorbraak.organisations.constants import Role
from doorbraak.organisations.tests.factories import make_member
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.models import Plan

from .support import BROWSER, csp_errors
from .test_plan_walk import PLAN_URL, wait_saved
from .test_plan_walk import field as labelled

pytestmark = [*BROWSER, pytest.mark.slow]

# Budgets: the walk fails above these. The goal of issue 9 is under 40 inputs from a template.
BUDGET = {True: {"inputs": 40, "clicks": 20}, False: {"inputs": 75, "clicks": 40}}

SITUATION = (
    "Moeder alleen met zoon van 14. Huurachterstand van 3.000 euro; de verhuurder heeft een ontruimingsvonnis. "
    "Moeder heeft een depressie en komt moeilijk de deur uit; de zoon spijbelt sinds de zomer."
)
PERSPECTIVE = "Over een half jaar wonen we hier nog, gaat mijn zoon weer naar school en krijg ik hulp voor mezelf."
# How an article applies: from the template, or typed by the professional.
CITATION_MOTIVATION = {True: "De beleidsregel sluit huurschulden uit", False: "omdat de woning verloren gaat"}
BREAKTHROUGH = {
    "De doorbraak": "De gemeente betaalt de huurachterstand uit bijzondere bijstand, zodat de ontruiming stopt.",
    "Obstakel in het systeem": "De aanvraag is eerder afgewezen: de beleidsregel sluit huurschulden uit.",
    "Benodigde uitzondering": "Afwijken van de beleidsregel (hardheidsclausule) en de achterstand ineens betalen.",
    "Wie kan de uitzondering toestaan": "Doorbraakteam",
}


@dataclass
class Count:
    """What the user did: inputs (typed, chosen, ticked) and clicks; page loads are counted from navigation."""

    inputs: int = 0
    clicks: int = 0
    loads: int = 0
    log: list[str] = field(default_factory=list)

    def type(self, control, value: str) -> None:
        control.fill(value)
        self.inputs += 1

    def choose(self, control, label: str) -> None:
        control.select_option(label=label)
        self.inputs += 1

    def tick(self, control) -> None:
        control.check()
        self.inputs += 1

    def click(self, control) -> None:
        control.click()
        self.clicks += 1


def add_item(count: Count, page, kind: str, values: dict, button: str) -> None:
    form = page.locator(f"#form-nieuw-{kind}")
    for label, value in values.items():
        control = labelled(form, label)
        if control.evaluate("el => el.tagName") == "SELECT":
            count.choose(control, value)
        else:
            count.type(control, value)
    items = page.locator(f"form[id^='form-{kind}-']")
    before = items.count()
    count.click(form.get_by_role("button", name=button))
    expect(items).to_have_count(before + 1)


def side(count: Count, page, title: str) -> None:
    """Go to one side of the value triangle through the plan's navigation."""
    count.click(page.locator("#plan-nav").get_by_role("link", name=re.compile(rf"^{title}")))
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)


def register_household(count: Count, page) -> None:
    count.click(page.get_by_role("link", name="Nieuw huishouden"))
    mother = page.get_by_role("group", name="Gezinslid 1")
    count.choose(mother.get_by_label("Rol in het huishouden"), "Ouder / verzorger")
    count.type(mother.get_by_label("Geboortejaar"), "1987")
    son = page.get_by_role("group", name="Gezinslid 2")
    count.choose(son.get_by_label("Rol in het huishouden"), "Kind")
    count.type(son.get_by_label("Geboortejaar"), "2012")
    # The consent date (today) and its scope (the plan) are prefilled.
    count.click(page.get_by_role("button", name="Huishouden aanmaken"))
    page.wait_for_url(PLAN_URL)


def fill_block1(count: Count, page, *, from_template: bool) -> None:
    count.type(page.locator("#form-situatie").get_by_label("Situatieschets"), SITUATION)
    wait_saved(page, "situatie")
    count.type(page.locator("#form-perspectief").get_by_label("Perspectief"), PERSPECTIVE)
    wait_saved(page, "perspectief")
    breakthrough = page.locator("#form-doorbraak")
    for label, value in BREAKTHROUGH.items():
        count.type(labelled(breakthrough, label), value)
    wait_saved(page, "doorbraak")
    if not from_template:  # what the template brings: the usual helpers, needs and steps of debts + housing
        for agency, role, domain in (
            ("Woningcorporatie", "incasso huurachterstand", "Wonen"),
            ("Schuldhulpverlening gemeente", "intake", "Schulden"),
            ("Wijkteam", "casemanager", "Algemeen"),
        ):
            add_item(
                count,
                page,
                "hulpverlener",
                {"Organisatie": agency, "Rol / wat doen zij": role, "Leefgebied": domain},
                "Hulpverlener toevoegen",
            )
        for domain, kind, text in (
            ("Wonen", "Ondersteuning nodig", "De ontruiming wordt opgeschort en er komt een betaalafspraak."),
            ("Schulden", "Ondersteuning nodig", "Eén overzicht van alle schulden."),
        ):
            add_item(
                count,
                page,
                "behoefte",
                {"Leefgebied": domain, "Wat is nodig": kind, "Omschrijving": text},
                "Behoefte toevoegen",
            )
        for text, phase in (
            ("Bijzondere bijstand aanvragen voor de huurachterstand.", "Eerste nood"),
            ("Aanmelden bij schuldhulpverlening.", "Stabiliseren (5,5 is voldoende)"),
        ):
            add_item(count, page, "stap", {"Stap": text, "Fase": phase}, "Stap toevoegen")
    # What this household has beyond the template: the mother's depression and the son's truancy.
    add_item(
        count,
        page,
        "hulpverlener",
        {
            "Organisatie": "Huisarts en POH-ggz",
            "Rol / wat doen zij": "depressie",
            "Leefgebied": "Psychische gezondheid",
        },
        "Hulpverlener toevoegen",
    )
    add_item(
        count,
        page,
        "behoefte",
        {
            "Leefgebied": "Onderwijs",
            "Wat is nodig": "Ondersteuning nodig",
            "Omschrijving": "De zoon gaat weer naar school.",
        },
        "Behoefte toevoegen",
    )
    tags = page.locator("#form-labels")
    problems = tags.get_by_role("group", name="Problemen")
    wanted = ["Psychische klachten", "Schooluitval of verzuim"]
    if not from_template:
        wanted += ["Huurachterstand", "Dreigende ontruiming", "Problematische schulden"]
    for label in wanted:
        count.tick(problems.get_by_label(label, exact=True))
    if not from_template:
        solutions = tags.get_by_role("group", name="Oplossingen")
        for label in ("Achterstand in één keer betalen", "Bijzondere bijstand"):
            count.tick(solutions.get_by_label(label, exact=True))
    count.click(tags.get_by_role("button", name="Opslaan"))
    wait_saved(page, "labels")


def fill_legitimacy(count: Count, page, *, from_template: bool) -> None:
    side(count, page, "Legitimiteit")
    suggestions = page.locator("#legal-suggestions .legal-suggestion").filter(
        has=page.get_by_role("button", name="Kies dit artikel")
    )
    accept = 1 if from_template else 2  # the template cited the usual articles with their motivation already
    for _ in range(accept):
        cited = page.locator("article.legal-citation").count()
        count.click(suggestions.first.get_by_role("button", name="Kies dit artikel").first)
        expect(page.locator("article.legal-citation")).to_have_count(cited + 1)
    if not from_template:  # how the first article applies here, in the professional's words
        citation = page.locator("article.legal-citation").first
        count.type(
            citation.get_by_label(re.compile("^Motivering")), f"Hier geldt dit artikel {CITATION_MOTIVATION[False]}."
        )
        count.click(citation.get_by_role("button", name="Opslaan"))
    section = page.locator("#legal-motivation")
    count.click(section.get_by_role("button", name="Maak een concept"))
    expect(page.locator("#legal-motivation").get_by_label(re.compile("Motivering"))).not_to_have_value("")
    count.click(page.locator("#legal-motivation").get_by_role("button", name="Motivering opslaan"))
    expect(page.locator("#legal-motivation").get_by_role("status")).to_have_text(re.compile("Opgeslagen om"))


def fill_return(count: Count, page, *, from_template: bool) -> None:
    side(count, page, "Rendement")
    lines = page.locator("#return-workspace tbody tr[id^='line-']")
    if not from_template:
        count.click(page.get_by_role("button", name="Vul uit de betrokken hulpverleners"))
        expect(lines.first).to_be_visible()
    accept = 1 if from_template else 2
    for _ in range(accept):
        before = lines.count()
        count.click(page.locator(".costs-suggestions").get_by_role("button", name=re.compile("^Toevoegen")).first)
        expect(lines).to_have_count(before + 1)
    if not from_template:  # the breakthrough itself: the arrears paid at once, a free line
        before = lines.count()
        count.click(page.get_by_role("link", name="Regel toevoegen aan Met het plan"))
        form = page.locator("#line-add-form")
        count.click(form.get_by_text("Meer velden"))  # a free line: its description and price are folded
        count.type(form.get_by_label("Omschrijving"), "Huurachterstand ineens betalen")
        count.type(form.get_by_label(re.compile("^Aantal \\(")), "1")
        count.type(form.get_by_label(re.compile("^Handmatige prijs")), "3000")
        count.choose(form.get_by_label(re.compile("^Financieringsstroom")), "Participatiewet")
        count.click(form.get_by_role("button", name=re.compile("toevoegen", re.I)))
        expect(lines).to_have_count(before + 1)


def fill_engagement(count: Count, page) -> None:
    side(count, page, "Betrokkenheid")
    texts = page.locator("#engagement-texts")
    count.type(
        texts.get_by_label(re.compile("^Wat vindt het huishouden zelf belangrijk")), "Dat we hier blijven wonen."
    )
    count.type(texts.get_by_label(re.compile("^Waarom verbetert dit plan")), "Rust in huis geeft ruimte voor herstel.")
    count.click(texts.get_by_role("button", name="Opslaan"))
    expect(page.locator("#engagement-texts")).to_contain_text("Opgeslagen")
    scores = page.locator("#engagement-scores")
    for row, (now, expected) in enumerate([(5, 7), (3, 6), (4, 6), (4, 7), (3, 6), (4, 6)]):
        inputs = scores.locator("form tbody tr").nth(row).locator("input")
        count.type(inputs.nth(0), str(now))
        count.type(inputs.nth(1), str(expected))
    count.click(scores.get_by_role("button", name="Scores opslaan"))
    expect(page.locator("#engagement-scores")).to_contain_text("Scores opgeslagen")


def submit(count: Count, page) -> None:
    count.click(page.get_by_role("link", name="Terug naar het plan"))
    count.click(page.locator("#sectie-status").get_by_role("button", name="Indienen", exact=True))
    expect(page.get_by_text("ligt nu voor bij het eerste niveau")).to_be_visible()


def walk(page, login_as, professional, *, from_template: bool) -> Count:
    count = Count()
    login_as(page, professional)
    page.on("framenavigated", lambda frame: frame == page.main_frame and setattr(count, "loads", count.loads + 1))
    register_household(count, page)
    if from_template:
        count.click(page.get_by_role("link", name="Begin met een sjabloon"))
        offer = page.get_by_role("article", name="Schulden en dreigende ontruiming")
        count.click(offer.get_by_role("button", name=re.compile("^Dit sjabloon gebruiken")))
        expect(page.get_by_text("Het plan is gevuld vanuit het sjabloon")).to_be_visible()
        expect(page.locator("#sectie-hulpverleners summary .badge--template")).to_have_text("4 uit sjabloon")
    fill_block1(count, page, from_template=from_template)
    fill_legitimacy(count, page, from_template=from_template)
    fill_return(count, page, from_template=from_template)
    fill_engagement(count, page)
    submit(count, page)
    return count


def switch_user(page, login_as, user) -> None:
    """The next person signs out the one before, as at a shared desk, and signs in."""
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(lambda url: "/account/inloggen/" in url)
    login_as(page, user)


def open_basis(page, reference: str, motivation: str) -> None:
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Mijn inbox").click()
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=reference))
    row.get_by_role("link", name="Onderbouwing lezen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Onderbouwing")
    expect(page.get_by_text(motivation).first).to_be_visible()  # how an article applies, as the plan says
    expect(page.get_by_test_id("basis-streams")).to_contain_text("profiteert")


def escalate(page, reference: str) -> None:
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Mijn inbox").click()
    page.get_by_role("link", name=reference, exact=True).click()
    page.get_by_label("Reden of toelichting").fill("Vraagt een uitzondering op de beleidsregel bijzondere bijstand.")
    page.get_by_role("button", name="Voorleggen aan het volgende niveau").click()


@pytest.mark.parametrize("from_template", [True, False], ids=["from-template", "without-template"])
def test_the_standard_case_and_every_decider_reads_its_basis(
    from_template,
    page,
    login_as,
    national_admin,
    professional,
    team_lead,
    doorbraakteam,
    manager,
    functional_admin,
    org,
):
    demo_templates.seed(type("Ctx", (), {"users": {"national_admin": national_admin}, "log": print, "count": print}))
    escalation_matrix_seed_defaults(actor=functional_admin, organisation=org)
    director = make_member(org, Role.MANAGER, email="bestuurder@voorbeeldstad.nl")

    count = walk(page, login_as, professional, from_template=from_template)
    print(
        f"\nstandard case {'from a template' if from_template else 'without a template'}: "
        f"{count.inputs} inputs, {count.clicks} clicks, {count.loads} page loads"
    )
    plan = Plan.objects.get(owner=professional)
    assert plan.status == PlanStatus.SUBMITTED
    assert plan.citations.exists() and plan.cost_lines.filter(scenario="plan").exists()
    # Known, outside this walk's area: after a suggested cost line is accepted, HTMX's settle step copies the
    # chart canvas's old style attribute (set by Chart.js) onto the swapped-in canvas, which the CSP blocks.
    assert [e for e in csp_errors(page) if "inline style" not in e] == []
    reference = plan.household.reference

    # Every decider along the matrix (team lead → Doorbraakteam → manager → director) reads the basis.
    for decider, passes_on in ((team_lead, True), (doorbraakteam, True), (manager, True), (director, False)):
        switch_user(page, login_as, decider)
        open_basis(page, reference, CITATION_MOTIVATION[from_template])
        if passes_on:
            escalate(page, reference)
    assert DecisionRequest.objects.filter(plan=plan).count() == 4

    budget = BUDGET[from_template]
    assert count.inputs <= budget["inputs"], f"{count.inputs} inputs, budget {budget['inputs']}"
    assert count.clicks <= budget["clicks"], f"{count.clicks} clicks, budget {budget['clicks']}"
