"""The societal cost-benefit sum ("maatschappelijke rekensom"). Pure: no Django, only Decimal.

Rules (binding, from the golden cases file):

- amount(line) = quantity x unit_price x probability (probability defaults to 1), rounded to cents, half up.
  Rounding happens once per line, on the full product; every total is a sum of rounded line amounts.
- total(scenario) = sum of its line amounts.
- direct_saving = total(current) - total(plan).
- direct_cash_saving = the same difference over the cashable lines only (cashable lines of current minus
  cashable lines of plan).
- avoided_costs = total(threatening) - total(plan).
- *_by_stream: the same differences per funding stream; streams whose difference is 0 are omitted.

Range (low-high): a line may carry a low and a high quantity (either defaults to the quantity). The low and
high amount of a line use that quantity with the same unit price and probability, rounded like the point
amount. A saving's range is the conservative span: low = baseline_low - plan_high, high = baseline_high -
plan_low. The probability stays a weight in all three figures (expected value); the range expresses the
uncertainty in volume, the probability the uncertainty in whether the event happens at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
ONE = Decimal("1")

CURRENT = "current"
THREATENING = "threatening"
PLAN = "plan"
REALISED = "realised"
SCENARIOS = (CURRENT, THREATENING, PLAN, REALISED)


def to_decimal(value) -> Decimal:
    """Decimal from str/int/Decimal; floats go through str() so 0.6 stays 0.6 (never binary noise)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("bool is not a number")
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(str(value).strip().replace(",", ".") if isinstance(value, str) else value)


def round_cents(value: Decimal) -> Decimal:
    """Round to cents, half up (0.005 -> 0.01, -0.005 -> -0.01), and never return -0.00."""
    rounded = value.quantize(CENT, rounding=ROUND_HALF_UP)
    return ZERO if rounded == 0 else rounded


def money(value: Decimal) -> str:
    """'4912.00' style string for machine output."""
    return str(round_cents(value))


@dataclass(frozen=True, slots=True)
class Line:
    scenario: str
    quantity: Decimal
    unit_price: Decimal
    funding_stream: str
    cashable: bool
    probability: Decimal = ONE
    quantity_low: Decimal | None = None
    quantity_high: Decimal | None = None
    key: object = None  # caller's id, to map amounts back to lines

    def amount_for(self, quantity: Decimal) -> Decimal:
        return round_cents(quantity * self.unit_price * self.probability)

    @property
    def amount(self) -> Decimal:
        return self.amount_for(self.quantity)

    @property
    def amount_low(self) -> Decimal:
        return self.amount_for(self.quantity if self.quantity_low is None else self.quantity_low)

    @property
    def amount_high(self) -> Decimal:
        return self.amount_for(self.quantity if self.quantity_high is None else self.quantity_high)


@dataclass(frozen=True, slots=True)
class Range:
    low: Decimal
    high: Decimal


@dataclass(frozen=True)
class Result:
    totals: dict[str, Decimal]
    totals_low: dict[str, Decimal]
    totals_high: dict[str, Decimal]
    totals_by_stream: dict[str, dict[str, Decimal]]
    cash_totals: dict[str, Decimal]
    direct_saving: Decimal
    direct_saving_by_stream: dict[str, Decimal]
    direct_cash_saving: Decimal
    direct_cash_saving_by_stream: dict[str, Decimal]
    avoided_costs: Decimal
    avoided_costs_by_stream: dict[str, Decimal]
    direct_saving_range: Range
    avoided_costs_range: Range
    line_amounts: dict[object, Decimal] = field(default_factory=dict)
    line_count: int = 0

    @property
    def streams(self) -> list[str]:
        """Every funding stream that occurs in any scenario, sorted."""
        found: set[str] = set()
        for per_stream in self.totals_by_stream.values():
            found.update(per_stream)
        return sorted(found)

    def as_case_dict(self) -> dict:
        """The fields of an 'expected' block in cost-benefit.yaml, with money as strings."""
        return {
            "totals": {s: money(self.totals[s]) for s in (CURRENT, THREATENING, PLAN)},
            "direct_saving": money(self.direct_saving),
            "direct_saving_by_stream": {k: money(v) for k, v in self.direct_saving_by_stream.items()},
            "direct_cash_saving": money(self.direct_cash_saving),
            "avoided_costs": money(self.avoided_costs),
            "avoided_costs_by_stream": {k: money(v) for k, v in self.avoided_costs_by_stream.items()},
        }

    def wrong_pocket(self, baseline: str = THREATENING) -> list[dict]:
        """Per funding stream: what it spends in the baseline and in the plan, and the difference.

        A positive difference means the stream benefits (saves), a negative one that it invests.
        """
        rows = []
        for stream in self.streams:
            before = self.totals_by_stream.get(baseline, {}).get(stream, ZERO)
            after = self.totals_by_stream.get(PLAN, {}).get(stream, ZERO)
            current = self.totals_by_stream.get(CURRENT, {}).get(stream, ZERO)
            rows.append(
                {
                    "stream": stream,
                    "current": current,
                    "threatening": self.totals_by_stream.get(THREATENING, {}).get(stream, ZERO),
                    "plan": after,
                    "direct": current - after,
                    "avoided": before - after,
                }
            )
        return rows


def _difference(a: Mapping[str, Decimal], b: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """a - b per stream, zero differences omitted, sorted by stream code."""
    out = {}
    for stream in sorted(set(a) | set(b)):
        diff = a.get(stream, ZERO) - b.get(stream, ZERO)
        if diff != 0:
            out[stream] = diff
    return out


def calculate(lines: Iterable[Line]) -> Result:
    totals = dict.fromkeys(SCENARIOS, ZERO)
    low = dict.fromkeys(SCENARIOS, ZERO)
    high = dict.fromkeys(SCENARIOS, ZERO)
    cash = dict.fromkeys(SCENARIOS, ZERO)
    by_stream: dict[str, dict[str, Decimal]] = {s: {} for s in SCENARIOS}
    cash_by_stream: dict[str, dict[str, Decimal]] = {s: {} for s in SCENARIOS}
    amounts: dict[object, Decimal] = {}
    count = 0
    for line in lines:
        if line.scenario not in totals:
            raise ValueError(f"unknown scenario {line.scenario!r}")
        count += 1
        amount = line.amount
        if line.key is not None:
            amounts[line.key] = amount
        s = line.scenario
        totals[s] += amount
        low[s] += line.amount_low
        high[s] += line.amount_high
        streams = by_stream[s]
        streams[line.funding_stream] = streams.get(line.funding_stream, ZERO) + amount
        if line.cashable:
            cash[s] += amount
            cs = cash_by_stream[s]
            cs[line.funding_stream] = cs.get(line.funding_stream, ZERO) + amount
    return Result(
        totals=totals,
        totals_low=low,
        totals_high=high,
        totals_by_stream=by_stream,
        cash_totals=cash,
        direct_saving=totals[CURRENT] - totals[PLAN],
        direct_saving_by_stream=_difference(by_stream[CURRENT], by_stream[PLAN]),
        direct_cash_saving=cash[CURRENT] - cash[PLAN],
        direct_cash_saving_by_stream=_difference(cash_by_stream[CURRENT], cash_by_stream[PLAN]),
        avoided_costs=totals[THREATENING] - totals[PLAN],
        avoided_costs_by_stream=_difference(by_stream[THREATENING], by_stream[PLAN]),
        direct_saving_range=Range(low[CURRENT] - high[PLAN], high[CURRENT] - low[PLAN]),
        avoided_costs_range=Range(low[THREATENING] - high[PLAN], high[THREATENING] - low[PLAN]),
        line_amounts=amounts,
        line_count=count,
    )


# --- golden-case files ------------------------------------------------------------------------------------------

_TRUE = {"true", "yes", "ja", "1", "y", "j"}


def _as_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in _TRUE


def _first(raw: Mapping, *names):
    for name in names:
        if name in raw and raw[name] is not None:
            return raw[name]
    return None


def case_lines(case: Mapping, price_list: Mapping[str, Mapping] | None = None) -> list[Line]:
    """Lines of one case from the cost-benefit.yaml format.

    A missing unit_price, funding_stream or cashable falls back to the price-list row of the line's item
    (``price_list`` maps code -> row with price_eur, funding_stream, cashable), if one is given.
    """
    lines = []
    for scenario, raw_lines in (case.get("scenarios") or {}).items():
        for raw in raw_lines or []:
            item = (price_list or {}).get(raw.get("item") or "", {})
            unit_price = _first(raw, "unit_price", "price")
            if unit_price is None:
                unit_price = item.get("price_eur", "0")
            stream = _first(raw, "funding_stream", "stream") or item.get("funding_stream") or "overig"
            cashable = _first(raw, "cashable")
            if cashable is None:
                cashable = item.get("cashable", False)
            low = _first(raw, "quantity_low", "low_quantity", "low")
            high = _first(raw, "quantity_high", "high_quantity", "high")
            probability = _first(raw, "probability")
            lines.append(
                Line(
                    scenario=str(scenario),
                    quantity=to_decimal(_first(raw, "quantity") or 0),
                    unit_price=to_decimal(unit_price),
                    funding_stream=str(stream),
                    cashable=_as_bool(cashable),
                    probability=ONE if probability is None else to_decimal(probability),
                    quantity_low=None if low is None else to_decimal(low),
                    quantity_high=None if high is None else to_decimal(high),
                )
            )
    return lines


def cases_from_document(document) -> list[Mapping]:
    """Accept {'cases': [...]}, a bare list of cases, or one case mapping."""
    if isinstance(document, Mapping) and "cases" in document:
        return list(document["cases"] or [])
    if isinstance(document, list):
        return document
    if isinstance(document, Mapping) and "scenarios" in document:
        return [document]
    raise ValueError("no cases found")


def compute_cases(document, price_list: Mapping[str, Mapping] | None = None) -> dict[str, dict]:
    out = {}
    for index, case in enumerate(cases_from_document(document)):
        case_id = str(case.get("id", index))
        out[case_id] = calculate(case_lines(case, price_list)).as_case_dict()
    return out
