from decimal import Decimal, InvalidOperation

from django import template

from doorbraak.costs.calculator import round_cents
from doorbraak.costs.constants import FundingStream, Scenario

register = template.Library()


def format_euro(value) -> str:
    """Dutch money: € 1.234,56 and € -1.234,56."""
    if value is None or value == "":
        return ""
    try:
        amount = round_cents(Decimal(value))
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    sign = "-" if amount < 0 else ""
    whole, cents = f"{abs(amount):.2f}".split(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return f"€\u00a0{sign}{'.'.join(groups)},{cents}"


@register.filter
def euro(value):
    return format_euro(value)


@register.filter
def number_nl(value):
    """1234.50 -> 1.234,5 (quantities and probabilities, no trailing zeros)."""
    if value is None or value == "":
        return ""
    d = Decimal(value).normalize()
    text = f"{d:f}"
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + frac if frac else "")


@register.filter
def percent_nl(value):
    if value is None:
        return ""
    return number_nl(Decimal(value) * 100) + "%"


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
