import pytest
from django.core.cache import cache
from django.urls import reverse

from doorbraak.accounts import throttle
from doorbraak.accounts.tests.mfa_support import second_step
from doorbraak.organisations.services import membership_set_active
from doorbraak.organisations.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def _post(client, email, password):
    return client.post(LOGIN, {"username": email, "password": password})


def test_login_page_is_dutch_and_labelled(client):
    content = client.get(LOGIN).content.decode()
    assert '<html lang="nl"' in content
    assert 'for="id_username"' in content and 'for="id_password"' in content
    assert "Inloggen bij Doorbraak" in content
    assert 'autocomplete="current-password"' in content


def test_professional_logs_in_and_lands_on_plans(client, professional, password):
    response = _post(client, professional.email.upper(), password)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    response = second_step(client, professional, response)
    assert response["Location"] == reverse("home")
    assert client.get(response["Location"])["Location"] == reverse("plans:list")


def test_functional_admin_lands_on_admin(client, functional_admin, password):
    response = second_step(client, functional_admin, _post(client, functional_admin.email, password))
    assert client.get(response["Location"])["Location"] == reverse("organisations:overview")


def test_national_admin_without_membership_lands_on_organisations(client, national_admin, password):
    response = _post(client, national_admin.email, password)
    assert response["Location"] == reverse("organisations:organisation_list")
    response = second_step(client, national_admin, response)
    assert response["Location"] == reverse("organisations:organisation_list")


def test_next_is_respected(client, professional, password):
    response = client.post(LOGIN, {"username": professional.email, "password": password, "next": "/plannen/"})
    assert response["Location"] == "/plannen/"
    assert second_step(client, professional, response)["Location"] == "/plannen/"


def test_wrong_password_gives_dutch_error(client, professional):
    response = _post(client, professional.email, "verkeerd-wachtwoord")
    assert response.status_code == 200
    assert "Het e-mailadres of wachtwoord klopt niet" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_user_without_membership_sees_clear_message(client, password):
    user = UserFactory(email="zonder.rol@voorbeeldstad.nl")
    response = _post(client, user.email, password)
    assert response.status_code == 200
    assert "geen actieve rol" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_deactivated_user_sees_inactive_message(client, professional, functional_admin, password):
    membership_set_active(actor=functional_admin, membership=professional.membership, active=False)
    response = _post(client, professional.email, password)
    assert "Dit account is niet actief" in response.content.decode()
    # with a wrong password the account's state is not revealed
    response = _post(client, professional.email, "nog-een-verkeerd-wachtwoord")
    assert "Het e-mailadres of wachtwoord klopt niet" in response.content.decode()


def test_brute_force_lock_after_repeated_failures(client, professional, password):
    for _ in range(throttle.rule(throttle.ACCOUNT).free):
        _post(client, professional.email, "fout-wachtwoord-123")
    response = _post(client, professional.email, password)  # even the right password is refused for a while
    assert response.status_code == 200
    assert "te vaak een verkeerd wachtwoord" in response.content.decode()
    assert "_auth_user_id" not in client.session
    throttle.reset_account(professional.email)
    assert _post(client, professional.email, password).status_code == 302


def test_successful_login_resets_the_counter(client, professional, password):
    for _ in range(throttle.rule(throttle.ACCOUNT).free - 1):
        _post(client, professional.email, "fout-wachtwoord-123")
    assert _post(client, professional.email, password).status_code == 302
    assert not throttle.wait(email=professional.email, ip=None)
    assert throttle.failures(throttle.ACCOUNT, professional.email) == 0


def test_logout_is_post_only(login, professional):
    client = login(professional)
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response["Location"] == LOGIN
    assert "_auth_user_id" not in client.session


def test_logout_button_in_header(login, professional):
    content = login(professional).get(reverse("plans:list")).content.decode()
    assert f'action="{reverse("accounts:logout")}"' in content
