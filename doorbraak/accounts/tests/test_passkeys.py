"""Security keys and passkeys (WebAuthn) next to the app: adding a key, the second step with it, and every way
an answer must be refused. The key is a real EC P-256 key pair (``SoftKey``), so py_webauthn checks real
signatures; the pages are used as rendered (the options from the page's JSON, the answer in its hidden field)."""

import json
import re
from datetime import timedelta
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from webauthn.helpers import bytes_to_base64url

from doorbraak.accounts import mfa
from doorbraak.accounts.models import WebAuthnDevice
from doorbraak.audit.constants import AuditAction
from doorbraak.audit.models import AuditEvent
from tests.pageforms import rendered_form

from .authenticator import SoftKey
from .mfa_support import unused_code, verified_login

pytestmark = pytest.mark.django_db
KEYS = reverse("accounts:mfa_keys")
VERIFY = reverse("accounts:mfa_verify")
VERIFY_KEY = reverse("accounts:mfa_verify_key")
REMOVE = reverse("accounts:mfa_key_remove")
PLANS = reverse("plans:list")


def _options(page) -> dict:
    found = re.search(r'<script id="passkey-options" type="application/json">(.*?)</script>', page.content.decode())
    assert found, "the page carries no key options"
    return json.loads(unescape(found.group(1)))


def _add_key(client, key: SoftKey, name="YubiKey blauw", **answer):
    page = client.get(KEYS)
    return rendered_form(page, with_field="name").submit(
        client, {"name": name, "credential": key.register(_options(page), **answer)}
    )


def _password_step(client, user, password) -> Client:
    assert client.post(reverse("accounts:login"), {"username": user.email, "password": password}).status_code == 302
    return client


def _key_step(client, key: SoftKey, **answer):
    page = client.get(VERIFY)
    assert "Gebruik uw beveiligingssleutel" in page.content.decode()
    return rendered_form(page, action_contains="sleutel").submit(
        client, {"credential": key.sign(_options(page), **answer)}
    )


@pytest.fixture
def with_key(professional):
    """The professional has the app and added a security key through the page."""
    key = SoftKey()
    assert _add_key(verified_login(Client(), professional), key).status_code == 302
    return key


def test_a_verified_user_adds_a_key_and_sees_it_listed(client, professional):
    verified_login(client, professional)
    assert "Beveiligingssleutels" in client.get(PLANS).content.decode()  # the menu leads there
    page = client.get(KEYS)
    assert "U heeft nog geen sleutel toegevoegd" in page.content.decode()
    options = _options(page)
    assert options["rp"]["id"] == "testserver" and options["user"]["name"] == professional.email
    response = _add_key(client, SoftKey())
    assert response["Location"] == KEYS
    html = client.get(KEYS).content.decode()
    assert "De sleutel YubiKey blauw is toegevoegd" in html and "<strong>YubiKey blauw</strong>" in html
    device = WebAuthnDevice.objects.get(user=professional)
    assert device.name == "YubiKey blauw" and device.transports == ["usb"] and device.confirmed
    event = AuditEvent.objects.get(action=AuditAction.MFA_WEBAUTHN_ADD)
    assert event.actor == professional and event.object_id == str(professional.pk)


@pytest.mark.parametrize("tamper", ["origin", "challenge", "replay", "expired", "garbled"])
def test_a_registration_answer_that_does_not_hold_adds_nothing(client, professional, tamper, time_machine):
    verified_login(client, professional)
    key, page = SoftKey(), client.get(KEYS)
    options = _options(page)
    form = rendered_form(page, with_field="name")
    if tamper == "origin":
        answer = key.register(options, origin="https://evil.example")
    elif tamper == "challenge":
        answer = key.register({**options, "challenge": "b3RoZXItY2hhbGxlbmdl"})
    elif tamper == "expired":
        answer = key.register(options)
        time_machine.move_to(
            timezone.now() + timedelta(seconds=301)
        )  # the key answered after the five minutes of the challenge
    elif tamper == "garbled":
        answer = '[{"id": 1}]'
    else:
        answer = key.register(options)
        assert form.submit(client, {"name": "Eerste", "credential": answer}).status_code == 302
    response = form.submit(client, {"name": "Nog een", "credential": answer})
    assert response.status_code == 200
    assert "De sleutel is niet toegevoegd" in response.content.decode()
    assert WebAuthnDevice.objects.filter(user=professional).count() == (1 if tamper == "replay" else 0)


def test_without_javascript_the_key_form_says_why_and_adds_nothing(client, professional):
    verified_login(client, professional)
    page = client.get(KEYS)
    assert "kan alleen als JavaScript aan staat" in page.content.decode()
    response = rendered_form(page, with_field="name").submit(client, {"name": "Sleutel"})
    assert "kan alleen met JavaScript aan" in response.content.decode()
    assert not WebAuthnDevice.objects.exists()


def test_the_key_page_needs_a_verified_session(client, professional, password):
    assert client.get(KEYS)["Location"].startswith(reverse("accounts:login"))
    mfa.confirmed_totp_device(professional)
    _password_step(client, professional, password)
    assert client.get(KEYS)["Location"] == VERIFY
    assert client.post(REMOVE, {"device": 1})["Location"] == VERIFY


def test_the_second_step_with_the_key(client, professional, password, with_key):
    _password_step(client, professional, password)
    assert client.get(PLANS).status_code == 302
    response = _key_step(client, with_key)
    assert response.status_code == 302 and client.get(PLANS).status_code == 200
    device = WebAuthnDevice.objects.get(user=professional)
    assert device.sign_count == 1 and device.last_used_at is not None
    event = AuditEvent.objects.filter(action=AuditAction.MFA_VERIFY_SUCCESS).latest("pk")
    assert event.actor == professional and event.extra["method"] == "webauthn"


@pytest.mark.parametrize(
    "tamper", ["origin", "challenge", "replay", "lower_count", "other_users_key", "expired", "garbled"]
)
def test_a_key_answer_that_does_not_hold_leaves_the_session_unverified(
    client, professional, colleague, password, with_key, tamper, time_machine
):
    _password_step(client, professional, password)
    page = client.get(VERIFY)
    form, options = rendered_form(page, action_contains="sleutel"), _options(page)
    if tamper == "origin":
        answer = with_key.sign(options, origin="https://evil.example")
    elif tamper == "challenge":
        answer = with_key.sign({**options, "challenge": "b3RoZXItY2hhbGxlbmdl"})
    elif tamper == "replay":
        # the answer was used once (in another sign-in of this session, e.g. a second tab): never again
        answer = with_key.sign(options)
        assert form.submit(client, {"credential": answer}).status_code == 302
        client.post(reverse("accounts:logout"))
        _password_step(client, professional, password)
        client.get(VERIFY)  # a new challenge
    elif tamper == "expired":
        answer = with_key.sign(options)
        time_machine.move_to(timezone.now() + timedelta(seconds=301))
    elif tamper == "garbled":
        answer = '{"id": ["not", "a", "key"], "response": 3}'
    elif tamper == "lower_count":
        # a copy of the key that does not know the original counted on (the original signed 5 times)
        WebAuthnDevice.objects.filter(user=professional).update(sign_count=5)
        answer = with_key.sign(options, sign_count=3)
    else:
        other_key = SoftKey()
        assert _add_key(verified_login(Client(), colleague), other_key).status_code == 302
        # the colleague's own key answers this session's challenge: it is not a key of this account
        answer = other_key.sign({**options, "allowCredentials": [{"id": _b64(other_key)}]})
    response = form.submit(client, {"credential": answer})
    assert response.status_code == 200
    assert "Met deze sleutel lukte het inloggen niet" in response.content.decode()
    assert client.get(PLANS).status_code == 302
    assert AuditEvent.objects.filter(action=AuditAction.MFA_VERIFY_FAILURE).exists()
    # the code from the app keeps working
    page = client.get(VERIFY)
    code = unused_code(mfa.confirmed_totp_device(professional))
    assert rendered_form(page, with_field="code").submit(client, {"code": code}).status_code == 302
    assert client.get(PLANS).status_code == 200


def _b64(key: SoftKey) -> str:
    return bytes_to_base64url(key.credential_id)


def test_without_javascript_the_second_step_keeps_the_code(client, professional, password, with_key):
    _password_step(client, professional, password)
    page = client.get(VERIFY)
    assert "kan alleen als JavaScript aan staat" in page.content.decode()
    response = rendered_form(page, action_contains="sleutel").submit(client)
    assert "kan alleen met JavaScript aan" in response.content.decode()
    # the code form on that page (shown at the key's address) posts to the code step
    code = unused_code(mfa.confirmed_totp_device(professional))
    assert rendered_form(response, with_field="code").submit(client, {"code": code}).status_code == 302
    assert client.get(PLANS).status_code == 200


def test_a_user_removes_their_key_but_not_another_users(client, professional, colleague, with_key):
    other = SoftKey()
    assert _add_key(verified_login(Client(), colleague), other, name="Van collega").status_code == 302
    verified_login(client, professional)
    own = WebAuthnDevice.objects.get(user=professional)
    theirs = WebAuthnDevice.objects.get(user=colleague)
    assert client.post(REMOVE, {"device": theirs.pk}).status_code == 404
    page = client.get(KEYS)
    response = rendered_form(page, action_contains="verwijderen").submit(client)
    assert response["Location"] == KEYS
    assert "De sleutel YubiKey blauw is verwijderd" in client.get(KEYS).content.decode()
    assert (
        not WebAuthnDevice.objects.filter(pk=own.pk).exists() and WebAuthnDevice.objects.filter(pk=theirs.pk).exists()
    )
    assert AuditEvent.objects.filter(action=AuditAction.MFA_WEBAUTHN_REMOVE, actor=professional).count() == 1


def test_anonymous_is_sent_to_login(client):
    for url, method in ((KEYS, "get"), (KEYS, "post"), (REMOVE, "post"), (VERIFY_KEY, "post")):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login")), url


def test_the_admin_reset_removes_the_keys(login, functional_admin, professional, with_key):
    admin = login(functional_admin)
    page = admin.get(reverse("organisations:user_edit", args=[professional.membership.pk]))
    assert rendered_form(page, action_contains="tweestapsverificatie").submit(admin).status_code == 302
    assert not WebAuthnDevice.objects.filter(user=professional).exists()
