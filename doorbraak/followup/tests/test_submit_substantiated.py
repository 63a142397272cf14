"""Submit means substantiated: the value-triangle panel and the submit check agree, for each missing piece.

Each case starts from a complete plan, takes one piece away and checks that the panel names that side as
incomplete with the reason, that the plan page's submit form is refused with the same reasons, and that the
plan stays a concept. One definition (``engagement.selectors.value_triangle``) serves both.
"""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from doorbraak.core.exceptions import TransitionError
from doorbraak.costs.models import CostLine
from doorbraak.engagement.models import Engagement, HealthScoreSet
from doorbraak.engagement.selectors import value_triangle_summary
from doorbraak.followup import services
from doorbraak.followup.models import DecisionRequest
from doorbraak.legal.models import Citation, PlanLegalBasis
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.models import Plan

pytestmark = pytest.mark.django_db


def _no_breakthrough(plan):
    Plan.objects.filter(pk=plan.pk).update(breakthrough_description="")


# (case, how the piece is taken away, the side that is then incomplete (None: block 1), a word of the reason)
MISSING = [
    ("no cited article", lambda p: Citation.objects.filter(plan=p).delete(), "legitimacy", "wetsartikelen"),
    (
        "article without how it applies",
        lambda p: Citation.objects.filter(plan=p).update(motivation="  "),
        "legitimacy",
        "van toepassing",
    ),
    ("no motivation paragraph", lambda p: PlanLegalBasis.objects.filter(plan=p).delete(), "legitimacy", "motivering"),
    (
        "empty motivation paragraph",
        lambda p: PlanLegalBasis.objects.filter(plan=p).update(motivation=" \n "),
        "legitimacy",
        "motivering",
    ),
    ("sum without the plan", lambda p: CostLine.objects.filter(plan=p, scenario="plan").delete(), "return", "rekensom"),
    (
        "sum without a baseline",
        lambda p: CostLine.objects.filter(plan=p, scenario__in=["current", "threatening"]).delete(),
        "return",
        "rekensom",
    ),
    (
        "no household's voice",
        lambda p: Engagement.objects.filter(plan=p).update(own_words="", goals=""),
        "engagement",
        "eigen woorden",
    ),
    (
        "no scores now",
        lambda p: HealthScoreSet.objects.filter(plan=p, measurement="now").delete(),
        "engagement",
        "score voor nu",
    ),
    (
        "no engagement motivation",
        lambda p: Engagement.objects.filter(plan=p).update(motivation=""),
        "engagement",
        "Motiveer",
    ),
    ("no breakthrough", _no_breakthrough, None, "doorbraak"),
]


def test_a_complete_plan_shows_complete_and_can_be_submitted(complete_plan, professional, levels):
    summary = value_triangle_summary(plan=complete_plan)
    assert summary.complete and all(side.complete for side in summary.sides)
    panel = render_to_string("engagement/_value_triangle.html", {"plan": complete_plan, "triangle": summary})
    assert panel.count("✓ Compleet") == 3
    services.plan_submit(actor=professional, plan=complete_plan)
    complete_plan.refresh_from_db()
    assert complete_plan.status == PlanStatus.SUBMITTED


@pytest.mark.parametrize(("case", "take_away", "side", "word"), MISSING, ids=[m[0] for m in MISSING])
def test_the_panel_and_the_submit_check_agree(case, take_away, side, word, complete_plan, professional, levels, login):
    take_away(complete_plan)
    plan = Plan.objects.get(pk=complete_plan.pk)

    summary = value_triangle_summary(plan=plan)
    incomplete = [s.code for s in summary.sides if not s.complete]
    assert incomplete == ([side] if side else [])
    assert not summary.complete
    assert any(word in blocker for blocker in summary.blockers), summary.blockers
    panel = render_to_string("engagement/_value_triangle.html", {"plan": plan, "triangle": summary})
    assert panel.count("✓ Compleet") == 3 - len(incomplete)

    with pytest.raises(TransitionError) as refused:
        services.plan_submit(actor=professional, plan=plan)
    assert refused.value.messages == [str(b) for b in summary.blockers]

    # The submit button on the plan page (followup:plan_submit with return_to=plan) is refused the same way.
    client = login(professional)
    response = client.post(reverse("followup:plan_submit", args=[plan.pk]), {"return_to": "plan"}, follow=True)
    html = response.content.decode()
    assert "Het plan kan nog niet worden ingediend" in html
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CONCEPT
    assert not DecisionRequest.objects.filter(plan=plan).exists()
