"""Validating the rows of an uploaded table (``core.tabular``) with a Django form per row.

The fields below parse Dutch notation in one place (``core.tabular.parse_*``): decimals '1.234,56' and '8,00',
dates '31-12-2025' and '2025-12-31', booleans ja/nee, yes/no, 1/0, lists 'a;b' or 'a|b'; XLSX cells that are
already numbers, dates or booleans are taken as they are. Dates and amounts have plausible bounds.

Error messages may use ``%(column)s`` (the column header as written in the user's file) and ``%(value)s``;
a message without ``%(column)s`` is shown as "kolom '<header>': <message>". Every message gets the row number.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .tabular import AmbiguousNumber, Row, Schema, Table, parse_bool, parse_date, parse_decimal

DATE_MIN = date(1900, 1, 1)
DATE_MAX = date(2100, 12, 31)
REQUIRED_MESSAGE = gettext_lazy("'%(column)s' is leeg")


class DutchDecimalField(forms.DecimalField):
    default_error_messages = {
        "invalid": gettext_lazy("%(column)s '%(value)s' is geen getal"),
        "ambiguous": gettext_lazy("%(column)s '%(value)s' is niet eenduidig: schrijf 1250, 1.250,00 of 1,25"),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, bool):
            raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": value})
        if isinstance(value, float):
            return Decimal(repr(value))
        if isinstance(value, (int, Decimal)):
            return Decimal(value)
        try:
            return parse_decimal(str(value))
        except AmbiguousNumber:
            raise ValidationError(self.error_messages["ambiguous"], code="ambiguous", params={"value": value}) from None
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": value}) from None


class DutchDateField(forms.DateField):
    """A date in Dutch or ISO notation, between ``min_value`` and ``max_value`` (default 1900–2100)."""

    default_error_messages = {
        "invalid": gettext_lazy("%(column)s '%(value)s' is geen datum (gebruik dd-mm-jjjj of jjjj-mm-dd)"),
        "out_of_range": gettext_lazy("%(column)s %(value)s ligt niet tussen %(min)s en %(max)s"),
    }

    def __init__(self, *, min_value: date = DATE_MIN, max_value: date = DATE_MAX, **kwargs):
        self.min_value, self.max_value = min_value, max_value
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return parse_date(str(value))
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": value}) from None

    def validate(self, value):
        super().validate(value)
        if value is not None and not (self.min_value <= value <= self.max_value):
            raise ValidationError(
                self.error_messages["out_of_range"],
                code="out_of_range",
                params={"value": _dutch(value), "min": _dutch(self.min_value), "max": _dutch(self.max_value)},
            )


def _dutch(day: date) -> str:
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


class DutchBooleanField(forms.Field):
    """ja/nee (and yes/no, 1/0, true/false); empty gives None, so the caller can choose a default."""

    default_error_messages = {"invalid": gettext_lazy("%(column)s moet ja of nee zijn")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        try:
            return parse_bool(str(value))
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": value}) from None


class ListField(forms.Field):
    """'a;b' or 'a|b' -> ['a', 'b'] (empty parts dropped). With ``choices`` every part must be one of them."""

    default_error_messages = {"invalid_choice": gettext_lazy("onbekende waarde in %(column)s: %(value)s")}

    def __init__(self, *, choices=None, **kwargs):
        self.choices = frozenset(choices) if choices is not None else None
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, (list, tuple)):
            return [str(part).strip() for part in value if str(part).strip()]
        if value in self.empty_values:
            return []
        text = str(value).replace("|", ";")
        return [part.strip() for part in text.split(";") if part.strip()]

    def validate(self, value):
        super().validate(value)
        if self.choices is not None:
            unknown = [part for part in value if part not in self.choices]
            if unknown:
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": ", ".join(unknown)}
                )


class RowForm(forms.Form):
    """Base for a row form: a required field that is empty says so with its column name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["required"] = REQUIRED_MESSAGE


def row_form(base: type[RowForm], schema: Schema) -> type[RowForm]:
    """``base`` plus an optional text field for every schema column with ``max_length`` that ``base`` does not
    declare, so a new optional text column is one line in the schema."""
    extra = {
        column.key: forms.CharField(required=False, max_length=column.max_length)
        for column in schema.columns
        if column.max_length and column.key not in base.base_fields
    }
    return type(base.__name__, (base,), extra) if extra else base


def row_form_errors(form: forms.Form, labels: dict[str, str], data: dict[str, Any]) -> list[str]:
    """The form's errors as Dutch sentences naming the column as the user wrote it."""
    messages: list[str] = []
    for name, errors in form.errors.as_data().items():
        column = labels.get(name, name) if name != NON_FIELD_ERRORS else ""
        for error in errors:
            messages.extend(m.rstrip(".") for m in _render(error, column=column, value=data.get(name, "")))
    return messages


def _render(error: ValidationError, *, column: str, value: Any) -> list[str]:
    out = []
    marker = "\x00column\x00"  # tells whether the message names the column itself
    for item in error.error_list:
        params = {"value": value, **(item.params or {}), "column": marker}
        try:
            text = str(item.message % params)  # also picks the plural form of a lazy ngettext message
        except (KeyError, TypeError, ValueError):
            text = str(item.message)
        if marker in text:
            text = text.replace(marker, column)
        elif column:
            text = _("kolom '%(column)s': %(message)s") % {"column": column, "message": text}
        out.append(text)
    return out


def validate_rows(
    table: Table, form_class: type[forms.Form], *, form_kwargs: dict | None = None
) -> list[tuple[Row, dict]]:
    """Run ``form_class`` on every row of ``table``; bad rows go to ``table.errors`` with their row number.
    Returns (row, cleaned_data) for the good rows. The caller stores nothing unless ``table.errors`` is empty."""
    labels = {**table.labels, **table.headers}
    good: list[tuple[Row, dict]] = []
    form = form_class(data={}, **(form_kwargs or {}))
    for row in table.rows:
        # One form instance, bound to each row in turn: building a form deep-copies its fields, which is most of
        # the time for a file of thousands of rows. Forgetting the previous row's errors makes Django clean again.
        form.data = row.values
        form._errors = None
        form._bound_fields_cache = {}
        if form.is_valid():
            good.append((row, dict(form.cleaned_data)))
            continue
        for name in form.fields:
            labels.setdefault(name, name)
        table.errors.append((row.number, "; ".join(row_form_errors(form, labels, row.values))))
    table.errors.sort(key=lambda error: error[0])
    return good


def validation_messages(exc: ValidationError, *, labels: dict[str, str] | None = None) -> list[str]:
    """A model's ValidationError (from full_clean) as Dutch sentences naming the column."""
    labels = labels or {}
    if hasattr(exc, "error_dict"):
        messages = []
        for name, errors in exc.error_dict.items():
            column = labels.get(name, name) if name != NON_FIELD_ERRORS else ""
            for error in errors:
                messages.extend(_render(error, column=column, value=""))
        return messages
    return [m for e in exc.error_list for m in _render(e, column="", value="")]
