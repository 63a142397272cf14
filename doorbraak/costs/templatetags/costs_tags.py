from django import template

from doorbraak.costs.constants import FundingStream, Scenario
from doorbraak.costs.formatting import format_euro, format_number, format_percent

register = template.Library()


@register.filter
def euro(value):
    return format_euro(value)


@register.filter
def number_nl(value):
    return format_number(value)


@register.filter
def percent_nl(value):
    return format_percent(value)


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


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
