"""Single sign-on per municipality against a real OpenID provider on loopback (tests/oidc_idp): discovery,
authorize, the provider's login form, token, userinfo and JWKS all go over HTTP."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from doorbraak.accounts import mfa
from doorbraak.audit.constants import AuditAction
from doorbraak.audit.models import AuditEvent

from .conftest import IDP_PASSWORD
from .mfa_support import unused_code

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
LOGIN = reverse("accounts:login")
START = reverse("accounts:oidc_start", args=["voorbeeldstad"])


def _sign_in_at_provider(client, identity_provider, username):
    """The button on the login page, the provider's login form, and back: Doorbraak's answer to the callback."""
    login_page = client.get(LOGIN).content.decode()
    assert f'href="{START}"' in login_page and "Inloggen met Voorbeeldstad-account" in login_page
    response = client.get(START)
    assert response.status_code == 302 and response["Location"].startswith(identity_provider.issuer)
    callback = identity_provider.sign_in(response["Location"], username, IDP_PASSWORD)
    assert callback.startswith("http://testserver/account/gemeente-account/terug/")
    return client.get(callback.removeprefix("http://testserver"))


def _signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def test_known_user_signs_in_and_is_asked_the_local_code(sso_settings, client, identity_provider, professional):
    device = mfa.confirmed_totp_device(professional)
    response = _sign_in_at_provider(client, identity_provider, "professional")
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert _signed_in_user_id(client) == str(professional.pk)
    # amr "pwd" only: the second step is still asked before any page with data
    response = client.get(reverse("plans:list"))
    assert response["Location"].startswith(reverse("accounts:mfa_verify"))
    page = client.get(response["Location"])
    page = client.post(page.wsgi_request.get_full_path(), {"code": unused_code(device), "next": "/plannen/"})
    assert page["Location"] == "/plannen/"
    assert client.get("/plannen/").status_code == 200
    event = AuditEvent.objects.get(action=AuditAction.SIGNIN_SUCCESS)
    assert event.actor == professional and event.extra == {"method": "oidc"}


def test_without_a_device_the_user_enrols_after_sso_without_mfa(sso_settings, client, identity_provider, professional):
    _sign_in_at_provider(client, identity_provider, "professional")
    assert client.get(reverse("plans:list"))["Location"].startswith(reverse("accounts:mfa_setup"))


@pytest.mark.parametrize("username", ["teamleider", "doorbraakteam"])
def test_mfa_asserted_by_the_provider_skips_the_local_code(
    sso_settings, client, identity_provider, team_lead, doorbraakteam, username
):
    """amr "mfa" (the team lead) or an acr configured as strong (the Doorbraakteam): no local second step, not
    even enrolment."""
    user = {"teamleider": team_lead, "doorbraakteam": doorbraakteam}[username]
    response = _sign_in_at_provider(client, identity_provider, username)
    assert _signed_in_user_id(client) == str(user.pk)
    assert client.get(response["Location"], follow=True).status_code == 200
    assert "/account/" not in client.get(response["Location"], follow=True).wsgi_request.path
    assert AuditEvent.objects.filter(
        action=AuditAction.MFA_VERIFY_SUCCESS, actor=user, extra={"method": "idp"}
    ).exists()


def test_an_acr_not_configured_as_strong_does_not_skip_mfa(sso_settings, client, identity_provider, manager):
    mfa.confirmed_totp_device(manager)
    _sign_in_at_provider(client, identity_provider, "manager")
    assert _signed_in_user_id(client) == str(manager.pk)
    assert client.get(reverse("home"))["Location"].startswith(reverse("accounts:mfa_verify"))


def test_unknown_email_is_refused_with_a_dutch_message(sso_settings, client, identity_provider, org):
    response = _sign_in_at_provider(client, identity_provider, "onbekend")
    assert response["Location"] == LOGIN
    assert _signed_in_user_id(client) is None
    page = client.get(LOGIN).content.decode()
    assert "met dit e-mailadres heeft u geen toegang tot Doorbraak bij deze gemeente" in page
    event = AuditEvent.objects.get(action=AuditAction.SIGNIN_SSO_FAILURE)
    assert event.extra == {"reason": "unknown", "provider": "voorbeeldstad"} and not event.object_id


def test_a_user_of_another_municipality_is_refused(sso_settings, client, identity_provider, org, outsider):
    """Anderstad's professional, even with MFA at the provider, is no one at Voorbeeldstad's button."""
    response = _sign_in_at_provider(client, identity_provider, "anderstad")
    assert response["Location"] == LOGIN and _signed_in_user_id(client) is None
    assert "geen toegang tot Doorbraak bij deze gemeente" in client.get(LOGIN).content.decode()
    event = AuditEvent.objects.get(action=AuditAction.SIGNIN_SSO_FAILURE)
    assert event.extra["reason"] == "other_organisation"


def test_a_tampered_state_is_refused(sso_settings, client, identity_provider, professional):
    response = client.get(START)
    callback = identity_provider.sign_in(response["Location"], "professional", IDP_PASSWORD)
    parts = urlsplit(callback)
    query = parse_qs(parts.query)
    tampered = f"{parts.path}?code={query['code'][0]}&state={query['state'][0]}x"
    response = client.get(tampered)
    assert response.status_code == 302 and response["Location"] == LOGIN
    assert _signed_in_user_id(client) is None
    assert "niet in deze browser begonnen" in client.get(LOGIN).content.decode()


def test_an_expired_state_is_refused(sso_settings, client, identity_provider, professional, time_machine):
    time_machine.move_to("2026-12-01 09:00:00+00:00", tick=True)
    response = client.get(START)
    callback = identity_provider.sign_in(response["Location"], "professional", IDP_PASSWORD)
    time_machine.move_to("2026-12-01 09:11:00+00:00", tick=True)
    response = client.get(callback.removeprefix("http://testserver"))
    assert response["Location"] == LOGIN and _signed_in_user_id(client) is None
    assert "verlopen" in client.get(LOGIN).content.decode()


def test_a_callback_from_another_browser_is_refused(sso_settings, client, identity_provider, professional):
    """The code and state were made for a sign-in that another browser started."""
    from django.test import Client

    other = Client()
    callback = identity_provider.sign_in(other.get(START)["Location"], "professional", IDP_PASSWORD)
    response = client.get(callback.removeprefix("http://testserver"))
    assert response["Location"] == LOGIN and _signed_in_user_id(client) is None


def test_a_municipality_without_sso_has_no_button_and_no_start(sso_settings, client, other_org):
    assert client.get(reverse("accounts:oidc_start", args=[other_org.slug])).status_code == 404
    assert "Inloggen met" not in client.get(LOGIN).content.decode().replace("Inloggen met Voorbeeldstad", "")
