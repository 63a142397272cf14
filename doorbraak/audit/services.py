import re

from django.db import models

from .constants import AuditAction
from .models import AuditEvent

# What an ``extra`` value may look like: an id, a number, a uuid or a short code (``plan``, ``#1a5f8c``,
# ``concept``). Spaces, longer texts and anything else that could be a name or free text are refused.
CODE = re.compile(r"[\w.:#\-]{0,64}", re.ASCII)


def _checked_extra(extra: dict) -> dict:
    checked = {}
    for key, value in extra.items():
        if value is None:
            continue
        if isinstance(value, bool):
            value = int(value)
        elif not isinstance(value, int):
            value = str(value)
            if not CODE.fullmatch(value):
                raise ValueError(f"audit extra {key!r} is not an id or code")
        checked[key] = value
    return checked


def audit_record(
    *, actor, organisation, action: AuditAction, obj: models.Model | None, **extra: str | int | None
) -> AuditEvent:
    """Record one event. Call inside the same transaction as the write it describes.

    ``action`` is a member of ``AuditAction`` (codes like ``plan.read``); ``extra`` may carry ids and codes,
    never names or free text (both are checked: an unknown action or a text with spaces raises ValueError).
    ``obj`` is None only for an event without an object, such as a failed sign-in for an unknown address
    (the typed address is never stored).
    """
    if action not in AuditAction.values:
        raise ValueError(f"unknown audit action {action!r}: add it to AuditAction")
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        organisation=organisation,
        action=AuditAction(action),
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        extra=_checked_extra(extra),
    )


def purge_events_before(*, organisation, before) -> int:
    """Delete the audit events of ``organisation`` older than ``before`` (the retention job calls this when the
    events are past their own term) and return how many went. Events without an organisation (a failed sign-in
    for an unknown address) are not a municipality's and stay."""
    deleted, _ = AuditEvent.objects.filter(organisation=organisation, at__lt=before).delete()
    return deleted
