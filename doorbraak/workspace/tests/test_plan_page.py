"""The plan page shows block 1 next to the state of the three sides; its data comes from the view."""

from django.urls import reverse

from doorbraak.engagement.selectors import ValueTriangle
from doorbraak.plans.constants import PlanStatus


def test_plan_page_shows_the_panel(plan, professional, doorbraakteam, login):
    response = login(professional).get(reverse("workspace:plan", args=[plan.pk]))
    assert response.status_code == 200
    assert "Waardendriehoek" in response.content.decode()
    plan.status = PlanStatus.SUBMITTED
    plan.save()
    assert "Waardendriehoek" in login(doorbraakteam).get(reverse("workspace:plan", args=[plan.pk])).content.decode()


def test_the_value_triangle_is_loaded_by_the_view(plan, professional, login):
    """No template tag runs a selector: the view passes the triangle (sides and blockers) in the context."""
    response = login(professional).get(reverse("workspace:plan", args=[plan.pk]))
    triangle = response.context["triangle"]
    assert isinstance(triangle, ValueTriangle)
    assert [side.code for side in triangle.sides] == ["engagement", "return", "legitimacy"]
    assert not triangle.complete and triangle.blockers
    assert triangle.has_breakthrough == plan.has_breakthrough
