"""Reads of the engagement side and the value triangle of a plan.

The plan passed in has already been fetched through ``plans.selectors`` (tenant and role checked).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from doorbraak.costs.selectors import costs_side_complete
from doorbraak.legal.selectors import legal_missing
from doorbraak.plans.models import Plan

from .constants import HealthDimension, Measurement
from .models import Engagement, HealthScoreSet


@dataclass(frozen=True)
class ScoreRow:
    code: str
    label: str
    now: int | None
    expected: int | None
    realised: int | None

    @property
    def change(self) -> int | None:
        if self.now is None or self.expected is None:
            return None
        return self.expected - self.now


@dataclass
class PlanScores:
    """The Positive Health measurements of one plan."""

    now: HealthScoreSet | None = None
    expected: HealthScoreSet | None = None
    realised: list[HealthScoreSet] = field(default_factory=list)  # oldest first

    @property
    def latest_realised(self) -> HealthScoreSet | None:
        return self.realised[-1] if self.realised else None

    def values(self, measurement: str) -> dict[str, int | None]:
        score_set = {
            Measurement.NOW: self.now,
            Measurement.EXPECTED: self.expected,
            Measurement.REALISED: self.latest_realised,
        }[measurement]
        return score_set.scores if score_set else dict.fromkeys(HealthDimension.values)

    @property
    def rows(self) -> list[ScoreRow]:
        now, expected, realised = (self.values(m) for m in Measurement.values)
        return [
            ScoreRow(d.value, str(d.label), now[d.value], expected[d.value], realised[d.value]) for d in HealthDimension
        ]

    @property
    def has_any(self) -> bool:
        return any(v is not None for m in Measurement.values for v in self.values(m).values())

    @property
    def has_realised(self) -> bool:
        return any(v is not None for v in self.values(Measurement.REALISED).values())

    def average(self, measurement: str) -> Decimal | None:
        values = [v for v in self.values(measurement).values() if v is not None]
        if not values:
            return None
        return (Decimal(sum(values)) / len(values)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def average_now(self) -> Decimal | None:
        return self.average(Measurement.NOW)

    @property
    def average_expected(self) -> Decimal | None:
        return self.average(Measurement.EXPECTED)

    @property
    def average_realised(self) -> Decimal | None:
        return self.average(Measurement.REALISED)


def engagement_for_plan(*, plan: Plan) -> Engagement | None:
    return Engagement.objects.filter(plan=plan, organisation_id=plan.organisation_id).first()


def scores_for_plan(*, plan: Plan) -> PlanScores:
    """All Positive Health measurements of ``plan`` (one query)."""
    result = PlanScores()
    for score_set in HealthScoreSet.objects.filter(plan=plan, organisation_id=plan.organisation_id):
        if score_set.measurement == Measurement.NOW:
            result.now = score_set
        elif score_set.measurement == Measurement.EXPECTED:
            result.expected = score_set
        else:
            result.realised.append(score_set)
    return result


def engagement_missing(*, plan: Plan) -> list[str]:
    """What is still missing on the engagement side, as Dutch sentences (empty when complete)."""
    missing = []
    engagement = engagement_for_plan(plan=plan)
    if engagement is None or not (engagement.own_words.strip() or engagement.goals.strip()):
        missing.append(_("Schrijf op wat het huishouden zelf belangrijk vindt: in eigen woorden of als doelen."))
    scores = scores_for_plan(plan=plan)
    labels = {d.value: str(d.label) for d in HealthDimension}
    for measurement, sentence in (
        (Measurement.NOW, _("Geef een score voor nu (0 tot en met 10) voor: %(dimensions)s.")),
        (Measurement.EXPECTED, _("Geef de verwachte score na het plan (0 tot en met 10) voor: %(dimensions)s.")),
    ):
        empty = [labels[code] for code, value in scores.values(measurement).items() if value is None]
        if empty:
            missing.append(sentence % {"dimensions": ", ".join(empty)})
    if engagement is None or not engagement.motivation.strip():
        missing.append(_("Motiveer waarom het plan de regie en de kwaliteit van leven van het huishouden verbetert."))
    return missing


def engagement_side_complete(*, plan: Plan) -> bool:
    return not engagement_missing(plan=plan)


RETURN_MISSING = _lazy(
    "Maak de maatschappelijke rekensom af: minstens een regel in het plan en in de huidige of dreigende situatie."
)


@dataclass(frozen=True)
class TriangleSide:
    code: str  # engagement / return / legitimacy
    title: str
    complete: bool
    missing: list[str]
    url: str


def value_triangle(*, plan: Plan) -> list[TriangleSide]:
    """The three sides of the value triangle (Waardendriehoek), each complete or with what is missing.

    The one definition of "substantiated": the panel on every plan page and the submit check
    (``followup.services.plan_submit`` through ``submission_blockers``) both read it. A side is complete exactly
    when its list of missing reasons is empty: engagement (the household's voice, scores now and expected, the
    motivation), return (a complete sum) and legitimacy (a cited article with how it applies, and the motivation
    paragraph, ``legal.selectors.legal_missing``)."""
    engagement_reasons = engagement_missing(plan=plan)
    return_complete = costs_side_complete(plan=plan)
    return_reasons = [] if return_complete else [RETURN_MISSING]
    legal_reasons = legal_missing(plan=plan)
    return [
        TriangleSide(
            "engagement",
            _("Betrokkenheid"),
            not engagement_reasons,
            engagement_reasons,
            reverse("engagement:plan_engagement", args=[plan.pk]),
        ),
        TriangleSide(
            "return", _("Rendement"), return_complete, return_reasons, reverse("costs:plan_return", args=[plan.pk])
        ),
        TriangleSide(
            "legitimacy",
            _("Legitimiteit"),
            not legal_reasons,
            legal_reasons,
            reverse("legal:plan_legitimacy", args=[plan.pk]),
        ),
    ]


def submission_blockers(*, plan: Plan, triangle: list[TriangleSide] | None = None) -> list[str]:
    """Why this plan cannot be submitted yet, as Dutch sentences (empty: it can be submitted).

    Block 1 must describe the breakthrough and all three sides of the value triangle must be complete.
    """
    blockers = []
    if not plan.has_breakthrough:
        blockers.append(_("Blok 1: beschrijf de doorbraak, de eerste stap waar alle andere stappen van afhangen."))
    for side in triangle if triangle is not None else value_triangle(plan=plan):
        blockers.extend(f"{side.title}: {reason}" for reason in side.missing)
    return blockers


@dataclass(frozen=True)
class ValueTriangle:
    """What the value-triangle panel shows: the three sides, and what still blocks submission."""

    sides: list[TriangleSide]
    blockers: list[str]
    has_breakthrough: bool

    @property
    def complete(self) -> bool:
        return not self.blockers


def value_triangle_summary(*, plan: Plan) -> ValueTriangle:
    """The sides and the submission blockers of ``plan``, for the panel on the plan page."""
    sides = value_triangle(plan=plan)
    blockers = submission_blockers(plan=plan, triangle=sides)
    return ValueTriangle(sides=sides, blockers=blockers, has_breakthrough=plan.has_breakthrough)
