"""The follow-up page reads a fixed number of queries, however many decision requests and actions it shows."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from doorbraak.followup import services
from doorbraak.followup.constants import ActionState
from doorbraak.followup.models import DecisionRequest
from doorbraak.organisations.constants import Role
from doorbraak.organisations.tests.factories import make_member
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.services import plan_transition

pytestmark = pytest.mark.django_db


def page_queries(client, plan) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("followup:plan_followup", args=[plan.pk])).status_code == 200
    return len(ctx.captured_queries)


def add_actions(plan, actor, owners, count: int) -> None:
    for i in range(count):
        action = services.action_create(
            actor=actor,
            plan=plan,
            description=f"Actie {i}",
            owner=owners[i % len(owners)],
            due_date=timezone.localdate() + timedelta(days=i + 1),
        )
        if i % 3 == 1:
            services.action_set_state(actor=actor, action=action, state=ActionState.DONE)


@pytest.mark.parametrize("reader", ["professional", "manager"])  # the owner, and the decider at level 3
def test_followup_page_queries_do_not_grow_with_requests_and_actions(
    submitted, professional, team_lead, doorbraakteam, manager, reader, request, login
):
    plan = submitted.plan
    colleagues = [professional, team_lead, doorbraakteam] + [
        make_member(plan.organisation, Role.PROFESSIONAL, team=plan.team, email=f"collega{i}@voorbeeldstad.nl")
        for i in range(4)
    ]
    # Small: one request passed on once (the manager decides at level 3), one action.
    second = services.decision_escalate(actor=team_lead, request=submitted, note="Graag de blik van het team.")
    current = services.decision_escalate(actor=doorbraakteam, request=second, note="Precedent: graag besluit.")
    add_actions(plan, professional, colleagues, 1)
    client = login(request.getfixturevalue(reader))
    few = page_queries(client, plan)
    # Large: the same levels, but many more actions by several people, open and done.
    add_actions(plan, professional, colleagues, 14)
    assert page_queries(client, plan) == few
    assert current.level.position == 3


def test_followup_page_queries_do_not_grow_with_decisions(complete_plan, professional, team_lead, levels, login):
    """Submitted, rejected and submitted again, several times: every request is on the timeline."""
    client = login(professional)
    first = services.plan_submit(actor=professional, plan=complete_plan)
    few = page_queries(client, complete_plan)
    rejected = first
    for round_ in range(4):
        services.decision_reject(actor=team_lead, request=rejected, reason=f"Ronde {round_}: nog niet.")
        complete_plan.refresh_from_db()
        _back_to_concept(complete_plan, professional)
        rejected = services.plan_submit(actor=professional, plan=complete_plan)
    complete_plan.refresh_from_db()
    assert DecisionRequest.objects.filter(plan=complete_plan).count() == 5
    assert page_queries(client, complete_plan) == few


def _back_to_concept(plan, actor) -> None:
    plan_transition(actor=actor, plan=plan, to_status=PlanStatus.CONCEPT, reason="Aangepast na afwijzing.")
    plan.refresh_from_db()
