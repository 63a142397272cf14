from decimal import Decimal

from doorbraak.costs.indexation import index_price, price_level_year
from doorbraak.costs.pricelist import read_price_list

D = Decimal
CPI = {("cpi", 2023): D("3.8"), ("cpi", 2024): D("3.3"), ("cpi", 2025): D("3.3")}


def test_cpi_compounds_and_rounds_once():
    r = index_price(amount=D("258"), source_year=2022, target_year=2025, index_type="cpi", figures=CPI)
    # 258 x 1.038 x 1.033 x 1.033 = 258 x 1.107638382 = 285.7707... -> 285.77
    assert r.amount == D("285.77")
    assert r.applied_years == (2023, 2024, 2025)
    assert r.indexed and r.price_level_year == 2025


def test_statutory_amounts_are_not_indexed():
    r = index_price(amount=D("133.10"), source_year=2024, target_year=2025, index_type="statutory", figures=CPI)
    assert r.amount == D("133.10") and r.statutory and not r.indexed and r.price_level_year == 2024


def test_other_index_falls_back_to_cpi_and_reports_missing_years():
    figures = {**CPI, ("ova_mix", 2024): D("6.0")}
    r = index_price(amount=D("100"), source_year=2023, target_year=2026, index_type="ova_mix", figures=figures)
    assert r.fallback_years == (2025,)
    assert r.missing_years == (2026,)
    assert r.amount == D("109.50")  # 100 x 1.06 x 1.033 = 109.498 -> 109.50


def test_never_deflates():
    r = index_price(amount=D("41"), source_year=2025, target_year=2024, index_type="cpi", figures=CPI)
    assert r.amount == D("41.00") and not r.indexed


def test_price_level_capped_at_last_published_year():
    assert price_level_year(reference_year=2026, figures=CPI) == 2025
    assert price_level_year(reference_year=2024, figures=CPI) == 2024


def test_shipped_price_list_marks_estimates():
    rows = read_price_list()
    assert len(rows) == 101
    assert sum(r["is_estimate"] for r in rows) == 26
    assert {r["code"] for r in rows if r["index_type"] == "statutory"} >= {"pw_bewind_standaard", "jw_pleegvergoeding"}
