"""Cache-Control on pages: no-store for everything a signed-in user sees (the crawl test checks every page)."""

from django.urls import reverse


def test_a_signed_in_page_is_not_stored(login, professional):
    response = login(professional).get(reverse("plans:list"))
    assert response.status_code == 200
    assert {"no-store", "private"} <= {p.strip() for p in response["Cache-Control"].split(",")}


def test_a_visitor_is_sent_to_login_and_the_redirect_is_left_alone(client, db):
    response = client.get(reverse("plans:list"))
    assert response.status_code == 302
    assert not response.has_header("Cache-Control")


def test_a_view_that_chose_its_own_caching_keeps_it(login, professional):
    """The municipality's stylesheet holds no personal data and may be cached briefly."""
    response = login(professional).get(reverse("branding_css"))
    assert response["Cache-Control"] == "private, max-age=300"
