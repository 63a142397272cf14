from decimal import Decimal

import pytest

from doorbraak.core.formatting import format_euro


@pytest.mark.parametrize(
    ("value", "cents", "expected"),
    [
        (Decimal("1234.56"), True, "€ 1.234,56"),
        (Decimal("-1602.8"), True, "−€ 1.602,80"),
        (Decimal("0.005"), True, "€ 0,01"),  # half up, as the calculator rounds
        (Decimal("0.125"), True, "€ 0,13"),
        (Decimal("1000000"), True, "€ 1.000.000,00"),
        (Decimal("26121.50"), False, "€ 26.122"),
        (Decimal("-1200"), False, "−€ 1.200"),
        (Decimal("0"), True, "€ 0,00"),
        (17, True, "€ 17,00"),
        ("3.5", True, "€ 3,50"),
        (None, True, ""),
        ("", True, ""),
        ("n.v.t.", True, "n.v.t."),
    ],
)
def test_format_euro(value, cents, expected):
    assert format_euro(value, cents=cents) == expected
