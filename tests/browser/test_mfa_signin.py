"""Signing in with the second step, as a person does it: enrolling an app at the first sign-in (the secret read
from the page, the code computed as the app would), a recovery code, and single sign-on at a real OpenID provider
on loopback (tests/oidc_idp)."""

import base64

import pytest
from django.urls import reverse
from django_otp.oath import totp

from doorbraak.accounts import mfa
from tests.oidc_idp.process import IdentityProvider

from .support import BROWSER, axe_violations, csp_errors, describe_violations

pytestmark = [*BROWSER, pytest.mark.slow]
IDP_PASSWORD = "wachtwoord-bij-de-gemeente"


def _password_step(page, user, password):
    page.goto(reverse("accounts:login"))
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen", exact=True).click()


def _code_from_the_page(page) -> str:
    """What the app computes after the secret is typed in: TOTP over the base32 secret shown on the page."""
    secret = page.get_by_test_id("mfa-secret").inner_text().replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key):06d}"


def _accessible(page):
    violations = axe_violations(page)
    assert not violations, f"{page.url}\n{describe_violations(violations)}"


def test_first_sign_in_enrols_the_app_and_shows_the_recovery_codes(page, professional, password, plan):
    _password_step(page, professional, password)
    page.wait_for_url(f"**{reverse('accounts:mfa_setup')}")
    assert page.get_by_role("heading", level=1).inner_text() == "Tweestapsverificatie instellen"
    assert page.get_by_role("img", name="QR-code").is_visible()
    page.get_by_label("Code uit de app").fill(_code_from_the_page(page))
    page.get_by_role("button", name="Koppelen").click()
    page.wait_for_url(f"**{reverse('accounts:mfa_recovery_codes')}")
    codes = page.get_by_role("list", name="Herstelcodes").get_by_role("listitem").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="Ik heb de codes bewaard, verder").click()
    page.wait_for_url(f"**{reverse('plans:list')}")
    assert page.get_by_role("link", name=plan.household.reference).count() >= 1
    assert csp_errors(page) == [] and page.console_errors == []
    # one of the codes works once, in a new session
    page.get_by_role("button", name="Uitloggen").click()
    _password_step(page, professional, password)
    page.wait_for_url(f"**{reverse('accounts:mfa_verify')}**")
    page.get_by_label("Code", exact=True).fill(codes[3])
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_url(f"**{reverse('plans:list')}")
    assert "nog 9 herstelcodes over" in page.get_by_role("status").first.inner_text()


def test_the_second_step_pages_are_accessible(a11y_page, professional, password):
    page = a11y_page
    _password_step(page, professional, password)
    page.wait_for_url(f"**{reverse('accounts:mfa_setup')}")
    _accessible(page)
    page.get_by_label("Code uit de app").fill("12")
    page.get_by_role("button", name="Koppelen").click()
    page.get_by_text("Vul de zes cijfers in").wait_for()
    _accessible(page)
    page.get_by_label("Code uit de app").fill(_code_from_the_page(page))
    page.get_by_role("button", name="Koppelen").click()
    page.wait_for_url(f"**{reverse('accounts:mfa_recovery_codes')}")
    _accessible(page)
    page.get_by_role("button", name="Uitloggen").click()
    _password_step(page, professional, password)
    page.wait_for_url(f"**{reverse('accounts:mfa_verify')}**")
    _accessible(page)
    page.get_by_label("Code", exact=True).fill("ZZZZZ-ZZZZZ")
    page.get_by_role("button", name="Controleren").click()
    page.get_by_text("klopt niet of is al gebruikt").wait_for()
    _accessible(page)


@pytest.fixture
def identity_provider(live_server, tmp_path, team_lead, professional):
    accounts = {
        "teamleider": {"email": team_lead.email, "amr": ["pwd", "mfa"], "password": IDP_PASSWORD},
        "professional": {"email": professional.email, "amr": ["pwd"], "password": IDP_PASSWORD},
    }
    callback = live_server.url + reverse("accounts:oidc_callback")
    provider = IdentityProvider(tmp_path, [callback], accounts).start()
    yield provider
    provider.stop()


def _sso(page, username):
    page.goto(reverse("accounts:login"))
    page.get_by_role("link", name="Inloggen met Voorbeeldstad-account").click()
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(IDP_PASSWORD)
    page.get_by_role("button", name="Inloggen bij de gemeente").click()


def test_single_sign_on_at_the_municipalitys_provider(page, settings, identity_provider, team_lead, professional):
    settings.OIDC_PROVIDERS = {"voorbeeldstad": identity_provider.settings_entry(name="Voorbeeldstad-account")}
    # the provider asserts MFA (amr "mfa"): straight to the work, no local second step
    _sso(page, "teamleider")
    page.wait_for_url(lambda url: "/account/" not in url and "127.0.0.1" not in url)
    assert page.get_by_role("button", name="Uitloggen").is_visible()
    assert csp_errors(page) == []
    page.get_by_role("button", name="Uitloggen").click()
    # without MFA at the provider: the local code is asked
    device = mfa.confirmed_totp_device(professional)
    page.context.clear_cookies()
    _sso(page, "professional")
    page.wait_for_url(f"**{reverse('accounts:mfa_verify')}**")
    page.get_by_label("Code", exact=True).fill(mfa.current_code(device))
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_url(f"**{reverse('plans:list')}")
