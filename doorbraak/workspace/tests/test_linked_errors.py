"""Forms on the plan's side pages use the app's own linked errors, not the browser's popup (issue 9, point 9):
they carry ``novalidate`` and a refused post comes back with each error tied to its field."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_return_settings_form_shows_linked_errors(plan, professional, login):
    client = login(professional)
    page = client.get(reverse("costs:plan_return", args=[plan.pk])).content.decode()
    url = reverse("costs:sheet_update", args=[plan.pk])
    assert f'action="{url}" novalidate' in page
    response = client.post(url, {"reference_date": "2024-03-01", "horizon_months": 500, "version": 0})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_horizon_months_error"' in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_horizon_months_error"' in html
    assert 'value="500"' in html  # the user's own input stays


def test_the_add_action_form_shows_linked_errors(plan, professional, login):
    client = login(professional)
    page = client.get(reverse("followup:plan_followup", args=[plan.pk])).content.decode()
    url = reverse("followup:action_add", args=[plan.pk])
    assert f'action="{url}" novalidate' in page
    response = client.post(url, {"description": "", "owner": "", "due_date": ""})
    assert response.status_code == 400
    html = response.content.decode()
    for name in ("description", "owner", "due_date"):
        assert f'id="id_{name}_error"' in html, name
        assert f'aria-describedby="id_{name}_error"' in html, name
