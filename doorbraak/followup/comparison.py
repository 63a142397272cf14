"""Forecast vs realised savings of a plan. Pure: no Django, only Decimal.

Forecast (at the decision):  direct saving  = current − plan,      avoided costs = threatening − plan.
Realised (at the evaluation): direct saving = current − realised,  avoided costs = threatening − realised.
The baselines (current, threatening) stay as estimated when the plan was made: an evaluation records
what the plan really cost, not a new guess of what would have happened without it.
Per funding stream the same differences; a stream appears when any of the four scenarios has it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class ComparisonRow:
    stream: str  # "" for the total row
    direct_forecast: Decimal
    direct_realised: Decimal
    avoided_forecast: Decimal
    avoided_realised: Decimal

    @property
    def direct_difference(self) -> Decimal:
        return self.direct_realised - self.direct_forecast

    @property
    def avoided_difference(self) -> Decimal:
        return self.avoided_realised - self.avoided_forecast


@dataclass(frozen=True)
class Comparison:
    total: ComparisonRow
    by_stream: list[ComparisonRow]
    plan_total: Decimal
    realised_total: Decimal


def compare(totals_by_stream: Mapping[str, Mapping[str, Decimal]]) -> Comparison:
    """``totals_by_stream`` maps scenario ('current', 'threatening', 'plan', 'realised') to {stream: amount}."""
    current = totals_by_stream.get("current", {})
    threatening = totals_by_stream.get("threatening", {})
    plan = totals_by_stream.get("plan", {})
    realised = totals_by_stream.get("realised", {})
    streams = sorted(set(current) | set(threatening) | set(plan) | set(realised))

    def row(stream: str, c: Decimal, t: Decimal, p: Decimal, r: Decimal) -> ComparisonRow:
        return ComparisonRow(stream, c - p, c - r, t - p, t - r)

    rows = [
        row(
            s,
            current.get(s, ZERO),
            threatening.get(s, ZERO),
            plan.get(s, ZERO),
            realised.get(s, ZERO),
        )
        for s in streams
    ]

    def total(values: Mapping[str, Decimal]) -> Decimal:
        return sum(values.values(), ZERO)

    return Comparison(
        total=row("", total(current), total(threatening), total(plan), total(realised)),
        by_stream=rows,
        plan_total=total(plan),
        realised_total=total(realised),
    )
