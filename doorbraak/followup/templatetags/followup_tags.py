from django import template

from doorbraak.core.formatting import format_euro

register = template.Library()


@register.filter
def euro(value) -> str:
    """Decimal → '€ 1.234,56' (Dutch notation, minus sign before the euro sign)."""
    return format_euro(value)


@register.filter
def get_item(mapping, key):
    return mapping.get(key, key) if mapping else key
