"""The processing log (NEN 7513): append-only in the database itself, one sanctioned purge, every action with its
processing activity. These run on SQLite and, with DATABASE_URL, on PostgreSQL: the triggers differ, the behaviour
may not."""

from datetime import timedelta

import pytest
import time_machine
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from doorbraak.audit.constants import AuditAction, AuditOutcome, ProcessingActivityCode, activity_for
from doorbraak.audit.models import AuditEvent, ProcessingActivity
from doorbraak.audit.services import (
    AuditUnavailable,
    audit_record,
    audit_record_many,
    processing_activities_seed,
    purge_events_before,
)
from doorbraak.households.tests.factories import HouseholdFactory
from doorbraak.organisations.tests.factories import OrganisationFactory
from doorbraak.plans.tests.factories import PlanFactory

from .support import audit_log_unwritable

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(org, professional):
    return audit_record(
        actor=professional, organisation=org, action=AuditAction.HOUSEHOLD_READ, obj=HouseholdFactory(organisation=org)
    )


def _refused(operation) -> None:
    """``operation`` must fail in the database, and the log must be as it was."""
    before = list(AuditEvent.objects.order_by("id").values())
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        operation()
    assert list(AuditEvent.objects.order_by("id").values()) == before


def test_every_action_belongs_to_a_processing_activity():
    for action in AuditAction:
        assert activity_for(action) in ProcessingActivityCode.values, action


def test_a_row_carries_the_household_role_activity_and_outcome(org, professional, plan):
    event = audit_record(actor=professional, organisation=org, action=AuditAction.PLAN_READ, obj=plan)
    event.refresh_from_db()
    assert event.household_id == plan.household_id
    assert event.role == "professional"
    assert event.activity == ProcessingActivityCode.PLAN_DRAFTING
    assert event.outcome == AuditOutcome.ALLOWED
    assert event.request_id == ""  # outside a request


def test_many_rows_are_one_insert(org, professional, team, django_assert_num_queries):
    plans = [PlanFactory(organisation=org, household=HouseholdFactory(team=team), owner=professional) for _ in range(5)]
    professional.membership  # noqa: B018 - the role is read once, before the insert
    with django_assert_num_queries(1):
        assert (
            audit_record_many(actor=professional, organisation=org, action=AuditAction.PLAN_LISTED, objects=plans) == 5
        )
    rows = AuditEvent.objects.filter(action=AuditAction.PLAN_LISTED)
    assert {row.household_id for row in rows} == {plan.household_id for plan in plans}


def test_update_is_refused_by_the_database(event):
    _refused(lambda: AuditEvent.objects.filter(pk=event.pk).update(object_id="other"))
    event.object_id = "other"
    _refused(event.save)


def test_delete_is_refused_by_the_database(event):
    _refused(lambda: AuditEvent.objects.filter(pk=event.pk).delete())
    _refused(event.delete)


def test_raw_sql_cannot_change_or_delete_either(event):
    def raw(sql):
        with connection.cursor() as cursor:
            cursor.execute(sql)

    _refused(lambda: raw("UPDATE audit_auditevent SET action = 'plan.read'"))
    _refused(lambda: raw("DELETE FROM audit_auditevent"))


def test_purge_deletes_only_this_organisations_rows_before_the_date(org, other_org, professional, outsider):
    with time_machine.travel("2020-01-01 12:00 +0000"):
        old = audit_record(actor=professional, organisation=org, action=AuditAction.PLAN_READ, obj=org)
        other_old = audit_record(actor=outsider, organisation=other_org, action=AuditAction.PLAN_READ, obj=other_org)
    recent = audit_record(actor=professional, organisation=org, action=AuditAction.PLAN_READ, obj=org)
    assert purge_events_before(organisation=org, before=timezone.now() - timedelta(days=365)) == 1
    remaining = set(AuditEvent.objects.values_list("pk", flat=True))
    assert old.pk not in remaining and {other_old.pk, recent.pk} <= remaining


def test_after_a_purge_the_log_is_closed_again_in_the_same_transaction(org, event):
    with transaction.atomic():
        purge_events_before(organisation=org, before=timezone.now() - timedelta(days=1))
        _refused(lambda: AuditEvent.objects.filter(pk=event.pk).delete())
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_a_failing_purge_deletes_nothing(org, professional):
    with time_machine.travel("2020-01-01 12:00 +0000"):
        audit_record(actor=professional, organisation=org, action=AuditAction.PLAN_READ, obj=org)
    with pytest.raises(RuntimeError), transaction.atomic():
        purge_events_before(organisation=org, before=timezone.now())
        raise RuntimeError("the retention job failed after the purge")
    assert AuditEvent.objects.filter(organisation=org).count() == 1


def test_a_log_that_cannot_be_written_raises_and_keeps_nothing(org, professional):
    with audit_log_unwritable(), pytest.raises(AuditUnavailable):
        audit_record(actor=professional, organisation=org, action=AuditAction.PLAN_READ, obj=org)
    assert not AuditEvent.objects.exists()


def test_every_organisation_gets_the_default_register():
    organisation = OrganisationFactory()
    assert processing_activities_seed(organisation=organisation) == len(ProcessingActivityCode)
    assert processing_activities_seed(organisation=organisation) == 0  # idempotent
    codes = set(ProcessingActivity.objects.filter(organisation=organisation).values_list("code", flat=True))
    assert codes == set(ProcessingActivityCode.values)


def test_a_sign_in_row_carries_the_role_of_who_signed_in(professional, client, password):
    client.post("/account/inloggen/", {"username": professional.email, "password": password})
    row = AuditEvent.objects.get(action=AuditAction.SIGNIN_SUCCESS)
    assert (row.actor, row.role, row.activity) == (professional, "professional", ProcessingActivityCode.SECURITY)
