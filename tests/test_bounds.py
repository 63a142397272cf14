"""Every form of the project bounds what a user may enter (issue 10, point 5): free text has a cap, a date a
plausible window, a decimal a minimum and a maximum. The bounds themselves live in doorbraak/core/bounds.py."""

import importlib
import pkgutil
from decimal import Decimal

import pytest
from django import forms
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator

import doorbraak
from doorbraak.core import bounds


def _project_forms() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(doorbraak.__path__, "doorbraak."):
        if ".tests" in module.name or ".migrations" in module.name or ".management" in module.name:
            continue
        importlib.import_module(module.name)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    found = {
        cls
        for cls in subclasses(forms.BaseForm)
        if cls.__module__.startswith("doorbraak.") and ".tests" not in cls.__module__
    }
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


FORMS = _project_forms()


def _has(field, kind) -> bool:
    return any(isinstance(validator, kind) for validator in field.validators)


def problem(field) -> str | None:
    """Why ``field`` is unbounded, or None."""
    if isinstance(field, forms.UUIDField):  # parsing bounds it: 32 hexadecimal digits
        return None
    if isinstance(field, forms.CharField):
        if field.max_length is None and not _has(field, (bounds.TextCap, MaxLengthValidator)):
            return "free text without a cap (bounds.TEXT or max_length)"
    elif isinstance(field, forms.DateField):
        # the rows of an import (core/tabular_forms.DutchDateField) carry their window as min_value/max_value
        if not _has(field, bounds.DateWindow) and getattr(field, "max_value", None) is None:
            return "a date without a window (bounds.RECORDED_DATE, PLANNED_DATE, REFERENCE_DATE or LAW_DATE)"
    elif isinstance(field, (forms.DecimalField, forms.FloatField)):
        if not _has(field, bounds.NumberRange) and not (
            _has(field, MinValueValidator) and _has(field, MaxValueValidator)
        ):
            return "a number without a minimum and a maximum (bounds.AMOUNT, QUANTITY, PROBABILITY, ...)"
    return None


def test_the_walk_finds_the_forms():
    names = {cls.__name__ for cls in FORMS}
    assert {"SituationForm", "LineForm", "NationalArticleForm", "MemberForm", "LoginForm"} <= names
    assert len(FORMS) > 40


@pytest.mark.parametrize("form_class", FORMS, ids=lambda cls: f"{cls.__module__}.{cls.__qualname__}")
def test_every_form_field_is_bounded(form_class):
    unbounded = {name: why for name, field in form_class.base_fields.items() if (why := problem(field))}
    assert not unbounded, f"{form_class.__module__}.{form_class.__qualname__}: {unbounded}"


# --- the bounds themselves --------------------------------------------------------------------------------------


def _message(validator, value) -> str:
    with pytest.raises(forms.ValidationError) as caught:
        validator(value)
    return caught.value.messages[0]


def test_the_text_cap_names_the_limit_and_the_length_the_dutch_way():
    assert _message(bounds.TEXT, "x" * 12_345) == "Dit veld mag niet langer zijn dan 5.000 tekens (u gaf er 12.345)."
    bounds.TEXT("x" * 5_000)


@pytest.mark.parametrize("kind", ["RECORDED_DATE", "PLANNED_DATE", "REFERENCE_DATE", "LAW_DATE"])
def test_no_date_window_takes_year_one_or_year_9999(kind):
    import datetime

    window = getattr(bounds, kind)
    for value in (datetime.date(1, 1, 1), datetime.date(9999, 12, 31)):
        assert _message(window, value).startswith("Vul een datum in tussen ")


def test_the_windows_move_with_today(time_machine):
    import datetime

    time_machine.move_to(datetime.datetime(2030, 6, 1, 12, tzinfo=datetime.UTC))
    bounds.PLANNED_DATE(datetime.date(2040, 6, 1))
    assert "01-06-2040" in _message(bounds.PLANNED_DATE, datetime.date(2040, 6, 2))
    bounds.BIRTH_YEAR(2030)
    assert _message(bounds.BIRTH_YEAR, 2031) == "Vul een geboortejaar in van 1900 tot en met 2030."


@pytest.mark.parametrize(
    ("bound", "value", "message"),
    [
        (bounds.AMOUNT, Decimal("-0.01"), "Vul een bedrag in van 0 tot en met 10.000.000."),
        (bounds.AMOUNT, Decimal("10000000.01"), "Vul een bedrag in van 0 tot en met 10.000.000."),
        (bounds.QUANTITY, Decimal("-1"), "Vul een aantal in van 0 tot en met 100.000."),
        (bounds.PROBABILITY, Decimal("1.0001"), "Vul een kans in van 0 tot en met 1."),
    ],
)
def test_money_quantities_and_probabilities_have_limits(bound, value, message):
    assert _message(bound, value) == message
