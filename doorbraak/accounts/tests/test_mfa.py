"""The second factor: enrolment forced at the first sign-in, a code in every new session, recovery codes that
are stored hashed and work once, and the reset by the functional admin."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from doorbraak.accounts import mfa
from doorbraak.audit.constants import AuditAction
from doorbraak.audit.models import AuditEvent
from tests.pageforms import rendered_form

from .mfa_support import second_step, unused_code, verified_login

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")
SETUP = reverse("accounts:mfa_setup")
VERIFY = reverse("accounts:mfa_verify")
CODES = reverse("accounts:mfa_recovery_codes")
PLANS = reverse("plans:list")


def _password(client, user, password, **extra):
    response = client.post(LOGIN, {"username": user.email, "password": password, **extra})
    assert response.status_code == 302
    return response


def test_first_sign_in_forces_enrolment_before_any_page(client, professional, password, plan):
    _password(client, professional, password)
    for url in (PLANS, reverse("home"), reverse("workspace:plan", args=[plan.pk])):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(SETUP), url
    # a POST or an HTMX request gets no data either
    assert client.post(reverse("households:create"))["Location"].startswith(SETUP)
    htmx = client.get(PLANS, headers={"HX-Request": "true", "HX-Current-URL": "http://testserver/plannen/"})
    assert htmx.status_code == 204 and htmx["HX-Redirect"].startswith(SETUP)
    # the verify page sends someone without an app to enrolment
    assert client.get(VERIFY)["Location"] == SETUP


def test_enrolment_shows_a_qr_code_the_csp_allows_and_the_secret(client, professional, password):
    _password(client, professional, password)
    page = client.get(SETUP)
    html = page.content.decode()
    assert page.status_code == 200 and "Tweestapsverificatie instellen" in html
    assert 'src="data:image/svg+xml' in html and "<script" not in html.split("</head>")[1]
    device = TOTPDevice.objects.get(user=professional, confirmed=False)
    assert mfa.secret_base32(device) in html
    # a reload shows the same secret (the app may already have it)
    assert mfa.secret_base32(device) in client.get(SETUP).content.decode()


def test_enrolment_with_a_wrong_code_says_so_in_dutch(client, professional, password):
    _password(client, professional, password)
    page = client.get(SETUP)
    response = rendered_form(page, with_field="code").submit(client, {"code": "000000"})
    if mfa.current_code(TOTPDevice.objects.get(user=professional)) == "000000":
        pytest.skip("the app shows 000000 right now")
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    assert not mfa.has_confirmed_device(professional)
    response = rendered_form(page, with_field="code").submit(client, {"code": "12ab"})
    assert "Vul de zes cijfers in" in response.content.decode()


def test_enrolment_shows_recovery_codes_once_stores_them_hashed_and_reaches_the_page(client, professional, password):
    _password(client, professional, password, next=PLANS)
    page = client.get(client.get(PLANS)["Location"])
    device = TOTPDevice.objects.get(user=professional, confirmed=False)
    response = rendered_form(page, with_field="code").submit(client, {"code": mfa.current_code(device)})
    assert response.status_code == 302 and response["Location"].startswith(CODES)
    shown = client.get(response["Location"])
    codes = re.findall(r"<code>([A-Z2-9]{5}-[A-Z2-9]{5})</code>", shown.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    assert f'href="{PLANS}"' in shown.content.decode()
    # stored hashed: no row holds a code, each row is the keyed hash of one
    stored = set(StaticToken.objects.filter(device__user=professional).values_list("token", flat=True))
    assert stored == {mfa.hash_recovery_code(c) for c in codes}
    assert not stored & {mfa.normalise_recovery_code(c) for c in codes}
    # shown once: a reload goes on
    assert client.get(CODES)["Location"] == reverse("home")
    assert client.get(PLANS).status_code == 200
    assert mfa.has_confirmed_device(professional)
    event = AuditEvent.objects.get(action=AuditAction.MFA_ENROL)
    assert event.actor == professional and event.extra == {"method": "totp"}


def test_a_new_session_asks_for_the_code_and_a_wrong_one_is_refused(client, professional, password):
    device = mfa.confirmed_totp_device(professional)
    _password(client, professional, password)
    assert client.get(PLANS)["Location"] == f"{VERIFY}?next=%2Fplannen%2F"
    page = client.get(f"{VERIFY}?next=%2Fplannen%2F")
    wrong = "111111" if mfa.current_code(device) != "111111" else "222222"
    response = rendered_form(page, with_field="code").submit(client, {"code": wrong})
    assert response.status_code == 200 and "Deze code klopt niet" in response.content.decode()
    assert client.get(PLANS).status_code == 302
    event = AuditEvent.objects.get(action=AuditAction.MFA_VERIFY_FAILURE)
    assert event.extra == {"method": "totp", "reason": "invalid"}
    # after the throttle's short wait, the right code
    device.refresh_from_db()
    device.throttling_failure_timestamp = None
    device.save()
    response = rendered_form(page, with_field="code").submit(client, {"code": unused_code(device)})
    assert response["Location"] == PLANS and client.get(PLANS).status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.MFA_VERIFY_SUCCESS, extra={"method": "totp"}).exists()


def test_a_code_cannot_be_used_twice(client, professional, password):
    """Someone who saw the code over a shoulder cannot sign in with it in another browser."""
    device = mfa.confirmed_totp_device(professional)
    code = unused_code(device)  # the code second_step types
    second_step(client, professional, _password(client, professional, password))
    other = Client()
    _password(other, professional, password)
    response = rendered_form(other.get(VERIFY), with_field="code").submit(other, {"code": code})
    assert "Deze code klopt niet" in response.content.decode()
    assert other.get(PLANS).status_code == 302


def test_many_wrong_codes_are_slowed_down(client, professional, password):
    device = mfa.confirmed_totp_device(professional)
    _password(client, professional, password)
    page = client.get(VERIFY)
    wrong = "111111" if mfa.current_code(device) != "111111" else "222222"
    for _ in range(3):
        response = rendered_form(page, with_field="code").submit(client, {"code": wrong})
    assert "te veel verkeerde codes" in response.content.decode()
    # even the right code waits until the back-off is over
    response = rendered_form(page, with_field="code").submit(client, {"code": unused_code(device)})
    assert "te veel verkeerde codes" in response.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.MFA_VERIFY_FAILURE, extra__reason="throttled").exists()


def test_the_wait_after_wrong_codes_stops_growing(client, professional, password, time_machine):
    """Someone who knows the password cannot lock the owner out for days by typing wrong codes."""
    time_machine.move_to("2026-12-01 09:00:00+00:00", tick=False)
    device = mfa.confirmed_totp_device(professional)
    device.throttling_failure_count = 40  # 2^39 seconds in django-otp's own rule
    device.throttling_failure_timestamp = timezone.now()
    device.save()
    _password(client, professional, password)
    time_machine.move_to("2026-12-01 09:04:17+00:00", tick=False)  # 257 s later: past the 256 s ceiling
    response = rendered_form(client.get(VERIFY), with_field="code").submit(client, {"code": unused_code(device)})
    assert response.status_code == 302 and client.get(PLANS).status_code == 200


def test_a_recovery_code_works_once(client, professional, password):
    mfa.confirmed_totp_device(professional)
    codes = mfa.replace_recovery_codes(professional)
    _password(client, professional, password)
    page = client.get(VERIFY)
    response = rendered_form(page, with_field="code").submit(client, {"code": codes[0].lower()})
    assert response["Location"] == reverse("home")
    assert "nog 9 herstelcodes over" in client.get(reverse("home"), follow=True).content.decode()
    assert AuditEvent.objects.get(action=AuditAction.MFA_RECOVERY_USED).extra == {"left": 9}
    # the same code in a new session is refused
    fresh = Client()
    _password(fresh, professional, password)
    response = rendered_form(fresh.get(VERIFY), with_field="code").submit(fresh, {"code": codes[0]})
    assert "Deze herstelcode klopt niet of is al gebruikt" in response.content.decode()
    assert fresh.get(PLANS).status_code == 302


def test_the_login_fixture_signs_in_with_the_second_step_done(login, professional):
    client = login(professional)
    assert client.get(PLANS).status_code == 200
    assert client.session["otp_device_id"] == mfa.confirmed_totp_device(professional).persistent_id


# --- The reset by the functional admin ---------------------------------------------------------------------


def _reset_url(user):
    return reverse("organisations:user_reset_mfa", args=[user.membership.pk])


def test_functional_admin_resets_the_second_factor(login, client, functional_admin, professional, password):
    mfa.confirmed_totp_device(professional)
    mfa.replace_recovery_codes(professional)
    verified_login(Client(), professional)
    admin = login(functional_admin)
    page = admin.get(reverse("organisations:user_edit", args=[professional.membership.pk]))
    response = rendered_form(page, action_contains="tweestapsverificatie").submit(admin)
    assert response.status_code == 302
    assert "is verwijderd" in admin.get(response["Location"]).content.decode()
    assert not mfa.has_confirmed_device(professional) and mfa.recovery_device(professional) is None
    event = AuditEvent.objects.get(action=AuditAction.MFA_RESET)
    assert event.actor == functional_admin and event.object_id == str(professional.pk)
    assert event.organisation == professional.membership.organisation
    # the user enrols again at the next sign-in
    other = Client()
    _password(other, professional, password)
    assert other.get(PLANS)["Location"].startswith(SETUP)


def test_a_verified_session_is_no_longer_verified_after_a_reset(login, functional_admin, professional):
    user_client = verified_login(Client(), professional)
    assert user_client.get(PLANS).status_code == 200
    login(functional_admin).post(_reset_url(professional))
    assert user_client.get(PLANS)["Location"].startswith(SETUP)


def test_reset_refused_for_other_roles_and_other_municipalities(login, team_lead, professional, outsider_admin):
    mfa.confirmed_totp_device(professional)
    assert login(team_lead).post(_reset_url(professional)).status_code == 403
    assert login(outsider_admin).post(_reset_url(professional)).status_code == 404
    assert mfa.has_confirmed_device(professional)
    assert not AuditEvent.objects.filter(action=AuditAction.MFA_RESET).exists()


def test_the_next_code_is_the_one_the_app_shows_next(professional, time_machine):
    """``unused_code`` (two sign-ins of one person in one half minute, as a browser walk does) gives the code of the
    next step, which django-otp accepts once the current one was used."""
    time_machine.move_to("2026-12-01 09:00:05+00:00", tick=False)
    device = mfa.confirmed_totp_device(professional)
    following = mfa.current_code(device, offset=1)
    assert device.verify_token(unused_code(device))
    assert unused_code(device) == following
    time_machine.move_to("2026-12-01 09:00:35+00:00", tick=False)
    assert mfa.current_code(device) == following
