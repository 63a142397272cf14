"""Signed out after 15 minutes without a request, and 10 hours after signing in whatever happens in between."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from doorbraak.accounts.tests.mfa_support import second_step
from doorbraak.audit.constants import AuditAction
from doorbraak.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")
PAGE = reverse("plans:list")


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def signed_in(client, professional, password, time_machine):
    time_machine.move_to("2026-12-01 08:00:00+00:00", tick=False)
    response = client.post(LOGIN, {"username": professional.email, "password": password})
    assert second_step(client, professional, response).status_code == 302
    return client


def _at(time_machine, clock: str):
    time_machine.move_to(f"2026-12-01 {clock}+00:00", tick=False)


def test_the_defaults_are_15_minutes_and_10_hours(settings):
    assert settings.SESSION_IDLE_TIMEOUT == 15 * 60
    assert settings.SESSION_ABSOLUTE_TIMEOUT == 10 * 60 * 60
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_ABSOLUTE_TIMEOUT


def test_working_within_15_minutes_keeps_the_session(signed_in, time_machine):
    for clock in ("08:14:00", "08:28:00", "08:42:59"):
        _at(time_machine, clock)
        assert signed_in.get(PAGE).status_code == 200


def test_15_minutes_idle_signs_out_with_a_message(signed_in, professional, time_machine):
    _at(time_machine, "08:15:00")
    response = signed_in.get(PAGE)
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in signed_in.session
    page = signed_in.get(response["Location"]).content.decode()
    assert "U bent uitgelogd omdat u 15 minuten niets heeft gedaan" in page
    (event,) = AuditEvent.objects.filter(action=AuditAction.SIGNIN_EXPIRED)
    assert event.actor == professional and event.extra == {"reason": "idle"}


def test_10_hours_signs_out_even_when_busy(signed_in, time_machine):
    for hour in range(8, 18):
        for minute in ("00", "10", "20", "30", "40", "50"):
            _at(time_machine, f"{hour:02}:{minute}:00")
            assert signed_in.get(PAGE).status_code == 200, f"{hour}:{minute}"
    _at(time_machine, "18:00:00")
    assert signed_in.get(PAGE)["Location"].startswith(LOGIN)
    (event,) = AuditEvent.objects.filter(action=AuditAction.SIGNIN_EXPIRED)
    assert event.extra == {"reason": "absolute"}


@override_settings(SESSION_IDLE_TIMEOUT=60, SESSION_ABSOLUTE_TIMEOUT=3 * 60)
def test_both_timeouts_come_from_settings(signed_in, time_machine):
    _at(time_machine, "08:00:59")
    assert signed_in.get(PAGE).status_code == 200
    _at(time_machine, "08:02:00")
    assert signed_in.get(PAGE)["Location"].startswith(LOGIN)


def test_an_htmx_request_after_the_timeout_sends_the_whole_page_to_login(signed_in, time_machine):
    _at(time_machine, "08:20:00")
    response = signed_in.get(PAGE, headers={"HX-Request": "true", "HX-Current-URL": f"http://testserver{PAGE}"})
    assert response.status_code == 204
    assert response["HX-Redirect"] == f"{LOGIN}?next=/plannen/"


def test_the_session_is_not_written_on_every_request(signed_in, time_machine):
    """Within half a minute of the last write, a request only reads the session."""
    _at(time_machine, "08:00:10")
    signed_in.get(PAGE)
    _at(time_machine, "08:00:20")
    key = signed_in.session.session_key
    before = signed_in.session.load()
    signed_in.get(PAGE)
    assert signed_in.session.session_key == key and signed_in.session.load() == before
