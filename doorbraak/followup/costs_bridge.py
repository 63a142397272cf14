"""The link to the return side (doorbraak.costs): forecast vs realised savings of a plan."""

from __future__ import annotations

from dataclasses import dataclass

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
    try:
        from doorbraak.costs.constants import FundingStream, Scenario
        from doorbraak.costs.selectors import lines_for_plan, plan_results
    except ImportError:
        return None
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
