"""Signing in with the second factor in tests, the way users do it, without enrolling every time.

``verified_login(client, user)`` is Django's ``force_login`` followed by what the second step does when a code
is right: django-otp's ``login(request, device)``, which puts the device in the session. ``unused_code(device)``
is the code the authenticator app shows, one step ahead when this step's code was already used (django-otp
refuses a code twice).
"""

import django_otp
from django.urls import reverse
from django_otp.oath import TOTP

from doorbraak.accounts import mfa
from tests.pageforms import rendered_form


def verified_login(client, user):
    client.force_login(user)
    device = mfa.confirmed_totp_device(user)
    session = client.session
    session[django_otp.DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def unused_code(device) -> str:
    """A code the device accepts now: the current one, or the next (within django-otp's tolerance) if the
    current step was used already."""
    device.refresh_from_db()
    current = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).t()
    offset = 0 if device.last_t < current else device.last_t - current + 1
    return mfa.current_code(device, offset=offset)


def second_step(client, user, response):
    """After the password (``response`` is its redirect): follow on to the page that asks for a code, type the
    code from the app into the form as rendered, and return the answer (a redirect to where the user was going)."""
    device = mfa.confirmed_totp_device(user)
    page = client.get(response["Location"])
    while page.status_code == 302 and "/tweestapsverificatie/" not in page.wsgi_request.path:
        page = client.get(page["Location"])
    assert page.status_code == 200, page
    assert page.wsgi_request.path == reverse("accounts:mfa_verify")
    return rendered_form(page, with_field="code").submit(client, {"code": unused_code(device)})
