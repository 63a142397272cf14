"""Demo engagement side (Betrokkenheid): the household's own words, goals and the motivation, and the Positive
Health scores now and expected after the plan, for every plan that gets past the first sitting.

Written through doorbraak.engagement.services while the plans are still concepts (after the plan, the sum and
the legal basis), so the value triangle is complete before the workflow area submits them. Two concepts stay
incomplete on purpose (``plans.VOICE_PARTIAL``: words but no scores; ``plans.VOICE_MISSING``: nothing yet), so
the page "Wat ontbreekt nog" has something to show. Idempotent: a plan that has an engagement is left alone.
"""

from doorbraak.engagement.constants import SCORE_MAX, SCORE_MIN, Measurement
from doorbraak.engagement.models import Engagement
from doorbraak.engagement.services import engagement_record_scores, engagement_update

from .plans import FIRST_SITTING, VOICE_MISSING, VOICE_PARTIAL
from .voices import SCORE_ORDER, VOICES


def _clamp(value: int) -> int:
    return max(SCORE_MIN, min(SCORE_MAX, value))


def forecast(rng, voice: dict) -> tuple[dict[str, int], dict[str, int]]:
    """The story's scores now and expected, a point up or down per household (expected never below now)."""
    now, expected = {}, {}
    for code, base_now, base_expected in zip(SCORE_ORDER, voice["now"], voice["expected"], strict=True):
        now[code] = _clamp(base_now + rng.choice((-1, 0, 0, 1)))
        expected[code] = max(now[code], _clamp(base_expected + rng.choice((-1, 0, 0, 1))))
    return now, expected


def seed(ctx) -> None:
    written = 0
    for demo_plan in ctx.plans:
        plan = demo_plan.plan
        if not demo_plan.is_new or demo_plan.stage in (FIRST_SITTING, VOICE_MISSING):
            continue
        if Engagement.objects.filter(plan=plan).exists():
            continue
        rng = ctx.rng("engagement", demo_plan.key)
        voice = VOICES[demo_plan.case]
        owner = plan.owner
        # A conversation with the household, some minutes after the legal basis was written.
        ctx.sitting(demo_plan, rng, minutes=(15, 40))
        motivation = "" if demo_plan.stage == VOICE_PARTIAL else voice["motivation"]
        engagement_update(
            actor=owner, plan=plan, own_words=voice["own_words"], goals=voice["goals"], motivation=motivation, version=0
        )
        written += 1
        if demo_plan.stage == VOICE_PARTIAL:
            continue
        now, expected = forecast(rng, voice)
        ctx.sitting(demo_plan, rng, minutes=(4, 12))
        engagement_record_scores(actor=owner, plan=plan, measurement=Measurement.NOW, scores=now)
        ctx.sitting(demo_plan, rng, minutes=(2, 6))
        engagement_record_scores(actor=owner, plan=plan, measurement=Measurement.EXPECTED, scores=expected)
    if written:
        ctx.count("engagements", written)
    ctx.log(f"engagement: {written} demo plans with the household's voice")
