"""The one write path of the processing log: ``audit_record`` (one row), ``audit_record_many`` (one row per
household shown, in one query), ``audit_record_refused`` (a refused attempt); ``purge_events_before`` is the
only sanctioned delete (retention). All of them build rows with ``_event`` and write them with ``_write``.
"""

import re
from collections.abc import Iterable
from contextlib import contextmanager

from django.db import DatabaseError, connection, models, transaction

from . import context
from .constants import DEFAULT_ACTIVITIES, AuditAction, AuditOutcome, activity_for
from .models import AuditEvent, ProcessingActivity

# What an ``extra`` value may look like: an id, a number, a uuid or a short code (``plan``, ``#1a5f8c``,
# ``concept``). Spaces, longer texts and anything else that could be a name or free text are refused.
CODE = re.compile(r"[\w.:#\-]{0,64}", re.ASCII)
HOUSEHOLD_LABEL = "households.household"
NATIONAL_ADMIN_ROLE = "national_admin"


class AuditUnavailable(Exception):
    """The processing log could not be written. The read or write it would describe must not happen
    (fail-closed): ``RequestIdMiddleware`` answers with an error page that shows nothing of the household."""


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


def _subject_of(obj: models.Model | None):
    """The household (data subject) an object belongs to: the household itself, or its ``household_id``."""
    if obj is None:
        return None
    if obj._meta.label_lower == HOUSEHOLD_LABEL:
        return obj.pk
    return getattr(obj, "household_id", None)


def _role_of(actor) -> str:
    """The actor's role now: from the request's membership when the actor is the signed-in user, else read."""
    if not getattr(actor, "is_authenticated", False):
        return ""
    request = context.current_request()
    membership = getattr(request, "membership", None) if request is not None else None
    if membership is None or membership.user_id != actor.pk:  # e.g. at sign-in, before the middleware knew
        try:
            membership = actor.membership
        except models.ObjectDoesNotExist:
            membership = None
    if membership is not None and membership.is_active:
        return membership.role
    return NATIONAL_ADMIN_ROLE if getattr(actor, "is_national_admin", False) else ""


def _event(*, actor, organisation, action, object_type, object_id, household_id, outcome, role, extra) -> AuditEvent:
    if action not in AuditAction.values:
        raise ValueError(f"unknown audit action {action!r}: add it to AuditAction")
    request = context.current_request()
    return AuditEvent(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        organisation=organisation,
        role=role,
        action=AuditAction(action),
        activity=activity_for(action),
        outcome=outcome,
        household_id=household_id,
        object_type=object_type,
        object_id=str(object_id),
        request_id=getattr(request, "request_id", ""),
        extra=_checked_extra(extra),
    )


def _write(events: list[AuditEvent]) -> list[AuditEvent]:
    """Insert the rows in one query. Fail-closed: any database error becomes ``AuditUnavailable``, so the
    caller's transaction (and with it the read or write being logged) does not go through."""
    try:
        if len(events) == 1:
            events[0].save(force_insert=True)
            return events
        return AuditEvent.objects.bulk_create(events)
    except DatabaseError as exc:
        raise AuditUnavailable(str(exc)) from exc


def _record(*, actor, organisation, action, rows, outcome=AuditOutcome.ALLOWED, extra) -> list[AuditEvent]:
    """Write one event per ``(object_type, object_id, household_id)`` in ``rows``, in one query."""
    role = _role_of(actor)
    events = [
        _event(
            actor=actor,
            organisation=organisation,
            action=action,
            object_type=object_type,
            object_id=object_id,
            household_id=household_id,
            outcome=outcome,
            role=role,
            extra=extra,
        )
        for object_type, object_id, household_id in rows
    ]
    return _write(events) if events else []


def audit_record(
    *, actor, organisation, action: AuditAction, obj: models.Model | None, **extra: str | int | None
) -> AuditEvent:
    """Record one event. Call inside the same transaction as the write it describes, and before a page
    shows what it read.

    ``action`` is a member of ``AuditAction`` (codes like ``plan.read``); ``extra`` may carry ids and codes,
    never names or free text (both are checked: an unknown action or a text with spaces raises ValueError).
    ``obj`` is None only for an event without an object, such as a failed sign-in for an unknown address
    (the typed address is never stored). The household of ``obj``, the actor's role, the processing activity
    and the request id are filled in here.
    """
    row = (obj._meta.label_lower, obj.pk, _subject_of(obj)) if obj is not None else ("", "", None)
    (event,) = _record(actor=actor, organisation=organisation, action=action, rows=[row], extra=extra)
    return event


def audit_record_many(
    *, actor, organisation, action: AuditAction, objects: Iterable[models.Model], **extra: str | int | None
) -> int:
    """One row per object shown (a list or inbox row per household), written in one query. Returns the count."""
    rows = [(obj._meta.label_lower, obj.pk, _subject_of(obj)) for obj in objects]
    return len(_record(actor=actor, organisation=organisation, action=action, rows=rows, extra=extra))


def audit_record_subjects(
    *, actor, organisation, action: AuditAction, household_ids: Iterable, **extra: str | int | None
) -> int:
    """One row per household id (for what shows households by id only, such as an export of the log itself),
    in one query. Returns the count."""
    rows = [(HOUSEHOLD_LABEL, household_id, household_id) for household_id in household_ids]
    return len(_record(actor=actor, organisation=organisation, action=action, rows=rows, extra=extra))


def audit_record_refused(
    *, actor, organisation, object_type: str, object_id, household_id=None, **extra: str | int | None
) -> AuditEvent:
    """A refused attempt (403 or 404) on an object: who tried, which object id; outcome "geweigerd"."""
    (event,) = _record(
        actor=actor,
        organisation=organisation,
        action=AuditAction.ACCESS_REFUSED,
        rows=[(object_type, object_id, household_id)],
        outcome=AuditOutcome.REFUSED,
        extra=extra,
    )
    return event


@contextmanager
def _retention_gate():
    """Inside a transaction, let the append-only trigger accept DELETE; closed again before the block ends.

    PostgreSQL: the transaction-local setting ``doorbraak.retention``; SQLite has no session settings, so a
    row in ``audit_retention_gate`` that no other connection can see before the transaction commits (and it
    is gone by then). See migration 0005.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT set_config('doorbraak.retention', 'on', true)")
        else:
            cursor.execute("INSERT INTO audit_retention_gate (opened) VALUES (1)")
        try:
            yield
        finally:
            if connection.vendor == "postgresql":
                cursor.execute("SELECT set_config('doorbraak.retention', 'off', true)")
            else:
                cursor.execute("DELETE FROM audit_retention_gate")


@transaction.atomic
def purge_events_before(*, organisation, before) -> int:
    """Delete this organisation's log rows older than ``before`` (an aware datetime); returns how many.

    The only delete the append-only trigger lets through; meant for the retention job.
    """
    with _retention_gate():
        deleted, _ = AuditEvent.objects.filter(organisation=organisation, at__lt=before).delete()
    return deleted


def processing_activities_seed(*, organisation) -> int:
    """Give a municipality the default register of processing activities (the codes it lacks); returns how many."""
    have = set(ProcessingActivity.objects.filter(organisation=organisation).values_list("code", flat=True))
    missing = [
        ProcessingActivity(organisation=organisation, code=code, purpose=str(purpose), legal_basis=str(basis))
        for code, (purpose, basis) in DEFAULT_ACTIVITIES.items()
        if code not in have
    ]
    ProcessingActivity.objects.bulk_create(missing)
    return len(missing)
