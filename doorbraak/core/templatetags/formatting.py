"""Display filters for every app: ``{% load formatting %}``. Formatting only: no queries, no selectors.

- ``euro``: money with cents, '€ 1.234,56' and '−€ 1.500,00' (pages, cost tables, ledgers).
- ``euro_whole``: money in whole euros, '€ 26.121' (the plan document).
- ``number_nl``: quantities, '1.234,5'; ``percent_nl``: a fraction as percentage, '25%'.
- ``duration``: seconds as '12 min 34 s' (the active editing time of a plan).
- ``get_item``: ``mapping|get_item:key`` is ``mapping.get(key)``, None when absent (add ``|default:...``).
"""

from django import template

from doorbraak.core.formatting import format_duration, format_euro, format_number, format_percent

register = template.Library()


@register.filter
def euro(value) -> str:
    return format_euro(value)


@register.filter
def euro_whole(value) -> str:
    return format_euro(value, cents=False)


@register.filter
def number_nl(value) -> str:
    return format_number(value)


@register.filter
def percent_nl(value) -> str:
    return format_percent(value)


@register.filter
def duration(value) -> str:
    return format_duration(value)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
