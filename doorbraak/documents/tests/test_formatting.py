from decimal import Decimal

import pytest

from doorbraak.documents.formatting import euro


@pytest.mark.parametrize(
    ("value", "cents", "expected"),
    [
        (Decimal("36563.50"), False, "€ 36.564"),
        (Decimal("36563.49"), False, "€ 36.563"),
        (Decimal("-1407.50"), False, "−€ 1.408"),
        (Decimal("0"), False, "€ 0"),
        (Decimal("999"), False, "€ 999"),
        (Decimal("1234567.891"), True, "€ 1.234.567,89"),
        (Decimal("5"), True, "€ 5,00"),
        (26121, False, "€ 26.121"),
        (None, False, ""),
    ],
)
def test_euro(value, cents, expected):
    assert euro(value, cents=cents) == expected
