from django import template

from doorbraak.costs.constants import FundingStream, Scenario

register = template.Library()


@register.filter
def stream_label(code):
    try:
        return FundingStream(code).label
    except ValueError:
        return code


@register.filter
def scenario_label(code):
    try:
        return Scenario(code).label
    except ValueError:
        return code
