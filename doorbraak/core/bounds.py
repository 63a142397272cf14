"""The bounds of what a user may enter: text length, plausible dates, money and quantities (issue 10, point 5).

One place defines every limit. Forms put a bound on their field (``validators=[bounds.TEXT]``, or
``formfield_callback = bounds.bounded_formfield`` in a ModelForm's Meta); models list the same bounds in
``field_bounds`` and inherit ``BoundedModel``, so ``full_clean()`` in every service (and later the API) refuses
the same values with the same Dutch message. ``tests/test_bounds.py`` fails for a form field without a bound.

The kinds of dates, and why (see docs/testing.md, "Grenzen"):

- ``RECORDED_DATE``: something that happened (consent given or withdrawn, a payment): from 1900 to one year ahead
  (a consent form may be dated a little ahead; a year catches the typing error 2062 for 2026).
- ``PLANNED_DATE``: something planned (a due date, a target, an evaluation, a consent's end): 2000 to ten years
  ahead; a plan runs for months, ten years is the longest horizon a municipality sets.
- ``REFERENCE_DATE``: the reference date of a cost sheet: 2000 to five years ahead (the price list and the
  tariffs start in 2000; a plan is not priced further ahead than that).
- ``VALIDITY_DATE``: the validity of a tariff: 2000 to 2100 (the same window as the tariff import; an open end is
  often written as 31-12-2099).
- ``LAW_DATE``: the validity of a law or ordinance: from 1800 (the oldest Dutch codes still in force) to 2100.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .formatting import format_number


@deconstructible
@dataclass
class TextCap:
    """At most ``limit`` characters."""

    limit: int

    def __call__(self, value: Any) -> None:
        if value is not None and len(str(value)) > self.limit:
            raise ValidationError(
                _("Dit veld mag niet langer zijn dan %(limit)s tekens (u gaf er %(count)s).")
                % {"limit": format_number(self.limit), "count": format_number(len(str(value)))},
                code="max_length",
            )


@deconstructible
@dataclass
class DateWindow:
    """A date between ``earliest`` and today + ``years_ahead`` years (or the fixed ``latest``)."""

    earliest: datetime.date
    years_ahead: int | None = None
    latest: datetime.date | None = None

    def bounds(self) -> tuple[datetime.date, datetime.date]:
        if self.latest is not None:
            return self.earliest, self.latest
        today = timezone.localdate()
        try:
            return self.earliest, today.replace(year=today.year + (self.years_ahead or 0))
        except ValueError:  # 29 February
            return self.earliest, today.replace(year=today.year + (self.years_ahead or 0), day=28)

    def __call__(self, value: Any) -> None:
        if not isinstance(value, datetime.date):
            return
        earliest, latest = self.bounds()
        if not earliest <= value <= latest:
            raise ValidationError(
                _("Vul een datum in tussen %(earliest)s en %(latest)s.")
                % {"earliest": earliest.strftime("%d-%m-%Y"), "latest": latest.strftime("%d-%m-%Y")},
                code="date_out_of_range",
            )


@deconstructible
@dataclass
class NumberRange:
    """A number from ``minimum`` to ``maximum`` (inclusive); ``what`` names it in the message ('bedrag', 'aantal')."""

    minimum: Decimal
    maximum: Decimal
    what: Any = gettext_lazy("getal")

    def __call__(self, value: Any) -> None:
        if value is None or value == "":
            return
        if not self.minimum <= Decimal(value) <= self.maximum:
            raise ValidationError(
                _("Vul een %(what)s in van %(minimum)s tot en met %(maximum)s.")
                % {"what": self.what, "minimum": format_number(self.minimum), "maximum": format_number(self.maximum)},
                code="out_of_range",
            )


# --- the limits ------------------------------------------------------------------------------------------------

SHORT_TEXT_LIMIT = 300  # a name, a title, a source, a one-line explanation
TEXT_LIMIT = 5_000  # free text a professional writes: a plan section, a need, a step, a reason, an evaluation
LONG_TEXT_LIMIT = 20_000  # the texts of a legal article (situations, plain language, room for maatwerk)
LAW_TEXT_LIMIT = 200_000  # the full text of a law article, as imported from wetten.overheid.nl

SHORT_TEXT = TextCap(SHORT_TEXT_LIMIT)
TEXT = TextCap(TEXT_LIMIT)
LONG_TEXT = TextCap(LONG_TEXT_LIMIT)
LAW_TEXT = TextCap(LAW_TEXT_LIMIT)
# A signed value the server itself put in a hidden field (the rows of a tariff preview): only the request size
# (DATA_UPLOAD_MAX_MEMORY_SIZE, 2.5 MB) bounds it; a changed value fails its signature.
PAYLOAD = TextCap(2_621_440)
PASSWORD_MAX_LENGTH = 128  # a password manager's longest passphrase; more only costs hashing time

RECORDED_DATE = DateWindow(datetime.date(1900, 1, 1), years_ahead=1)
PLANNED_DATE = DateWindow(datetime.date(2000, 1, 1), years_ahead=10)
REFERENCE_DATE = DateWindow(datetime.date(2000, 1, 1), years_ahead=5)
VALIDITY_DATE = DateWindow(datetime.date(2000, 1, 1), latest=datetime.date(2100, 12, 31))
LAW_DATE = DateWindow(datetime.date(1800, 1, 1), latest=datetime.date(2100, 12, 31))

MONEY_MAX = Decimal("10000000")  # 10 million euro: far above any price, tariff or cost line, below typing errors
BUDGET_MAX = Decimal("1000000000")  # 1 billion euro: a municipality's yearly Doorbraak budget
QUANTITY_MAX = Decimal("100000")  # hours, days, sessions or items of one cost line

AMOUNT = NumberRange(Decimal("0"), MONEY_MAX, gettext_lazy("bedrag"))
BUDGET = NumberRange(Decimal("0"), BUDGET_MAX, gettext_lazy("bedrag"))
QUANTITY = NumberRange(Decimal("0"), QUANTITY_MAX, gettext_lazy("aantal"))
PROBABILITY = NumberRange(Decimal("0"), Decimal("1"), gettext_lazy("kans"))
PERCENTAGE = NumberRange(Decimal("-100"), Decimal("100"), gettext_lazy("percentage"))


@deconstructible
@dataclass
class BirthYear:
    """A birth year from 1900 (nobody in a household today is older than about 125) to this year."""

    earliest: int = 1900

    def __call__(self, value: Any) -> None:
        if value is None or value == "":
            return
        latest = timezone.localdate().year
        if not self.earliest <= int(value) <= latest:
            raise ValidationError(
                _("Vul een geboortejaar in van %(earliest)s tot en met %(latest)s.")
                % {"earliest": self.earliest, "latest": latest},
                code="out_of_range",
            )


BIRTH_YEAR = BirthYear()


# --- forms -------------------------------------------------------------------------------------------------------


def bounded_formfield(model_field: Any, **kwargs: Any) -> forms.Field | None:
    """``Meta.formfield_callback`` for a ModelForm: the form field of a model field, with the bound the model lists
    in ``field_bounds`` (so the form shows the message at the field before the model is validated)."""
    formfield = model_field.formfield(**kwargs)
    bound = getattr(model_field.model, "field_bounds", {}).get(model_field.name)
    if formfield is not None and bound is not None:
        formfield.validators.append(bound)  # no maxlength attribute: a browser would cut pasted text off silently
    return formfield


# --- models ------------------------------------------------------------------------------------------------------


class BoundedModel:
    """Mixin for a model: ``full_clean()`` also checks the bounds in ``field_bounds`` (field name -> bound).

    A plain class in front of ``models.Model``, so it adds no migration; the bounds are checked wherever a service
    validates a model, without a validator on the model field."""

    field_bounds: ClassVar[dict[str, Any]] = {}

    def clean_fields(self, exclude: Any = None) -> None:
        errors: dict[str, list[ValidationError]] = {}
        try:
            super().clean_fields(exclude=exclude)  # type: ignore[misc]
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        for name, bound in self.field_bounds.items():
            if (exclude and name in exclude) or name in errors:
                continue
            try:
                bound(getattr(self, name))
            except ValidationError as exc:
                errors.setdefault(name, []).extend(exc.error_list)
        if errors:
            raise ValidationError(errors)
