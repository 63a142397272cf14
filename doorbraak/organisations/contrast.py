"""Colour contrast after WCAG 2.2 (success criterion 1.4.3). Pure: no Django imports.

The municipality's primary colour is the background of the page header and of primary buttons, with white
text on it; normal text needs a contrast ratio of at least 4.5:1.
"""

import re

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
MINIMUM_TEXT_CONTRAST = 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """Relative luminance (0 = black, 1 = white) of a colour written as ``#rrggbb``."""
    if not HEX_COLOUR.match(colour):
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(first: str, second: str) -> float:
    """Contrast ratio between two colours, from 1.0 (none) to 21.0 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def white_text_contrast(colour: str) -> float:
    return contrast_ratio(WHITE, colour)
