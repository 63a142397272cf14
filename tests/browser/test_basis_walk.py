"""Issue 9, points 2 and 3 in a real browser: an empty motivation is refused (HTMX), and the manager who must
decide reads the basis from the inbox, axe-clean, without JavaScript errors."""

from playwright.sync_api import expect

from doorbraak.followup import services as followup
from doorbraak.followup.tests.factories import make_complete
from doorbraak.legal.models import PlanLegalBasis

from .support import BROWSER, axe_violations, csp_errors, describe_violations

pytestmark = BROWSER


def test_an_empty_motivation_is_refused_and_a_real_one_saved(page, login_as, professional, plan):
    login_as(page, professional)
    page.goto(f"/wetgeving/plannen/{plan.pk}/")
    section = page.locator("#legal-motivation")
    section.get_by_role("button", name="Motivering opslaan").click()
    expect(section.get_by_role("status")).to_contain_text("Niet opgeslagen: controleer de invoer.")
    expect(section).to_contain_text("Schrijf de motivering voordat u opslaat")
    assert not PlanLegalBasis.objects.filter(plan=plan).exists()
    section = page.locator("#legal-motivation")
    section.get_by_label("Motivering van de uitzondering").fill("De wet laat hier een uitzondering toe.")
    section.get_by_role("button", name="Motivering opslaan").click()
    expect(page.locator("#legal-motivation").get_by_role("status")).to_contain_text("Opgeslagen om")
    assert PlanLegalBasis.objects.get(plan=plan).motivation == "De wet laat hier een uitzondering toe."
    assert csp_errors(page) == []
    assert [e for e in page.console_errors if "status of 400" not in e] == []


def test_the_manager_reads_the_basis_from_the_inbox(
    a11y_page, login_as, professional, team_lead, doorbraakteam, manager, functional_admin, org, plan
):
    page = a11y_page
    followup.escalation_matrix_seed_defaults(actor=functional_admin, organisation=org)
    make_complete(plan, professional)
    request = followup.plan_submit(actor=professional, plan=plan)
    for decider in (team_lead, doorbraakteam):
        request = followup.decision_escalate(actor=decider, request=request, note="Hoger niveau nodig.")
    login_as(page, manager)
    page.goto("/opvolging/inbox/")
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=plan.household.reference))
    row.get_by_role("link", name="Onderbouwing lezen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Onderbouwing")
    expect(page.get_by_text("De wet geeft ruimte voor maatwerk in dit geval.")).to_be_visible()
    expect(page.get_by_test_id("basis-streams")).to_contain_text("profiteert")
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)
    page.get_by_role("link", name="Plandocument (PDF)").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="PDF downloaden").click()
    assert download.value.suggested_filename == f"plan-{plan.household.reference}.pdf"
