from django import forms
from django.template.loader import render_to_string


class _Form(forms.Form):
    parts = forms.MultipleChoiceField(
        label="Welke onderdelen", choices=[("a", "Situatie"), ("b", "Kosten")], widget=forms.CheckboxSelectMultiple
    )
    kind = forms.ChoiceField(label="Soort", choices=[("x", "Eén"), ("y", "Twee")], widget=forms.RadioSelect)
    done = forms.BooleanField(label="Gedaan", required=False)


def _render(field):
    return render_to_string("components/field.html", {"field": field})


def test_choice_groups_are_a_fieldset_with_the_label_as_legend():
    form = _Form(data={})
    for name, legend in (("parts", "Welke onderdelen"), ("kind", "Soort")):
        html = _render(form[name])
        assert html.strip().startswith("<fieldset")
        assert f">{legend}" in html.split("</legend>")[0]
        assert "Dit veld is verplicht." in html  # errors of a group are shown too
        assert 'for="id_' + name + '_0"' in html  # every option has its own label


def test_single_checkbox_sits_beside_its_label_and_shows_errors():
    form = _Form(data={})
    html = _render(form["done"])
    assert "utrecht-form-field--checkbox" in html
    assert '<label class="utrecht-form-label utrecht-form-label--checkbox" for="id_done">Gedaan</label>' in html
    assert "<fieldset" not in html
