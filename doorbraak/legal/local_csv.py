"""Reading a municipality's local regulation articles from CSV (for the import with preview).

The file is read by ``core.tabular`` (separator, encoding, limits, control characters) against ``SCHEMA`` and
each row is checked by ``LocalArticleRowForm`` and by the model, at preview and again at confirm
(``clean_staged_row``), so a confirmed row cannot fail without its row number. A column listed in
``constants.LOCAL_CSV_COLUMNS`` that the form does not know is read as optional text of at most
``TEXT_MAX_LENGTH`` characters: adding such a column is one line there.
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doorbraak.core.constants import LifeDomain
from doorbraak.core.tabular import Column, Schema, read_table
from doorbraak.core.tabular_forms import (
    DutchDateField,
    ListField,
    RowForm,
    row_form,
    validate_rows,
    validation_messages,
)

from .constants import LOCAL_CSV_COLUMNS, LOCAL_CSV_REQUIRED, ArticleKind, RegulationType
from .loading import ArticleNumberField
from .models import LocalArticle

MAX_ROWS = 2000
TEXT_MAX_LENGTH = 4000
DATE_MIN = date(1800, 1, 1)

SCHEMA = Schema(
    columns=tuple(
        Column(name, required=name in LOCAL_CSV_REQUIRED, max_length=TEXT_MAX_LENGTH) for name in LOCAL_CSV_COLUMNS
    ),
    unknown_columns="error",
    max_rows=MAX_ROWS,
    formats=("csv",),
)


class LocalArticleRowBase(RowForm):
    regulation_title = forms.CharField(max_length=250)
    regulation_type = forms.ChoiceField(
        choices=RegulationType.choices,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("onbekend soort regeling '%(value)s'")},
    )
    cvdr_id = forms.CharField(max_length=20, required=False)
    article = ArticleNumberField(max_length=32)
    heading = forms.CharField(max_length=300, required=False)
    summary = forms.CharField(max_length=TEXT_MAX_LENGTH)
    kind = forms.ChoiceField(
        choices=ArticleKind.choices, error_messages={"invalid_choice": gettext_lazy("onbekende soort '%(value)s'")}
    )
    life_domains = ListField(
        choices=LifeDomain.values,
        error_messages={"invalid_choice": gettext_lazy("onbekend leefgebied: %(value)s (kolom '%(column)s')")},
    )
    keywords = ListField()
    valid_from = DutchDateField(required=False, min_value=DATE_MIN)
    valid_until = DutchDateField(required=False, min_value=DATE_MIN)

    def clean(self):
        data = super().clean()
        if data.get("valid_from") and data.get("valid_until") and data["valid_until"] < data["valid_from"]:
            self.add_error("valid_until", _("'valid_until' ligt voor 'valid_from'"))
        if "regulation_type" in data:
            data["regulation_type"] = data["regulation_type"] or RegulationType.VERORDENING
        if "heading" in data and not data["heading"]:
            data["heading"] = (data.get("summary") or "")[:120]
        return data


LocalArticleRowForm = row_form(LocalArticleRowBase, SCHEMA)
FIELDS = tuple(LocalArticleRowForm.base_fields)


def _json_ready(data: dict) -> dict:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in data.items() if k in FIELDS}


def _model_check(data: dict, number: int) -> None:
    """The model's own checks on the row (lengths, choices), with the row number in every message."""
    article = LocalArticle(**{k: v for k, v in data.items() if k in FIELDS})
    try:
        article.full_clean(exclude=["organisation"], validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        raise ValidationError(
            [_("Regel %(n)s: %(message)s") % {"n": number, "message": m} for m in validation_messages(exc)]
        ) from exc


def parse_local_csv(
    content: bytes | str, *, filename: str = "import.csv", existing: set[tuple[str, str]] = frozenset()
) -> tuple[list[dict], list[list]]:
    """(rows, errors). Rows are JSON-ready dicts (dates as ISO strings) with 'status' nieuw/bijwerken and 'line';
    errors are [line, Dutch message] pairs. Raises TableFileError when the file cannot be read at all."""
    if isinstance(content, str):
        content = content.encode("utf-8")
    table = read_table(filename, content, SCHEMA)
    rows: list[dict] = []
    seen: dict[tuple[str, str], int] = {}
    for row, data in validate_rows(table, LocalArticleRowForm):
        identity = (data["regulation_title"], data["article"])
        if identity in seen:
            table.errors.append(
                (row.number, _("dit artikel staat al eerder in het bestand (regel %(n)s)") % {"n": seen[identity]})
            )
            continue
        seen[identity] = row.number
        try:
            _model_check(data, row.number)
        except ValidationError as exc:
            table.errors.append((row.number, "; ".join(m.split(": ", 1)[-1] for m in exc.messages)))
            continue
        rows.append(
            {**_json_ready(data), "status": "bijwerken" if identity in existing else "nieuw", "line": row.number}
        )
    errors = [[number, message] for number, message in sorted(table.errors, key=lambda e: e[0])]
    return rows, errors


def clean_staged_row(row: dict) -> dict:
    """A staged row checked again by the same form and model check as at preview; model-ready values (dates as
    dates). Raises ValidationError naming the row."""
    number = row.get("line", "?")
    form = LocalArticleRowForm(data={k: row.get(k) for k in FIELDS})
    if not form.is_valid():
        messages = [m for errors in form.errors.values() for m in errors]
        raise ValidationError([_("Regel %(n)s: %(message)s") % {"n": number, "message": m} for m in messages])
    _model_check(form.cleaned_data, number)
    return {k: v for k, v in form.cleaned_data.items() if k in FIELDS}
