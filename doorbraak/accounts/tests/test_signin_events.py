"""Sign-in events in the audit log: ids and codes only, never the address or password typed."""

import json

import pytest
from django.core import serializers
from django.core.cache import cache
from django.urls import reverse

from doorbraak.accounts import throttle
from doorbraak.audit.constants import AuditAction
from doorbraak.audit.models import AuditEvent
from doorbraak.organisations.services import membership_set_active
from doorbraak.organisations.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def _events(action):
    return list(AuditEvent.objects.filter(action=action).order_by("id"))


def _all_rows() -> str:
    return json.dumps(json.loads(serializers.serialize("json", AuditEvent.objects.all())))


def test_success_is_recorded_with_the_account_and_its_organisation(client, professional, password):
    client.post(LOGIN, {"username": professional.email, "password": password})
    (event,) = _events(AuditAction.SIGNIN_SUCCESS)
    assert event.actor == professional
    assert event.organisation == professional.membership.organisation
    assert (event.object_type, event.object_id) == ("accounts.user", str(professional.pk))
    assert event.extra == {"method": "password"}


def test_a_wrong_password_is_recorded_without_what_was_typed(client, professional):
    client.post(LOGIN, {"username": professional.email.upper(), "password": "Geheim-typfout-123"})
    (event,) = _events(AuditAction.SIGNIN_FAILURE)
    assert event.actor is None
    assert (event.object_type, event.object_id) == ("accounts.user", str(professional.pk))
    assert event.extra == {"reason": "invalid"}
    rows = _all_rows()
    assert "voorbeeldstad" not in rows.lower() and "Geheim" not in rows


def test_an_unknown_address_leaves_no_trace_of_itself(client):
    # People type their password into the e-mail field: what was typed is never stored.
    client.post(LOGIN, {"username": "mijn.wachtwoord@example.org", "password": "x"})
    (event,) = _events(AuditAction.SIGNIN_FAILURE)
    assert (event.object_type, event.object_id, event.organisation) == ("", "", None)
    assert event.extra == {"reason": "invalid"}
    assert "wachtwoord" not in _all_rows() and "example" not in _all_rows()


def test_the_start_of_a_back_off_is_recorded_and_waiting_attempts_are_not(client, professional):
    free = throttle.rule(throttle.ACCOUNT).free
    for _ in range(free + 3):
        client.post(LOGIN, {"username": professional.email, "password": "fout-wachtwoord-123"})
    (backoff,) = _events(AuditAction.SIGNIN_BACKOFF)
    assert backoff.extra == {"scope": "account", "failures": free, "seconds": 30}
    assert backoff.object_id == str(professional.pk)
    reasons = [event.extra["reason"] for event in _events(AuditAction.SIGNIN_FAILURE)]
    assert reasons == ["invalid"] * free  # the three refused while waiting do not each add a row


def test_inactive_and_no_membership_have_their_own_codes(client, professional, functional_admin, password):
    membership_set_active(actor=functional_admin, membership=professional.membership, active=False)
    client.post(LOGIN, {"username": professional.email, "password": password})
    client.post(LOGIN, {"username": UserFactory(email="zonder.rol@voorbeeldstad.nl").email, "password": password})
    assert [event.extra["reason"] for event in _events(AuditAction.SIGNIN_FAILURE)] == ["inactive", "no_membership"]


def test_logout_is_recorded(login, professional):
    client = login(professional)
    client.post(reverse("accounts:logout"))
    (event,) = _events(AuditAction.SIGNIN_LOGOUT)
    assert event.actor == professional and event.extra == {"reason": "logout"}


def test_an_empty_form_records_nothing(client):
    client.post(LOGIN, {"username": "", "password": ""})
    assert not AuditEvent.objects.exists()
