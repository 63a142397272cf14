"""Geometry of a radar (spider) chart as plain numbers for an SVG template. Pure: no Django imports.

Axis 0 points straight up; the others follow clockwise. A missing value (None) is drawn at the
centre and must be shown as 'not scored' in the accompanying table.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Axis:
    label: str
    x2: float
    y2: float
    label_x: float
    label_y: float
    anchor: str  # SVG text-anchor: start / middle / end


@dataclass(frozen=True)
class Series:
    key: str
    points: str  # "x,y x,y ..." for <polygon points>
    vertices: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Radar:
    width: int
    height: int
    cx: float
    cy: float
    axes: tuple[Axis, ...]
    rings: tuple[str, ...]  # polygon points for each grid ring
    ring_values: tuple[int, ...]
    ring_labels: tuple[tuple[int, float, float], ...]  # (value, x, y) along the first axis
    series: tuple[Series, ...]


def _point(cx: float, cy: float, radius: float, index: int, count: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return round(cx + radius * math.cos(angle), 1), round(cy + radius * math.sin(angle), 1)


def _points(vertices) -> str:
    return " ".join(f"{x:g},{y:g}" for x, y in vertices)


def radar(
    *,
    labels: list[str],
    series: dict[str, list[int | None]],
    max_value: int = 10,
    radius: float = 110,
    margin: float = 140,
    ring_step: int = 2,
) -> Radar:
    """Compute the chart for ``labels`` (one per axis) and named ``series`` of values 0..max_value."""
    count = len(labels)
    if count < 3:
        raise ValueError("a radar chart needs at least three axes")
    width = int(2 * (radius + margin))
    height = int(2 * radius + 70)
    cx, cy = width / 2, height / 2
    axes = []
    for i, label in enumerate(labels):
        x2, y2 = _point(cx, cy, radius, i, count)
        lx, ly = _point(cx, cy, radius + 14, i, count)
        dx = lx - cx
        anchor = "middle" if abs(dx) < 1 else ("start" if dx > 0 else "end")
        if ly < cy - radius + 1:
            ly -= 4  # top label sits above the tip
        elif ly > cy + radius - 1:
            ly += 12  # bottom label below the tip
        else:
            ly += 4
        axes.append(Axis(label, x2, y2, lx, ly, anchor))
    ring_values = tuple(range(ring_step, max_value + 1, ring_step))
    rings = tuple(
        _points([_point(cx, cy, radius * value / max_value, i, count) for i in range(count)]) for value in ring_values
    )
    ring_labels = tuple(
        (value, round(cx + 4, 1), round(cy - radius * value / max_value + 4, 1)) for value in ring_values
    )
    drawn = []
    for key, values in series.items():
        if len(values) != count:
            raise ValueError(f"series {key!r} has {len(values)} values for {count} axes")
        vertices = []
        for i, value in enumerate(values):
            v = 0 if value is None else max(0, min(max_value, value))
            vertices.append(_point(cx, cy, radius * v / max_value, i, count))
        drawn.append(Series(key, _points(vertices), tuple(vertices)))
    return Radar(width, height, cx, cy, tuple(axes), rings, ring_values, ring_labels, tuple(drawn))
