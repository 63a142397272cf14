"""From plain rows about plans to the protected cells of the dashboards. Pure Python, no Django.

Every figure is computed for fixed periods (calendar years and their quarters) and fixed cuts (the whole
municipality, each team, each district), then protected as one table (suppression.protect), so no two figures
of the same run can be differenced into a small group.
"""

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from .suppression import Cell, median, protect, quantile

ORGANISATION = "organisation"
TEAM = "team"
DISTRICT = "district"
NO_DISTRICT = "0"  # teams without a district form their own district cut, so districts split the municipality

# Counts (protected together) and their keys.
STARTED = "started"  # plans started in the period
SUBMITTED = "submitted"  # plans submitted in the period
STATUS = "status"  # plans started in the period, by their status now (splits STARTED)
TAG = "tag"  # plans started in the period with the tag
PAIR = "pair"  # plans started in the period with both tags ("a|b")
DECISION = "decision"  # decisions taken in the period, by level and outcome ("<level>:<state>")
# Time to plan (minutes of active editing of plans submitted in the period): median, p25, p75.
TIME_TO_PLAN = "time_to_plan"
MAX_PAIRS = 15  # tag pairs kept: the most frequent over the municipality in the whole data


@dataclass(frozen=True)
class PlanRow:
    team: str
    district: str
    status: str
    created_at: datetime
    submitted_at: datetime | None = None
    editing_seconds: int = 0
    tags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class DecisionRow:
    team: str
    district: str
    decided_at: datetime
    level: str
    state: str


@dataclass(frozen=True)
class CellKey:
    metric: str
    key: str
    period: str  # "2026" or "2026-Q3"
    cut: str  # ORGANISATION, TEAM or DISTRICT
    cut_id: str = ""


@dataclass
class Table:
    cells: dict[CellKey, Cell] = field(default_factory=dict)
    counts: dict[CellKey, int] = field(default_factory=dict)  # true counts: for the tests, never stored


def periods(moment: datetime) -> tuple[str, str]:
    return str(moment.year), f"{moment.year}-Q{(moment.month - 1) // 3 + 1}"


def _cuts(team: str, district: str) -> list[tuple[str, str]]:
    return [(ORGANISATION, ""), (TEAM, team), (DISTRICT, district or NO_DISTRICT)]


def _count_into(counts: Counter, metric: str, key: str, moment: datetime, team: str, district: str) -> None:
    for period in periods(moment):
        for cut, cut_id in _cuts(team, district):
            counts[CellKey(metric, key, period, cut, cut_id)] += 1


def _structure(counts: Counter):
    """Ancestors and partitions of every counted cell (years over quarters, the municipality over teams and over
    districts, plans started over their statuses)."""
    ancestors: dict[CellKey, list[CellKey]] = {}
    partitions: dict[tuple[CellKey, str], list[CellKey]] = defaultdict(list)  # (parent, kind) -> children
    for k in counts:
        year = k.period.split("-")[0]
        periods_up = [k.period] + ([year] if year != k.period else [])
        cuts_up = [(k.cut, k.cut_id)] + ([(ORGANISATION, "")] if k.cut != ORGANISATION else [])
        ups = [CellKey(k.metric, k.key, p, c, i) for p, (c, i) in itertools.product(periods_up, cuts_up)]
        groups = [u for u in ups if u != k]
        if k.metric in (STATUS, TAG, PAIR):  # part of the plans started in the same period and cut, and upwards
            groups += [CellKey(STARTED, "", p, c, i) for p, (c, i) in itertools.product(periods_up, cuts_up)]
        ancestors[k] = groups
        if year != k.period:  # the quarters split the year
            partitions[(CellKey(k.metric, k.key, year, k.cut, k.cut_id), "quarters")].append(k)
        if k.cut != ORGANISATION:  # the teams split the municipality, and so do the districts
            partitions[(CellKey(k.metric, k.key, k.period, ORGANISATION, ""), k.cut)].append(k)
        if k.metric == STATUS:  # the statuses split the plans started
            partitions[(CellKey(STARTED, "", k.period, k.cut, k.cut_id), STATUS)].append(k)
    return ancestors, [(parent, children) for (parent, _kind), children in partitions.items()]


def build(plans: Iterable[PlanRow], decisions: Iterable[DecisionRow] = ()) -> Table:
    plans = list(plans)
    counts: Counter = Counter()
    pair_totals: Counter = Counter()
    for plan in plans:
        pair_totals.update("|".join(p) for p in itertools.combinations(sorted(plan.tags), 2))
    top_pairs = {pair for pair, n in pair_totals.most_common(MAX_PAIRS)}
    minutes: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for plan in plans:
        _count_into(counts, STARTED, "", plan.created_at, plan.team, plan.district)
        _count_into(counts, STATUS, plan.status, plan.created_at, plan.team, plan.district)
        for tag in plan.tags:
            _count_into(counts, TAG, tag, plan.created_at, plan.team, plan.district)
        for pair in itertools.combinations(sorted(plan.tags), 2):
            if "|".join(pair) in top_pairs:
                _count_into(counts, PAIR, "|".join(pair), plan.created_at, plan.team, plan.district)
        if plan.submitted_at:
            _count_into(counts, SUBMITTED, "", plan.submitted_at, plan.team, plan.district)
            for period in periods(plan.submitted_at):
                for cut, cut_id in _cuts(plan.team, plan.district):
                    minutes[(period, cut, cut_id)].append(plan.editing_seconds // 60)
    for decision in decisions:
        key = f"{decision.level}:{decision.state}"
        _count_into(counts, DECISION, key, decision.decided_at, decision.team, decision.district)
    ancestors, partitions = _structure(counts)
    table = Table(cells=protect(counts, ancestors, partitions), counts=dict(counts))
    for (period, cut, cut_id), values in minutes.items():
        for name, cell in (
            ("median", median(values)),
            ("p25", quantile(values, Decimal("0.25"))),
            ("p75", quantile(values, Decimal("0.75"))),
        ):
            table.cells[CellKey(TIME_TO_PLAN, name, period, cut, cut_id)] = cell
    return table
