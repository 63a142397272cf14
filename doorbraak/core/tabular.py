"""One reader for uploaded tables (CSV and XLSX): bounded, streaming, with Dutch messages per row and column.

``read_table(filename, content, schema)`` returns a ``Table``: the data rows (cells keyed by the schema's column
keys, with the row number the user sees in their spreadsheet), the header as written in the file, and every
problem found as ``(row number, Dutch message)``. A file that cannot be read at all raises ``TableFileError``.
Nothing is stored here; callers validate each row with a form (see ``core.tabular_forms``) and store all rows or
none.

Format rules (documented for users in docs/costs.md and docs/legal.md):
- CSV separated by ``;``, ``,`` or a tab; the separator is chosen by which one makes the header match the schema.
- Encoding: UTF-8 with or without BOM, UTF-16 with BOM (Excel "Unicode-tekst"), or Windows-1252 (what Excel on
  Windows writes for "CSV (gescheiden door lijstscheidingsteken)"; Latin-1 files read the same for every
  printable character). A file that is mostly UTF-8 but has broken bytes is not guessed at: the cell with the
  unreadable byte is reported with its row and column.
- Control characters (NUL and the other C0/C1 codes) are refused with row and column; tab and line breaks are
  allowed inside a (quoted) cell.
- Header: the first non-empty row. Column names are matched case-, accent- and whitespace-insensitively against
  the schema's names and aliases; missing required columns and unknown columns are reported.
- Limits: ``schema.max_bytes`` per file, ``schema.max_rows`` data rows (reading stops there, it never reads the
  rest of the file), ``MAX_COLUMNS`` columns, ``MAX_CELL_CHARS`` characters per cell; an XLSX is refused before
  it is opened when its members would unpack to more than ``MAX_XLSX_UNPACKED`` bytes or compress more than
  ``MAX_XLSX_RATIO`` times (zip bombs), or when its XML declares a DOCTYPE or entities.

No database access; the only Django use is gettext for the messages.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 100
MAX_CELL_CHARS = 10_000
MAX_BLANK_ROWS = 1000  # empty rows in a row (Excel keeps formatted empty rows); more stops reading, with an error
MAX_XLSX_UNPACKED = 25 * 1024 * 1024
MAX_XLSX_RATIO = 100  # per member larger than 1 MB unpacked; real spreadsheets stay well under 30
MAX_XLSX_MEMBERS = 500
DELIMITERS = (";", ",", "\t")

# Signatures of files that are certainly not a CSV, with the message we give.
_MAGIC = (
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"%PDF", "binary"),
    (b"\x89PNG", "binary"),
    (b"\xff\xd8\xff", "binary"),
    (b"GIF8", "binary"),
    (b"\x1f\x8b", "binary"),
    (b"MZ", "binary"),
    (b"\x7fELF", "binary"),
)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_ALLOWED_CONTROL = frozenset("\t\n\r")


class AmbiguousNumber(ValueError):
    """'1.250' or '1,250': a thousand or one and a quarter."""


class TableFileError(ValueError):
    """The file as a whole cannot be read. The message is Dutch and meant for the user."""


@dataclass(frozen=True)
class Column:
    """One column of a schema. ``key`` is the name the code uses; ``header`` the name users are told to write
    (defaults to the key); ``aliases`` other accepted header names."""

    key: str
    header: str = ""
    aliases: tuple[str, ...] = ()
    required: bool = False
    max_length: int | None = None  # for a plain optional text column: core.tabular_forms.row_form adds its field

    @property
    def label(self) -> str:
        return self.header or self.key


@dataclass(frozen=True)
class Schema:
    columns: tuple[Column, ...]
    unknown_columns: str = "error"  # "error": an unknown column stops the import; "warn": it is ignored, with a note
    max_rows: int = MAX_ROWS
    max_bytes: int = MAX_BYTES
    formats: tuple[str, ...] = ("csv", "xlsx")

    def lookup(self) -> dict[str, Column]:
        names: dict[str, Column] = {}
        for column in self.columns:
            for name in (column.key, column.label, *column.aliases):
                names[normalise_header(name)] = column
        return names


@dataclass
class Row:
    number: int  # the row number the user sees in their spreadsheet (the header row is usually 1)
    values: dict[str, Any]


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # column key -> header as written in the file
    labels: dict[str, str] = field(default_factory=dict)  # column key -> name for messages (the file's, else ours)
    errors: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    header_row: int = 1
    encoding: str = ""
    delimiter: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors

    def column_label(self, key: str) -> str:
        return self.headers.get(key, key)


def normalise_header(text: str) -> str:
    """'Geldig vanaf ', 'GELDIG_VANAF' and 'geldig-vanaf' are the same column; accents and a unit in brackets
    ('Tarief (EUR)') do not count."""
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", str(text or ""))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^0-9a-z]+", "_", text).strip("_")


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA (as a spreadsheet names its columns)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- values: one place for Dutch numbers, dates and yes/no -------------------------------------------------------
_NUMBER_PATTERNS = (
    (re.compile(r"^\d+$"), None, None),
    (re.compile(r"^\d+,\d+$"), None, ","),  # 8,00
    (re.compile(r"^\d{1,3}(\.\d{3})+,\d+$"), ".", ","),  # 1.234,56
    (re.compile(r"^\d{1,3}(\.\d{3}){2,}$"), ".", None),  # 1.250.000
    (re.compile(r"^\d+\.\d+$"), None, "."),  # 68.50 (Excel in English, other programs)
    (re.compile(r"^\d{1,3}(,\d{3})+\.\d+$"), ",", "."),  # 1,234.56
    (re.compile(r"^\d{1,3}(,\d{3}){2,}$"), ",", None),  # 1,250,000
)
_AMBIGUOUS_NUMBER = re.compile(r"^[1-9]\d{0,2}[.,]\d{3}$")  # 1.250 or 1,250: a thousand or one and a quarter?


def parse_decimal(text: str) -> Decimal:
    """'1.234,56', '8,00', '68.50', '€ 1.250,-' -> Decimal. Raises ValueError with a Dutch message.

    Comma or point as decimal sign; the other one only as thousands separator in groups of three. '1.250' and
    '1,250' are refused as ambiguous (write 1250, 1.250,00 or 1,25)."""
    value = str(text).strip()
    for junk in ("€", "EUR", " ", "\u00a0", "\u202f"):
        value = value.replace(junk, "")
    if value.endswith(",-"):
        value = value[:-2] + ",00"  # € 1.250,- is Dutch for whole euros
    sign = ""
    if value[:1] in "+-":
        sign, value = value[:1].replace("+", ""), value[1:]
    if not value:
        raise ValueError(_("geen getal"))
    if _AMBIGUOUS_NUMBER.match(value):
        raise AmbiguousNumber(_("is niet eenduidig: schrijf 1250, 1.250,00 of 1,25"))
    for pattern, thousands, decimal_sign in _NUMBER_PATTERNS:
        if pattern.match(value):
            if thousands:
                value = value.replace(thousands, "")
            if decimal_sign:
                value = value.replace(decimal_sign, ".")
            try:
                return Decimal(sign + value)
            except InvalidOperation:  # pragma: no cover - the patterns only let digits through
                break
    raise ValueError(_("geen getal"))


_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")


def parse_date(text: str) -> date:
    """'31-12-2025', '2025-12-31', '31/12/2025' (day first, as in the Netherlands) -> date. Raises ValueError."""
    value = str(text).strip()
    if re.match(r"^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$|^\d{4}-\d{1,2}-\d{1,2}([ T]\d{2}:\d{2}:\d{2})?$", value):
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(value, fmt).date()
            except ValueError:
                continue
    raise ValueError(_("geen datum"))


_TRUE = frozenset({"ja", "j", "yes", "y", "1", "true", "waar", "x"})
_FALSE = frozenset({"nee", "n", "no", "0", "false", "onwaar"})


def parse_bool(text: str) -> bool:
    """ja/nee, yes/no, 1/0, true/false, waar/onwaar (any case) -> bool. Raises ValueError."""
    value = str(text).strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(_("geen ja of nee"))


# --- reading -------------------------------------------------------------------------------------------------
def read_table(filename: str, content: bytes, schema: Schema) -> Table:
    """Read an uploaded CSV or XLSX against ``schema``. Raises TableFileError for a file that cannot be read."""
    if len(content) > schema.max_bytes:
        raise TableFileError(
            _("Het bestand is groter dan %(size)s MB.") % {"size": _megabytes(schema.max_bytes)},
        )
    if not content.strip():
        raise TableFileError(_("Het bestand is leeg."))
    extension = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    if extension not in schema.formats:
        raise TableFileError(_("Upload een %(formats)s-bestand.") % {"formats": _format_names(schema.formats)})
    if extension == "xlsx":
        table, source = Table(encoding="xlsx"), _xlsx_rows(content)
    else:
        text, encoding = decode_text(content)
        delimiter = _choose_delimiter(text, schema)
        table, source = Table(encoding=encoding, delimiter=delimiter), _csv_rows(text, delimiter)
    try:
        return _build_table(source, schema, table)
    finally:
        source.close()  # stops reading (and closes the workbook) at once, also when we stop early


def decode_text(content: bytes) -> tuple[str, str]:
    """(text, encoding name). Undecodable bytes survive as lone surrogates so the row and column can be named."""
    if content.startswith(codecs.BOM_UTF8):
        return content[len(codecs.BOM_UTF8) :].decode("utf-8", "surrogateescape"), "utf-8-sig"
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return content.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise TableFileError(_("Het bestand is geen geldige UTF-16-tekst.")) from exc
    _refuse_binary(content)
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(content):
        # UTF-8 with damaged bytes: do not guess, report the cells that hold them.
        return content.decode("utf-8", "surrogateescape"), "utf-8"
    return content.decode("cp1252", "surrogateescape"), "cp1252"


def _refuse_binary(content: bytes) -> None:
    for magic, kind in _MAGIC:
        if content.startswith(magic):
            if kind == "zip":
                raise TableFileError(_("Dit is geen CSV-bestand maar een Excel- of zip-bestand; sla het op als .xlsx."))
            if kind == "ole":
                raise TableFileError(
                    _("Dit is een oud Excel-bestand (.xls) of een beveiligd bestand; sla het op als .xlsx of CSV.")
                )
            raise TableFileError(_("Dit is geen tekstbestand (CSV); het bevat binaire gegevens."))
    sample = content[:8192]
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 13))
    if controls > max(2, len(sample) // 50):
        raise TableFileError(_("Dit is geen tekstbestand (CSV); het bevat binaire gegevens."))


def _choose_delimiter(text: str, schema: Schema) -> str:
    first = next((line for line in text[:65536].splitlines() if line.strip()), "")
    names = schema.lookup()
    best, best_score = ",", (-1, -1)
    for delimiter in DELIMITERS:
        try:
            cells = next(csv.reader([first], delimiter=delimiter), [])
        except csv.Error:
            continue
        score = (sum(1 for c in cells if normalise_header(c) in names), len(cells))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_rows(text: str, delimiter: str) -> Iterator[tuple[int, list]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            message = _(
                'deze regel kan niet als CSV worden gelezen: een cel is te lang, of een aanhalingsteken (") '
                "wordt niet gesloten"
            )
            raise _RowError(number + 1, message) from exc
        number += 1
        yield number, row


class _RowError(Exception):
    def __init__(self, number: int, message: str):
        super().__init__(message)
        self.number = number
        self.message = message


def check_xlsx_container(content: bytes) -> None:
    """Refuse an XLSX before openpyxl opens it: not a zip, too many members, encrypted members, unpacked size
    or compression ratio over the limit (zip bomb), or XML that declares a DOCTYPE/entities."""
    if content.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise TableFileError(
            _("Dit is een oud Excel-bestand (.xls) of een beveiligd bestand; sla het op als .xlsx of CSV.")
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise TableFileError(_("Het Excel-bestand kan niet worden gelezen (geen geldig .xlsx-bestand).")) from exc
    with archive:
        members = archive.infolist()
        if len(members) > MAX_XLSX_MEMBERS:
            raise TableFileError(_("Het Excel-bestand bevat te veel onderdelen."))
        total = 0
        for member in members:
            if member.flag_bits & 0x1:
                raise TableFileError(_("Het Excel-bestand is met een wachtwoord beveiligd; sla het onbeveiligd op."))
            total += member.file_size
            ratio = member.file_size / max(member.compress_size, 1)
            if total > MAX_XLSX_UNPACKED or (member.file_size > 1024 * 1024 and ratio > MAX_XLSX_RATIO):
                raise TableFileError(
                    _("Het Excel-bestand is uitgepakt te groot (meer dan %(size)s MB); splits het bestand.")
                    % {"size": _megabytes(MAX_XLSX_UNPACKED)}
                )
        for member in members:
            if member.filename.endswith((".xml", ".rels")):
                try:
                    with archive.open(member) as handle:
                        head = handle.read(2048).upper()
                except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError) as exc:
                    raise TableFileError(_("Het Excel-bestand kan niet worden gelezen (beschadigd).")) from exc
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise TableFileError(_doctype_message())


def _doctype_message() -> str:
    return _("Het Excel-bestand bevat een DOCTYPE of entiteiten; dat wordt om veiligheidsredenen niet gelezen.")


def _xlsx_rows(content: bytes) -> Iterator[tuple[int, list]]:
    check_xlsx_container(content)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any parse error of a user file is a user error
        raise TableFileError(_("Het Excel-bestand kan niet worden gelezen.")) from exc
    try:
        if not workbook.worksheets:
            raise TableFileError(_("Het Excel-bestand bevat geen werkblad."))
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1)
        number = 0
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except Exception as exc:  # noqa: BLE001 - a damaged sheet is a user error
                raise _RowError(number + 1, _("deze regel van het Excel-bestand kan niet worden gelezen")) from exc
            number += 1
            yield number, [_xlsx_cell(value) for value in row]
    finally:
        workbook.close()


def _xlsx_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        if value.is_integer() and abs(value) < 1e15:
            return int(value)
        return Decimal(repr(value))
    if isinstance(value, datetime):
        return value.date() if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0) else value
    if isinstance(value, (int, Decimal, date)):
        return value
    return str(value)


def _blank(cells: Iterable[Any]) -> bool:
    return all(cell == "" or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def cell_problem(text: str) -> str | None:
    """A Dutch description of why a text cell is refused, or None."""
    if len(text) > MAX_CELL_CHARS:
        return _("de cel is langer dan %(max)s tekens") % {"max": MAX_CELL_CHARS}
    for char in text:
        code = ord(char)
        if char in _ALLOWED_CONTROL:
            continue
        if code < 32 or 0x7F <= code <= 0x9F:
            name = "NUL" if code == 0 else f"U+{code:04X}"
            return _("bevat een ongeldig teken (%(name)s); verwijder het") % {"name": name}
        if 0xDC80 <= code <= 0xDCFF:
            return _("bevat een onleesbaar teken (byte 0x%(byte)02X); sla het bestand op als UTF-8 (CSV UTF-8)") % {
                "byte": code - 0xDC00
            }
        if 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
            return _("bevat een ongeldig teken (U+%(code)04X); verwijder het") % {"code": code}
    return None


def _build_table(source: Iterator[tuple[int, list]], schema: Schema, table: Table) -> Table:
    """Both sources count every physical row (blank ones too), so ``number`` is the row the user sees."""
    names = schema.lookup()
    header: list[Column | None] | None = None
    labels: list[str] = []
    data_rows = 0
    blank_run = 0
    try:
        for number, raw in source:
            if header is None:
                if _blank(raw):
                    if number > MAX_BLANK_ROWS:
                        break
                    continue
                header, labels = _map_header(raw, names, number, schema, table)
                if table.errors:
                    return table
                continue
            if _blank(raw):
                blank_run += 1
                if blank_run > MAX_BLANK_ROWS:  # stop reading, but never drop what may follow in silence
                    table.errors.append(
                        (
                            number - blank_run + 1,
                            _(
                                "Hier beginnen meer dan %(max)s lege regels achter elkaar; verwijder de lege regels "
                                "of splits het bestand. Er is niets ingelezen."
                            )
                            % {"max": MAX_BLANK_ROWS},
                        )
                    )
                    table.rows = []
                    return table
                continue
            blank_run = 0
            data_rows += 1
            if data_rows > schema.max_rows:
                table.errors.append(
                    (
                        number,
                        _("Het bestand heeft meer dan %(max)s regels; splits het bestand. Er is niets ingelezen.")
                        % {"max": schema.max_rows},
                    )
                )
                table.rows = []
                return table
            row = _read_row(raw, header, labels, number, table)
            if row is not None:
                table.rows.append(row)
    except _RowError as exc:
        table.errors.append((exc.number, exc.message))
        table.rows = []
        return table
    if header is None:
        table.errors.append((0, _("Het bestand is leeg.")))
    elif not table.rows and not table.errors:
        table.errors.append((table.header_row, _("Het bestand bevat geen regels onder de kopregel.")))
    return table


def _map_header(raw: list, names: dict[str, Column], number: int, schema: Schema, table: Table):
    table.header_row = number
    if len(raw) > MAX_COLUMNS:
        extra = [c for c in raw[MAX_COLUMNS:] if str(c).strip()]
        if extra:
            table.errors.append((number, _("Het bestand heeft meer dan %(max)s kolommen.") % {"max": MAX_COLUMNS}))
            return [], []
    header: list[Column | None] = []
    labels: list[str] = []
    unknown: list[str] = []
    seen: dict[str, str] = {}
    for index, cell in enumerate(raw):
        label = str(cell).strip()
        problem = cell_problem(label)
        if problem:
            table.errors.append(
                (number, _("kopregel, kolom %(col)s: %(problem)s") % {"col": column_letter(index), "problem": problem})
            )
            return [], []
        labels.append(label)
        if not label:
            header.append(None)
            continue
        column = names.get(normalise_header(label))
        if column is None:
            unknown.append(label)
            header.append(None)
            continue
        if column.key in seen:
            table.errors.append(
                (
                    number,
                    _("De kolom '%(a)s' staat twee keer in de kopregel (ook als '%(b)s').")
                    % {"a": seen[column.key], "b": label},
                )
            )
            return [], []
        seen[column.key] = label
        header.append(column)
    table.headers = dict(seen)
    table.labels = {column.key: column.label for column in schema.columns} | table.headers
    missing = [c.label for c in schema.columns if c.required and c.key not in seen]
    if missing:
        table.errors.append(
            (number, _("Kolommen ontbreken in de kopregel: %(names)s.") % {"names": ", ".join(missing)})
        )
    if unknown:
        message = _("Onbekende kolommen: %(names)s.") % {"names": ", ".join(unknown)}
        if schema.unknown_columns == "error":
            expected = ", ".join(c.label for c in schema.columns)
            table.errors.append((number, message + " " + _("Bekende kolommen: %(names)s.") % {"names": expected}))
        else:
            table.warnings.append(message + " " + _("Deze kolommen worden niet gebruikt."))
    return header, labels


def _read_row(raw: list, header: list, labels: list[str], number: int, table: Table) -> Row | None:
    values: dict[str, Any] = {}
    problems: list[str] = []
    for index, cell in enumerate(raw):
        column = header[index] if index < len(header) else None
        if isinstance(cell, str):
            problem = cell_problem(cell)
            if problem:
                label = (labels[index] if index < len(labels) else "") or column_letter(index)
                problems.append(_("kolom '%(col)s': %(problem)s") % {"col": label, "problem": problem})
                continue
            cell = cell.strip()
        if column is not None:
            values[column.key] = cell
        elif cell == "":
            continue
        elif index >= len(header):
            problems.append(
                _("deze regel heeft meer kolommen dan de kopregel (kolom %(col)s)") % {"col": column_letter(index)}
            )
            break
        elif not labels[index]:
            problems.append(
                _("kolom %(col)s heeft een waarde maar geen naam in de kopregel") % {"col": column_letter(index)}
            )
    if problems:
        table.errors.append((number, "; ".join(problems)))
        return None
    return Row(number=number, values=values)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g}"


def _format_names(formats: tuple[str, ...]) -> str:
    """('csv', 'xlsx') -> 'CSV- of XLSX' (as in 'Upload een CSV- of XLSX-bestand')."""
    names = [f.upper() for f in formats]
    return " ".join(
        [*(f"{name}-" for name in names[:-2]), *(([f"{names[-2]}- {_('of')}"]) if len(names) > 1 else []), names[-1]]
    )
