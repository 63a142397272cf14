"""Writes to the engagement side of a plan. Each function is one transaction with its audit event.

Permission checks happen in the views (``plan_for_editing``) or in the calling service of another app.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record
from doorbraak.core.exceptions import ConflictError
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.models import Plan
from doorbraak.plans.services import plan_record_edit

from .constants import SCORE_MAX, SCORE_MIN, HealthDimension, Measurement
from .models import Engagement, HealthScoreSet

TEXT_FIELDS = ("own_words", "goals", "motivation")

# The household's view and the forecast belong to the substantiation of a draft plan; realised scores
# are recorded in evaluations, after a decision.
FORECAST_EDITABLE = frozenset({PlanStatus.CONCEPT})
REALISED_RECORDABLE = frozenset({PlanStatus.APPROVED, PlanStatus.IN_PROGRESS, PlanStatus.EVALUATED, PlanStatus.CLOSED})


def _locked(plan: Plan) -> Plan:
    return Plan.objects.select_for_update().get(pk=plan.pk)


def _require_status(plan: Plan, measurement: str) -> None:
    allowed = REALISED_RECORDABLE if measurement == Measurement.REALISED else FORECAST_EDITABLE
    if plan.status not in allowed:
        if measurement == Measurement.REALISED:
            message = _("Gerealiseerde scores worden pas vastgelegd nadat over het plan is besloten.")
        else:
            message = _(
                "Dit plan heeft de status '%(status)s': de betrokkenheid kan alleen in een concept worden gewijzigd."
            ) % {"status": plan.get_status_display()}
        raise ValidationError(message)


def clean_scores(scores: dict) -> dict[str, int | None]:
    """Validate a {dimension code: score} dict; dimensions not given are 'not scored' (None)."""
    codes = set(HealthDimension.values)
    unknown = set(scores) - codes
    if unknown:
        raise ValidationError(_("Onbekend onderdeel van Positieve Gezondheid: %(codes)s") % {"codes": sorted(unknown)})
    cleaned: dict[str, int | None] = {}
    for code in HealthDimension.values:
        value = scores.get(code)
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, int) or not SCORE_MIN <= value <= SCORE_MAX:
                raise ValidationError(
                    _("Een score is een heel getal van %(min)s tot en met %(max)s.")
                    % {"min": SCORE_MIN, "max": SCORE_MAX}
                )
        cleaned[code] = value
    return cleaned


@transaction.atomic
def engagement_update(*, actor, plan: Plan, own_words: str, goals: str, motivation: str, version: int) -> Engagement:
    """Save the household's own words, goals and the motivation, if ``version`` is still the stored one."""
    plan = _locked(plan)
    _require_status(plan, Measurement.NOW)
    engagement, _created = Engagement.objects.select_for_update().get_or_create(
        plan=plan, defaults={"organisation": plan.organisation}
    )
    if version != engagement.version:
        raise ConflictError({f: getattr(engagement, f) for f in TEXT_FIELDS}, engagement.version)
    data = {"own_words": own_words, "goals": goals, "motivation": motivation}
    if all(getattr(engagement, f) == v for f, v in data.items()):
        return engagement
    for field, value in data.items():
        setattr(engagement, field, value)
    engagement.version += 1
    engagement.full_clean()
    engagement.save()
    audit_record(
        actor=actor, organisation=plan.organisation, action=AuditAction.ENGAGEMENT_UPDATE, obj=plan, section="texts"
    )
    plan_record_edit(plan=plan)
    return engagement


def _record(*, actor, plan: Plan, measurement: str, scores: dict, reference: str, version: int | None):
    if measurement not in Measurement.values:
        raise ValidationError(_("Onbekende soort meting: %(code)s") % {"code": measurement})
    if measurement != Measurement.REALISED and reference:
        raise ValidationError(_("Alleen een gerealiseerde meting heeft een kenmerk."))
    cleaned = clean_scores(scores)
    score_set = (
        HealthScoreSet.objects.select_for_update()
        .filter(plan=plan, measurement=measurement, reference=reference)
        .first()
    )
    if score_set is None:
        score_set = HealthScoreSet(
            plan=plan, organisation=plan.organisation, measurement=measurement, reference=reference
        )
    if version is not None and version != score_set.version:
        raise ConflictError(score_set.scores, score_set.version)
    if score_set.pk and score_set.scores == cleaned:
        return score_set
    for code, value in cleaned.items():
        setattr(score_set, code, value)
    score_set.version += 1
    score_set.recorded_by = actor if getattr(actor, "is_authenticated", False) else None
    score_set.full_clean()
    score_set.save()
    audit_record(
        actor=actor,
        organisation=plan.organisation,
        action=AuditAction.ENGAGEMENT_SCORES,
        obj=plan,
        measurement=measurement,
        reference=reference or None,
    )
    plan_record_edit(plan=plan)  # counts only before submission (a realised measurement is later)
    return score_set


@transaction.atomic
def engagement_record_scores(
    *,
    actor,
    plan: Plan,
    measurement: str,
    scores: dict[str, int],
    reference: str = "",
    version: int | None = None,
) -> HealthScoreSet:
    """Record one Positive Health measurement ('now', 'expected' or 'realised') of a plan.

    ``scores`` maps dimension codes (HealthDimension) to 0..10; the dict replaces the measurement, so
    dimensions left out are stored as 'not scored'. 'realised' is stored once per ``reference`` (for
    example "6m", "12m" or an evaluation id; a code, never free text), and can only be recorded after
    a decision. With ``version`` the save is refused (ConflictError) when someone else saved in between.
    """
    plan = _locked(plan)
    _require_status(plan, measurement)
    return _record(actor=actor, plan=plan, measurement=measurement, scores=scores, reference=reference, version=version)


@transaction.atomic
def engagement_save_forecast(
    *, actor, plan: Plan, now: dict, expected: dict, now_version: int, expected_version: int
) -> tuple[HealthScoreSet, HealthScoreSet]:
    """Save the 'now' and 'expected' scores together (the form on the engagement page): both or neither."""
    plan = _locked(plan)
    _require_status(plan, Measurement.NOW)
    stored = {
        s.measurement: s
        for s in HealthScoreSet.objects.filter(plan=plan, measurement__in=[Measurement.NOW, Measurement.EXPECTED])
    }
    stored_now = stored[Measurement.NOW].version if Measurement.NOW in stored else 0
    stored_expected = stored[Measurement.EXPECTED].version if Measurement.EXPECTED in stored else 0
    if (now_version, expected_version) != (stored_now, stored_expected):
        current = {
            m: (stored[m].scores if m in stored else dict.fromkeys(HealthDimension.values))
            for m in (Measurement.NOW, Measurement.EXPECTED)
        }
        current["now_version"] = stored_now
        current["expected_version"] = stored_expected
        raise ConflictError(current, stored_now + stored_expected)
    now_set = _record(actor=actor, plan=plan, measurement=Measurement.NOW, scores=now, reference="", version=None)
    expected_set = _record(
        actor=actor, plan=plan, measurement=Measurement.EXPECTED, scores=expected, reference="", version=None
    )
    return now_set, expected_set
