"""The Betrokkenheid page reads a fixed number of queries, however many measurements the plan has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from doorbraak.engagement.constants import Measurement

from .factories import HealthScoreSetFactory, complete_engagement

pytestmark = pytest.mark.django_db


def realised(plan, user, references) -> None:
    for reference in references:
        HealthScoreSetFactory(plan=plan, measurement=Measurement.REALISED, reference=reference, recorded_by=user)


def page_queries(client, plan) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("engagement:plan_engagement", args=[plan.pk])).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("reader", ["professional", "team_lead"])  # the owner edits; the team lead also may
def test_engagement_page_queries_do_not_grow_with_measurements(plan, professional, reader, request, login):
    complete_engagement(plan)
    client = login(request.getfixturevalue(reader))
    realised(plan, professional, ["evaluatie-6"])
    few = page_queries(client, plan)
    realised(plan, professional, [f"evaluatie-{months}" for months in range(12, 96, 6)])
    assert page_queries(client, plan) == few
