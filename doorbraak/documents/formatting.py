"""Dutch money formatting for the plan document (whole euros by default). Pure: no Django imports."""

from decimal import Decimal

from doorbraak.core.formatting import format_euro


def euro(value: Decimal | int | None, *, cents: bool = False) -> str:
    """'€ 26.121' (or '€ 26.121,50' with cents); negative as '−€ 1.200'. None gives an empty string."""
    return format_euro(value, cents=cents)
