"""The link to the return side (doorbraak.costs): forecast vs realised savings of a plan."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from doorbraak.costs.constants import FundingStream, PriceOrigin, Scenario
from doorbraak.costs.selectors import lines_for_plan, plan_results
from doorbraak.costs.services import line_add, line_update, scenario_copy

from .comparison import Comparison, compare


@dataclass
class ForecastVsRealised:
    comparison: Comparison
    stream_labels: dict[str, str]
    has_forecast: bool
    has_realised: bool
    realised_lines: list


def forecast_vs_realised(*, plan) -> ForecastVsRealised | None:
    """Forecast (current/threatening vs plan) against realised, per funding stream; None without cost lines."""
    lines = list(lines_for_plan(plan=plan))
    if not lines:
        return None
    result = plan_results(plan=plan, lines=lines)
    return ForecastVsRealised(
        comparison=compare(result.totals_by_stream),
        stream_labels=dict(FundingStream.choices),
        has_forecast=any(line.scenario == Scenario.PLAN for line in lines),
        has_realised=any(line.scenario == Scenario.REALISED for line in lines),
        realised_lines=[line for line in lines if line.scenario == Scenario.REALISED],
    )


# --- writing the realised scenario, through the costs app's own services -------------------------------------

ACTUAL_COST_REASON = "Werkelijke kosten bij de evaluatie"


def realised_copy_from_plan(*, actor, plan) -> int:
    """Start the realised scenario from the plan's lines (prices as stored), to be corrected line by line."""
    return scenario_copy(actor=actor, plan=plan, source=Scenario.PLAN, target=Scenario.REALISED)


def realised_line_for_plan(*, plan, line_id):
    try:
        return lines_for_plan(plan=plan).get(pk=line_id, scenario=Scenario.REALISED)
    except Exception:  # noqa: BLE001 - DoesNotExist or a malformed id
        raise Http404 from None


def realised_line_update(*, actor, line, quantity, unit_price, version: int):
    keeps_own_price = line.price_origin in (PriceOrigin.MANUAL, PriceOrigin.FREE)
    manual_price = unit_price if keeps_own_price or unit_price != line.unit_price else None
    reason = line.manual_reason or ACTUAL_COST_REASON
    return line_update(
        actor=actor,
        line=line,
        data={"quantity": quantity},
        version=version,
        manual_price=manual_price,
        manual_reason=reason if manual_price is not None else "",
    )


def realised_line_add(*, actor, plan, description, quantity, unit_price, funding_stream, cashable):
    data = {
        "scenario": Scenario.REALISED,
        "description": description,
        "quantity": quantity,
        "funding_stream": funding_stream,
        "cashable": cashable,
    }
    return line_add(actor=actor, plan=plan, data=data, manual_price=unit_price)
