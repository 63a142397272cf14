"""Security keys and passkeys (WebAuthn) as a second factor next to the authenticator app, with py_webauthn.

The server makes the options (with a fresh random challenge), the browser's ``navigator.credentials`` asks the
key (static/js/passkeys.js), and the answer comes back in an ordinary form field as JSON. Each challenge is kept
in the session for one purpose, is taken out when an answer is checked (single use) and expires after
``WEBAUTHN_CHALLENGE_TIMEOUT`` seconds. The relying party is ``WEBAUTHN_RP_ID`` (the site's host name when
unset); the expected origin is this request's scheme and host, which Django already checked against
ALLOWED_HOSTS, and it must lie within that relying party.
"""

import json
import time
from dataclasses import dataclass

import webauthn
from django.conf import settings
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.exceptions import InvalidAuthenticationResponse, InvalidJSONStructure, InvalidRegistrationResponse
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    AuthenticatorTransport,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from .models import WebAuthnDevice

CHALLENGE_SESSION_KEY = "webauthn_challenge"
REGISTER, AUTHENTICATE = "register", "authenticate"
# what a tampered or garbled answer raises in parsing and checking (a JSON list where an object belongs: TypeError)
REFUSED = (
    InvalidRegistrationResponse,
    InvalidAuthenticationResponse,
    InvalidJSONStructure,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
)


class KeyRefused(Exception):
    """The answer of the key does not hold (wrong challenge, origin, signature or counter, or no such key)."""


@dataclass(frozen=True)
class NewKey:
    credential_id: str
    public_key: bytes
    sign_count: int
    transports: list[str]


def rp_id(request) -> str:
    return settings.WEBAUTHN_RP_ID or request.get_host().rsplit(":", 1)[0]


def expected_origin(request) -> str:
    origin = f"{request.scheme}://{request.get_host()}"
    host, relying_party = request.get_host().rsplit(":", 1)[0], rp_id(request)
    if host != relying_party and not host.endswith(f".{relying_party}"):
        raise KeyRefused("host outside the relying party")
    return origin


def user_keys(user):
    return WebAuthnDevice.objects.filter(user=user, confirmed=True)


def has_key(user) -> bool:
    return user_keys(user).exists()


def _descriptors(user) -> list[PublicKeyCredentialDescriptor]:
    return [
        PublicKeyCredentialDescriptor(
            id=base64url_to_bytes(key.credential_id),
            transports=[AuthenticatorTransport(t) for t in key.transports] or None,
        )
        for key in user_keys(user)
    ]


def _remember(request, purpose: str, challenge: bytes) -> None:
    request.session[CHALLENGE_SESSION_KEY] = {
        "purpose": purpose,
        "challenge": bytes_to_base64url(challenge),
        "at": int(time.time()),
    }


def _take_challenge(request, purpose: str) -> bytes:
    """The challenge made for ``purpose``, taken out of the session: an answer is checked against it once."""
    saved = request.session.pop(CHALLENGE_SESSION_KEY, None)
    if not saved or saved.get("purpose") != purpose:
        raise KeyRefused("no challenge")
    if time.time() - saved["at"] > settings.WEBAUTHN_CHALLENGE_TIMEOUT:
        raise KeyRefused("challenge expired")
    return base64url_to_bytes(saved["challenge"])


def registration_options(request) -> dict:
    """What ``navigator.credentials.create`` needs to add a key for the signed-in user (as a JSON-ready dict)."""
    user = request.user
    options = webauthn.generate_registration_options(
        rp_id=rp_id(request),
        rp_name=settings.OTP_TOTP_ISSUER,
        user_id=str(user.pk).encode(),
        user_name=user.email,
        user_display_name=user.get_full_name() or user.email,
        timeout=settings.WEBAUTHN_CHALLENGE_TIMEOUT * 1000,
        exclude_credentials=_descriptors(user),
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.DISCOURAGED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
    )
    _remember(request, REGISTER, options.challenge)
    return json.loads(webauthn.options_to_json(options))


def authentication_options(request) -> dict:
    """What ``navigator.credentials.get`` needs for the second step: the user's own keys only."""
    options = webauthn.generate_authentication_options(
        rp_id=rp_id(request),
        timeout=settings.WEBAUTHN_CHALLENGE_TIMEOUT * 1000,
        allow_credentials=_descriptors(request.user),
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    _remember(request, AUTHENTICATE, options.challenge)
    return json.loads(webauthn.options_to_json(options))


def verify_registration(request, credential_json: str) -> NewKey:
    challenge = _take_challenge(request, REGISTER)
    try:
        verified = webauthn.verify_registration_response(
            credential=credential_json,
            expected_challenge=challenge,
            expected_rp_id=rp_id(request),
            expected_origin=expected_origin(request),
        )
        transports = json.loads(credential_json).get("response", {}).get("transports") or []
    except REFUSED as error:
        raise KeyRefused(str(error)) from error
    credential_id = bytes_to_base64url(verified.credential_id)
    if WebAuthnDevice.objects.filter(credential_id=credential_id).exists():
        raise KeyRefused("key registered already")
    allowed = {transport.value for transport in AuthenticatorTransport}
    return NewKey(
        credential_id=credential_id,
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
        transports=[t for t in transports if t in allowed],
    )


def verify_authentication(request, credential_json: str) -> tuple[WebAuthnDevice, int]:
    """The user's key that signed this session's challenge, and its new counter. A key of another user, an
    answer to another challenge or origin, or a counter that did not go up (a cloned key) is refused."""
    challenge = _take_challenge(request, AUTHENTICATE)
    try:
        credential_id = json.loads(credential_json)["id"]
        device = user_keys(request.user).filter(credential_id=credential_id).first()
        if device is None:
            raise KeyRefused("not a key of this user")
        verified = webauthn.verify_authentication_response(
            credential=credential_json,
            expected_challenge=challenge,
            expected_rp_id=rp_id(request),
            expected_origin=expected_origin(request),
            credential_public_key=bytes(device.public_key),
            credential_current_sign_count=device.sign_count,
        )
    except REFUSED as error:
        raise KeyRefused(str(error)) from error
    return device, verified.new_sign_count
