"""Dutch display formatting of money, quantities and percentages. Pure: no Django, only Decimal."""

from decimal import Decimal, InvalidOperation

from .calculator import round_cents

HUNDRED = Decimal(100)


def _group_thousands(whole: str) -> str:
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return ".".join(groups)


def format_euro(value) -> str:
    """Dutch money: € 1.234,56 and −€ 1.234,56 (a true minus sign before the euro sign).

    The same notation as the follow-up app's ``euro`` filter (doorbraak/followup/templatetags/followup_tags.py);
    there is no shared money formatter in doorbraak/core, so both apps keep their own."""
    if value is None or value == "":
        return ""
    try:
        amount = round_cents(value if isinstance(value, Decimal) else Decimal(value))
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    sign = "\u2212" if amount < 0 else ""
    whole, cents = f"{abs(amount):.2f}".split(".")
    return f"{sign}€ {_group_thousands(whole)},{cents}"


def format_number(value) -> str:
    """1234.50 -> 1.234,5 (quantities and probabilities, no trailing zeros)."""
    if value is None or value == "":
        return ""
    text = f"{Decimal(value).normalize():f}"
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return sign + _group_thousands(whole.lstrip("-")) + ("," + frac if frac else "")


def format_percent(value) -> str:
    if value is None:
        return ""
    return format_number(Decimal(value) * HUNDRED) + "%"


def truncate(text: str, length: int) -> str:
    """Like Django's truncatechars: at most ``length`` characters, ending in an ellipsis when cut."""
    return text if len(text) <= length else text[: length - 1] + "…"
