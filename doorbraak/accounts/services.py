"""Sign-in events in the audit log: ids and codes only.

The account is the event's object when there is one (its id, never the address typed); a failed attempt for an
address without an account has no object at all. The client's IP address is not stored. MFA and single sign-on
record their events through ``signin_record`` too (``method=...``).
"""

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record

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
