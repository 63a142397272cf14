import pytest


@pytest.mark.parametrize(
    "name",
    [
        "legal:plan_legitimacy",
        "costs:plan_return",
        "engagement:plan_engagement",
        "followup:plan_followup",
        "plans:detail",
    ],
)
def test_plan_pages_isolated(name, plan, professional, outsider, manager, login, client):
    from django.urls import reverse

    url = reverse(name, args=[plan.pk])
    assert login(professional).get(url).status_code == 200
    assert login(outsider).get(url).status_code == 404
    assert login(manager).get(url).status_code == 403
