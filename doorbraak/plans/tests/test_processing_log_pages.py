"""The processing log as the pages write it: one row per household shown (lists and inbox in bulk), reads,
exports, refused attempts, one request id per request, and fail-closed when the log cannot be written."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from doorbraak.audit.constants import AuditAction, AuditOutcome, ProcessingActivityCode
from doorbraak.audit.models import AuditEvent
from doorbraak.audit.tests.support import audit_log_unwritable
from doorbraak.followup.services import action_create
from doorbraak.households.tests.factories import HouseholdFactory
from doorbraak.plans.tests.factories import PlanFactory
from tests.pageforms import rendered_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(professional, team):
    """Three plans of the professional, each for its own household."""
    return [
        PlanFactory(household=HouseholdFactory(team=team, created_by=professional), owner=professional)
        for _ in range(3)
    ]


def _rows(**filters):
    return list(AuditEvent.objects.filter(**filters).order_by("id"))


def test_walking_the_pages_writes_a_row_per_household_shown(plans, professional, login):
    client = login(professional)
    first = plans[0]
    action_create(
        actor=professional,
        plan=first,
        description="Bel de woningcorporatie",
        owner=professional,
        due_date=timezone.localdate() + timedelta(days=7),
    )

    assert client.get(reverse("plans:list")).status_code == 200
    listed = _rows(action=AuditAction.PLAN_LISTED)
    assert sorted(str(r.household_id) for r in listed) == sorted(str(p.household_id) for p in plans)
    assert {r.activity for r in listed} == {ProcessingActivityCode.PLAN_DRAFTING}

    assert client.get(reverse("followup:inbox")).status_code == 200
    (inbox_row,) = _rows(action=AuditAction.INBOX_LISTED)
    assert inbox_row.household_id == first.household_id
    assert inbox_row.activity == ProcessingActivityCode.DECISION

    assert client.get(reverse("workspace:plan", args=[first.pk])).status_code == 200
    assert client.get(reverse("households:detail", args=[first.household_id])).status_code == 200
    page = client.get(reverse("documents:plan_export", args=[first.pk]))
    assert page.status_code == 200
    download = rendered_form(page, action_contains="/documenten/").submit(client)
    assert download["Content-Type"] == "application/pdf"

    for action in (
        AuditAction.PLAN_READ,
        AuditAction.HOUSEHOLD_READ,
        AuditAction.PLAN_EXPORT_PAGE,
        AuditAction.PLAN_EXPORT,
    ):
        rows = _rows(action=action, household_id=first.household_id)
        assert len(rows) == 1, action
        assert (rows[0].actor, rows[0].role, rows[0].outcome) == (professional, "professional", AuditOutcome.ALLOWED)
    # nothing about the other households beyond their list rows
    others = {p.household_id for p in plans[1:]}
    assert {r.action for r in AuditEvent.objects.filter(household_id__in=others)} == {AuditAction.PLAN_LISTED}


def test_one_request_id_on_every_row_of_a_request_and_in_the_header(plans, professional, login):
    client = login(professional)
    response = client.get(reverse("plans:list"))
    ids = {row.request_id for row in _rows(action=AuditAction.PLAN_LISTED)}
    assert ids == {response["X-Request-ID"]} and len(response["X-Request-ID"]) == 32
    again = client.get(reverse("plans:list"))
    assert again["X-Request-ID"] != response["X-Request-ID"]
    assert len(_rows(request_id=again["X-Request-ID"])) == 3


def test_a_refused_attempt_in_the_own_municipality_is_logged_with_its_household(plan, policy_analyst, login):
    response = login(policy_analyst).get(reverse("workspace:plan", args=[plan.pk]))
    assert response.status_code == 403
    (row,) = _rows(action=AuditAction.ACCESS_REFUSED)
    assert (row.actor, row.organisation, row.role) == (policy_analyst, plan.organisation, "policy_analyst")
    assert (row.object_type, row.object_id, row.household_id) == ("plans.plan", str(plan.pk), plan.household_id)
    assert row.outcome == AuditOutcome.REFUSED and row.extra["status"] == 403
    assert row.request_id == response["X-Request-ID"]


def test_a_refused_attempt_on_another_municipality_names_only_the_object_id(plan, outsider, login):
    response = login(outsider).get(reverse("households:detail", args=[plan.household_id]))
    assert response.status_code == 404
    (row,) = _rows(action=AuditAction.ACCESS_REFUSED)
    assert (row.actor, row.organisation) == (outsider, outsider.membership.organisation)
    assert (row.object_type, row.object_id) == ("households.household", str(plan.household_id))
    assert row.household_id is None  # the other municipality's household is not linked into this log
    assert row.extra == {"status": 404, "view": "households:detail"}


def test_a_page_of_an_object_nobody_refused_writes_no_refusal(plan, professional, login):
    login(professional).get(reverse("workspace:plan", args=[plan.pk]))
    assert not _rows(action=AuditAction.ACCESS_REFUSED)


@pytest.mark.parametrize("route", ["plans:list", "workspace:plan", "households:detail", "followup:inbox"])
def test_when_the_log_cannot_be_written_nothing_of_the_household_is_shown(route, plan, professional, login):
    action_create(  # so the inbox shows the household too
        actor=professional,
        plan=plan,
        description="Bel de woningcorporatie",
        owner=professional,
        due_date=timezone.localdate() + timedelta(days=7),
    )
    client = login(professional)
    args = {"plans:list": [], "followup:inbox": [], "households:detail": [plan.household_id]}.get(route, [plan.pk])
    before = AuditEvent.objects.count()
    with audit_log_unwritable():
        response = client.get(reverse(route, args=args))
    html = response.content.decode()
    assert response.status_code == 503
    assert "Tijdelijk niet beschikbaar" in html and plan.household.reference not in html
    assert response["Cache-Control"] == "no-store, private"
    assert AuditEvent.objects.count() == before
