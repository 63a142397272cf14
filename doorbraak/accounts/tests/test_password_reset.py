"""'Wachtwoord vergeten': Django's token flow, the same answer for every address, a mail with only a link."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from doorbraak.accounts import throttle
from doorbraak.audit.constants import AuditAction
from doorbraak.audit.models import AuditEvent
from doorbraak.organisations.services import membership_set_active
from doorbraak.organisations.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
RESET = reverse("accounts:password_reset")
DONE = reverse("accounts:password_reset_done")
LOGIN = reverse("accounts:login")
NEW_PASSWORD = "Nieuw-en-lang-genoeg-2026"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def _link() -> str:
    (message,) = mail.outbox
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def _page(response) -> str:
    """The page without its CSRF token (masked differently on every response)."""
    return re.sub(r'"X-CSRFToken": "\w+"', "", response.content.decode())


def _choose(client, link, password=NEW_PASSWORD):
    form_url = client.get(link)["Location"]  # Django moves the token out of the URL into the session
    return client.post(form_url, {"new_password1": password, "new_password2": password})


def test_the_login_page_links_to_the_reset(client):
    assert f'href="{RESET}"' in client.get(LOGIN).content.decode()


def test_the_reset_page_is_dutch_and_open_to_anyone(client, login, professional):
    content = client.get(RESET).content.decode()
    assert "Wachtwoord vergeten" in content and 'for="id_email"' in content
    assert login(professional).get(RESET).status_code == 200  # signed in: the same page


def test_a_known_address_gets_a_mail_with_only_a_link(client, professional):
    professional.first_name, professional.last_name = "Fenna", "Fictief"
    professional.save()
    response = client.post(RESET, {"email": professional.email.upper()})
    assert response.status_code == 302 and response["Location"] == DONE
    (message,) = mail.outbox
    assert message.to == [professional.email]
    assert message.subject == "Nieuw wachtwoord voor Doorbraak"
    assert "/wachtwoord-instellen/" in message.body
    for personal in ("Fenna", "Fictief", professional.email, "Voorbeeldstad"):
        assert personal not in message.body


@pytest.mark.parametrize("case", ["unknown", "inactive", "no_membership"])
def test_no_mail_and_the_same_answer_for_an_address_that_cannot_sign_in(client, professional, functional_admin, case):
    email = {"unknown": "niemand@voorbeeldstad.nl", "inactive": professional.email, "no_membership": "los@x.nl"}[case]
    if case == "inactive":
        membership_set_active(actor=functional_admin, membership=professional.membership, active=False)
    if case == "no_membership":
        UserFactory(email=email)
    response = client.post(RESET, {"email": email}, follow=True)
    assert response.redirect_chain == [(DONE, 302)]
    assert mail.outbox == []
    known = client.post(RESET, {"email": functional_admin.email}, follow=True)
    assert _page(known) == _page(response)  # nothing on the page tells the two apart


def test_at_most_three_mails_an_hour_per_address(client, professional):
    for _ in range(5):
        assert client.post(RESET, {"email": professional.email})["Location"] == DONE
    assert len(mail.outbox) == 3


def test_the_link_sets_a_new_password_once(client, professional, password):
    client.post(RESET, {"email": professional.email})
    link = _link()
    response = _choose(client, link)
    assert response["Location"] == reverse("accounts:password_reset_complete")
    assert "_auth_user_id" not in client.session  # not signed in: the user signs in as usual
    assert client.post(LOGIN, {"username": professional.email, "password": password}).status_code == 200
    assert client.post(LOGIN, {"username": professional.email, "password": NEW_PASSWORD}).status_code == 302
    client.logout()
    again = client.get(link)
    assert again.status_code == 200 and "Deze link werkt niet meer" in again.content.decode()


def test_the_new_password_must_pass_the_rules(client, professional, password):
    client.post(RESET, {"email": professional.email})
    response = _choose(client, _link(), password="kort")
    assert response.status_code == 200
    professional.refresh_from_db()
    assert professional.check_password(password)


def test_the_link_expires_after_an_hour(client, professional, password, time_machine):
    time_machine.move_to("2026-12-01 10:00:00+00:00", tick=False)
    client.post(RESET, {"email": professional.email})
    time_machine.move_to("2026-12-01 11:00:01+00:00", tick=False)
    response = client.get(_link())
    assert "Deze link werkt niet meer" in response.content.decode()


def test_a_tampered_link_does_not_work(client, professional):
    client.post(RESET, {"email": professional.email})
    response = client.get(_link()[:-3] + "xyz/")
    assert "Deze link werkt niet meer" in response.content.decode()


def test_a_new_password_ends_the_back_off_and_other_sessions(client, professional):
    elsewhere = Client()
    elsewhere.force_login(professional)  # e.g. a forgotten session on another computer
    for _ in range(throttle.rule(throttle.ACCOUNT).free):
        client.post(LOGIN, {"username": professional.email, "password": "fout-wachtwoord-123"})
    client.post(RESET, {"email": professional.email})
    _choose(client, _link())
    assert throttle.failures(throttle.ACCOUNT, professional.email) == 0
    assert client.post(LOGIN, {"username": professional.email, "password": NEW_PASSWORD}).status_code == 302
    assert elsewhere.get(reverse("plans:list"))["Location"].startswith(LOGIN)


def test_request_and_completion_are_recorded_without_the_address(client, professional):
    client.post(RESET, {"email": "niemand@voorbeeldstad.nl"})
    client.post(RESET, {"email": professional.email})
    _choose(client, _link())
    requests = AuditEvent.objects.filter(action=AuditAction.PASSWORD_RESET_REQUEST).order_by("id")
    assert [(e.object_id, e.extra) for e in requests] == [("", {"sent": 0}), (str(professional.pk), {})]
    (completed,) = AuditEvent.objects.filter(action=AuditAction.PASSWORD_RESET_COMPLETE)
    assert completed.object_id == str(professional.pk)
    assert completed.organisation == professional.membership.organisation
    assert not any("niemand" in str(e.extra) or "voorbeeldstad" in str(e.extra) for e in AuditEvent.objects.all())


@pytest.mark.parametrize(
    ("name", "args", "text"),
    [
        ("accounts:password_reset_done", [], "Kijk in uw e-mail"),
        ("accounts:password_reset_complete", [], "Wachtwoord opgeslagen"),
        ("accounts:password_reset_confirm", ["MQ", "0-ongeldig"], "Deze link werkt niet meer"),
    ],
)
def test_the_other_reset_pages_open_for_anyone_and_show_no_account(client, name, args, text):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200 and text in response.content.decode()
