"""Indexing a price from its source year to a plan's price level. Pure: no Django, only Decimal.

price_target = price_source x PRODUCT(1 + index_t / 100) for t = source_year + 1 .. target_year

- ``index_t`` is the yearly change (percent) of the item's index type in year t (e.g. CBS CPI 2023 = 3.8).
- The product is computed exactly; the result is rounded ONCE, to cents half up (not per year).
- An index type without a figure for a year falls back to CPI for that year (reported in ``fallback_years``);
  a year without any figure counts as 0% and is reported in ``missing_years`` so the UI can say so.
- Statutory amounts (index type ``statutory``) are never indexed: they are replaced by the new legal value, so
  the price stays at its own year and the result says ``statutory=True``.
- A target year at or before the source year leaves the price as it is (prices are never deflated).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from .calculator import round_cents

CPI = "cpi"
STATUTORY = "statutory"
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Indexed:
    amount: Decimal
    source_year: int
    target_year: int
    index_type: str
    factor: Decimal = Decimal(1)
    applied_years: tuple[int, ...] = ()
    fallback_years: tuple[int, ...] = ()
    missing_years: tuple[int, ...] = field(default=())
    statutory: bool = False

    @property
    def indexed(self) -> bool:
        return bool(self.applied_years)

    @property
    def price_level_year(self) -> int:
        """The year the amount is expressed in."""
        return self.target_year if self.indexed else self.source_year


Figures = Mapping[tuple[str, int], Decimal]


def index_price(*, amount: Decimal, source_year: int, target_year: int, index_type: str, figures: Figures) -> Indexed:
    if index_type == STATUTORY:
        return Indexed(round_cents(amount), source_year, target_year, index_type, statutory=True)
    if target_year <= source_year:
        return Indexed(round_cents(amount), source_year, target_year, index_type)
    factor = Decimal(1)
    applied, fallback, missing = [], [], []
    for year in range(source_year + 1, target_year + 1):
        pct = figures.get((index_type, year))
        if pct is None and index_type != CPI:
            pct = figures.get((CPI, year))
            if pct is not None:
                fallback.append(year)
        if pct is None:
            missing.append(year)
            continue
        factor *= 1 + Decimal(pct) / HUNDRED
        applied.append(year)
    return Indexed(
        amount=round_cents(amount * factor),
        source_year=source_year,
        target_year=target_year,
        index_type=index_type,
        factor=factor,
        applied_years=tuple(applied),
        fallback_years=tuple(fallback),
        missing_years=tuple(missing),
    )


def price_level_year(*, reference_year: int, figures: Figures, index_type: str = CPI) -> int:
    """The plan's price level: its reference year, but no later than the last year with a published index
    figure (so a plan started in 2026 before CBS publishes 2026 is shown at prijspeil 2025)."""
    years = [year for (kind, year) in figures if kind == index_type]
    if not years:
        return reference_year
    return min(reference_year, max(years))
