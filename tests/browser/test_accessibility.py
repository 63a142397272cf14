"""WCAG 2.2 AA (issue 2, point 12): axe-core finds no serious or critical violations on the key pages."""

from django.urls import reverse

from doorbraak.plans.constants import PlanStatus

from .support import BROWSER, axe_violations, describe_violations

pytestmark = BROWSER


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, f"{page.url}\n{describe_violations(violations)}"


def test_login_page(a11y_page):
    a11y_page.goto(reverse("accounts:login"))
    assert_accessible(a11y_page)


def test_login_page_with_errors(a11y_page, professional):
    a11y_page.goto(reverse("accounts:login"))
    a11y_page.get_by_label("E-mailadres").fill(professional.email)
    a11y_page.get_by_label("Wachtwoord").fill("niet-het-wachtwoord")
    a11y_page.get_by_role("button", name="Inloggen", exact=True).click()
    a11y_page.get_by_text("klopt niet").wait_for()
    assert_accessible(a11y_page)


def test_plan_list(a11y_page, login_as, professional, full_plan):
    login_as(a11y_page, professional)
    a11y_page.goto(reverse("plans:list"))
    assert a11y_page.get_by_role("link", name=full_plan.household.reference).count() >= 1
    assert_accessible(a11y_page)


def test_plan_editor(a11y_page, login_as, professional, full_plan):
    login_as(a11y_page, professional)
    a11y_page.goto(reverse("workspace:plan", args=[full_plan.pk]))
    a11y_page.get_by_role("heading", name="Betrokken hulpverleners en instanties").wait_for()
    assert a11y_page.locator("form[id^='form-hulpverlener-']").count() == 2
    assert_accessible(a11y_page)


def test_submitted_plan_read_only_for_the_doorbraakteam(a11y_page, login_as, doorbraakteam, full_plan):
    full_plan.status = PlanStatus.SUBMITTED
    full_plan.save(update_fields=["status"])
    login_as(a11y_page, doorbraakteam)
    a11y_page.goto(reverse("workspace:plan", args=[full_plan.pk]))
    a11y_page.get_by_role("cell", name="Woningcorporatie Thuis").wait_for()
    assert_accessible(a11y_page)


def test_new_household_form(a11y_page, login_as, professional):
    login_as(a11y_page, professional)
    a11y_page.goto(reverse("households:create"))
    assert_accessible(a11y_page)
