"""The second factor: TOTP (an authenticator app) for every account, with single-use recovery codes.

Built on django-otp: a confirmed ``TOTPDevice`` is the app, a ``StaticDevice`` named ``recovery`` holds the
recovery codes. django-otp keeps static tokens in plain text; here a token row holds a keyed hash of the code
(HMAC with SECRET_KEY, cut to the 16 characters the column has), so the database never shows a usable code. A
session counts as verified when django-otp's ``login(request, device)`` put the device in it, or when the
municipality's identity provider asserted a second factor at single sign-on (``IDP_MFA_SESSION_KEY``).
"""

import base64
import re
import secrets

import django_otp
from django.conf import settings
from django.utils.crypto import salted_hmac
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_DEVICE_NAME = "recovery"
TOTP_DEVICE_NAME = "app"
IDP_MFA_SESSION_KEY = "mfa_by_idp"
# No 0/O, 1/I/L: the codes are read from paper.
RECOVERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def has_confirmed_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def session_is_verified(request) -> bool:
    user = request.user
    return bool(user.is_verified() or request.session.get(IDP_MFA_SESSION_KEY))


def mark_verified(request, device) -> None:
    """What django-otp's login form does: the session remembers the device that verified this sign-in."""
    django_otp.login(request, device)


def pending_totp_device(user) -> TOTPDevice:
    """The unconfirmed app device being enrolled (the same secret on every reload of the enrolment page)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=TOTP_DEVICE_NAME).first()
    return device or TOTPDevice.objects.create(user=user, confirmed=False, name=TOTP_DEVICE_NAME)


def confirmed_totp_device(user) -> TOTPDevice:
    """The user's confirmed app device, created if there is none: the one helper that gives demo users and test
    personas a second factor without enrolling through the pages."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, confirmed=True, name=TOTP_DEVICE_NAME)


def current_code(device: TOTPDevice, *, offset: int = 0) -> str:
    """The code the authenticator app shows now (``offset`` steps later), e.g. for ``manage.py demo_code``."""
    t0 = device.t0 - offset * device.step  # a later t0 would be an earlier step
    return f"{totp(device.bin_key, device.step, t0, device.digits, device.drift):0{device.digits}d}"


def secret_base32(device: TOTPDevice) -> str:
    """The secret as an authenticator app asks for it when typed in, in groups of four."""
    text = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def cap_throttle(device) -> None:
    """django-otp doubles the wait after each wrong code without a practical limit (a guesser who knows the
    password could lock the owner out for days); here the count stops at MFA_THROTTLE_MAX_FAILURES, so the wait
    is at most 2^(max-1) seconds (9: about 4 minutes), like the password back-off."""
    ceiling = settings.MFA_THROTTLE_MAX_FAILURES
    if device.throttling_failure_count > ceiling:
        device.throttling_failure_count = ceiling
        device.save(update_fields=["throttling_failure_count"])


def looks_like_totp(code: str) -> bool:
    return re.fullmatch(r"\d{6}", code.replace(" ", "")) is not None


def normalise_recovery_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def hash_recovery_code(code: str) -> str:
    return salted_hmac("doorbraak.accounts.recovery-code", normalise_recovery_code(code)).hexdigest()[:16]


def new_recovery_code() -> str:
    raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def replace_recovery_codes(user) -> list[str]:
    """A fresh set of recovery codes (the old ones stop working); the plain codes are returned once."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [new_recovery_code() for _ in range(settings.MFA_RECOVERY_CODES)]
    device.token_set.bulk_create([device.token_set.model(device=device, token=hash_recovery_code(c)) for c in codes])
    return codes


def recovery_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, name=RECOVERY_DEVICE_NAME).first()
