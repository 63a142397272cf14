"""The plan page submits through follow-up's one submit path; the old entry points are gone."""

import pytest
from django.urls import NoReverseMatch, reverse

from doorbraak.followup.models import DecisionRequest
from doorbraak.followup.tests.factories import make_complete
from doorbraak.plans.constants import PlanStatus

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["plans:submit", "plans:status", "workspace:submit"])
def test_the_old_submit_url_names_are_gone(name):
    with pytest.raises(NoReverseMatch):
        reverse(name, args=["00000000-0000-0000-0000-000000000000"])


def test_the_old_submit_path_is_404(plan, professional, login):
    make_complete(plan, professional)
    assert login(professional).post(f"/plannen/{plan.pk}/indienen/").status_code == 404
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CONCEPT


def test_the_status_view_does_not_submit(plan, professional, login):
    """Withdraw, start, evaluate, close only: 'submitted' is refused there, nothing is bypassed."""
    make_complete(plan, professional)
    client = login(professional)
    response = client.post(reverse("workspace:status", args=[plan.pk]), {"to_status": "submitted"})
    assert response["Location"] == reverse("workspace:plan", args=[plan.pk]) + "#sectie-status"
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CONCEPT
    assert not DecisionRequest.objects.filter(plan=plan).exists()
    assert "Onbekende statuswijziging." in client.get(response["Location"]).content.decode()


def test_the_plan_page_submit_button_posts_to_followup(plan, professional, login):
    html = login(professional).get(reverse("workspace:plan", args=[plan.pk])).content.decode()
    form = html[html.index('id="sectie-status"') :]
    assert f'action="{reverse("followup:plan_submit", args=[plan.pk])}"' in form
    assert '<input type="hidden" name="return_to" value="plan">' in form
