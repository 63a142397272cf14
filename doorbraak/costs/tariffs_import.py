"""Reading a tariff file (CSV or XLSX) into validated rows with row-level Dutch error messages.

Columns (header row; case, accents and spaces do not count; Dutch or English names):
code, naam, eenheid, tarief, geldig_vanaf, geldig_tot, financieringsstroom, verzilverbaar. Other columns are
ignored with a note in the preview. A code that exists in the national price list maps the tariff to that item
(name, unit, stream and cashable may then be left empty); any other code is an own item of the municipality and
needs naam, eenheid, tarief and financieringsstroom.

The file is read by ``core.tabular`` (encoding, separator, limits) and every row is checked by
``TariffRowForm`` and then by the model (``tariff_from_row`` + ``full_clean``). The preview and the confirm step
run the same ``tariff_from_row``, so a row that passed the preview cannot fail at confirm without its row
number. Nothing is stored here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doorbraak.core import bounds
from doorbraak.core.tabular import MAX_BYTES, Column, Schema, read_table
from doorbraak.core.tabular_forms import DutchBooleanField, DutchDateField, DutchDecimalField, RowForm, validate_rows
from doorbraak.core.tabular_forms import validation_messages as model_messages

from .constants import FundingStream
from .models import PriceItem, Tariff, TariffSet

MAX_ROWS = 5000
MAX_UPLOAD_BYTES = MAX_BYTES  # 2 MB
CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("1000000.00")  # per unit; anything higher is a typo (a decimal sign forgotten)
TARIFF_DATE_MIN, TARIFF_DATE_MAX = bounds.VALIDITY_DATE.bounds()

SCHEMA = Schema(
    columns=(
        Column("code", required=True),
        Column("name", "naam", ("name", "omschrijving")),
        Column("unit", "eenheid", ("unit",)),
        Column("amount", "tarief", ("prijs", "price", "amount", "bedrag"), required=True),
        Column("valid_from", "geldig_vanaf", ("valid_from",)),
        Column("valid_until", "geldig_tot", ("geldig_tot_en_met", "valid_until")),
        Column("funding_stream", "financieringsstroom", ("funding_stream",)),
        Column("cashable", "verzilverbaar", ("cashable",)),
    ),
    unknown_columns="warn",
    max_rows=MAX_ROWS,
    max_bytes=MAX_UPLOAD_BYTES,
    formats=("csv", "xlsx"),
)


class TariffRowForm(RowForm):
    code = forms.CharField(max_length=64)
    name = forms.CharField(max_length=200, required=False)
    unit = forms.CharField(max_length=32, required=False)
    amount = DutchDecimalField(
        min_value=Decimal("0"),
        max_value=MAX_AMOUNT,
        max_digits=12,
        decimal_places=2,
        error_messages={
            "invalid": gettext_lazy("%(column)s '%(value)s' is geen bedrag"),
            "min_value": gettext_lazy("%(column)s mag niet negatief zijn"),
            "max_value": gettext_lazy("%(column)s is hoger dan € 1.000.000; controleer het bedrag"),
            "max_decimal_places": gettext_lazy("%(column)s heeft meer dan twee decimalen"),
        },
    )
    valid_from = DutchDateField(required=False, min_value=TARIFF_DATE_MIN, max_value=TARIFF_DATE_MAX)
    valid_until = DutchDateField(required=False, min_value=TARIFF_DATE_MIN, max_value=TARIFF_DATE_MAX)
    funding_stream = forms.CharField(required=False, max_length=32)
    cashable = DutchBooleanField(required=False)

    def __init__(self, *args, items: dict[str, PriceItem], default_from: date, **kwargs):
        self.items = items
        self.default_from = default_from
        super().__init__(*args, **kwargs)

    def clean_unit(self) -> str:
        return self.cleaned_data["unit"].lower()

    def clean_funding_stream(self) -> str:
        stream = self.cleaned_data["funding_stream"].lower()
        if stream and stream not in FundingStream.values:
            raise ValidationError(_("onbekende financieringsstroom '%(stream)s'") % {"stream": stream})
        return stream

    def clean(self):
        data = super().clean()
        if "valid_from" in data and data["valid_from"] is None:
            data["valid_from"] = self.default_from
        valid_from, valid_until = data.get("valid_from"), data.get("valid_until")
        if valid_from and valid_until and valid_until < valid_from:
            self.add_error("valid_until", _("geldig tot ligt vóór geldig vanaf"))
        code = data.get("code")
        item = self.items.get(code) if code else None
        data["item"] = item
        if code and item is None:
            if not data.get("name") and "name" in data:
                self.add_error("name", _("eigen post zonder naam (code staat niet in de landelijke prijslijst)"))
            if not data.get("unit") and "unit" in data:
                self.add_error("unit", _("eigen post zonder eenheid"))
            if not data.get("funding_stream") and "funding_stream" in data:
                self.add_error("funding_stream", _("eigen post zonder financieringsstroom"))
        elif item is not None and data.get("unit") and data["unit"] != item.unit:
            self.add_error(
                "unit",
                _("eenheid '%(unit)s' wijkt af van de prijslijst ('%(expected)s')")
                % {"unit": data["unit"], "expected": item.unit},
            )
        return data


@dataclass
class ParsedFile:
    rows: list[dict] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (row number in the file, message)
    warnings: list[str] = field(default_factory=list)
    token: str = ""  # identifies this upload (municipality, kind, name, date, bytes): confirm is single-use

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def import_token(*, organisation_id: int, kind: str, name: str, default_from: date, content: bytes) -> str:
    digest = hashlib.sha256(f"{organisation_id}\n{kind}\n{name.strip()}\n{default_from.isoformat()}\n".encode())
    digest.update(content)
    return digest.hexdigest()


def price_items() -> dict[str, PriceItem]:
    return PriceItem.objects.in_bulk(field_name="code")


def tariff_from_row(row: dict, *, items: dict[str, PriceItem]) -> Tariff:
    """The unsaved Tariff for one validated row (as JSON-ready dict), checked by the model. Raises
    ValidationError whose messages start with the row number."""
    item = items.get(row["code"])
    tariff = Tariff(
        item=item,
        code=row["code"],
        name=row["name"] or (item.name if item else ""),
        unit=row["unit"] or (item.unit if item else ""),
        amount=Decimal(row["amount"]),
        funding_stream=row["funding_stream"] or (item.funding_stream if item else ""),
        cashable=row["cashable"] if row["cashable"] is not None else (item.cashable if item else True),
        valid_from=date.fromisoformat(row["valid_from"]),
        valid_until=date.fromisoformat(row["valid_until"]) if row["valid_until"] else None,
    )
    try:
        tariff.full_clean(exclude=["tariff_set", "organisation"])
    except ValidationError as exc:
        number = row.get("row", "?")
        raise ValidationError(
            [_("Regel %(n)s: %(message)s") % {"n": number, "message": m} for m in model_messages(exc, labels=LABELS)]
        ) from exc
    return tariff


LABELS = {column.key: column.label for column in SCHEMA.columns}


def parse_file(filename: str, content: bytes, *, items: dict[str, PriceItem], default_from: date) -> ParsedFile:
    """Read and validate a tariff file; raises TableFileError (a ValueError) when the file cannot be read."""
    table = read_table(filename, content, SCHEMA)
    result = ParsedFile(warnings=table.warnings)
    good = validate_rows(table, TariffRowForm, form_kwargs={"items": items, "default_from": default_from})
    seen: dict[tuple[str, date], int] = {}
    for row, data in good:
        key = (data["code"], data["valid_from"])
        if key in seen:
            table.errors.append(
                (row.number, _("dubbele regel: zelfde code en begindatum als regel %(n)s") % {"n": seen[key]})
            )
            continue
        seen[key] = row.number
        serialised = {
            "row": row.number,
            "code": data["code"],
            "mapped": data["item"] is not None,
            "name": data.get("name", ""),
            "unit": data.get("unit", ""),
            "amount": str(data["amount"].quantize(CENT)),  # as the model stores it
            "valid_from": data["valid_from"].isoformat(),
            "valid_until": data["valid_until"].isoformat() if data.get("valid_until") else "",
            "funding_stream": data.get("funding_stream", ""),
            "cashable": data.get("cashable"),
        }
        try:
            tariff_from_row(serialised, items=items)  # the same check the confirm step runs
        except ValidationError as exc:
            table.errors.append((row.number, "; ".join(m.split(": ", 1)[-1] for m in exc.messages)))
            continue
        result.rows.append(serialised)
    result.errors = sorted(table.errors, key=lambda error: error[0])
    if result.errors:
        result.rows = [r for r in result.rows if r["row"] not in {n for n, _m in result.errors}]
    return result


def preview_tariff_file(
    *, organisation, filename: str, content: bytes, kind: str, name: str, default_from: date
) -> ParsedFile:
    """Step 1 of the upload: everything the confirm step will store, validated; nothing stored. A file that
    was already imported under this name (a replayed or re-posted upload) is refused here already."""
    result = parse_file(filename, content, items=price_items(), default_from=default_from)
    result.token = import_token(
        organisation_id=organisation.pk, kind=kind, name=name, default_from=default_from, content=content
    )
    earlier = TariffSet.objects.filter(organisation=organisation, import_token=result.token).first()
    if earlier is not None:
        result.errors.insert(0, (0, already_imported_message(earlier)))
    return result


def already_imported_message(tariff_set: TariffSet) -> str:
    return _(
        "Dit bestand is al opgeslagen als tariefset '%(name)s' (%(date)s); er is niets dubbel opgeslagen. "
        "Kies een andere naam als u het bewust nog eens wilt importeren."
    ) % {"name": tariff_set.name, "date": timezone.localtime(tariff_set.created_at).strftime("%d-%m-%Y %H:%M")}
