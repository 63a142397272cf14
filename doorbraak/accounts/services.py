"""Sign-in events in the audit log: ids and codes only.

The account is the event's object when there is one (its id, never the address typed); a failed attempt for an
address without an account has no object at all. The client's IP address is not stored. MFA and single sign-on
record their events through ``signin_record`` too (``method=...``).
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record

from . import mfa, passkeys
from .models import WebAuthnDevice
from .throttle import Step


def _organisation(user):
    membership = getattr(user, "membership", None) if user is not None else None
    return membership.organisation if membership is not None else None


def signin_record(*, action: AuditAction, user=None, actor=None, **codes: str | int | None):
    """Record one sign-in event about ``user`` (an account, or None when no account matched)."""
    return audit_record(actor=actor, organisation=_organisation(user), action=action, obj=user, **codes)


def signin_succeeded(*, user, method: str = "password"):
    return signin_record(action=AuditAction.SIGNIN_SUCCESS, user=user, actor=user, method=method)


def signin_failed(*, user, reason: str, steps: list[Step]):
    """A refused attempt: ``reason`` is a code (invalid, inactive, no_membership). Each wait that this
    failure started is recorded too, with its scope (account or ip), the count and the seconds."""
    signin_record(action=AuditAction.SIGNIN_FAILURE, user=user, reason=reason)
    for step in steps:
        signin_record(
            action=AuditAction.SIGNIN_BACKOFF,
            user=user,
            scope=step.scope,
            failures=step.failures,
            seconds=step.seconds,
        )


def signed_out(*, user, reason: str):
    """``reason``: logout (the button), idle or absolute (the session timed out)."""
    action = AuditAction.SIGNIN_LOGOUT if reason == "logout" else AuditAction.SIGNIN_EXPIRED
    return signin_record(action=action, user=user, actor=user, reason=reason)


# --- The second factor (MFA) ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Verification:
    ok: bool
    method: str  # totp, recovery or webauthn
    reason: str = ""  # when not ok: invalid, throttled or no_device
    recovery_left: int | None = None


@transaction.atomic
def mfa_enrol(*, request, device) -> list[str]:
    """The user typed a correct code from the new app: the device counts, the session is verified, and the
    recovery codes are made (returned once, to show on screen)."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
    codes = mfa.replace_recovery_codes(request.user)
    mfa.mark_verified(request, device)
    signin_record(action=AuditAction.MFA_ENROL, user=request.user, actor=request.user, method="totp")
    return codes


@transaction.atomic
def mfa_verify(*, request, code: str) -> Verification:
    """Check a code from the app (six digits) or a recovery code (anything else; each works once)."""
    user = request.user
    if mfa.looks_like_totp(code):
        method, device, token = "totp", TOTPDevice.objects.filter(user=user, confirmed=True).first(), code
    else:
        method, device = "recovery", mfa.recovery_device(user)
        token = mfa.hash_recovery_code(code)
    if device is not None:
        mfa.cap_throttle(device)
    if device is None:
        result = Verification(False, method, "no_device")
    elif not device.verify_is_allowed()[0]:
        result = Verification(False, method, "throttled")
    elif not device.verify_token(token.replace(" ", "")):
        result = Verification(False, method, "invalid")
    else:
        left = device.token_set.count() if method == "recovery" else None
        result = Verification(True, method, recovery_left=left)
    if not result.ok:
        signin_record(action=AuditAction.MFA_VERIFY_FAILURE, user=user, actor=user, method=method, reason=result.reason)
        return result
    mfa.mark_verified(request, device)
    signin_record(action=AuditAction.MFA_VERIFY_SUCCESS, user=user, actor=user, method=method)
    if method == "recovery":
        signin_record(action=AuditAction.MFA_RECOVERY_USED, user=user, actor=user, left=result.recovery_left)
    return result


@transaction.atomic
def mfa_reset(*, actor, user) -> None:
    """The functional admin removes every second factor of ``user`` (a lost phone): at the next request or sign-in
    the user enrols again. Sessions verified with a removed device are no longer verified."""
    for model in (TOTPDevice, StaticDevice, WebAuthnDevice):
        model.objects.filter(user=user).delete()
    signin_record(action=AuditAction.MFA_RESET, user=user, actor=actor)


# --- Security keys and passkeys (WebAuthn) ----------------------------------------------------------------


@transaction.atomic
def webauthn_add(*, request, name: str, credential_json: str) -> WebAuthnDevice:
    """Check the new key's answer to the registration challenge and keep it (raises ``passkeys.KeyRefused``)."""
    key = passkeys.verify_registration(request, credential_json)
    device = WebAuthnDevice.objects.create(
        user=request.user,
        name=name,
        confirmed=True,
        credential_id=key.credential_id,
        public_key=key.public_key,
        sign_count=key.sign_count,
        transports=key.transports,
    )
    signin_record(action=AuditAction.MFA_WEBAUTHN_ADD, user=request.user, actor=request.user, device=device.pk)
    return device


@transaction.atomic
def webauthn_remove(*, request, device: WebAuthnDevice) -> None:
    device_id = device.pk
    device.delete()
    signin_record(action=AuditAction.MFA_WEBAUTHN_REMOVE, user=request.user, actor=request.user, device=device_id)


@transaction.atomic
def webauthn_verify(*, request, credential_json: str) -> Verification:
    """The second step with a key: its signature over this session's challenge, with a counter that went up."""
    user = request.user
    try:
        device, sign_count = passkeys.verify_authentication(request, credential_json)
    except passkeys.KeyRefused:
        signin_record(action=AuditAction.MFA_VERIFY_FAILURE, user=user, actor=user, method="webauthn", reason="invalid")
        return Verification(False, "webauthn", "invalid")
    device.sign_count = sign_count
    device.last_used_at = timezone.now()
    device.save(update_fields=["sign_count", "last_used_at"])
    mfa.mark_verified(request, device)
    signin_record(action=AuditAction.MFA_VERIFY_SUCCESS, user=user, actor=user, method="webauthn")
    return Verification(True, "webauthn")
