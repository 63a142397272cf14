"""Dutch notation of money, quantities and percentages, shared by every page and document.

Pure: no Django, only Decimal. Templates reach these through ``{% load formatting %}`` (core/templatetags)."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MINUS = "\u2212"  # a true minus sign, read as "min" by screen readers
HUNDRED = Decimal(100)


def group_thousands(whole: str) -> str:
    """'1234567' -> '1.234.567'."""
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return ".".join(groups)


def format_euro(value, *, cents: bool = True) -> str:
    """€ 1.234,56 and −€ 1.234,56; with ``cents=False`` whole euros (€ 26.121). Rounded half up.

    Empty for None or ''; anything that is not a number is returned as text unchanged."""
    if value is None or value == "":
        return ""
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value))
        amount = amount.quantize(Decimal("0.01") if cents else Decimal("1"), rounding=ROUND_HALF_UP)
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    sign = MINUS if amount < 0 else ""
    whole, _, fraction = f"{abs(amount):f}".partition(".")
    text = group_thousands(whole)
    if cents:
        text += "," + fraction
    return f"{sign}€ {text}"


def format_number(value) -> str:
    """1234.50 -> 1.234,5 (quantities and probabilities, no trailing zeros)."""
    if value is None or value == "":
        return ""
    text = f"{Decimal(value).normalize():f}"
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return sign + group_thousands(whole.lstrip("-")) + ("," + frac if frac else "")


def format_percent(value) -> str:
    """0.25 -> 25% (a fraction shown as a percentage)."""
    if value is None:
        return ""
    return format_number(Decimal(value) * HUNDRED) + "%"


def format_duration(seconds) -> str:
    """A duration in whole seconds as minutes and seconds: 754 -> '12 min 34 s', 60 -> '1 min 0 s'."""
    if seconds is None:
        return "—"
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes} min {rest} s"


def truncate(text: str, length: int) -> str:
    """Like Django's truncatechars: at most ``length`` characters, ending in an ellipsis when cut."""
    return text if len(text) <= length else text[: length - 1] + "…"
