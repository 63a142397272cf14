"""Reading the national law base from CSV and applying it to the database.

``parse_law_csv`` only reads and validates (through ``core.tabular`` and ``NationalArticleRowForm``);
``apply_law_rows`` writes and takes the model class, so the data migration (historical model) and the
``load_legal_articles`` command share the same code. Columns: ``constants.CSV_COLUMNS`` (all required in the
header) and ``constants.CSV_OPTIONAL_COLUMNS``; a column there that the form does not know is read as optional
text of at most ``TEXT_MAX_LENGTH`` characters, so adding one is one line in constants.
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doorbraak.core.constants import LifeDomain
from doorbraak.core.tabular import Column, Schema, TableFileError, parse_bool, parse_date, read_table
from doorbraak.core.tabular_forms import DutchDateField, ListField, RowForm, row_form, validate_rows

from .constants import CSV_COLUMNS, CSV_OPTIONAL_COLUMNS, ArticleKind, Verified
from .notation import article_number

DEFAULT_CSV = Path(__file__).resolve().parent / "data" / "legal-articles.csv"

LIFE_DOMAIN_CODES = frozenset(LifeDomain.values)
REQUIRED = ("law_short", "law_title", "article", "heading", "room_for_maatwerk", "kind")
IDENTITY = ("law_short", "article", "paragraph")
MAX_ROWS = 5000
TEXT_MAX_LENGTH = 4000
DATE_MIN = date(1800, 1, 1)
SCHEMA = Schema(
    columns=(
        *(Column(name, required=True, max_length=TEXT_MAX_LENGTH) for name in CSV_COLUMNS),
        *(Column(name, max_length=TEXT_MAX_LENGTH) for name in CSV_OPTIONAL_COLUMNS),
    ),
    unknown_columns="error",
    max_rows=MAX_ROWS,
    max_bytes=8 * 1024 * 1024,
    formats=("csv",),
)


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    def as_text(self) -> str:
        return (
            f"nieuw: {self.created}, bijgewerkt: {self.updated}, ongewijzigd: {self.unchanged}, "
            f"ingetrokken: {self.retired}"
        )


def split_list(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


class ArticleNumberField(forms.CharField):
    """An article number as entered ("art. 12", "Artikel 12", "12") stored bare ("12"): labels add "art.".
    Only the word ("art.") counts as empty."""

    def to_python(self, value):
        return article_number(super().to_python(value))


class RetiredField(forms.Field):
    """Empty (in force), yes/ja (retired today) or the date it was retired."""

    default_error_messages = {"invalid": gettext_lazy("'%(column)s' is geen datum en geen 'yes'")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, date):
            return value
        try:
            return True if parse_bool(value) else None
        except ValueError:
            pass
        try:
            return parse_date(value)
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class NationalArticleRowBase(RowForm):
    law_short = forms.CharField(max_length=40)
    law_title = forms.CharField(max_length=200)
    bwb_id = forms.CharField(max_length=20, required=False)
    article = ArticleNumberField(max_length=32)
    paragraph = forms.CharField(max_length=40, required=False)
    heading = forms.CharField(max_length=300)
    room_for_maatwerk = forms.CharField(max_length=TEXT_MAX_LENGTH)
    life_domains = ListField(
        choices=LIFE_DOMAIN_CODES,
        error_messages={"invalid_choice": gettext_lazy("onbekend leefgebied: %(value)s (kolom '%(column)s')")},
    )
    keywords = ListField()
    kind = forms.ChoiceField(
        choices=ArticleKind.choices, error_messages={"invalid_choice": gettext_lazy("onbekende soort '%(value)s'")}
    )
    source_url = forms.CharField(max_length=400, required=False)
    verified = forms.ChoiceField(
        choices=Verified.choices,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("onbekende waarde voor verified '%(value)s'")},
    )
    valid_from = DutchDateField(required=False, min_value=DATE_MIN)
    valid_until = DutchDateField(required=False, min_value=DATE_MIN)
    retired = RetiredField(required=False)

    def clean_verified(self) -> str:
        return self.cleaned_data["verified"] or Verified.NO

    def clean(self):
        data = super().clean()
        if data.get("valid_from") and data.get("valid_until") and data["valid_until"] < data["valid_from"]:
            self.add_error("valid_until", _("'valid_until' ligt voor 'valid_from'"))
        return data


NationalArticleRowForm = row_form(NationalArticleRowBase, SCHEMA)


def parse_law_csv(
    content: bytes | str, *, filename: str = "legal-articles.csv"
) -> tuple[list[dict], list[tuple[int, str]]]:
    """Rows as dicts ready for the model, plus (line number, Dutch message) for every bad row."""
    if isinstance(content, str):
        content = content.encode("utf-8")
    try:
        table = read_table(filename, content, SCHEMA)
    except TableFileError as exc:
        return [], [(0, str(exc))]
    rows: list[dict] = []
    seen: dict[tuple[str, str, str], int] = {}
    for row, data in validate_rows(table, NationalArticleRowForm):
        identity = tuple(data[name] for name in IDENTITY)
        if identity in seen:
            table.errors.append(
                (row.number, _("dit artikel/lid staat al eerder in het bestand (regel %(n)s)") % {"n": seen[identity]})
            )
            continue
        seen[identity] = row.number
        values = {k: v for k, v in data.items() if k != "retired"}
        values["_retired"] = data.get("retired")
        rows.append(values)
    errors = sorted(table.errors, key=lambda error: error[0])
    return (rows if not errors else []), errors


def apply_law_rows(model, rows: list[dict], *, today: date, retire_missing: bool = False) -> LoadReport:
    """Create, update or retire national articles. Call inside a transaction."""
    report = LoadReport()
    existing = {(a.law_short, a.article, a.paragraph): a for a in model.objects.all()}
    in_file = set()
    # The data migration passes a historical model: a column added later (with its own migration) is skipped.
    model_fields = {f.name for f in model._meta.concrete_fields}
    for row in rows:
        row = dict(row)
        retired = row.pop("_retired", None)
        row = {k: v for k, v in row.items() if k in model_fields}
        identity = (row["law_short"], row["article"], row["paragraph"])
        in_file.add(identity)
        retired_at = (today if retired is True else retired) if retired else None
        article = existing.get(identity)
        if article is None:
            model.objects.create(**row, retired_at=retired_at)
            report.created += 1
            if retired_at:
                report.retired += 1
            continue
        changed = [f for f in row if f not in IDENTITY and getattr(article, f) != row[f]]
        retire_change = bool(retired_at) != bool(article.retired_at)
        if not changed and not retire_change:
            report.unchanged += 1
            continue
        for f in changed:
            setattr(article, f, row[f])
        if retire_change:
            article.retired_at = retired_at
            if retired_at:
                report.retired += 1
        if changed or not retired_at:
            report.updated += 1
        article.version += 1
        article.save()
    if retire_missing:
        for identity, article in existing.items():
            if identity not in in_file and article.retired_at is None:
                article.retired_at = today
                article.version += 1
                article.save()
                report.retired += 1
    return report


def read_default_rows() -> list[dict]:
    rows, errors = parse_law_csv(DEFAULT_CSV.read_bytes())
    if errors:
        raise ValueError(f"De meegeleverde wettenbase bevat fouten: {errors[:3]}")
    return rows
