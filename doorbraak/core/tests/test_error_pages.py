import pytest
from django.template.loader import render_to_string
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_other_municipalitys_plan_gives_a_dutch_404_with_a_way_back(login, outsider, plan):
    response = login(outsider).get(reverse("workspace:plan", args=[plan.pk]))
    assert response.status_code == 404
    page = response.content.decode()
    assert "Deze pagina is er niet" in page
    assert f'href="{reverse("home")}"' in page
    assert "Not Found" not in page


def test_wrong_role_gives_a_dutch_403_with_a_way_back(login, manager):
    response = login(manager).get(reverse("plans:list"))
    assert response.status_code == 403
    page = response.content.decode()
    assert "Geen toegang" in page
    assert f'href="{reverse("home")}"' in page
    assert "Forbidden" not in page


def test_500_page_renders_without_any_context():
    html = render_to_string("500.html")
    assert "Er ging iets mis" in html and 'lang="nl"' in html
