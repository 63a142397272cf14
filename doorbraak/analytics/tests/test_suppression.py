"""Property tests: whatever the data, no figure the dashboards may show singles out a small group."""

from datetime import UTC, datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from doorbraak.analytics import aggregation as A
from doorbraak.analytics.suppression import (
    DOMINANCE,
    MIN_CELL,
    ROUND_TO,
    Cell,
    median,
    money_sum,
    protect,
    rounded,
    share,
)

TAGS = ["schulden", "wonen", "opvoeden", "ggz", "inkomen"]
STATUSES = ["concept", "submitted", "approved", "rejected", "evaluated"]

plan_rows = st.builds(
    A.PlanRow,
    team=st.sampled_from(["1", "2", "3"]),
    district=st.sampled_from(["7", "8", ""]),
    status=st.sampled_from(STATUSES),
    created_at=st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2026, 12, 31), timezones=st.just(UTC)),
    submitted_at=st.none()
    | st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2026, 12, 31), timezones=st.just(UTC)),
    editing_seconds=st.integers(min_value=0, max_value=7200),
    tags=st.frozensets(st.sampled_from(TAGS), max_size=4),
)
# Data sizes around the thresholds, with a skew so that small groups appear next to big ones.
datasets = st.lists(plan_rows, min_size=0, max_size=160)


def check_table(table: A.Table):
    counts, cells = table.counts, table.cells
    ancestors, partitions = A._structure(counts)
    for key, cell in cells.items():
        if key.metric == A.TIME_TO_PLAN or not cell.shown:
            continue
        n = counts[key]
        assert n >= MIN_CELL, (key, n)
        assert cell.value % ROUND_TO == 0 and abs(cell.value - n) <= ROUND_TO / 2
        for group in ancestors[key]:
            assert counts[group] - n == 0 or counts[group] - n >= MIN_CELL, (key, group)
    for parent, children in partitions:
        held = [c for c in children if not cells[c].shown]
        if cells[parent].shown:
            remainder = counts[parent] - sum(counts[c] for c in children if cells[c].shown)
            assert len(held) != 1 or not [c for c in children if cells[c].shown], (parent, held)
            assert not held or remainder >= MIN_CELL or not [c for c in children if cells[c].shown], (parent, remainder)
        elif children:
            assert held, (parent, "a held-back parent would follow from its children")


@settings(max_examples=150, deadline=None)
@given(datasets)
def test_no_shown_count_singles_out_a_small_group(rows):
    check_table(A.build(rows))


@settings(max_examples=60, deadline=None)
@given(st.lists(plan_rows, min_size=0, max_size=40), st.integers(min_value=0, max_value=60))
def test_a_big_team_next_to_a_small_one_does_not_give_the_small_one_away(rows, big):
    """The differencing attack: municipality minus the big team is the small team. The big team's figure is held
    back (or the small one is at least MIN_CELL) whatever the sizes."""
    base = datetime(2026, 2, 1, tzinfo=UTC)
    rows = (
        rows
        + [A.PlanRow(team="9", district="7", status="submitted", created_at=base, tags=frozenset({"schulden"}))] * big
    )
    table = A.build(rows)
    check_table(table)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=8))
def test_protect_on_a_plain_partition(children):
    counts = {"total": sum(children)} | {f"c{i}": n for i, n in enumerate(children)}
    ancestors = {f"c{i}": ["total"] for i in range(len(children))}
    cells = protect(counts, ancestors, [("total", [f"c{i}" for i in range(len(children))])])
    shown = [k for k in ancestors if cells[k].shown]
    held = [k for k in ancestors if not cells[k].shown]
    for k in shown:
        assert counts[k] >= MIN_CELL and (counts["total"] - counts[k] == 0 or counts["total"] - counts[k] >= MIN_CELL)
    if cells["total"].shown and held and shown:
        assert len(held) >= 2 and sum(counts[k] for k in held) >= MIN_CELL


def test_examples_of_the_rules():
    assert rounded(12) == 10 and rounded(13) == 15 and rounded(10) == 10
    cells = protect({"t": 40, "a": 31, "b": 9}, {"a": ["t"], "b": ["t"]}, [("t", ["a", "b"])])
    assert cells["b"] == Cell(None, "small") and cells["a"] == Cell(None, "complement")
    assert cells["t"].value == 40
    cells = protect({"t": 60, "a": 25, "b": 25, "c": 9, "d": 1}, {}, [("t", ["a", "b", "c", "d"])])
    # c and d together are 10 but both small; the parent minus a and b would give 10: fine, two cells, 10 plans
    assert cells["a"].shown and cells["b"].shown and not cells["c"].shown and not cells["d"].shown
    cells = protect({"t": 60, "a": 25, "b": 30, "c": 5}, {}, [("t", ["a", "b", "c"])])
    assert not cells["c"].shown and cells["a"] == Cell(None, "secondary") and cells["b"].shown


@settings(max_examples=200, deadline=None)
@given(st.lists(st.decimals(min_value=-5000, max_value=50000, places=2), min_size=0, max_size=30))
def test_money_sums_need_ten_households_and_no_dominant_one(values):
    cell = money_sum(values)
    if cell.shown:
        assert len(values) >= MIN_CELL
        assert max(abs(v) for v in values) <= Decimal("0.85") * sum(abs(v) for v in values)


def test_one_household_holding_most_of_a_sum_hides_it():
    assert money_sum([Decimal(100)] * 10 + [Decimal(100_000)]).reason == DOMINANCE
    assert money_sum([Decimal(1000)] * 12).value == 12000


def test_shares_and_medians():
    assert share(Cell(Decimal(10)), Cell(Decimal(40))).value == Decimal("25.0")
    assert not share(Cell(None, "small"), Cell(Decimal(40))).shown
    assert not share(Cell(Decimal(5)), Cell(Decimal(5))).shown
    assert not median([3] * 9).shown and median(list(range(1, 12))).value == 6
