"""Writes to plans. Each function is one transaction that also writes its audit event."""

import uuid
from datetime import date

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record, audit_record_many, audit_record_subjects
from doorbraak.core.exceptions import ConflictError, TransitionError

from .constants import PlanStatus
from .models import Helper, Need, Plan, StatusChange, Step, Tag
from .workflow import BLOCK1_EDITABLE, STEPS_EDITABLE, can_transition

# The plan's text sections and the fields each one saves together.
SECTIONS: dict[str, tuple[str, ...]] = {
    "situation": ("situation",),
    "perspective": ("perspective", "perspective_target_date"),
    "breakthrough": (
        "breakthrough_description",
        "breakthrough_obstacle",
        "breakthrough_exception",
        "breakthrough_grantor",
    ),
}

ITEM_MODELS: dict[str, type[models.Model]] = {"helper": Helper, "need": Need, "step": Step}


def default_target_date(organisation, today: date | None = None) -> date:
    today = today or timezone.localdate()
    return today + relativedelta(months=organisation.plan_horizon_months)


def _locked(plan: Plan) -> Plan:
    """Re-read the plan with a row lock so a version check and its write cannot interleave."""
    return Plan.objects.select_for_update().get(pk=plan.pk)


def _touch(plan: Plan, now=None) -> list[str]:
    """Count an edit happening now in the time-to-plan of ``plan`` (a row already locked); returns the fields
    changed. Only edits before submission count: once a plan is submitted its figure stands (an edit of a later
    status, e.g. a step during execution, changes nothing). A gap between two edits counts as active editing time
    when it is at most ``ACTIVE_EDITING_IDLE_SECONDS``; a longer pause is left out altogether."""
    if plan.status != PlanStatus.CONCEPT:
        return []
    now = now or timezone.now()
    if plan.first_edited_at is None:
        plan.first_edited_at = now
    elif plan.last_edited_at is not None:
        gap = (now - plan.last_edited_at).total_seconds()
        if 0 < gap <= settings.ACTIVE_EDITING_IDLE_SECONDS:
            plan.active_editing_seconds += int(gap)
    plan.last_edited_at = now
    return ["first_edited_at", "last_edited_at", "active_editing_seconds"]


@transaction.atomic
def plan_record_edit(*, plan: Plan) -> None:
    """An edit on another side of the plan (legitimacy, return, engagement) happened now: count it in the plan's
    active editing time, the same way as an edit of block 1. The other apps' write services call this in their
    own transaction, after their write."""
    locked = _locked(plan)
    fields = _touch(locked)
    if fields:
        locked.save(update_fields=fields)


def _require_editable(plan: Plan, allowed: frozenset[str]) -> None:
    if plan.status not in allowed:
        raise ValidationError(
            _("Dit plan heeft de status '%(status)s' en kan in dit onderdeel niet meer worden gewijzigd.")
            % {"status": plan.get_status_display()}
        )


@transaction.atomic
def plan_create(*, actor, household, team=None, creation_token: uuid.UUID | None = None) -> Plan:
    if creation_token:
        existing = Plan.objects.filter(creation_token=creation_token, organisation=household.organisation).first()
        if existing:
            return existing
    plan = Plan(
        organisation=household.organisation,
        household=household,
        team=team or household.team,
        owner=actor,
        creation_token=creation_token,
        perspective_target_date=default_target_date(household.organisation),
    )
    plan.full_clean()
    plan.save()
    audit_record(
        actor=actor,
        organisation=plan.organisation,
        action=AuditAction.PLAN_CREATE,
        obj=plan,
        household=str(household.pk),
    )
    return plan


@transaction.atomic
def plan_update_section(*, actor, plan: Plan, section: str, data: dict, version: int) -> Plan:
    """Save one text section if ``version`` is still the stored one; otherwise raise ConflictError
    with the stored text so the user can compare. Nothing is ever overwritten silently."""
    fields = SECTIONS[section]
    version_field = f"{section}_version"
    plan = _locked(plan)
    _require_editable(plan, BLOCK1_EDITABLE)
    stored_version = getattr(plan, version_field)
    if version != stored_version:
        raise ConflictError({f: getattr(plan, f) for f in fields}, stored_version)
    changed = [f for f in fields if getattr(plan, f) != data[f]]
    if not changed:
        return plan
    for f in fields:
        setattr(plan, f, data[f])
    setattr(plan, version_field, stored_version + 1)
    plan.full_clean()
    plan.save(update_fields=[*fields, version_field, *_touch(plan)])
    audit_record(actor=actor, organisation=plan.organisation, action=AuditAction.PLAN_UPDATE, obj=plan, section=section)
    return plan


@transaction.atomic
def plan_set_tags(*, actor, plan: Plan, tags: list[Tag], version: int) -> Plan:
    plan = _locked(plan)
    _require_editable(plan, BLOCK1_EDITABLE)
    if version != plan.tags_version:
        raise ConflictError({"tags": list(plan.tags.all())}, plan.tags_version)
    plan.tags.set(tags)
    plan.tags_version += 1
    plan.save(update_fields=["tags_version", *_touch(plan)])
    audit_record(actor=actor, organisation=plan.organisation, action=AuditAction.PLAN_UPDATE, obj=plan, section="tags")
    return plan


def _item_allowed_statuses(kind: str) -> frozenset[str]:
    return STEPS_EDITABLE if kind == "step" else BLOCK1_EDITABLE


@transaction.atomic
def plan_item_add(
    *, actor, plan: Plan, kind: str, data: dict, creation_token: uuid.UUID | None = None, from_template: bool = False
):
    """Add a helper, need or step. A repeated submit with the same token adds nothing twice. ``from_template``
    marks an item copied from a plan template (doorbraak.prefab) until someone edits it."""
    model = ITEM_MODELS[kind]
    if creation_token:
        existing = model.objects.filter(creation_token=creation_token, plan=plan).first()
        if existing:
            return existing
    plan = _locked(plan)
    _require_editable(plan, _item_allowed_statuses(kind))
    item = model(plan=plan, creation_token=creation_token, from_template=from_template, **data)
    item.full_clean()
    item.save()
    plan.save(update_fields=_touch(plan))
    audit_record(
        actor=actor,
        organisation=plan.organisation,
        action=AuditAction.PLAN_UPDATE,
        obj=plan,
        section=kind,
        item=item.pk,
        op="add",
    )
    return item


@transaction.atomic
def plan_item_update(*, actor, item, data: dict, version: int):
    kind = _kind_of(item)
    plan = _locked(item.plan)
    _require_editable(plan, _item_allowed_statuses(kind))
    item = type(item).objects.select_for_update().get(pk=item.pk)
    if version != item.version:
        raise ConflictError({f: getattr(item, f) for f in data}, item.version)
    for f, value in data.items():
        setattr(item, f, value)
    item.from_template = False  # edited: no longer the template's text
    item.version += 1
    item.full_clean()
    item.save()
    plan.save(update_fields=_touch(plan))
    audit_record(
        actor=actor,
        organisation=plan.organisation,
        action=AuditAction.PLAN_UPDATE,
        obj=plan,
        section=kind,
        item=item.pk,
        op="update",
    )
    return item


@transaction.atomic
def plan_item_delete(*, actor, item, version: int) -> None:
    kind = _kind_of(item)
    plan = _locked(item.plan)
    _require_editable(plan, _item_allowed_statuses(kind))
    stored = type(item).objects.filter(pk=item.pk).first()
    if stored is None:
        return  # already removed (double submit)
    if version != stored.version:
        raise ConflictError({"version": stored.version}, stored.version)
    item_pk = stored.pk
    stored.delete()
    plan.save(update_fields=_touch(plan))
    audit_record(
        actor=actor,
        organisation=plan.organisation,
        action=AuditAction.PLAN_UPDATE,
        obj=plan,
        section=kind,
        item=item_pk,
        op="delete",
    )


def _kind_of(item) -> str:
    for kind, model in ITEM_MODELS.items():
        if isinstance(item, model):
            return kind
    raise TypeError(type(item))


@transaction.atomic
def plan_transition(*, actor, plan: Plan, to_status: str, reason: str = "") -> Plan:
    """Move a plan along the workflow; illegal moves raise TransitionError with a Dutch message."""
    plan = _locked(plan)
    if not can_transition(plan.status, to_status):
        raise TransitionError(
            _("Een plan met status '%(from)s' kan niet naar '%(to)s'.")
            % {"from": plan.get_status_display(), "to": PlanStatus(to_status).label}
        )
    if to_status == PlanStatus.REJECTED and not reason.strip():
        raise TransitionError(_("Geef de reden van de afwijzing: ook 'nee' wordt met een reden vastgelegd."))
    if to_status == PlanStatus.SUBMITTED and not plan.has_breakthrough:
        raise TransitionError(_("Beschrijf eerst de doorbraak voordat u het plan indient."))
    from_status = plan.status
    plan.status = to_status
    fields = ["status"]
    if to_status == PlanStatus.SUBMITTED:
        plan.submitted_at = timezone.now()
        plan.submitted_editing_seconds = plan.active_editing_seconds  # the time-to-plan as it was submitted
        fields += ["submitted_at", "submitted_editing_seconds"]
    plan.save(update_fields=fields)
    StatusChange.objects.create(plan=plan, from_status=from_status, to_status=to_status, actor=actor, reason=reason)
    audit_record(
        actor=actor,
        organisation=plan.organisation,
        action=AuditAction.PLAN_STATUS,
        obj=plan,
        from_status=from_status,
        to_status=to_status,
    )
    return plan


def plan_record_read(*, actor, plan: Plan) -> None:
    """Log that a user viewed a plan (personal data)."""
    audit_record(actor=actor, organisation=plan.organisation, action=AuditAction.PLAN_READ, obj=plan)


def plans_record_shown(*, actor, organisation, plans, action: AuditAction = AuditAction.PLAN_LISTED) -> int:
    """Log the households a list or inbox shows: one row per plan (so per household), in one query, before
    the page is rendered (if the log cannot be written, the list is not shown)."""
    shown = list({plan.pk: plan for plan in plans}.values())
    return audit_record_many(actor=actor, organisation=organisation, action=action, objects=shown)


@transaction.atomic
def tag_create(*, actor, kind: str, code: str, label: str, life_domain: str = "") -> Tag:
    """The national admin extends the controlled vocabulary (national: no organisation)."""
    tag = Tag(kind=kind, code=code, label=label, life_domain=life_domain)
    tag.full_clean()
    tag.save()
    audit_record(actor=actor, organisation=None, action=AuditAction.TAG_CREATE, obj=tag, kind=kind, code=code)
    return tag


@transaction.atomic
def tag_set_active(*, actor, tag: Tag, is_active: bool) -> Tag:
    """Deactivate (or reactivate) a tag. Plans keep the tags they carry; new plans cannot pick it."""
    if tag.is_active != is_active:
        tag.is_active = is_active
        tag.save(update_fields=["is_active"])
        audit_record(
            actor=actor, organisation=None, action=AuditAction.TAG_UPDATE, obj=tag, code=tag.code, active=int(is_active)
        )
    return tag


# --- the processing log: reading it is processing too --------------------------------------------------------


def household_log_record_read(*, actor, household) -> None:
    """Log that someone opened "Wie heeft dit dossier ingezien?" for this household."""
    audit_record(actor=actor, organisation=household.organisation, action=AuditAction.LOG_READ, obj=household)


@transaction.atomic
def log_export_record(*, actor, organisation, household_ids, since: date, until: date) -> int:
    """Log an export of the processing log: one row per household in it, and one for the export itself."""
    count = audit_record_subjects(
        actor=actor,
        organisation=organisation,
        action=AuditAction.LOG_EXPORT,
        household_ids=household_ids,
        since=since.isoformat(),
        until=until.isoformat(),
    )
    audit_record(
        actor=actor,
        organisation=organisation,
        action=AuditAction.LOG_EXPORT,
        obj=organisation,
        since=since.isoformat(),
        until=until.isoformat(),
        households=count,
    )
    return count
