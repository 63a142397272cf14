"""Reading the shipped national price list (data/price-list.csv). Pure: no Django imports."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

PRICE_LIST_CSV = Path(__file__).resolve().parent / "data" / "price-list.csv"
ESTIMATE_PREFIX = "SCHATTING:"

# Index type per item (price-list-notes.md, "Indexatie naar een later jaar"): statutory amounts are replaced,
# labour-intensive care (Wmo, Jeugdwet) follows a wage/price mix, Zvw/Wlz follow the NZa; everything else CPI.
STATUTORY_PREFIXES = ("pw_bijstand_", "pw_bewind_", "bd_kinderopvang_", "bd_gastouderopvang")
STATUTORY_CODES = {"jw_pleegvergoeding"}


def default_index_type(code: str, funding_stream: str) -> str:
    if code in STATUTORY_CODES or code.startswith(STATUTORY_PREFIXES):
        return "statutory"
    if funding_stream in {"wmo", "jeugdwet"}:
        return "ova_mix"
    if funding_stream in {"zvw", "wlz"}:
        return "nza"
    return "cpi"


def read_price_list(path: Path = PRICE_LIST_CSV) -> list[dict]:
    """Rows as dicts with typed values: price (Decimal), price_year (int), cashable (bool), is_estimate."""
    rows = []
    with open(path, encoding="utf-8", newline="") as handle:
        for raw in csv.DictReader(handle):
            notes = (raw.get("notes") or "").strip()
            rows.append(
                {
                    "code": raw["code"].strip(),
                    "name": raw["name_nl"].strip(),
                    "unit": raw["unit"].strip(),
                    "price": Decimal(raw["price_eur"].strip()),
                    "price_eur": raw["price_eur"].strip(),
                    "price_year": int(raw["price_year"]),
                    "funding_stream": raw["funding_stream"].strip(),
                    "life_domain": raw["domain"].strip(),
                    "cashable": raw["cashable"].strip().lower() == "yes",
                    "source": (raw.get("source") or "").strip(),
                    "source_url": (raw.get("source_url") or "").strip(),
                    "notes": notes,
                    "is_estimate": notes.startswith(ESTIMATE_PREFIX),
                    "index_type": default_index_type(raw["code"].strip(), raw["funding_stream"].strip()),
                }
            )
    return rows


def price_list_by_code(path: Path = PRICE_LIST_CSV) -> dict[str, dict]:
    return {row["code"]: row for row in read_price_list(path)}
