"""The basis (onderbouwing) a decider reads: the three sides of a plan's value triangle, read-only.

Gathered from the apps that own each side, through their selectors: the cited articles with how they apply
and the motivation paragraph (``legal``), the return results with who pays and who benefits (``costs``), and
the household's voice with the Positive Health scores (``engagement``). The plan passed in was fetched through
``selectors.plan_for_decider`` (tenant, role and decision request checked).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from doorbraak.costs.constants import FundingStream, Scenario
from doorbraak.costs.selectors import plan_results
from doorbraak.engagement.charts import RadarChart, radar_chart
from doorbraak.engagement.models import Engagement
from doorbraak.engagement.selectors import PlanScores, engagement_for_plan, scores_for_plan
from doorbraak.legal.models import Citation, PlanLegalBasis
from doorbraak.legal.selectors import citations_for_plan, legal_basis_for_plan
from doorbraak.plans.models import Plan

# The forecast a decider weighs (realised belongs to the evaluations on the follow-up page).
FORECAST = (Scenario.CURRENT, Scenario.THREATENING, Scenario.PLAN)


@dataclass(frozen=True)
class ScenarioTotal:
    code: str
    label: str
    total: Decimal
    low: Decimal
    high: Decimal


@dataclass(frozen=True)
class StreamRow:
    """One funding stream: what it spends per scenario and whether it invests or benefits with the plan."""

    stream: str
    label: str
    current: Decimal
    threatening: Decimal
    plan: Decimal
    direct: Decimal
    avoided: Decimal

    @property
    def role(self) -> str:  # invests / benefits / neutral
        return "invests" if self.avoided < 0 else "benefits" if self.avoided > 0 else "neutral"


@dataclass(frozen=True)
class PlanBasis:
    citations: list[Citation]
    legal_basis: PlanLegalBasis | None
    result: Any  # the costs calculator's result (costs.selectors.plan_results)
    scenarios: list[ScenarioTotal]
    streams: list[StreamRow]
    engagement: Engagement | None
    scores: PlanScores
    chart: RadarChart

    @property
    def has_sum(self) -> bool:
        return bool(self.result.line_count)


def plan_basis(*, plan: Plan) -> PlanBasis:
    """Everything the basis page shows of ``plan``."""
    result = plan_results(plan=plan)
    scenario_labels = dict(Scenario.choices)
    stream_labels = dict(FundingStream.choices)
    scores = scores_for_plan(plan=plan)
    return PlanBasis(
        citations=list(citations_for_plan(plan=plan)),
        legal_basis=legal_basis_for_plan(plan=plan),
        result=result,
        scenarios=[
            ScenarioTotal(
                code,
                str(scenario_labels[code]),
                result.totals[code],
                result.totals_low[code],
                result.totals_high[code],
            )
            for code in FORECAST
        ],
        streams=[
            StreamRow(
                stream=row["stream"],
                label=str(stream_labels.get(row["stream"], row["stream"])),
                current=row["current"],
                threatening=row["threatening"],
                plan=row["plan"],
                direct=row["direct"],
                avoided=row["avoided"],
            )
            for row in result.wrong_pocket()
        ],
        engagement=engagement_for_plan(plan=plan),
        scores=scores,
        chart=radar_chart(scores, colour=plan.organisation.primary_colour),
    )
