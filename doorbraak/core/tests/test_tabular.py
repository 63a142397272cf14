"""The shared upload reader: encodings, separators, header mapping, limits, control characters, zip bombs, and the
Dutch value parsers. No database."""

import functools
import io
import time
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from django import forms
from openpyxl import Workbook

from doorbraak.core import tabular
from doorbraak.core.tabular import Column, Schema, TableFileError, parse_bool, parse_date, parse_decimal, read_table
from doorbraak.core.tabular_forms import (
    DutchBooleanField,
    DutchDateField,
    DutchDecimalField,
    ListField,
    RowForm,
    validate_rows,
)

SCHEMA = Schema(
    columns=(
        Column("code", required=True),
        Column("name", "naam", ("omschrijving",)),
        Column("amount", "tarief", ("prijs",), required=True),
    ),
    unknown_columns="warn",
    max_rows=50,
)
STRICT = Schema(columns=SCHEMA.columns, unknown_columns="error", max_rows=50)


def values(table):
    return [(row.number, row.values) for row in table.rows]


def xlsx(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- CSV: separators and encodings ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "encoding", "delimiter"),
    [
        ("code;naam;tarief\nA1;Begeleiding é;68,50\n".encode(), "utf-8", ";"),
        ('code,naam,tarief\nA1,Begeleiding é,"68,50"\n'.encode(), "utf-8", ","),
        ("code\tnaam\ttarief\nA1\tBegeleiding é\t68,50\n".encode(), "utf-8", "\t"),
        ("\ufeffcode;naam;tarief\r\nA1;Begeleiding é;68,50\r\n".encode(), "utf-8-sig", ";"),
        ("code;naam;tarief\nA1;Begeleiding é;68,50\n".encode("cp1252"), "cp1252", ";"),
        ("code\tnaam\ttarief\nA1\tBegeleiding é\t68,50\n".encode("utf-16"), "utf-16", "\t"),
    ],
    ids=["semicolon", "comma", "tab", "bom-crlf", "cp1252", "utf16-excel-unicode-text"],
)
def test_csv_separators_and_encodings(content, encoding, delimiter):
    table = read_table("t.csv", content, SCHEMA)
    assert table.ok, table.errors
    assert (table.encoding, table.delimiter) == (encoding, delimiter)
    assert values(table) == [(2, {"code": "A1", "name": "Begeleiding é", "amount": "68,50"})]


def test_header_is_case_accent_and_space_insensitive_and_keeps_the_users_names():
    table = read_table("t.csv", b" CODE ;Omschrijving;Tarief (EUR)\nA;B;1\n", SCHEMA)
    assert table.ok and values(table) == [(2, {"code": "A", "name": "B", "amount": "1"})]
    assert table.headers == {"code": "CODE", "name": "Omschrijving", "amount": "Tarief (EUR)"}


def test_row_numbers_are_the_spreadsheet_rows_blank_rows_and_quoted_line_breaks_included():
    content = b'\ncode;naam;tarief\nA;"twee\nregels";1\n\nB;x;2\n'
    table = read_table("t.csv", content, SCHEMA)
    assert table.header_row == 2
    assert [row.number for row in table.rows] == [3, 5]
    assert table.rows[0].values["name"] == "twee\nregels"


@pytest.mark.parametrize(
    ("content", "row", "fragment"),
    [
        (b"code;naam;tarief\nA;Jan\x00sen;1\n", 2, "kolom 'naam': bevat een ongeldig teken (NUL)"),
        (b"code;naam;tarief\nA;ok;1\nB;bel\x07;1\n", 3, "kolom 'naam': bevat een ongeldig teken (U+0007)"),
        ("code;naam;tarief\nA;é;1\nB;".encode() + b"\xff\xfe;1\n", 3, "onleesbaar teken (byte 0xFF)"),
        (b"code;naam;tarief\nA;x;1;extra\n", 2, "meer kolommen dan de kopregel"),
    ],
    ids=["nul", "bell", "broken-utf8", "extra-cell"],
)
def test_bad_cells_are_reported_with_row_and_column(content, row, fragment):
    table = read_table("t.csv", content, SCHEMA)
    assert not table.ok
    assert [number for number, _ in table.errors] == [row]
    assert fragment in table.errors[0][1]


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("t.csv", b"\x00\x01\x02\x03binary" * 200, "geen tekstbestand"),
        ("t.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "geen tekstbestand"),
        ("t.csv", xlsx([["code"]]), "sla het op als .xlsx"),
        ("t.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "oud Excel-bestand"),
        ("t.xlsx", b"code;tarief\nA;1\n", "geen geldig .xlsx-bestand"),
        ("t.pdf", b"%PDF-1.4", "Upload een CSV- of XLSX-bestand"),
        ("t.csv", b"   \n\n", "leeg"),
        ("t.csv", b"x" * (2 * 1024 * 1024 + 1), "groter dan 2 MB"),
    ],
    ids=["binary", "png", "xlsx-as-csv", "xls", "csv-as-xlsx", "pdf", "empty", "too-big"],
)
def test_unreadable_files_get_a_dutch_message(name, content, fragment):
    with pytest.raises(TableFileError) as caught:
        read_table(name, content, Schema(columns=SCHEMA.columns))
    assert fragment in str(caught.value)


def test_missing_and_unknown_columns():
    table = read_table("t.csv", b"naam;kleur\nx;y\n", STRICT)
    assert table.errors == [
        (1, "Kolommen ontbreken in de kopregel: code, tarief."),
        (1, "Onbekende kolommen: kleur. Bekende kolommen: code, naam, tarief."),
    ]
    lenient = read_table("t.csv", b"code;tarief;kleur\nx;1;rood\n", SCHEMA)
    assert lenient.ok and lenient.warnings == ["Onbekende kolommen: kleur. Deze kolommen worden niet gebruikt."]
    assert values(lenient) == [(2, {"code": "x", "amount": "1"})]


def test_duplicate_column_is_an_error():
    table = read_table("t.csv", b"code;tarief;prijs\nx;1;2\n", SCHEMA)
    assert "staat twee keer in de kopregel" in table.errors[0][1]


def test_value_under_an_unnamed_column_is_an_error():
    table = read_table("t.csv", b"code;;tarief\nx;;1\ny;iets;2\n", SCHEMA)
    assert table.errors == [(3, "kolom B heeft een waarde maar geen naam in de kopregel")]


def test_row_limit_stops_reading(monkeypatch):
    produced = []
    real = tabular._csv_rows

    def counting(text, delimiter):
        for item in real(text, delimiter):
            produced.append(item[0])
            yield item

    monkeypatch.setattr(tabular, "_csv_rows", counting)
    content = b"code;tarief\n" + b"A;1\n" * 100_000
    table = read_table("t.csv", content, SCHEMA)
    assert table.errors == [(52, "Het bestand heeft meer dan 50 regels; splits het bestand. Er is niets ingelezen.")]
    assert table.rows == [] and max(produced) == 52  # it never read the other 99,948 rows


def test_a_long_run_of_blank_rows_stops_reading_with_an_error():
    content = b"code;tarief\nA;1\n" + b";\n" * 5000 + b"B;2\n"
    table = read_table("t.csv", content, SCHEMA)
    assert table.rows == [] and table.errors[0][0] == 3 and "meer dan 1000 lege regels" in table.errors[0][1]
    few = read_table("t.csv", b"code;tarief\nA;1\n" + b";\n" * 500 + b"B;2\n", SCHEMA)
    assert [row.number for row in few.rows] == [2, 503]


def test_xlsx_is_read_with_typed_cells():
    content = xlsx([["Code", "Naam", "Tarief"], ["A", "x", 80.25], [None, None, None], ["B", "y", 12]])
    table = read_table("t.xlsx", content, SCHEMA)
    assert table.ok
    assert values(table) == [
        (2, {"code": "A", "name": "x", "amount": Decimal("80.25")}),
        (4, {"code": "B", "name": "y", "amount": 12}),
    ]


def test_xlsx_row_limit_stops_reading():
    content = xlsx([["code", "tarief"], *[["A", 1]] * 5000])
    started = time.perf_counter()
    table = read_table("t.xlsx", content, SCHEMA)
    assert table.errors[0][0] == 52 and "meer dan 50 regels" in table.errors[0][1]
    assert time.perf_counter() - started < 1


def test_xlsx_nul_in_a_cell_is_reported():
    # XML cannot hold NUL (the sheet is then unreadable); a C1 control character it can hold
    content = xlsx([["code", "naam", "tarief"], ["A", "Jan\u0086sen", 1]])
    table = read_table("t.xlsx", content, SCHEMA)
    assert table.errors == [(2, "kolom 'naam': bevat een ongeldig teken (U+0086); verwijder het")]


@functools.cache
def zip_bomb(rows: int = 1_000_000) -> bytes:
    """A real XLSX whose sheet unpacks to ~40 MB of identical rows but is ~300 KB on disk."""
    base = xlsx([["code", "tarief"]])
    row = '<row><c t="inlineStr"><is><t>A</t></is></c><c><v>1</v></c></row>'
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                head, tail = data.decode().split("</sheetData>")
                body = row * rows
                data = (head + body + "</sheetData>" + tail).encode()
            target.writestr(info.filename, data, compresslevel=9)
    return out.getvalue()


def test_zip_bomb_is_refused_fast():
    bomb = zip_bomb()
    assert len(bomb) < 2 * 1024 * 1024
    started = time.perf_counter()
    with pytest.raises(TableFileError) as caught:
        read_table("bom.xlsx", bomb, SCHEMA)
    assert time.perf_counter() - started < 0.5
    assert "uitgepakt te groot" in str(caught.value)


def test_xlsx_with_a_doctype_is_refused():
    base = xlsx([["code", "tarief"], ["A", 1]])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + data
            target.writestr(info.filename, data)
    with pytest.raises(TableFileError, match="DOCTYPE"):
        read_table("t.xlsx", out.getvalue(), SCHEMA)


# --- values --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8,00", Decimal("8.00")),
        ("1.234,56", Decimal("1234.56")),
        ("€ 1.250,-", Decimal("1250")),
        ("68.50", Decimal("68.50")),
        ("1,234.56", Decimal("1234.56")),
        ("1.250.000", Decimal("1250000")),
        ("0,125", Decimal("0.125")),
        ("-5", Decimal("-5")),
        ("12", Decimal("12")),
    ],
)
def test_parse_decimal(text, expected):
    assert parse_decimal(text) == expected


@pytest.mark.parametrize("text", ["abc", "1.250", "1,250", "1e5", "NaN", "12,3,4", "", "1.23.4", "--1"])
def test_parse_decimal_refuses(text):
    with pytest.raises(ValueError):
        parse_decimal(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31-12-2025", date(2025, 12, 31)),
        ("2025-12-31", date(2025, 12, 31)),
        ("1-2-2025", date(2025, 2, 1)),
        ("01/02/2025", date(2025, 2, 1)),
        ("2025-12-31 00:00:00", date(2025, 12, 31)),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2025-13-01", "31-12-25", "12/31/2025", "morgen", "2025/12/31"])
def test_parse_date_refuses(text):
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ja", True), ("Nee", False), ("yes", True), ("NO", False), ("1", True), ("0", False), ("waar", True)],
)
def test_parse_bool(text, expected):
    assert parse_bool(text) is expected


# --- row forms -----------------------------------------------------------------------------------------------
class ExampleRow(RowForm):
    code = forms.CharField(max_length=5)
    amount = DutchDecimalField(max_digits=8, decimal_places=2, min_value=0, required=False)
    when = DutchDateField(required=False)
    paid = DutchBooleanField(required=False)
    tags = ListField(choices=["a", "b"])


EXAMPLE = Schema(
    columns=(
        Column("code", required=True),
        Column("amount", "bedrag"),
        Column("when", "datum"),
        Column("paid", "betaald"),
        Column("tags", "labels"),
    )
)


def test_row_form_reports_row_and_column_in_dutch():
    content = (
        b"code;bedrag;datum;betaald;labels\n"
        b"A;1.234,56;31-12-2025;ja;a|b\n"
        b";abc;0001-01-01;misschien;c\n"
        b"TE-LANG;0,001;9999-12-31;;\n"
        b"B;1.250;;;\n"
    )
    table = read_table("t.csv", content, EXAMPLE)
    good = validate_rows(table, ExampleRow)
    assert [(row.number, data) for row, data in good] == [
        (2, {"code": "A", "amount": Decimal("1234.56"), "when": date(2025, 12, 31), "paid": True, "tags": ["a", "b"]})
    ]
    errors = dict(table.errors)
    assert "'code' is leeg" in errors[3]
    assert "bedrag 'abc' is geen getal" in errors[3]
    assert "datum 01-01-0001 ligt niet tussen 01-01-1900 en 31-12-2100" in errors[3]
    assert "betaald moet ja of nee zijn" in errors[3]
    assert "onbekende waarde in labels: c" in errors[3]
    assert "kolom 'code':" in errors[4] and "kolom 'bedrag':" in errors[4]
    assert "datum 31-12-9999 ligt niet tussen" in errors[4]
    assert errors[5] == "bedrag '1.250' is niet eenduidig: schrijf 1250, 1.250,00 of 1,25"


def test_row_form_takes_typed_xlsx_cells():
    content = xlsx([["code", "bedrag", "datum", "betaald"], ["A", 12.5, date(2025, 1, 2), True]])
    table = read_table("t.xlsx", content, EXAMPLE)
    good = validate_rows(table, ExampleRow)
    assert good[0][1]["amount"] == Decimal("12.5") and good[0][1]["when"] == date(2025, 1, 2)
    assert good[0][1]["paid"] is True


def test_rows_do_not_leak_into_each_other():
    """validate_rows binds one form to each row in turn: a bad row must not taint the next, nor the other way."""
    content = b"code;bedrag;datum\nTE-LANG;x;\nA;1;\n;2;31-12-2025\nB;;\n"
    table = read_table("t.csv", content, EXAMPLE)
    good = validate_rows(table, ExampleRow)
    assert [(row.number, data["code"], data["amount"], data["when"]) for row, data in good] == [
        (3, "A", Decimal("1"), None),
        (5, "B", None, None),
    ]
    assert [number for number, _ in table.errors] == [2, 4]
