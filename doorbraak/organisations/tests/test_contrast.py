import pytest

from doorbraak.organisations.contrast import contrast_ratio, relative_luminance, white_text_contrast


@pytest.mark.parametrize(
    ("colour", "expected"),
    [
        ("#000000", 21.0),
        ("#ffffff", 1.0),
        ("#767676", 4.54),  # the lightest grey that still passes
        ("#777777", 4.48),
        ("#1a5f8c", 6.86),
        ("#ffff00", 1.07),
    ],
)
def test_white_text_contrast(colour, expected):
    assert white_text_contrast(colour) == pytest.approx(expected, abs=0.01)


def test_contrast_is_symmetric():
    assert contrast_ratio("#1a5f8c", "#ffffff") == contrast_ratio("#ffffff", "#1a5f8c")


@pytest.mark.parametrize("bad", ["1a5f8c", "#1a5f8", "#gggggg", "red", ""])
def test_relative_luminance_refuses_non_hex(bad):
    with pytest.raises(ValueError):
        relative_luminance(bad)
