"""Reading a tariff file (CSV or XLSX) into validated rows with row-level Dutch error messages.

Columns (header row, case-insensitive, Dutch or English names):
code, naam, eenheid, tarief, geldig_vanaf, geldig_tot, financieringsstroom, verzilverbaar.
A code that exists in the national price list maps the tariff to that item (name, unit, stream and cashable
may then be left empty); any other code is an own item of the municipality and needs naam, eenheid, tarief
and financieringsstroom. Nothing is stored here.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

HEADERS = {
    "code": "code",
    "naam": "name",
    "name": "name",
    "omschrijving": "name",
    "eenheid": "unit",
    "unit": "unit",
    "tarief": "amount",
    "prijs": "amount",
    "price": "amount",
    "amount": "amount",
    "geldig_vanaf": "valid_from",
    "valid_from": "valid_from",
    "geldig_tot": "valid_until",
    "geldig_tot_en_met": "valid_until",
    "valid_until": "valid_until",
    "financieringsstroom": "funding_stream",
    "funding_stream": "funding_stream",
    "verzilverbaar": "cashable",
    "cashable": "cashable",
}
MAX_ROWS = 5000
MAX_BYTES = 2 * 1024 * 1024


@dataclass
class ParsedFile:
    rows: list[dict] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (row number in the file, message)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value).strip()


def read_table(filename: str, content: bytes) -> list[list[str]]:
    """Rows of cells as text. Raises ValueError with a Dutch message on unreadable files."""
    if len(content) > MAX_BYTES:
        raise ValueError(_("Het bestand is groter dan 2 MB."))
    lower = filename.lower()
    if lower.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - any parse error of a user file is a user error
            raise ValueError(_("Het Excel-bestand kan niet worden gelezen.")) from exc
        sheet = workbook.worksheets[0]
        return [[_cell_text(c) for c in row] for row in sheet.iter_rows(values_only=True)]
    if lower.endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("cp1252", errors="replace")
        first = text.splitlines()[0] if text else ""
        delimiter = ";" if first.count(";") > first.count(",") else ","
        return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    raise ValueError(_("Upload een CSV- of XLSX-bestand."))


def parse_decimal(text: str) -> Decimal | None:
    text = text.replace("€", "").replace(" ", "").strip()
    if not text:
        return None
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")  # 1.234,56
    else:
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def parse_date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_bool(text: str) -> bool | None:
    value = text.strip().lower()
    if value in {"ja", "yes", "j", "y", "1", "true", "waar"}:
        return True
    if value in {"nee", "no", "n", "0", "false", "onwaar"}:
        return False
    return None


def parse_rows(table: list[list[str]], *, items: dict[str, dict], streams: set[str], default_from: date) -> ParsedFile:
    """Validate every row. ``items`` maps price-list code -> {"unit": ...}; ``streams`` are valid stream codes."""
    result = ParsedFile()
    table = [row for row in table if any(cell for cell in row)]
    if not table:
        result.errors.append((0, _("Het bestand is leeg.")))
        return result
    header = [HEADERS.get(h.strip().lower().replace(" ", "_")) for h in table[0]]
    missing = {"code", "amount"} - set(header)
    if missing:
        result.errors.append((1, _("Kolommen ontbreken in de kopregel: code en tarief zijn verplicht.")))
        return result
    if len(table) - 1 > MAX_ROWS:
        result.errors.append((0, _("Meer dan %(n)s regels; splits het bestand.") % {"n": MAX_ROWS}))
        return result
    seen: dict[tuple[str, str], int] = {}
    for number, raw in enumerate(table[1:], start=2):
        cells = {key: (raw[i] if i < len(raw) else "") for i, key in enumerate(header) if key}
        errors = []
        code = cells.get("code", "").strip()
        item = items.get(code)
        amount = parse_decimal(cells.get("amount", ""))
        valid_from_text = cells.get("valid_from", "")
        valid_from = parse_date(valid_from_text) if valid_from_text else default_from
        valid_until_text = cells.get("valid_until", "")
        valid_until = parse_date(valid_until_text) if valid_until_text else None
        stream = cells.get("funding_stream", "").strip().lower()
        cashable_text = cells.get("cashable", "")
        cashable = parse_bool(cashable_text) if cashable_text else None
        name = cells.get("name", "").strip()
        unit = cells.get("unit", "").strip().lower()
        if not code:
            errors.append(_("code ontbreekt"))
        if amount is None:
            errors.append(_("tarief '%(v)s' is geen bedrag") % {"v": cells.get("amount", "")})
        elif amount < 0:
            errors.append(_("tarief mag niet negatief zijn"))
        elif amount.as_tuple().exponent < -2:
            errors.append(_("tarief heeft meer dan twee decimalen"))
        if valid_from is None:
            errors.append(_("geldig vanaf '%(v)s' is geen datum (gebruik dd-mm-jjjj)") % {"v": valid_from_text})
        if valid_until_text and valid_until is None:
            errors.append(_("geldig tot '%(v)s' is geen datum (gebruik dd-mm-jjjj)") % {"v": valid_until_text})
        if valid_from and valid_until and valid_until < valid_from:
            errors.append(_("geldig tot ligt vóór geldig vanaf"))
        if stream and stream not in streams:
            errors.append(_("onbekende financieringsstroom '%(v)s'") % {"v": stream})
        if cashable_text and cashable is None:
            errors.append(_("verzilverbaar moet ja of nee zijn"))
        if item is None and code:
            if not name:
                errors.append(_("eigen post zonder naam (code staat niet in de landelijke prijslijst)"))
            if not unit:
                errors.append(_("eigen post zonder eenheid"))
            if not stream:
                errors.append(_("eigen post zonder financieringsstroom"))
        elif item is not None and unit and unit != item["unit"]:
            errors.append(
                _("eenheid '%(unit)s' wijkt af van de prijslijst ('%(expected)s')")
                % {"unit": unit, "expected": item["unit"]}
            )
        key = (code, valid_from.isoformat() if valid_from else "")
        if code and key in seen:
            errors.append(_("dubbele regel: zelfde code en begindatum als regel %(n)s") % {"n": seen[key]})
        seen.setdefault(key, number)
        if errors:
            result.errors.append((number, "; ".join(errors)))
            continue
        result.rows.append(
            {
                "row": number,
                "code": code,
                "mapped": item is not None,
                "name": name,
                "unit": unit,
                "amount": str(amount),
                "valid_from": valid_from.isoformat(),
                "valid_until": valid_until.isoformat() if valid_until else "",
                "funding_stream": stream,
                "cashable": cashable,
            }
        )
    return result
