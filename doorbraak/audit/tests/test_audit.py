"""The audit log: what is written, in which transaction, and that it holds only ids and codes."""

import pytest
from django.db import transaction

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.models import AuditEvent
from doorbraak.audit.selectors import events_for_object
from doorbraak.audit.services import AuditUnavailable, audit_record
from doorbraak.households.constants import HouseholdRole
from doorbraak.households.models import Household, HouseholdMember
from doorbraak.households.services import household_create, member_add
from doorbraak.households.tests.factories import HouseholdFactory
from doorbraak.plans.services import plan_update_section
from doorbraak.plans.tests.factories import PlanFactory

from .support import audit_log_unwritable


def test_an_event_holds_who_what_which_object_and_codes(professional, org, team):
    household = HouseholdFactory(organisation=org, team=team)
    event = audit_record(
        actor=professional, organisation=org, action=AuditAction.HOUSEHOLD_READ, obj=household, members=3, ok=True
    )
    event.refresh_from_db()
    assert event.actor == professional
    assert event.organisation == org
    assert event.action == "household.read"
    assert event.get_action_display() == "huishouden ingezien"
    assert (event.object_type, event.object_id) == ("households.household", str(household.pk))
    assert event.extra == {"members": 3, "ok": 1}


def test_an_anonymous_actor_is_stored_as_nobody_and_empty_extras_are_left_out(org):
    household = HouseholdFactory(organisation=org)
    event = audit_record(actor=None, organisation=org, action=AuditAction.HOUSEHOLD_READ, obj=household, team=None)
    assert event.actor is None
    assert event.extra == {}


def test_an_unknown_action_is_refused(org):
    household = HouseholdFactory(organisation=org)
    with pytest.raises(ValueError, match="AuditAction"):
        audit_record(actor=None, organisation=org, action="household.peek", obj=household)
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize(
    "value",
    ["Jan de Vries", "ontruiming aangezegd", "a" * 65, "jan@voorbeeldstad.nl ", "regel\nnieuw"],
)
def test_names_and_free_text_are_refused_in_extra(org, value):
    household = HouseholdFactory(organisation=org)
    with pytest.raises(ValueError, match="id or code"):
        audit_record(actor=None, organisation=org, action=AuditAction.HOUSEHOLD_UPDATE, obj=household, note=value)
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize(
    "value", [12, "12", "8f14e45f-ceea-467f-a0e6-3c1b2d4e5f60", "concept", "#1a5f8c", "plan.read", "2026-12-01"]
)
def test_ids_and_codes_are_accepted_in_extra(org, value):
    household = HouseholdFactory(organisation=org)
    event = audit_record(actor=None, organisation=org, action=AuditAction.HOUSEHOLD_UPDATE, obj=household, ref=value)
    assert event.extra == {"ref": value}


def test_the_event_and_the_write_share_one_transaction(professional, team):
    """If the audit row cannot be written (the database refuses it), the household is not stored either."""
    with audit_log_unwritable(), pytest.raises(AuditUnavailable):
        household_create(
            actor=professional,
            team=team,
            members=[{"role": HouseholdRole.PARENT, "birth_year": 1990}],
            consent_given_on=None,
        )
    assert not Household.objects.exists()
    assert not HouseholdMember.objects.exists()


def test_a_rolled_back_write_leaves_no_event(professional, org):
    household = HouseholdFactory(organisation=org)
    with pytest.raises(RuntimeError), transaction.atomic():
        member_add(actor=professional, household=household, role=HouseholdRole.CHILD, birth_year=2015)
        raise RuntimeError("the surrounding write failed")
    assert not AuditEvent.objects.filter(action=AuditAction.HOUSEHOLD_UPDATE).exists()
    assert not household.members.exists()


def test_a_plan_edit_is_logged_without_its_text(professional, org):
    plan = PlanFactory(organisation=org, owner=professional, household__organisation=org)
    text = "Moeder is bang dat de deurwaarder morgen komt."
    plan_update_section(
        actor=professional, plan=plan, section="situation", data={"situation": text}, version=plan.situation_version
    )
    event = AuditEvent.objects.get(action=AuditAction.PLAN_UPDATE)
    assert event.object_id == str(plan.pk)
    stored = f"{event.action} {event.object_type} {event.object_id} {event.extra}"
    assert "deurwaarder" not in stored and "Moeder" not in stored


def test_who_viewed_this_object_is_answered_within_the_municipality_only(professional, org, other_org):
    household = HouseholdFactory(organisation=org)
    audit_record(actor=professional, organisation=org, action=AuditAction.HOUSEHOLD_READ, obj=household)
    audit_record(actor=None, organisation=other_org, action=AuditAction.HOUSEHOLD_READ, obj=household)
    events = list(events_for_object(organisation=org, obj=household))
    assert [(e.actor, e.organisation) for e in events] == [(professional, org)]


def test_an_event_without_an_object_stores_empty_type_and_id(org):
    """A failed sign-in for an unknown address has no object; the typed address is not stored anywhere."""
    event = audit_record(actor=None, organisation=None, action=AuditAction.SIGNIN_FAILURE, obj=None, reason="invalid")
    event.refresh_from_db()
    assert (event.object_type, event.object_id, event.organisation) == ("", "", None)
    assert event.extra == {"reason": "invalid"}
