from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from doorbraak.accounts import mfa
from doorbraak.accounts.services import mfa_reset
from doorbraak.demo.constants import DEMO_USERS
from doorbraak.organisations.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
DEMO_EMAIL = next(spec.email for spec in DEMO_USERS if spec.key == "prof_noord")


def test_demo_code_prints_the_code_the_app_shows_now():
    user = UserFactory(email=DEMO_EMAIL)
    device = mfa.confirmed_totp_device(user)
    out = StringIO()
    call_command("demo_code", DEMO_EMAIL.upper(), stdout=out, stderr=StringIO())
    assert out.getvalue().strip() == mfa.current_code(device)
    assert device.verify_token(out.getvalue().strip())


def test_demo_code_only_for_demo_users():
    UserFactory(email="echt.iemand@voorbeeldstad.nl")
    with pytest.raises(CommandError, match="geen demo-gebruiker"):
        call_command("demo_code", "echt.iemand@voorbeeldstad.nl", stdout=StringIO())


def test_demo_code_after_a_reset_says_what_to_do():
    user = UserFactory(email=DEMO_EMAIL)
    mfa.confirmed_totp_device(user)
    mfa_reset(actor=user, user=user)
    with pytest.raises(CommandError, match="geen app gekoppeld"):
        call_command("demo_code", DEMO_EMAIL, stdout=StringIO())


def test_demo_logins_explains_the_second_step():
    out = StringIO()
    call_command("demo_logins", stdout=out)
    assert "manage.py demo_code" in out.getvalue()
