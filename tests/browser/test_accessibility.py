"""WCAG 2.2 AA (issue 2, point 12): axe-core finds no serious or critical violations on the key pages."""

from django.urls import reverse

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
