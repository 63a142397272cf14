"""The walk of issue 5's "Done when": complete plan → submit → team lead escalates → Doorbraakteam approves with a
reason → PDF exported → evaluation recorded after (simulated) 6 months → forecast vs realised shown.

The complete plan is built in the database (the walk of block 1 is tested in test_plan_walk.py). The live server's
clock cannot be moved, so "six months later" is simulated by setting the 6-month evaluation's due date to today.
"""

from django.utils import timezone
from playwright.sync_api import expect

from doorbraak.followup.models import DecisionRequest, Evaluation
from doorbraak.followup.services import escalation_matrix_seed_defaults
from doorbraak.followup.tests.factories import make_complete
from doorbraak.plans.constants import PlanStatus

from .support import BROWSER, csp_errors

pytestmark = BROWSER

APPROVAL_REASON = "Goed onderbouwd: de hardheidsclausule geeft ruimte en de ontruiming kost veel meer."


def switch_user(page, login_as, user):
    page.context.clear_cookies()
    login_as(page, user)


def test_issue5_walk(page, login_as, full_plan, professional, team_lead, doorbraakteam, functional_admin, org):
    plan = full_plan
    make_complete(plan, professional)
    escalation_matrix_seed_defaults(actor=functional_admin, organisation=org)
    reference = plan.household.reference
    followup = f"/opvolging/plannen/{plan.pk}/"

    # 1. The owner submits the complete plan from the plan page.
    login_as(page, professional)
    page.goto(f"/plannen/{plan.pk}/")
    page.locator("#sectie-status").get_by_role("button", name="Indienen", exact=True).click()
    expect(page.get_by_text("ligt nu voor bij het eerste niveau")).to_be_visible()
    page.goto(followup)
    expect(page.get_by_test_id("plan-status")).to_have_text("Ingediend")
    expect(page.get_by_test_id("current-level")).to_contain_text("Teamleider")

    # 2. The team lead finds it in the inbox and escalates it, with a note.
    switch_user(page, login_as, team_lead)
    page.get_by_role("link", name="Mijn inbox").click()
    page.get_by_role("link", name=reference).click()
    page.get_by_label("Reden of toelichting").fill("Vraagt een uitzondering op de beleidsregel bijzondere bijstand.")
    page.get_by_role("button", name="Voorleggen aan het volgende niveau").click()
    expect(page.get_by_test_id("current-level")).to_contain_text("Doorbraakteam")

    # 3. The Doorbraakteam approves, with a reason; the reason is on the timeline.
    switch_user(page, login_as, doorbraakteam)
    page.get_by_role("link", name="Mijn inbox").click()
    page.get_by_role("link", name=reference).click()
    page.get_by_label("Reden of toelichting").fill(APPROVAL_REASON)
    page.get_by_role("button", name="Goedkeuren").click()
    expect(page.get_by_test_id("plan-status")).to_have_text("Goedgekeurd")
    expect(page.locator(".timeline")).to_contain_text(APPROVAL_REASON)
    assert DecisionRequest.objects.filter(plan=plan).count() == 2

    # 4. The owner exports the plan document as PDF.
    switch_user(page, login_as, professional)
    page.goto(f"/documenten/plannen/{plan.pk}/")
    with page.expect_download(timeout=60_000) as download_info:  # WeasyPrint can take a while on a busy machine
        page.get_by_role("button", name="PDF downloaden").click(timeout=60_000)  # the click waits for the PDF too
    pdf = open(download_info.value.path(), "rb").read()  # noqa: SIM115
    assert pdf.startswith(b"%PDF")

    # 5. Six months later (simulated): the evaluation is due and in the owner's inbox.
    Evaluation.objects.filter(plan=plan, months=6).update(due_on=timezone.localdate())
    page.get_by_role("link", name="Mijn inbox").click()
    page.get_by_role("link", name=f"Plan {reference}: evaluatie na 6 maanden").click()
    page.get_by_role("button", name="Regels van het plan overnemen als gerealiseerd").click()
    expect(page.get_by_text("overgenomen als gerealiseerd")).to_be_visible()
    # The rent arrears turned out to be 3,150.00 instead of 3,000.00.
    row = page.get_by_role("row").filter(has_text="Huurachterstand ineens betalen")
    row.get_by_label("Prijs per eenheid (euro)").fill("3150.00")
    row.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De gerealiseerde kosten zijn opgeslagen.")).to_be_visible()
    page.get_by_label("Gedeeltelijk").check()
    page.get_by_label("Wat is er echt gebeurd?").fill("De ontruiming is van tafel; de schulden zijn nog niet geregeld.")
    page.get_by_label("Mentaal welbevinden").select_option("7")
    page.get_by_role("button", name="Evaluatie vastleggen").click()

    # 6. The follow-up page shows the evaluation and forecast vs realised.
    expect(page.get_by_test_id("plan-status")).to_have_text("Geëvalueerd")
    expect(page.get_by_test_id("avoided-forecast")).to_have_text("€ 36.563,50")
    expect(page.get_by_test_id("avoided-realised")).to_have_text("€ 36.413,50")
    expect(page.get_by_test_id("direct-forecast")).to_have_text("−€ 1.407,50")
    expect(page.get_by_test_id("direct-realised")).to_have_text("−€ 1.557,50")
    expect(page.locator(".timeline")).to_contain_text("Evaluatie na 6 maanden: Gedeeltelijk")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.EVALUATED
    from doorbraak.engagement.models import HealthScoreSet

    assert HealthScoreSet.objects.get(plan=plan, measurement="realised").mental_wellbeing == 7
    assert csp_errors(page) == []
