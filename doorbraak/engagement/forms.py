from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak.core import bounds

from .constants import SCORE_MAX, SCORE_MIN, HealthDimension, Measurement

FORECAST = (Measurement.NOW, Measurement.EXPECTED)


class EngagementTextForm(forms.Form):
    own_words = forms.CharField(
        label=_("Wat vindt het huishouden zelf belangrijk? (in eigen woorden)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[bounds.TEXT],
        help_text=_("Schrijf op wat het huishouden zegt, zo letterlijk mogelijk."),
    )
    goals = forms.CharField(
        label=_("Doelen van het huishouden"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[bounds.TEXT],
    )
    motivation = forms.CharField(
        label=_("Waarom verbetert dit plan de regie en de kwaliteit van leven?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[bounds.TEXT],
        help_text=_("Kort: wat kan het huishouden straks zelf weer, en wat wordt er beter?"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


def score_field_name(measurement: str, code: str) -> str:
    return f"{measurement}_{code}"


class ForecastScoresForm(forms.Form):
    """The six Positive Health scores now and expected after the plan (0-10, empty = not scored)."""

    now_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    expected_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for measurement in FORECAST:
            for dimension in HealthDimension:
                self.fields[score_field_name(measurement, dimension.value)] = forms.IntegerField(
                    label=f"{dimension.label}, {Measurement(measurement).label.lower()}",
                    required=False,
                    min_value=SCORE_MIN,
                    max_value=SCORE_MAX,
                    widget=forms.NumberInput(
                        attrs={"min": SCORE_MIN, "max": SCORE_MAX, "step": 1, "class": "score-input"}
                    ),
                )

    def rows(self):
        """(label, now field, expected field) per dimension, for the table layout."""
        return [
            (
                dimension.label,
                self[score_field_name(Measurement.NOW, dimension.value)],
                self[score_field_name(Measurement.EXPECTED, dimension.value)],
            )
            for dimension in HealthDimension
        ]

    def scores(self, measurement: str) -> dict[str, int | None]:
        return {d.value: self.cleaned_data.get(score_field_name(measurement, d.value)) for d in HealthDimension}

    @staticmethod
    def initial_for(scores, now_version: int, expected_version: int) -> dict:
        initial = {"now_version": now_version, "expected_version": expected_version}
        for measurement in FORECAST:
            for code, value in scores.values(measurement).items():
                initial[score_field_name(measurement, code)] = value
        return initial
