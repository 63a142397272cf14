from django.template.loader import render_to_string

from doorbraak.engagement.selectors import value_triangle_summary
from doorbraak.followup.tests.factories import make_complete
from doorbraak.plans.constants import PlanStatus

from .factories import complete_engagement


def render_panel(plan) -> str:
    context = {"plan": plan, "triangle": value_triangle_summary(plan=plan)}
    return render_to_string("engagement/_value_triangle.html", context)


def test_panel_lists_sides_links_and_what_is_missing(plan):
    html = render_panel(plan)
    assert "Waardendriehoek" in html
    assert f'href="/betrokkenheid/plannen/{plan.pk}/">Betrokkenheid</a>' in html
    assert f'href="/kosten/plannen/{plan.pk}/">Rendement</a>' in html
    assert f'href="/wetgeving/plannen/{plan.pk}/">Legitimiteit</a>' in html
    assert html.count("Nog niet compleet") == 3  # in words, not only a colour
    assert "Voordat het plan kan worden ingediend:" in html
    assert "Motiveer waarom het plan" in html
    assert f'href="/documenten/plannen/{plan.pk}/"' in html


def test_panel_shows_complete_plan(plan, professional):
    make_complete(plan, professional)
    html = render_panel(plan)
    assert html.count("✓ Compleet") == 3
    assert "Het plan is onderbouwd en kan worden ingediend." in html


def test_engagement_complete_but_others_not(plan):
    complete_engagement(plan)
    html = render_panel(plan)
    assert html.count("✓ Compleet") == 1 and html.count("Nog niet compleet") == 2


def test_submission_advice_only_while_the_plan_is_a_concept(plan):
    """After submission the sides still show their state, but 'before it can be submitted' no longer applies."""
    assert "Voordat het plan kan worden ingediend:" in render_panel(plan)
    for status in (PlanStatus.SUBMITTED, PlanStatus.APPROVED, PlanStatus.IN_PROGRESS):
        plan.status = status
        html = render_panel(plan)
        assert "Voordat het plan kan worden ingediend:" not in html
        assert "kan worden ingediend." not in html
        assert "Nog niet compleet" in html
