import uuid

import pytest
from django.core.exceptions import ValidationError

from doorbraak.audit.models import AuditEvent
from doorbraak.core.exceptions import ConflictError, TransitionError
from doorbraak.plans import services
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.models import Plan, Tag


def test_section_save_bumps_version_and_audits(plan, professional):
    updated = services.plan_update_section(
        actor=professional, plan=plan, section="situation", data={"situation": "Nieuwe schets"}, version=0
    )
    assert updated.situation == "Nieuwe schets"
    assert updated.situation_version == 1
    event = AuditEvent.objects.get(action="plan.update")
    assert event.object_id == str(plan.pk) and event.extra == {"section": "situation"}
    assert "Nieuwe schets" not in str(event.extra)


def test_outdated_version_is_refused_and_nothing_overwritten(plan, professional, team_lead):
    services.plan_update_section(
        actor=team_lead, plan=plan, section="situation", data={"situation": "Tekst van de teamleider"}, version=0
    )
    with pytest.raises(ConflictError) as err:
        services.plan_update_section(
            actor=professional, plan=plan, section="situation", data={"situation": "Mijn oude versie"}, version=0
        )
    assert err.value.current == {"situation": "Tekst van de teamleider"}
    assert err.value.version == 1
    assert Plan.objects.get(pk=plan.pk).situation == "Tekst van de teamleider"


def test_other_sections_do_not_conflict(plan, professional):
    services.plan_update_section(actor=professional, plan=plan, section="situation", data={"situation": "A"}, version=0)
    services.plan_update_section(
        actor=professional,
        plan=plan,
        section="perspective",
        data={"perspective": "Weer rust", "perspective_target_date": None},
        version=0,
    )
    plan.refresh_from_db()
    assert (plan.situation, plan.perspective) == ("A", "Weer rust")


def test_double_submit_creates_one_plan_and_one_item(plan, professional):
    token = uuid.uuid4()
    first = services.plan_create(actor=professional, household=plan.household, creation_token=token)
    second = services.plan_create(actor=professional, household=plan.household, creation_token=token)
    assert first.pk == second.pk
    item_token = uuid.uuid4()
    data = {"agency": "GGZ", "role": "Behandelaar", "life_domain": "psychische_gezondheid"}
    services.plan_item_add(actor=professional, plan=first, kind="helper", data=data, creation_token=item_token)
    services.plan_item_add(actor=professional, plan=first, kind="helper", data=data, creation_token=item_token)
    assert first.helpers.count() == 1


def test_default_target_date_follows_organisation_horizon(plan, professional, org):
    org.plan_horizon_months = 12
    org.save()
    new = services.plan_create(actor=professional, household=plan.household)
    assert (new.perspective_target_date - new.created_at.date()).days in range(364, 367)


def test_active_editing_time_counts_short_gaps_only(plan, professional, time_machine):
    time_machine.move_to("2026-03-02 10:00:00+01:00", tick=False)
    services.plan_update_section(actor=professional, plan=plan, section="situation", data={"situation": "1"}, version=0)
    time_machine.move_to("2026-03-02 10:02:00+01:00", tick=False)
    services.plan_update_section(actor=professional, plan=plan, section="situation", data={"situation": "2"}, version=1)
    time_machine.move_to("2026-03-02 14:00:00+01:00", tick=False)  # a long break does not count
    services.plan_update_section(actor=professional, plan=plan, section="situation", data={"situation": "3"}, version=2)
    plan.refresh_from_db()
    assert plan.active_editing_seconds == 120
    assert plan.first_edited_at.hour == 9 and plan.last_edited_at.hour == 13  # UTC


def test_workflow_refuses_illegal_transition(plan, professional):
    with pytest.raises(TransitionError, match="kan niet naar"):
        services.plan_transition(actor=professional, plan=plan, to_status=PlanStatus.APPROVED)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CONCEPT


def test_submit_needs_breakthrough_and_rejection_needs_reason(plan, professional, doorbraakteam):
    plan.breakthrough_description = ""
    plan.save()
    with pytest.raises(TransitionError, match="doorbraak"):
        services.plan_transition(actor=professional, plan=plan, to_status=PlanStatus.SUBMITTED)
    plan.breakthrough_description = "Huur betalen"
    plan.save()
    plan = services.plan_transition(actor=professional, plan=plan, to_status=PlanStatus.SUBMITTED)
    assert plan.submitted_at is not None
    with pytest.raises(TransitionError, match="reden"):
        services.plan_transition(actor=doorbraakteam, plan=plan, to_status=PlanStatus.REJECTED)
    plan = services.plan_transition(
        actor=doorbraakteam, plan=plan, to_status=PlanStatus.REJECTED, reason="Eerst schuldhulp aanvragen"
    )
    assert plan.status_changes.last().reason == "Eerst schuldhulp aanvragen"


def test_block1_is_frozen_after_submit(plan, professional):
    services.plan_transition(actor=professional, plan=plan, to_status=PlanStatus.SUBMITTED)
    with pytest.raises(ValidationError, match="Ingediend"):
        services.plan_update_section(
            actor=professional, plan=plan, section="situation", data={"situation": "x"}, version=0
        )


def test_vocabulary_is_seeded(db):
    assert Tag.objects.filter(kind="life_domain").count() == 14
    assert Tag.objects.filter(kind="problem", code="huurachterstand").exists()
