"""Table-driven tests of the pure calculator, and the golden development cases to the cent."""

import json
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from doorbraak.costs.calculator import Line, calculate, compute_cases, money, round_cents

CASES = Path(__file__).parent / "data" / "cost-benefit.yaml"
D = Decimal


def line(scenario, qty, price, stream="wmo", cashable=True, p="1", low=None, high=None):
    return Line(
        scenario,
        D(qty),
        D(price),
        stream,
        cashable,
        D(p),
        None if low is None else D(low),
        None if high is None else D(high),
    )


def test_golden_cases_to_the_cent():
    document = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    computed = compute_cases(document)
    for case in document["cases"]:
        assert computed[case["id"]] == case["expected"], case["id"]


def test_compute_case_command_prints_expected_json():
    out = StringIO()
    call_command("compute_case", "--case-file", str(CASES), "--format", "json", stdout=out)
    result = json.loads(out.getvalue())
    document = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    assert set(result) == {c["id"] for c in document["cases"]}
    for case in document["cases"]:
        assert result[case["id"]] == case["expected"]
    assert result["hond-en-opname"]["direct_cash_saving"] == "-22731.00"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.005", "0.01"),
        ("0.004", "0.00"),
        ("1.125", "1.13"),
        ("-0.005", "-0.01"),
        ("-0.004", "0.00"),
        ("2.675", "2.68"),
    ],
)
def test_round_half_up(value, expected):
    assert money(D(value)) == expected


def test_empty_scenarios_give_zeros():
    result = calculate([]).as_case_dict()
    assert result == {
        "totals": {"current": "0.00", "threatening": "0.00", "plan": "0.00"},
        "direct_saving": "0.00",
        "direct_saving_by_stream": {},
        "direct_cash_saving": "0.00",
        "avoided_costs": "0.00",
        "avoided_costs_by_stream": {},
    }


def test_probability_and_rounding_per_line():
    # 3 x 0.335 x 0.5 = 0.5025 -> 0.50 per line; two lines 1.00 (not round(1.005) = 1.01)
    r = calculate([line("threatening", "3", "0.335", p="0.5"), line("threatening", "3", "0.335", p="0.5")])
    assert r.totals["threatening"] == D("1.00")
    # 1 x 0.01 x 0.5 = 0.005 -> rounds up to 0.01
    assert calculate([line("plan", "1", "0.01", p="0.5")]).totals["plan"] == D("0.01")


def test_negative_savings_and_streams_in_one_scenario_only():
    r = calculate(
        [
            line("current", "10", "10", stream="wmo"),
            line("plan", "1", "500", stream="participatiewet"),
            line("threatening", "2", "100", stream="woningcorporatie"),
        ]
    )
    assert r.direct_saving == D("-400.00")
    assert r.direct_saving_by_stream == {"participatiewet": D("-500.00"), "wmo": D("100.00")}
    assert r.avoided_costs_by_stream == {"participatiewet": D("-500.00"), "woningcorporatie": D("200.00")}


def test_zero_difference_streams_are_omitted_also_in_cash():
    r = calculate(
        [
            line("current", "1", "100", stream="wmo"),
            line("plan", "1", "100", stream="wmo"),
            line("current", "1", "50", stream="zvw", cashable=False),
        ]
    )
    assert r.direct_saving_by_stream == {"zvw": D("50.00")}
    assert r.direct_cash_saving == D("0.00")
    assert r.direct_cash_saving_by_stream == {}


def test_cash_saving_uses_cashable_lines_of_both_scenarios():
    r = calculate(
        [
            line("current", "1", "100", cashable=True),
            line("current", "1", "70", cashable=False),
            line("plan", "1", "30", cashable=True),
            line("plan", "1", "1000", cashable=False),
        ]
    )
    assert r.direct_cash_saving == D("70.00")
    assert r.direct_saving == D("-860.00")


def test_range_uses_low_and_high_quantities_conservatively():
    r = calculate(
        [
            line("threatening", "100", "10", p="0.5", low="50", high="200"),
            line("plan", "10", "10", low="5", high="20"),
        ]
    )
    assert r.totals["threatening"] == D("500.00")
    assert (r.totals_low["threatening"], r.totals_high["threatening"]) == (D("250.00"), D("1000.00"))
    assert r.avoided_costs == D("400.00")
    assert (r.avoided_costs_range.low, r.avoided_costs_range.high) == (D("50.00"), D("950.00"))


def test_float_input_does_not_leak_binary_noise():
    document = {
        "cases": [
            {
                "id": "x",
                "scenarios": {
                    "current": [
                        {
                            "item": None,
                            "quantity": 3,
                            "unit_price": 0.1,
                            "probability": 0.6,
                            "funding_stream": "wmo",
                            "cashable": True,
                        }
                    ]
                },
            }
        ]
    }
    assert compute_cases(document)["x"]["totals"]["current"] == "0.18"


def test_missing_fields_fall_back_to_price_list():
    from doorbraak.costs.pricelist import price_list_by_code

    document = {
        "cases": [{"id": "y", "scenarios": {"current": [{"item": "wmo_begeleiding_individueel", "quantity": 2}]}}]
    }
    result = compute_cases(document, price_list_by_code())["y"]
    assert result["totals"]["current"] == "132.00"
    assert result["direct_cash_saving"] == "132.00"


def test_round_cents_never_negative_zero():
    assert str(round_cents(D("-0.001"))) == "0.00"
