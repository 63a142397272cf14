from doorbraak.engagement.selectors import (
    engagement_missing,
    engagement_side_complete,
    submission_blockers,
    value_triangle,
)
from doorbraak.engagement.services import engagement_record_scores
from doorbraak.followup.tests.factories import make_complete

from .factories import EngagementFactory, complete_engagement


def test_empty_engagement_lists_everything_missing(plan):
    missing = engagement_missing(plan=plan)
    assert len(missing) == 4
    assert "eigen woorden" in missing[0]
    assert "Lichaamsfuncties" in missing[1] and "Dagelijks functioneren" in missing[1]
    assert "verwachte score" in missing[2]
    assert "Motiveer" in missing[3]
    assert not engagement_side_complete(plan=plan)


def test_partly_scored_names_only_the_missing_dimensions(plan, professional):
    EngagementFactory(plan=plan, motivation="")
    engagement_record_scores(actor=professional, plan=plan, measurement="now", scores={"meaning": 4})
    missing = engagement_missing(plan=plan)
    now_line = next(m for m in missing if "score voor nu" in m)
    assert "Zingeving" not in now_line and "Meedoen" in now_line
    assert any("Motiveer" in m for m in missing)
    assert not any("eigen woorden" in m for m in missing)


def test_complete_engagement(plan):
    complete_engagement(plan)
    assert engagement_missing(plan=plan) == []
    assert engagement_side_complete(plan=plan)


def test_goals_alone_count_as_the_households_voice(plan):
    complete_engagement(plan)
    plan.engagement.own_words = ""
    plan.engagement.save()
    assert engagement_side_complete(plan=plan)


def test_value_triangle_has_three_sides_with_links(plan):
    sides = value_triangle(plan=plan)
    assert [s.code for s in sides] == ["engagement", "return", "legitimacy"]
    assert [s.title for s in sides] == ["Betrokkenheid", "Rendement", "Legitimiteit"]
    assert sides[0].url == f"/betrokkenheid/plannen/{plan.pk}/"
    assert sides[1].url == f"/kosten/plannen/{plan.pk}/"
    assert sides[2].url == f"/wetgeving/plannen/{plan.pk}/"
    # A new plan has no cost lines and no citations: each side says what to do.
    assert [s.complete for s in sides] == [False, False, False]
    assert "rekensom" in sides[1].missing[0]
    assert "wetsartikelen" in sides[2].missing[0]


def test_submission_blockers_name_the_breakthrough_and_each_incomplete_side(plan):
    plan.breakthrough_description = "  "
    plan.save()
    blockers = submission_blockers(plan=plan)
    assert "doorbraak" in blockers[0]
    assert any(b.startswith("Betrokkenheid: ") for b in blockers)
    complete_engagement(plan)
    plan.breakthrough_description = "Huurschuld in één keer aflossen."
    plan.save()
    blockers = submission_blockers(plan=plan)
    assert not any("doorbraak" in b.lower() and b.startswith("Blok 1") for b in blockers)
    assert not any(b.startswith("Betrokkenheid") for b in blockers)
    # Legitimiteit names both of its missing pieces: a cited article with how it applies, and the motivation.
    assert [b.split(":")[0] for b in blockers] == ["Rendement", "Legitimiteit", "Legitimiteit"]


def test_blockers_are_empty_only_when_everything_is_complete(plan, professional):
    assert submission_blockers(plan=plan) != []
    make_complete(plan, professional)  # engagement, cost lines, a motivated citation and the motivation
    assert [side.complete for side in value_triangle(plan=plan)] == [True, True, True]
    assert submission_blockers(plan=plan) == []
    plan.breakthrough_description = ""
    assert len(submission_blockers(plan=plan)) == 1
