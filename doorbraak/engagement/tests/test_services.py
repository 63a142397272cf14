import pytest
from django.core.exceptions import ValidationError

from doorbraak.audit.models import AuditEvent
from doorbraak.core.exceptions import ConflictError
from doorbraak.engagement.constants import Measurement
from doorbraak.engagement.models import Engagement, HealthScoreSet
from doorbraak.engagement.selectors import scores_for_plan
from doorbraak.engagement.services import engagement_record_scores, engagement_save_forecast, engagement_update
from doorbraak.plans.constants import PlanStatus

from .factories import EXPECTED_SCORES, NOW_SCORES


def _texts(**overrides):
    data = {"own_words": "Rust in mijn hoofd.", "goals": "Een eigen huis.", "motivation": "Zelf weer regie."}
    data.update(overrides)
    return data


def test_update_creates_engagement_bumps_version_and_audits(plan, professional):
    engagement = engagement_update(actor=professional, plan=plan, version=0, **_texts())
    assert engagement.version == 1
    assert engagement.organisation == plan.organisation
    event = AuditEvent.objects.get(action="engagement.update")
    assert event.object_id == str(plan.pk) and event.actor == professional
    assert "Rust" not in str(event.extra)  # codes only, no free text

    engagement_update(actor=professional, plan=plan, version=1, **_texts(goals="Werk vinden."))
    assert Engagement.objects.get(plan=plan).goals == "Werk vinden."
    assert Engagement.objects.get(plan=plan).version == 2


def test_update_with_stale_version_raises_conflict_and_keeps_stored_text(plan, professional, team_lead):
    engagement_update(actor=professional, plan=plan, version=0, **_texts())
    with pytest.raises(ConflictError) as info:
        engagement_update(actor=team_lead, plan=plan, version=0, **_texts(own_words="Overschreven?"))
    assert info.value.current["own_words"] == "Rust in mijn hoofd."
    assert info.value.version == 1
    assert Engagement.objects.get(plan=plan).own_words == "Rust in mijn hoofd."


def test_unchanged_save_writes_nothing(plan, professional):
    engagement_update(actor=professional, plan=plan, version=0, **_texts())
    engagement_update(actor=professional, plan=plan, version=1, **_texts())
    assert Engagement.objects.get(plan=plan).version == 1
    assert AuditEvent.objects.filter(action="engagement.update").count() == 1


def test_texts_only_editable_in_concept(plan, professional):
    plan.status = PlanStatus.SUBMITTED
    plan.save()
    with pytest.raises(ValidationError):
        engagement_update(actor=professional, plan=plan, version=0, **_texts())


def test_record_scores_now_and_expected(plan, professional):
    engagement_record_scores(actor=professional, plan=plan, measurement="now", scores=NOW_SCORES)
    engagement_record_scores(actor=professional, plan=plan, measurement="expected", scores=EXPECTED_SCORES)
    scores = scores_for_plan(plan=plan)
    assert scores.values("now") == NOW_SCORES
    assert scores.values("expected") == EXPECTED_SCORES
    assert str(scores.average_now) == "3.5"
    assert str(scores.average_expected) == "6.2"  # 37/6 = 6.17
    assert [e.extra["measurement"] for e in AuditEvent.objects.filter(action="engagement.scores")] == [
        "expected",
        "now",
    ]


def test_recording_again_replaces_the_measurement(plan, professional):
    engagement_record_scores(actor=professional, plan=plan, measurement="now", scores=NOW_SCORES)
    engagement_record_scores(actor=professional, plan=plan, measurement="now", scores={"meaning": 9})
    assert HealthScoreSet.objects.filter(plan=plan).count() == 1
    values = scores_for_plan(plan=plan).values("now")
    assert values["meaning"] == 9 and values["participation"] is None


@pytest.mark.parametrize(
    "scores", [{"meaning": 11}, {"meaning": -1}, {"meaning": 5.5}, {"meaning": "7"}, {"unknown": 3}, {"meaning": True}]
)
def test_invalid_scores_are_refused(plan, professional, scores):
    with pytest.raises(ValidationError):
        engagement_record_scores(actor=professional, plan=plan, measurement="now", scores=scores)
    assert not HealthScoreSet.objects.exists()


def test_unknown_measurement_is_refused(plan, professional):
    with pytest.raises(ValidationError):
        engagement_record_scores(actor=professional, plan=plan, measurement="later", scores=NOW_SCORES)


def test_realised_only_after_decision_and_kept_per_reference(plan, professional):
    with pytest.raises(ValidationError):
        engagement_record_scores(actor=professional, plan=plan, measurement="realised", scores=NOW_SCORES)
    plan.status = PlanStatus.IN_PROGRESS
    plan.save()
    engagement_record_scores(
        actor=professional, plan=plan, measurement="realised", scores=EXPECTED_SCORES, reference="6m"
    )
    later = dict(EXPECTED_SCORES, participation=8)
    engagement_record_scores(
        actor=professional, plan=plan, measurement=Measurement.REALISED, scores=later, reference="12m"
    )
    scores = scores_for_plan(plan=plan)
    assert [s.reference for s in scores.realised] == ["6m", "12m"]
    assert scores.values("realised")["participation"] == 8  # the latest
    assert scores.has_realised
    # forecast cannot change any more once decided
    with pytest.raises(ValidationError):
        engagement_record_scores(actor=professional, plan=plan, measurement="now", scores=NOW_SCORES)


def test_reference_only_for_realised(plan, professional):
    with pytest.raises(ValidationError):
        engagement_record_scores(actor=professional, plan=plan, measurement="now", scores=NOW_SCORES, reference="x")


def test_record_scores_version_check(plan, professional):
    engagement_record_scores(actor=professional, plan=plan, measurement="now", scores=NOW_SCORES, version=0)
    with pytest.raises(ConflictError) as info:
        engagement_record_scores(actor=professional, plan=plan, measurement="now", scores={}, version=0)
    assert info.value.current == NOW_SCORES


def test_save_forecast_is_all_or_nothing(plan, professional, team_lead):
    engagement_save_forecast(
        actor=professional, plan=plan, now=NOW_SCORES, expected=EXPECTED_SCORES, now_version=0, expected_version=0
    )
    with pytest.raises(ConflictError) as info:
        engagement_save_forecast(actor=team_lead, plan=plan, now={}, expected={}, now_version=1, expected_version=0)
    assert info.value.current["expected_version"] == 1
    assert info.value.current["expected"] == EXPECTED_SCORES
    assert scores_for_plan(plan=plan).values("now") == NOW_SCORES
