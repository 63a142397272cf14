from django import template

from ..selectors import submission_blockers, value_triangle

register = template.Library()


@register.simple_tag
def value_triangle_for(plan) -> dict:
    """{% value_triangle_for plan as triangle %}: the sides and the submission blockers of ``plan``."""
    sides = value_triangle(plan=plan)
    blockers = submission_blockers(plan=plan, triangle=sides)
    return {"sides": sides, "blockers": blockers, "complete": not blockers, "has_breakthrough": plan.has_breakthrough}
