"""Dutch display formatting of quantities and percentages (money: doorbraak.core.formatting). Pure."""

from decimal import Decimal

from doorbraak.core.formatting import format_euro, group_thousands

__all__ = ["format_euro", "format_number", "format_percent", "truncate"]

HUNDRED = Decimal(100)


def format_number(value) -> str:
    """1234.50 -> 1.234,5 (quantities and probabilities, no trailing zeros)."""
    if value is None or value == "":
        return ""
    text = f"{Decimal(value).normalize():f}"
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return sign + group_thousands(whole.lstrip("-")) + ("," + frac if frac else "")


def format_percent(value) -> str:
    if value is None:
        return ""
    return format_number(Decimal(value) * HUNDRED) + "%"


def truncate(text: str, length: int) -> str:
    """Like Django's truncatechars: at most ``length`` characters, ending in an ellipsis when cut."""
    return text if len(text) <= length else text[: length - 1] + "…"
