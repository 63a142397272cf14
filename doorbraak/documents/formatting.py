"""Dutch money formatting for the plan document. Pure: no Django imports."""

from decimal import ROUND_HALF_UP, Decimal


def euro(value: Decimal | int | None, *, cents: bool = False) -> str:
    """'€ 26.121' (or '€ 26.121,50' with cents); negative as '-€ 1.200'. None gives an empty string."""
    if value is None:
        return ""
    amount = Decimal(value)
    quantum = Decimal("0.01") if cents else Decimal("1")
    amount = amount.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    whole, _, fraction = f"{abs(amount):f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = ".".join(groups) or "0"
    if cents:
        text += "," + (fraction or "00").ljust(2, "0")
    return f"{sign}€ {text}"
