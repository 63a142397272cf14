"""The shared display filters (``{% load formatting %}``), table-driven, and the rule that tags only format."""

import ast
from decimal import Decimal
from pathlib import Path

import pytest
from django.template import Context, Template

from doorbraak.core.templatetags import formatting

MINUS = "\u2212"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        # euro: cents, for pages, cost tables and ledgers
        ("euro", Decimal("1234.56"), "€ 1.234,56"),
        ("euro", Decimal("-1500"), f"{MINUS}€ 1.500,00"),
        ("euro", Decimal("-1602.80"), f"{MINUS}€ 1.602,80"),
        ("euro", Decimal("1234567.891"), "€ 1.234.567,89"),
        ("euro", Decimal("5"), "€ 5,00"),
        ("euro", Decimal("0.005"), "€ 0,01"),
        ("euro", 17, "€ 17,00"),
        ("euro", None, ""),
        ("euro", "", ""),
        ("euro", "n.v.t.", "n.v.t."),
        # euro_whole: whole euros, for the plan document (rounded half up)
        ("euro_whole", Decimal("36563.50"), "€ 36.564"),
        ("euro_whole", Decimal("36563.49"), "€ 36.563"),
        ("euro_whole", Decimal("-1407.50"), f"{MINUS}€ 1.408"),
        ("euro_whole", Decimal("-1200"), f"{MINUS}€ 1.200"),
        ("euro_whole", Decimal("0"), "€ 0"),
        ("euro_whole", Decimal("999"), "€ 999"),
        ("euro_whole", 26121, "€ 26.121"),
        ("euro_whole", None, ""),
        # number_nl: quantities, no trailing zeros
        ("number_nl", Decimal("1234.50"), "1.234,5"),
        ("number_nl", Decimal("1234567"), "1.234.567"),
        ("number_nl", Decimal("-1234.25"), "-1.234,25"),
        ("number_nl", Decimal("3.00"), "3"),
        ("number_nl", Decimal("0.5"), "0,5"),
        ("number_nl", 12, "12"),
        ("number_nl", None, ""),
        ("number_nl", "", ""),
        # percent_nl: a fraction as a percentage
        ("percent_nl", Decimal("0.25"), "25%"),
        ("percent_nl", Decimal("0.125"), "12,5%"),
        ("percent_nl", Decimal("1"), "100%"),
        ("percent_nl", Decimal("0"), "0%"),
        ("percent_nl", None, ""),
    ],
)
def test_formatting_filters(name, value, expected):
    assert getattr(formatting, name)(value) == expected


@pytest.mark.parametrize(
    ("mapping", "key", "expected"),
    [
        ({"wmo": "Wmo"}, "wmo", "Wmo"),
        ({"wmo": "Wmo"}, "jeugd", None),  # absent: None, never the key (templates say |default:key)
        ({1: "een"}, 1, "een"),
        ({}, "wmo", None),
        (None, "wmo", None),
    ],
)
def test_get_item(mapping, key, expected):
    assert formatting.get_item(mapping, key) == expected


def test_filters_in_a_template():
    template = Template(
        "{% load formatting %}{{ money|euro }} | {{ money|euro_whole }} | {{ quantity|number_nl }} | "
        "{{ chance|percent_nl }} | {{ labels|get_item:'a' }} | {{ labels|get_item:'b'|default:'b' }}"
    )
    context = Context(
        {"money": Decimal("-26121.50"), "quantity": Decimal("2.50"), "chance": Decimal("0.4"), "labels": {"a": "A"}}
    )
    assert template.render(context) == f"{MINUS}€ 26.121,50 | {MINUS}€ 26.122 | 2,5 | 40% | A | b"


# --- template tags only format ------------------------------------------------------------------------------

DOORBRAAK = Path(__file__).resolve().parents[2]


def data_access(source: str, *, package: str) -> list[str]:
    """What in this module's source reads data: imports of selectors, models or the ORM, and ``.objects``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        modules = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            modules = [module] + [f"{module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Attribute) and node.attr == "objects":
            found.append(".objects")
        for module in modules:
            parts = module.split(".")
            if {"selectors", "models", "importlib"} & set(parts) or module.startswith(("django.db", "django.apps")):
                found.append(module)
    return sorted(set(found))


def test_template_tag_modules_only_format():
    """A tag that queries hides a dependency and escapes the query-count tests: views pass the data instead."""
    paths = sorted(DOORBRAAK.glob("*/templatetags/*.py"))
    assert any(path.name == "formatting.py" for path in paths)
    offenders = {}
    for path in paths:
        name = path.relative_to(DOORBRAAK).as_posix()
        package = "doorbraak." + ".".join(path.relative_to(DOORBRAAK).parts[:-1])
        reading = data_access(path.read_text(), package=package)
        if reading:
            offenders[name] = reading
    assert offenders == {}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "from ..selectors import value_triangle",
            ["doorbraak.app.selectors", "doorbraak.app.selectors.value_triangle"],
        ),
        ("from doorbraak.legal import selectors", ["doorbraak.legal.selectors"]),
        ("from doorbraak.plans.models import Plan", ["doorbraak.plans.models", "doorbraak.plans.models.Plan"]),
        ("from django.db.models import Q", ["django.db.models", "django.db.models.Q"]),
        ("import importlib", ["importlib"]),
        ("x = Plan.objects.count()", [".objects"]),
        ("from django import template\nfrom doorbraak.core.formatting import format_euro", []),
        ("from ..constants import Scenario", []),
    ],
)
def test_data_access_scan(source, expected):
    assert data_access(source, package="doorbraak.app.templatetags") == expected
