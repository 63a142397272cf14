from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def euro(value) -> str:
    """Decimal → '€ 1.234,56' (Dutch notation, minus sign before the euro sign)."""
    if value is None or value == "":
        return ""
    amount = Decimal(value).quantize(Decimal("0.01"))
    sign = "−" if amount < 0 else ""
    whole, cents = f"{abs(amount):.2f}".split(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return f"{sign}€ {'.'.join(groups)},{cents}"


@register.filter
def get_item(mapping, key):
    return mapping.get(key, key) if mapping else key
