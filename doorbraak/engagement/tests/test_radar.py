import pytest

from doorbraak.engagement.radar import radar

LABELS = ["a", "b", "c", "d", "e", "f"]


def test_first_axis_points_up_and_full_score_reaches_the_tip():
    chart = radar(labels=LABELS, series={"now": [10, 0, 0, 0, 0, 0]}, radius=100, margin=50)
    assert (chart.cx, chart.cy) == (150, 135)
    first_vertex = chart.series[0].vertices[0]
    assert first_vertex == (150, 35)  # straight up, radius 100
    assert chart.axes[0].x2 == 150 and chart.axes[0].y2 == 35
    # a zero score sits in the centre
    assert chart.series[0].vertices[3] == (150, 135)


@pytest.mark.parametrize(
    ("value", "expected_y"),
    [(0, 135), (5, 85), (10, 35), (None, 135), (12, 35), (-3, 135)],
)
def test_values_are_scaled_and_clamped(value, expected_y):
    chart = radar(labels=LABELS, series={"s": [value, 0, 0, 0, 0, 0]}, radius=100, margin=50)
    assert chart.series[0].vertices[0][1] == expected_y


def test_axes_go_clockwise_and_labels_anchor_away_from_the_centre():
    chart = radar(labels=LABELS, series={})
    anchors = [axis.anchor for axis in chart.axes]
    assert anchors == ["middle", "start", "start", "middle", "end", "end"]
    assert chart.axes[1].x2 > chart.cx and chart.axes[1].y2 < chart.cy  # upper right
    assert chart.axes[3].y2 > chart.cy  # bottom


def test_rings_and_points_string():
    chart = radar(labels=LABELS, series={"s": [10] * 6}, ring_step=5)
    assert chart.ring_values == (5, 10)
    assert len(chart.rings) == 2
    assert chart.rings[1] == chart.series[0].points
    assert len(chart.series[0].points.split(" ")) == 6


def test_wrong_input_is_refused():
    with pytest.raises(ValueError):
        radar(labels=["a", "b"], series={})
    with pytest.raises(ValueError):
        radar(labels=LABELS, series={"s": [1, 2, 3]})
