"""Starting a plan for a household: once per creation token, only for the roles that start plans."""

import uuid

import pytest
from django.urls import reverse

from doorbraak.plans.models import Plan


def test_start_plan_for_household_once_per_token(plan, professional, login):
    url = reverse("plans:start", args=[plan.household.pk])
    token = str(uuid.uuid4())
    client = login(professional)
    first = client.post(url, {"creation_token": token})
    second = client.post(url, {"creation_token": token})
    assert first["Location"] == second["Location"]
    assert Plan.objects.filter(household=plan.household).count() == 2  # the fixture's plus one new


@pytest.mark.parametrize(("persona", "status"), [("manager", 403), ("doorbraakteam", 403), ("outsider", 404)])
def test_start_plan_access(persona, status, plan, login, request):
    url = reverse("plans:start", args=[plan.household.pk])
    assert login(request.getfixturevalue(persona)).post(url, {}).status_code == status


def test_colleague_cannot_start_plan_for_anothers_household(plan, colleague, login):
    assert login(colleague).post(reverse("plans:start", args=[plan.household.pk]), {}).status_code == 404
