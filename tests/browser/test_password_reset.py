"""'Wachtwoord vergeten' in a real browser: from the login page to signing in with the new password, with and
without JavaScript, under the strict CSP, and accessible (axe-core, WCAG 2.2 AA)."""

import re

from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .support import BROWSER, axe_violations, csp_errors, describe_violations, log_in

pytestmark = BROWSER
NEW_PASSWORD = "Een-nieuw-wachtwoord-2026"


def _reset_through_the_pages(page, user):
    page.goto(reverse("accounts:login"))
    page.get_by_role("link", name="Wachtwoord vergeten?").click()
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_role("button", name="Stuur mij een link").click()
    page.wait_for_url(f"**{reverse('accounts:password_reset_done')}")
    assert page.get_by_role("heading", level=1).inner_text() == "Kijk in uw e-mail"
    (message,) = mail.outbox
    link = re.search(r"https?://\S+", message.body).group(0)
    page.goto(link)
    assert page.get_by_role("heading", level=1).inner_text() == "Nieuw wachtwoord kiezen"
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Wachtwoord opslaan").click()
    page.wait_for_url(f"**{reverse('accounts:password_reset_complete')}")
    assert page.get_by_role("heading", level=1).inner_text() == "Wachtwoord opgeslagen"
    return link


def test_reset_and_sign_in_with_the_new_password(page, professional):
    link = _reset_through_the_pages(page, professional)
    log_in(page, professional, NEW_PASSWORD)
    assert page.url.endswith(reverse("plans:list"))
    page.goto(link)  # used once: the same link no longer works
    assert page.get_by_role("heading", level=1).inner_text() == "Deze link werkt niet meer"
    assert csp_errors(page) == []


def test_reset_works_without_javascript(nojs_page, professional):
    _reset_through_the_pages(nojs_page, professional)
    log_in(nojs_page, professional, NEW_PASSWORD)
    assert nojs_page.url.endswith(reverse("plans:list"))


def test_the_reset_pages_are_accessible(a11y_page, professional):
    uid = urlsafe_base64_encode(force_bytes(professional.pk))
    token = default_token_generator.make_token(professional)
    pages = [
        reverse("accounts:login"),
        reverse("accounts:password_reset"),
        reverse("accounts:password_reset_done"),
        reverse("accounts:password_reset_confirm", args=[uid, token]),  # the form to choose a password
        reverse("accounts:password_reset_confirm", args=[uid, "0-ongeldig"]),  # a link that no longer works
        reverse("accounts:password_reset_complete"),
    ]
    for url in pages:
        a11y_page.goto(url)
        violations = axe_violations(a11y_page)
        assert violations == [], f"{url}: {describe_violations(violations)}"
