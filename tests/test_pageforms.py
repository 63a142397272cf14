"""The form reader used by tests that post exactly what a page renders."""

import pytest
from django.urls import reverse

from doorbraak.costs.models import CostLine
from doorbraak.plans.models import Tag
from tests.pageforms import rendered_form, rendered_forms

HTML = """
<form action="/bewaar/" method="post">
  <input type="hidden" name="csrfmiddlewaretoken" value="t">
  <input name="amount" value="8,00">
  <input type="checkbox" name="keep" value="1" checked>
  <input type="checkbox" name="drop" value="1">
  <input name="off" value="x" disabled>
  <textarea name="note">
regel één</textarea>
  <select name="kind"><option value="a">A</option><option value="b" selected>B</option></select>
  <select name="first"><option value="x">X</option><option value="y">Y</option></select>
  <button type="submit" name="go" value="later">Later opslaan</button>
  <button type="submit">Opslaan</button>
</form>
<form method="get"><input type="search" name="q"></form>
"""


def test_reads_fields_as_a_browser_sends_them():
    first, second = rendered_forms(HTML)
    assert first.data() == {
        "csrfmiddlewaretoken": ["t"],
        "amount": ["8,00"],
        "keep": ["1"],
        "note": ["regel één"],
        "kind": ["b"],
        "first": ["x"],
    }
    assert second.method == "get" and second.data() == {"q": [""]}
    assert first.data({"drop": "1", "keep": None})["drop"] == ["1"]
    assert "keep" not in first.data({"keep": None})


def test_refuses_a_field_the_page_does_not_render():
    form = rendered_form(HTML, with_field="amount")
    with pytest.raises(AssertionError, match="no field 'off'"):
        form.data({"off": "y"})  # disabled fields are not sent and cannot be filled in
    with pytest.raises(AssertionError, match="no form"):
        rendered_form(HTML, action_contains="/elders/")


@pytest.mark.django_db
def test_accepting_a_suggested_cost_line_as_rendered(plan, professional, login):
    plan.tags.add(Tag.objects.get(code="dreigende_ontruiming"))
    client = login(professional)
    page = client.get(reverse("costs:plan_return", args=[plan.pk]))
    form = rendered_form(page, action_contains=reverse("costs:suggestion_add", args=[plan.pk]))
    response = form.submit(client, button="Toevoegen")  # the first suggestion's own button
    assert response.status_code == 302, response.content.decode()[:500]
    assert CostLine.objects.filter(plan=plan).count() == 1
