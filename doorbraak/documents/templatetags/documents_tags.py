from django import template

from ..formatting import euro as format_euro

register = template.Library()


@register.filter
def euro(value):
    """{{ amount|euro }} -> '€ 26.121' (whole euros, for documents)."""
    return format_euro(value)


@register.filter
def euro_cents(value):
    return format_euro(value, cents=True)
