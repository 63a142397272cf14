"""The Positive Health spider chart: radar geometry plus labels, styles and an accessible summary."""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .constants import HealthDimension, Measurement
from .radar import Radar, radar
from .selectors import PlanScores

NOW_COLOUR = "#4d4d4d"
REALISED_COLOUR = "#1b5e20"


@dataclass(frozen=True)
class SeriesStyle:
    key: str
    label: str
    line_description: str  # says in words how the line looks: no colour-only information
    stroke: str
    dasharray: str
    marker: str  # circle / square / diamond
    fill_opacity: str


def _styles(colour: str) -> dict[str, SeriesStyle]:
    return {
        Measurement.NOW: SeriesStyle(
            Measurement.NOW, _("Nu"), _("doorgetrokken lijn met rondjes"), NOW_COLOUR, "", "circle", "0.10"
        ),
        Measurement.EXPECTED: SeriesStyle(
            Measurement.EXPECTED,
            _("Verwacht na het plan"),
            _("gestreepte lijn met vierkantjes"),
            colour,
            "7 4",
            "square",
            "0.12",
        ),
        Measurement.REALISED: SeriesStyle(
            Measurement.REALISED,
            _("Gerealiseerd"),
            _("gestippelde lijn met ruitjes"),
            REALISED_COLOUR,
            "2 3",
            "diamond",
            "0.0",
        ),
    }


@dataclass(frozen=True)
class DrawnSeries:
    style: SeriesStyle
    points: str
    vertices: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class RadarChart:
    geometry: Radar
    series: tuple[DrawnSeries, ...]
    summary: str


def _average_text(value) -> str:
    return number_format(value, 1) if value is not None else _("nog niet ingevuld")


def radar_chart(scores: PlanScores, *, colour: str = "#1a5f8c", include_realised: bool = True) -> RadarChart:
    measurements = [Measurement.NOW, Measurement.EXPECTED]
    if include_realised and scores.has_realised:
        measurements.append(Measurement.REALISED)
    styles = _styles(colour)
    geometry = radar(
        labels=[str(d.label) for d in HealthDimension],
        series={m: [scores.values(m)[d.value] for d in HealthDimension] for m in measurements},
    )
    drawn = tuple(DrawnSeries(styles[s.key], s.points, s.vertices) for s in geometry.series)
    parts = [
        _("Spinnenweb Positieve Gezondheid, zes onderdelen met scores van 0 tot en met 10."),
        _("Gemiddelde nu: %(value)s.") % {"value": _average_text(scores.average_now)},
        _("Gemiddelde verwacht na het plan: %(value)s.") % {"value": _average_text(scores.average_expected)},
    ]
    if Measurement.REALISED in measurements:
        parts.append(_("Gemiddelde gerealiseerd: %(value)s.") % {"value": _average_text(scores.average_realised)})
    parts.append(_("Alle scores staan in de tabel."))
    return RadarChart(geometry, drawn, " ".join(parts))
