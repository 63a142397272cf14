"""The privacy rules for every figure a dashboard or export shows. Pure Python, no Django.

A dashboard cell counts households (plans). It is shown only when it cannot single out a household:
- a count needs at least MIN_CELL plans, and so does what is left of every group it belongs to (its
  complement: 'all but 3 plans of team Noord have a debt' singles out 3 households just as well);
- within a partition (the statuses of the plans started, the four quarters of a year, the teams of a
  municipality) the cells held back must together hold 0 or at least MIN_CELL plans, and never be a single
  cell: otherwise the parent minus the cells shown gives them away (secondary suppression);
- shown counts are rounded to multiples of ROUND_TO, so differencing two figures gives a range, not a number;
- a share is shown only over a denominator of at least MIN_CELL, and only when its numerator may be shown;
- a sum of money needs at least MIN_CELL contributing households, none of which holds more than
  DOMINANCE_SHARE of it (the (n=1, k=85) dominance rule of statistical disclosure control);
- a median needs at least MIN_CELL values.
Rules after CBS practice (cells under 10 blanked, counts rounded to 5) and sdcTable's dominance rule.
"""

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

MIN_CELL = 10
ROUND_TO = 5
DOMINANCE_SHARE = Decimal("0.85")

# Why a cell is held back (shown as "< 10" or "onderdrukt").
SMALL = "small"  # fewer than MIN_CELL plans
COMPLEMENT = "complement"  # the rest of a group it belongs to is smaller than MIN_CELL
SECONDARY = "secondary"  # held back so that other held-back cells cannot be worked out
DOMINANCE = "dominance"  # one household holds most of a sum, or too few households contribute


@dataclass(frozen=True)
class Cell:
    value: Decimal | None  # None when held back
    reason: str = ""

    @property
    def shown(self) -> bool:
        return self.value is not None


def rounded(n: int) -> Decimal:
    """A count rounded to the nearest multiple of ROUND_TO (halves up)."""
    return (Decimal(n) / ROUND_TO).quantize(Decimal(1), rounding=ROUND_HALF_UP) * ROUND_TO


def small_reason(n: int, groups: Iterable[int] = ()) -> str:
    """Why a count n may not be shown ("" when it may): too small itself, or leaving fewer than MIN_CELL
    in one of the ``groups`` it belongs to (each given as that group's count)."""
    if n < MIN_CELL:
        return SMALL
    if any(0 < group - n < MIN_CELL for group in groups):
        return COMPLEMENT
    return ""


def protect(
    counts: Mapping[Hashable, int],
    ancestors: Mapping[Hashable, Sequence[Hashable]],
    partitions: Iterable[tuple[Hashable, Sequence[Hashable]]],
) -> dict[Hashable, Cell]:
    """Apply the count rules to a whole table at once.

    ``counts`` maps a cell key to its true count; ``ancestors`` maps a key to the keys of every group it is part of
    (its year, its municipality, its municipality in that year, ...); ``partitions`` lists (parent, children) whose
    children split the parent without overlap. Returns a Cell per key, with rounded values for those shown.

    Guaranteed, and checked by the property tests: a shown cell holds at least MIN_CELL plans and differs from each
    of its groups by 0 or at least MIN_CELL; in a partition with a shown parent the held-back children are none or
    several and hold 0 or at least MIN_CELL plans together; a held-back parent keeps at least one held-back child.
    Chains of differences across several partitions at once are not searched (that problem is NP-hard in
    general); rounding to ROUND_TO blurs what such a chain could give."""
    reasons = {key: small_reason(n, (counts.get(a, 0) for a in ancestors.get(key, ()))) for key, n in counts.items()}
    partitions = [(parent, [c for c in children if c in counts]) for parent, children in partitions]
    changed = True
    while changed:
        changed = False
        for parent, children in partitions:
            if parent not in counts or not children:
                continue
            held = [c for c in children if reasons[c]]
            shown = [c for c in children if not reasons[c]]
            if reasons.get(parent):
                # a held-back parent must not follow from its children: at least one of them is held back too
                need_more = not held and shown
            else:
                remainder = counts[parent] - sum(counts[c] for c in shown)
                need_more = bool(held) and bool(shown) and (len(held) == 1 or remainder < MIN_CELL)
            if need_more:
                smallest = min(shown, key=lambda c: (counts[c], str(c)))
                reasons[smallest] = SECONDARY
                changed = True
    return {key: Cell(None, reasons[key]) if reasons[key] else Cell(rounded(n)) for key, n in counts.items()}


def share(numerator: Cell, denominator: Cell) -> Cell:
    """A percentage (0-100, one decimal) of two protected counts, from their rounded values."""
    if not numerator.shown:
        return Cell(None, numerator.reason)
    if not denominator.shown or denominator.value < MIN_CELL:
        return Cell(None, SMALL)
    return Cell((numerator.value * 100 / denominator.value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def money_sum(per_household: Iterable[Decimal]) -> Cell:
    """A sum of money over households (one amount per household, already summed per household), in whole euros."""
    values = [Decimal(v) for v in per_household]
    total = sum(values, Decimal(0))
    if len(values) < MIN_CELL:
        return Cell(None, SMALL)
    largest = max(abs(v) for v in values)
    size = sum((abs(v) for v in values), Decimal(0))
    if size and largest > DOMINANCE_SHARE * size:
        return Cell(None, DOMINANCE)
    return Cell(total.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def median(values: Sequence[float | int | Decimal]) -> Cell:
    """The median of at least MIN_CELL values, rounded to a whole number."""
    if len(values) < MIN_CELL:
        return Cell(None, SMALL)
    ordered = sorted(Decimal(v) for v in values)
    middle = len(ordered) // 2
    value = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    return Cell(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def quantile(values: Sequence[float | int | Decimal], q: Decimal) -> Cell:
    """The q-quantile (nearest rank) of at least MIN_CELL values, rounded to a whole number."""
    if len(values) < MIN_CELL:
        return Cell(None, SMALL)
    ordered = sorted(Decimal(v) for v in values)
    index = min(len(ordered) - 1, max(0, int((q * len(ordered)).to_integral_value(rounding=ROUND_HALF_UP)) - 1))
    return Cell(ordered[index].quantize(Decimal(1), rounding=ROUND_HALF_UP))
