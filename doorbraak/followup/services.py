"""Writes for follow-up: the escalation matrix, decisions, actions, evaluations and sharing consent.

Each function is one transaction that writes its audit event (ids and codes only)."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record
from doorbraak.core.exceptions import ConflictError, TransitionError
from doorbraak.engagement.selectors import submission_blockers
from doorbraak.engagement.services import engagement_record_scores
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.models import Plan
from doorbraak.plans.selectors import may_request_transition
from doorbraak.plans.services import plan_transition

from .constants import DEFAULT_LEVELS, EVALUATION_MONTHS, ActionState, BreakthroughOutcome, DecisionState
from .models import ContactPerson, DecisionRequest, EscalationLevel, Evaluation, FollowUpAction, SharingConsent
from .notifications import notify
from .selectors import (
    action_owner_candidates,
    deciders_for,
    escalation_levels,
    evaluation_is_due,
    is_decider,
    level_candidates,
    plan_involved_user_ids,
)

# --- escalation matrix -----------------------------------------------------------------------------------------


def _check_deciders(organisation, decider_role: str, deciders) -> list:
    deciders = list(deciders or [])
    for user in deciders:
        membership = getattr(user, "membership", None)
        if membership is None or membership.organisation_id != organisation.pk or membership.role != decider_role:
            raise ValidationError(
                {"deciders": _("Kies alleen personen uit uw eigen organisatie met de rol van dit niveau.")}
            )
    return deciders


@transaction.atomic
def escalation_level_create(*, actor, organisation, name: str, decider_role: str, deciders=()) -> EscalationLevel:
    last = EscalationLevel.objects.filter(organisation=organisation).aggregate(m=Max("position"))["m"] or 0
    level = EscalationLevel(organisation=organisation, position=last + 1, name=name, decider_role=decider_role)
    level.full_clean()
    deciders = _check_deciders(organisation, decider_role, deciders)
    level.save()
    level.deciders.set(deciders)
    audit_record(actor=actor, organisation=organisation, action=AuditAction.ESCALATION_LEVEL_CREATE, obj=level)
    return level


@transaction.atomic
def escalation_level_update(*, actor, level: EscalationLevel, name: str, decider_role: str, deciders=()):
    level.name = name
    level.decider_role = decider_role
    level.full_clean()
    deciders = _check_deciders(level.organisation, decider_role, deciders)
    level.save()
    level.deciders.set(deciders)
    audit_record(actor=actor, organisation=level.organisation, action=AuditAction.ESCALATION_LEVEL_UPDATE, obj=level)
    return level


def _renumber(organisation) -> None:
    levels = list(EscalationLevel.objects.select_for_update().filter(organisation=organisation).order_by("position"))
    # Two passes so the unique (organisation, position) constraint holds at every step.
    offset = len(levels) + 1000
    for index, level in enumerate(levels, start=1):
        EscalationLevel.objects.filter(pk=level.pk).update(position=index + offset)
    for index, level in enumerate(levels, start=1):
        EscalationLevel.objects.filter(pk=level.pk).update(position=index)


@transaction.atomic
def escalation_level_move(*, actor, level: EscalationLevel, up: bool) -> None:
    organisation = level.organisation
    levels = list(EscalationLevel.objects.select_for_update().filter(organisation=organisation).order_by("position"))
    ids = [lv.pk for lv in levels]
    index = ids.index(level.pk)
    other = index - 1 if up else index + 1
    if other < 0 or other >= len(ids):
        return
    ids[index], ids[other] = ids[other], ids[index]
    offset = len(ids) + 1000
    for position, pk in enumerate(ids, start=1):
        EscalationLevel.objects.filter(pk=pk).update(position=position + offset)
    for position, pk in enumerate(ids, start=1):
        EscalationLevel.objects.filter(pk=pk).update(position=position)
    audit_record(actor=actor, organisation=organisation, action=AuditAction.ESCALATION_LEVEL_MOVE, obj=level)


@transaction.atomic
def escalation_level_delete(*, actor, level: EscalationLevel) -> None:
    if DecisionRequest.objects.filter(level=level).exists():
        raise ValidationError(_("Op dit niveau zijn al besluiten gevraagd; het kan niet meer worden verwijderd."))
    organisation = level.organisation
    audit_record(actor=actor, organisation=organisation, action=AuditAction.ESCALATION_LEVEL_DELETE, obj=level)
    level.delete()
    _renumber(organisation)


@transaction.atomic
def escalation_matrix_seed_defaults(*, actor, organisation) -> list[EscalationLevel]:
    """Give an organisation without a matrix the usual one: team lead → Doorbraakteam → manager →
    administrator. Does nothing when levels exist already."""
    existing = list(escalation_levels(organisation=organisation))
    if existing:
        return existing
    levels = []
    for position, (name, role) in enumerate(DEFAULT_LEVELS, start=1):
        level = EscalationLevel(organisation=organisation, position=position, name=str(name), decider_role=role)
        level.full_clean()
        level.save()
        levels.append(level)
    audit_record(actor=actor, organisation=organisation, action=AuditAction.ESCALATION_LEVEL_SEED, obj=organisation)
    return levels


# --- contact persons -------------------------------------------------------------------------------------------

CONTACT_FIELDS = ("domain", "user", "partner_organisation", "function", "email", "is_active")


def _check_contact_user(contact: ContactPerson) -> None:
    if contact.user_id:
        membership = getattr(contact.user, "membership", None)
        if membership is None or membership.organisation_id != contact.organisation_id:
            raise ValidationError({"user": _("Kies een collega uit uw eigen organisatie.")})


@transaction.atomic
def contact_create(*, actor, organisation, data: dict) -> ContactPerson:
    contact = ContactPerson(organisation=organisation, **{k: v for k, v in data.items() if k in CONTACT_FIELDS})
    _check_contact_user(contact)
    contact.full_clean()
    contact.save()
    audit_record(
        actor=actor, organisation=organisation, action=AuditAction.CONTACT_CREATE, obj=contact, domain=contact.domain
    )
    return contact


@transaction.atomic
def contact_update(*, actor, contact: ContactPerson, data: dict) -> ContactPerson:
    for key, value in data.items():
        if key in CONTACT_FIELDS:
            setattr(contact, key, value)
    _check_contact_user(contact)
    contact.full_clean()
    contact.save()
    audit_record(actor=actor, organisation=contact.organisation, action=AuditAction.CONTACT_UPDATE, obj=contact)
    return contact


# --- submitting and deciding -----------------------------------------------------------------------------------


SKIPPED_FOUR_EYES = _lazy(
    "Overgeslagen (vier ogen): wie op dit niveau besluit, is zelf eigenaar, indiener of bewerker van dit plan. "
    "Het plan gaat naar het volgende niveau."
)
SKIPPED_NOBODY = _lazy("Overgeslagen: op dit niveau is niemand die over dit plan kan besluiten.")


def _open_at_first_level_with_deciders(*, actor, plan: Plan, levels: list[EscalationLevel], note: str):
    """Open the request at the first of ``levels`` where someone may decide about this plan (four eyes included);
    every level passed over is recorded as skipped, with the reason. When nobody can decide at any of them, the
    request opens at the first (as before: the matrix needs fixing, not the plan)."""
    involved = plan_involved_user_ids(plan=plan)
    target = next(
        (level for level in levels if any(u.pk not in involved for u in level_candidates(level=level, plan=plan))),
        None,
    )
    if target is None:
        return _open_request(actor=actor, plan=plan, level=levels[0], note=note)
    now = timezone.now()
    for level in levels[: levels.index(target)]:
        reason = SKIPPED_FOUR_EYES if level_candidates(level=level, plan=plan) else SKIPPED_NOBODY
        skipped = DecisionRequest.objects.create(
            organisation=plan.organisation,
            plan=plan,
            level=level,
            state=DecisionState.SKIPPED,
            opened_by=actor,
            opened_at=now,
            decided_at=now,
            reason=str(reason),
        )
        audit_record(
            actor=actor,
            organisation=plan.organisation,
            action=AuditAction.DECISION_SKIP,
            obj=plan,
            request=skipped.pk,
            level=level.position,
        )
    return _open_request(actor=actor, plan=plan, level=target, note=note)


# The section code of a read of the basis page (audit ``extra``), next to plan.read of the follow-up page.
BASIS_SECTION = "basis"


@transaction.atomic
def basis_record_read(*, actor, plan: Plan, request: DecisionRequest | None = None) -> None:
    """Log that ``actor`` read the plan's basis (personal data): the plan itself and its legal side, with the
    decision request they read it for (None: they see the plan anyway, e.g. its owner)."""
    extra = {"section": BASIS_SECTION, "request": request.pk if request is not None else None}
    audit_record(actor=actor, organisation=plan.organisation, action=AuditAction.PLAN_READ, obj=plan, **extra)
    audit_record(actor=actor, organisation=plan.organisation, action=AuditAction.LEGAL_READ, obj=plan, **extra)


@transaction.atomic
def plan_submit(*, actor, plan: Plan) -> DecisionRequest:
    """Submit a plan: check the value triangle, move it to SUBMITTED and put it before the first level of the
    escalation matrix (the default matrix is created if the municipality has none yet).

    The one permission rule for submitting, wherever the request comes from: the user may ask for this status
    move (the plan's owner, or the team lead of its team; the same rule that offers the button), else 403."""
    if not may_request_transition(user=actor, plan=plan, to_status=PlanStatus.SUBMITTED):
        raise PermissionDenied
    blockers = [str(b) for b in submission_blockers(plan=plan)]
    if blockers:
        raise TransitionError(blockers)
    plan = plan_transition(actor=actor, plan=plan, to_status=PlanStatus.SUBMITTED)
    # A request left open by an earlier round (plan withdrawn to concept) lapses.
    DecisionRequest.objects.filter(plan=plan, state=DecisionState.OPEN).update(
        state=DecisionState.WITHDRAWN, decided_at=timezone.now()
    )
    levels = list(escalation_levels(organisation=plan.organisation))
    if not levels:
        levels = escalation_matrix_seed_defaults(actor=actor, organisation=plan.organisation)
    return _open_at_first_level_with_deciders(actor=actor, plan=plan, levels=levels, note="")


def _open_request(*, actor, plan: Plan, level: EscalationLevel, note: str) -> DecisionRequest:
    request = DecisionRequest(
        organisation=plan.organisation, plan=plan, level=level, opened_by=actor, opened_at=timezone.now(), note=note
    )
    request.full_clean()
    request.save()
    audit_record(
        actor=actor,
        organisation=plan.organisation,
        action=AuditAction.DECISION_REQUEST,
        obj=plan,
        request=request.pk,
        level=level.position,
    )
    notify(
        recipients=deciders_for(level=level, plan=plan),
        plan=plan,
        subject=_("Besluit gevraagd over plan %(reference)s"),
        message=_("Er wacht een plan op uw besluit: %(reference)s."),
    )
    return request


def _locked_open_request(request: DecisionRequest) -> DecisionRequest:
    request = DecisionRequest.objects.select_for_update().select_related("level", "plan").get(pk=request.pk)
    if request.state != DecisionState.OPEN or request.plan.status != PlanStatus.SUBMITTED:
        raise TransitionError(_("Over dit plan is op dit niveau al besloten."))
    return request


def _open_request_for_decider(request: DecisionRequest, *, actor) -> DecisionRequest:
    """The request, locked and still open, if ``actor`` decides at its level (403 otherwise)."""
    request = _locked_open_request(request)
    if not is_decider(user=actor, level=request.level, plan=request.plan):
        raise PermissionDenied
    return request


def _close(request: DecisionRequest, *, actor, state: str, reason: str) -> None:
    request.state = state
    request.decided_by = actor
    request.decided_at = timezone.now()
    request.reason = reason
    request.save(update_fields=["state", "decided_by", "decided_at", "reason"])


@transaction.atomic
def decision_approve(*, actor, request: DecisionRequest, reason: str = "") -> DecisionRequest:
    request = _open_request_for_decider(request, actor=actor)
    plan = request.plan
    plan = plan_transition(actor=actor, plan=plan, to_status=PlanStatus.APPROVED, reason=reason.strip())
    _close(request, actor=actor, state=DecisionState.APPROVED, reason=reason.strip())
    evaluations_schedule(actor=actor, plan=plan, approved_on=timezone.localdate())
    audit_record(
        actor=actor, organisation=plan.organisation, action=AuditAction.DECISION_APPROVE, obj=plan, request=request.pk
    )
    notify(
        recipients=[plan.owner],
        plan=plan,
        subject=_("Plan %(reference)s is goedgekeurd"),
        message=_("Over plan %(reference)s is besloten: goedgekeurd."),
    )
    return request


@transaction.atomic
def decision_reject(*, actor, request: DecisionRequest, reason: str) -> DecisionRequest:
    """'No' is a valid answer, but only with its reason."""
    if not (reason or "").strip():
        raise TransitionError(_("Geef de reden van de afwijzing: ook 'nee' wordt met een reden vastgelegd."))
    request = _open_request_for_decider(request, actor=actor)
    plan = request.plan
    plan = plan_transition(actor=actor, plan=plan, to_status=PlanStatus.REJECTED, reason=reason.strip())
    _close(request, actor=actor, state=DecisionState.REJECTED, reason=reason.strip())
    audit_record(
        actor=actor, organisation=plan.organisation, action=AuditAction.DECISION_REJECT, obj=plan, request=request.pk
    )
    notify(
        recipients=[plan.owner],
        plan=plan,
        subject=_("Plan %(reference)s is afgewezen"),
        message=_("Over plan %(reference)s is besloten: afgewezen. De reden staat bij het plan."),
    )
    return request


@transaction.atomic
def decision_escalate(*, actor, request: DecisionRequest, note: str) -> DecisionRequest:
    """Pass the plan on to the next level of the matrix, with a note why. Returns the new request."""
    if not (note or "").strip():
        raise TransitionError(_("Geef een toelichting: waarom legt u het plan voor aan het volgende niveau?"))
    request = _open_request_for_decider(request, actor=actor)
    plan = request.plan
    following = list(escalation_levels(organisation=plan.organisation).filter(position__gt=request.level.position))
    if not following:
        raise TransitionError(
            _(
                "Dit is het hoogste niveau van de escalatiematrix: hier moet worden besloten. Daarna kan het "
                "huishouden nog terecht bij het Landelijk Maatwerkloket."
            )
        )
    _close(request, actor=actor, state=DecisionState.ESCALATED, reason=note.strip())
    audit_record(
        actor=actor, organisation=plan.organisation, action=AuditAction.DECISION_ESCALATE, obj=plan, request=request.pk
    )
    return _open_at_first_level_with_deciders(actor=actor, plan=plan, levels=following, note=note.strip())


# --- follow-up actions -----------------------------------------------------------------------------------------


@transaction.atomic
def action_create(*, actor, plan: Plan, description: str, owner, due_date: date) -> FollowUpAction:
    if owner is None or not action_owner_candidates(plan=plan).filter(pk=owner.pk).exists():
        raise ValidationError({"owner": _("Kies bij 'Wie' iemand uit het team van dit plan of het Doorbraakteam.")})
    action = FollowUpAction(
        organisation=plan.organisation,
        plan=plan,
        description=description.strip(),
        owner=owner,
        due_date=due_date,
        created_by=actor,
        created_at=timezone.now(),
    )
    action.full_clean()
    action.save()
    audit_record(
        actor=actor, organisation=plan.organisation, action=AuditAction.ACTION_CREATE, obj=plan, item=action.pk
    )
    if owner != actor:
        notify(
            recipients=[owner],
            plan=plan,
            subject=_("Nieuwe vervolgactie bij plan %(reference)s"),
            message=_("U bent eigenaar van een vervolgactie bij plan %(reference)s."),
        )
    return action


@transaction.atomic
def action_set_state(*, actor, action: FollowUpAction, state: str) -> FollowUpAction:
    action = FollowUpAction.objects.select_for_update().get(pk=action.pk)
    if state not in ActionState.values:
        raise ValidationError(_("Onbekende stand."))
    if action.state == state:
        return action
    action.state = state
    action.closed_at = None if state == ActionState.OPEN else timezone.now()
    action.save(update_fields=["state", "closed_at"])
    audit_record(
        actor=actor,
        organisation=action.organisation,
        action=AuditAction.ACTION_STATE,
        obj=action.plan,
        item=action.pk,
        state=state,
    )
    return action


# --- evaluations -----------------------------------------------------------------------------------------------


@transaction.atomic
def evaluations_schedule(*, actor, plan: Plan, approved_on: date) -> list[Evaluation]:
    """Plan the 6- and 12-month evaluations after approval (idempotent)."""
    created = []
    for months in EVALUATION_MONTHS:
        evaluation, was_created = Evaluation.objects.get_or_create(
            plan=plan,
            months=months,
            defaults={"organisation": plan.organisation, "due_on": approved_on + relativedelta(months=months)},
        )
        if was_created:
            created.append(evaluation)
    if created:
        audit_record(actor=actor, organisation=plan.organisation, action=AuditAction.EVALUATION_SCHEDULE, obj=plan)
    return created


EXPLANATION_REQUIRED = _lazy("Beschrijf kort wat er echt is gebeurd.")
EVALUABLE = {PlanStatus.APPROVED, PlanStatus.IN_PROGRESS, PlanStatus.EVALUATED}


def _record_realised_scores(*, actor, plan: Plan, evaluation: Evaluation, scores: dict) -> None:
    engagement_record_scores(
        actor=actor, plan=plan, measurement="realised", scores=scores, reference=f"evaluation-{evaluation.months}"
    )


@transaction.atomic
def evaluation_save_draft(*, actor, evaluation: Evaluation, explanation: str, breakthrough_achieved: str, version: int):
    """Autosave of an evaluation being written: the text (and the outcome, if chosen) are stored before the
    evaluation is recorded, if ``version`` is still the stored one. Recording stays a separate, final step."""
    stored = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    if stored.is_recorded:
        raise ValidationError(_("Deze evaluatie is al vastgelegd."))
    if stored.version != version:
        raise ConflictError(
            {"explanation": stored.explanation, "breakthrough_achieved": stored.breakthrough_achieved}, stored.version
        )
    if not explanation.strip():
        raise ValidationError({"explanation": EXPLANATION_REQUIRED})
    if (stored.explanation, stored.breakthrough_achieved) == (explanation, breakthrough_achieved):
        return stored
    stored.explanation, stored.breakthrough_achieved = explanation, breakthrough_achieved
    stored.version += 1
    stored.full_clean()
    stored.save(update_fields=["explanation", "breakthrough_achieved", "version"])
    audit_record(
        actor=actor,
        organisation=stored.organisation,
        action=AuditAction.EVALUATION_DRAFT,
        obj=stored.plan,
        evaluation=stored.pk,
    )
    return stored


@transaction.atomic
def evaluation_record(
    *,
    actor,
    evaluation: Evaluation,
    breakthrough_achieved: str,
    explanation: str,
    scores: dict | None = None,
    today: date | None = None,
) -> Evaluation:
    """Record what actually happened. The plan moves to EVALUATED: an approved plan that was never started
    is started first (approved → in progress → evaluated); a plan evaluated before stays evaluated."""
    evaluation = Evaluation.objects.select_for_update().select_related("plan").get(pk=evaluation.pk)
    plan = evaluation.plan
    if evaluation.is_recorded:
        raise ValidationError(_("Deze evaluatie is al vastgelegd."))
    if not evaluation_is_due(evaluation, today):
        raise ValidationError(
            _("Deze evaluatie staat gepland op %(date)s en kan pas vanaf die datum worden vastgelegd.")
            % {"date": evaluation.due_on.strftime("%d-%m-%Y")}
        )
    if plan.status not in EVALUABLE:
        raise TransitionError(
            _("Een plan met status '%(status)s' kan niet worden geëvalueerd.") % {"status": plan.get_status_display()}
        )
    if breakthrough_achieved not in BreakthroughOutcome.values:
        raise ValidationError({"breakthrough_achieved": _("Geef aan of de doorbraak is gelukt.")})
    if not (explanation or "").strip():
        raise ValidationError({"explanation": EXPLANATION_REQUIRED})
    evaluation.breakthrough_achieved = breakthrough_achieved
    evaluation.explanation = explanation.strip()
    evaluation.recorded_at = timezone.now()
    evaluation.recorded_by = actor
    evaluation.full_clean()
    evaluation.save()
    if scores and any(v is not None for v in scores.values()):
        _record_realised_scores(actor=actor, plan=plan, evaluation=evaluation, scores=scores)
    if plan.status == PlanStatus.APPROVED:
        plan = plan_transition(
            actor=actor, plan=plan, to_status=PlanStatus.IN_PROGRESS, reason=_("Gestart bij de eerste evaluatie.")
        )
    if plan.status == PlanStatus.IN_PROGRESS:
        plan = plan_transition(actor=actor, plan=plan, to_status=PlanStatus.EVALUATED)
    audit_record(
        actor=actor,
        organisation=plan.organisation,
        action=AuditAction.EVALUATION_RECORD,
        obj=plan,
        item=evaluation.pk,
        outcome=breakthrough_achieved,
    )
    return evaluation


# --- consent to share ------------------------------------------------------------------------------------------


@transaction.atomic
def consent_record(
    *, actor, plan: Plan, partner: ContactPerson, parts: list[str], given_on: date, valid_until: date
) -> SharingConsent:
    if partner.organisation_id != plan.organisation_id:
        raise ValidationError({"partner": _("Kies een partner van uw eigen organisatie.")})
    consent = SharingConsent(
        organisation=plan.organisation,
        household=plan.household,
        partner=partner,
        parts=sorted(set(parts)),
        given_on=given_on,
        valid_until=valid_until,
        recorded_by=actor,
        recorded_at=timezone.now(),
    )
    consent.full_clean()
    consent.save()
    audit_record(
        actor=actor,
        organisation=plan.organisation,
        action=AuditAction.CONSENT_SHARE_RECORD,
        obj=plan.household,
        consent=consent.pk,
        partner=partner.pk,
    )
    return consent


@transaction.atomic
def consent_withdraw(*, actor, consent: SharingConsent, on: date | None = None) -> SharingConsent:
    consent = SharingConsent.objects.select_for_update().get(pk=consent.pk)
    if consent.withdrawn_on is not None:
        return consent
    consent.withdrawn_on = on or timezone.localdate()
    consent.withdrawn_by = actor
    consent.save(update_fields=["withdrawn_on", "withdrawn_by"])
    audit_record(
        actor=actor,
        organisation=consent.organisation,
        action=AuditAction.CONSENT_SHARE_WITHDRAW,
        obj=consent.household,
        consent=consent.pk,
    )
    return consent
