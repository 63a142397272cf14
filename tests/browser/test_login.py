"""Logging in through the real form, under the app's strict Content-Security-Policy."""

from django.urls import reverse

from .support import BROWSER, csp_errors

pytestmark = BROWSER


def test_professional_logs_in_and_sees_own_plans(page, login_as, professional, plan):
    login_as(page, professional)
    assert page.url.endswith(reverse("plans:list"))
    assert page.get_by_role("link", name=plan.household.reference).count() >= 1
    assert csp_errors(page) == []


def test_wrong_password_gives_a_dutch_message(page, professional):
    page.goto(reverse("accounts:login"))
    page.get_by_label("E-mailadres").fill(professional.email)
    page.get_by_label("Wachtwoord").fill("niet-het-wachtwoord")
    page.get_by_role("button", name="Inloggen", exact=True).click()
    assert page.get_by_role("alert").inner_text().startswith("Het e-mailadres of wachtwoord klopt niet")
    assert page.url.endswith(reverse("accounts:login"))


def test_anonymous_visitor_is_sent_to_the_login_page(page, plan):
    page.goto(reverse("workspace:plan", args=[plan.pk]))
    assert reverse("accounts:login") in page.url
    assert page.get_by_role("heading", level=1).inner_text() == "Inloggen bij Doorbraak"


def test_logging_out(page, login_as, professional):
    login_as(page, professional)
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(f"**{reverse('accounts:login')}")
    page.goto(reverse("plans:list"))
    assert reverse("accounts:login") in page.url
