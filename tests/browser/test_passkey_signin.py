"""A security key at the second step, in real Chromium: its virtual authenticator (DevTools' WebAuthn domain)
stands in for the key, so navigator.credentials.create/get, static/js/passkeys.js and py_webauthn all run."""

import pytest
from django.urls import reverse

from doorbraak.accounts import mfa
from doorbraak.accounts.models import WebAuthnDevice
from doorbraak.accounts.tests.mfa_support import unused_code

from .support import BROWSER, axe_violations, csp_errors, describe_violations, log_in, password_step

pytestmark = [*BROWSER, pytest.mark.slow]


def _virtual_authenticator(page):
    session = page.context.new_cdp_session(page)
    session.send("WebAuthn.enable")
    options = {
        "protocol": "ctap2",
        "transport": "internal",
        "hasResidentKey": True,
        "hasUserVerification": True,
        "isUserVerified": True,
    }
    return session, session.send("WebAuthn.addVirtualAuthenticator", {"options": options})["authenticatorId"]


def test_add_a_key_and_sign_in_with_it(page, professional, password, plan):
    session, authenticator = _virtual_authenticator(page)
    log_in(page, professional, password)
    page.get_by_role("link", name="Beveiligingssleutels").click()
    page.wait_for_url(f"**{reverse('accounts:mfa_keys')}")
    page.get_by_label("Naam van de sleutel").fill("Laptop werk")
    page.get_by_role("button", name="Sleutel toevoegen").click()
    # the same address after the POST: wait for the key in the list (the browser asks the key first)
    page.get_by_role("list", name="Uw sleutels").get_by_text("Laptop werk", exact=True).wait_for()
    assert "De sleutel Laptop werk is toegevoegd" in page.get_by_role("status").first.inner_text()
    assert WebAuthnDevice.objects.filter(user=professional, name="Laptop werk").count() == 1
    assert len(session.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"]) == 1
    # a new sign-in: the password, then the key instead of a code
    page.get_by_role("button", name="Uitloggen").click()
    password_step(page, professional, password)
    page.get_by_role("button", name="Gebruik uw beveiligingssleutel").click()
    page.wait_for_url(f"**{reverse('plans:list')}")
    assert page.get_by_role("link", name=plan.household.reference).count() >= 1
    assert WebAuthnDevice.objects.get(user=professional).last_used_at is not None
    assert csp_errors(page) == [] and page.console_errors == []


def test_a_cancelled_key_says_so_and_the_code_still_works(page, professional, password):
    _virtual_authenticator(page)
    log_in(page, professional, password)
    page.goto(reverse("accounts:mfa_keys"))
    page.get_by_label("Naam van de sleutel").fill("Sleutel")
    page.get_by_role("button", name="Sleutel toevoegen").click()
    page.get_by_role("list", name="Uw sleutels").wait_for()
    page.get_by_role("button", name="Uitloggen").click()
    password_step(page, professional, password)
    # the person closes the browser's key dialog: the browser answers with a NotAllowedError, as here
    page.evaluate(
        "() => { navigator.credentials.get = () => Promise.reject(new DOMException('', 'NotAllowedError')); }"
    )
    page.get_by_role("button", name="Gebruik uw beveiligingssleutel").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "u heeft het afgebroken" in alert.inner_text()
    assert reverse("accounts:mfa_verify") in page.url
    page.get_by_label("Code", exact=True).fill(unused_code(mfa.confirmed_totp_device(professional)))
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_url(f"**{reverse('plans:list')}")


def test_the_key_page_is_accessible(a11y_page, professional, password):
    _virtual_authenticator(a11y_page)
    log_in(a11y_page, professional, password)
    a11y_page.goto(reverse("accounts:mfa_keys"))
    violations = axe_violations(a11y_page)
    assert not violations, describe_violations(violations)
    a11y_page.get_by_label("Naam van de sleutel").fill("Sleutel met een naam")
    a11y_page.get_by_role("button", name="Sleutel toevoegen").click()
    a11y_page.get_by_role("list", name="Uw sleutels").get_by_text("Sleutel met een naam", exact=True).wait_for()
    violations = axe_violations(a11y_page)
    assert not violations, describe_violations(violations)


def _a_key(user):
    """The app and a key row as adding one leaves it (the key itself plays no part: these tests never reach it)."""
    mfa.confirmed_totp_device(user)
    return WebAuthnDevice.objects.create(
        user=user, name="Sleutel", confirmed=True, credential_id="AAAA", public_key=b"\x00"
    )


def test_without_javascript_the_page_says_so_and_the_code_works(nojs_page, professional, password):
    _a_key(professional)
    password_step(nojs_page, professional, password)
    shown = nojs_page.locator("main").inner_text()  # what the person reads (the noscript text included)
    assert "Een beveiligingssleutel gebruiken kan alleen als JavaScript aan staat" in shown
    nojs_page.get_by_role("button", name="Gebruik uw beveiligingssleutel").click()
    assert "kan alleen met JavaScript aan" in nojs_page.get_by_role("alert").first.inner_text()
    nojs_page.get_by_label("Code", exact=True).fill(unused_code(mfa.confirmed_totp_device(professional)))
    nojs_page.get_by_role("button", name="Controleren").click()
    nojs_page.wait_for_url(f"**{reverse('plans:list')}")


def test_a_browser_without_webauthn_hears_why(page, professional, password):
    _a_key(professional)
    page.add_init_script("delete window.PublicKeyCredential;")  # an old browser
    password_step(page, professional, password)
    page.get_by_role("button", name="Gebruik uw beveiligingssleutel").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "Deze browser kan geen beveiligingssleutel gebruiken" in alert.inner_text()
    assert alert.evaluate("el => el === document.activeElement")
