"""Back-off per account and per IP address, in the cache; no hard lock-out, no address in the cache."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings
from django.urls import reverse

from doorbraak.accounts import throttle
from doorbraak.organisations.services import membership_reset_password

LOGIN = reverse("accounts:login")
ACCOUNT = throttle.rule(throttle.ACCOUNT)
IP = throttle.rule(throttle.IP)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(
    ("failures", "seconds"),
    [(0, 0), (4, 0), (5, 30), (6, 60), (7, 120), (8, 240), (9, 300), (10, 300), (1000, 300)],
)
def test_account_wait_doubles_up_to_five_minutes(failures, seconds):
    assert ACCOUNT.delay(failures) == seconds


@pytest.mark.parametrize(("failures", "seconds"), [(29, 0), (30, 60), (31, 120), (34, 900), (500, 900)])
def test_ip_wait_doubles_up_to_fifteen_minutes(failures, seconds):
    assert IP.delay(failures) == seconds


def _fail(times, *, email="a@voorbeeldstad.nl", ip="192.0.2.1", now=1000.0):
    steps = []
    for _ in range(times):
        steps = throttle.register_failure(email=email, ip=ip, now=now)
    return steps


def test_the_wait_runs_from_the_last_failure_and_then_ends():
    steps = _fail(ACCOUNT.free)
    assert steps == [throttle.Step(throttle.ACCOUNT, ACCOUNT.free, 30)]
    assert throttle.wait(email="a@voorbeeldstad.nl", ip=None, now=1000.0) == throttle.Wait(30, throttle.ACCOUNT)
    assert throttle.wait(email="A@Voorbeeldstad.nl ", ip=None, now=1029.0).seconds == 1  # the same account
    assert not throttle.wait(email="a@voorbeeldstad.nl", ip=None, now=1030.0)


def test_no_hard_lock_out_however_many_failures():
    _fail(200)
    assert throttle.wait(email="a@voorbeeldstad.nl", ip=None, now=1000.0).seconds == 5 * 60
    assert not throttle.wait(email="a@voorbeeldstad.nl", ip=None, now=1000.0 + 5 * 60)


def test_an_account_counts_failures_from_every_address():
    for n in range(ACCOUNT.free):
        throttle.register_failure(email="a@voorbeeldstad.nl", ip=f"192.0.2.{n}", now=1000.0)
    assert throttle.wait(email="a@voorbeeldstad.nl", ip="198.51.100.7", now=1000.0).scope == throttle.ACCOUNT
    assert not throttle.wait(email="b@voorbeeldstad.nl", ip="198.51.100.7", now=1000.0)


def test_an_address_counts_failures_for_every_account():
    for n in range(IP.free):
        throttle.register_failure(email=f"gok{n}@voorbeeldstad.nl", ip="192.0.2.1", now=1000.0)
    assert throttle.wait(email="nieuw@voorbeeldstad.nl", ip="192.0.2.1", now=1000.0) == throttle.Wait(60, throttle.IP)
    assert not throttle.wait(email="nieuw@voorbeeldstad.nl", ip="192.0.2.2", now=1000.0)


def test_reset_forgets_the_account_but_not_the_address():
    _fail(IP.free)
    throttle.reset_account("a@voorbeeldstad.nl")
    assert throttle.failures(throttle.ACCOUNT, "a@voorbeeldstad.nl") == 0
    assert throttle.failures(throttle.IP, "192.0.2.1") == IP.free


def test_the_count_is_forgotten_a_window_after_the_last_failure(time_machine):
    time_machine.move_to("2026-12-01 10:00:00+00:00", tick=False)
    _fail(ACCOUNT.free, now=None)
    time_machine.move_to("2026-12-01 10:59:00+00:00", tick=False)
    throttle.register_failure(email="a@voorbeeldstad.nl", ip=None)  # the window starts again from here
    time_machine.move_to("2026-12-01 11:58:00+00:00", tick=False)
    assert throttle.failures(throttle.ACCOUNT, "a@voorbeeldstad.nl") == ACCOUNT.free + 1
    time_machine.move_to("2026-12-01 12:00:00+00:00", tick=False)
    assert throttle.failures(throttle.ACCOUNT, "a@voorbeeldstad.nl") == 0


def test_the_cache_holds_no_address():
    _fail(3, email="jan.jansen@voorbeeldstad.nl", ip="203.0.113.9")
    keys = " ".join(str(key) for key in cache._cache)  # the local-memory cache's own store
    assert keys and "jan" not in keys and "voorbeeldstad" not in keys and "203.0.113" not in keys


@override_settings(SIGNIN_THROTTLE={"account": {"free": 2, "cap": 60}})
def test_the_rules_come_from_settings():
    assert throttle.rule(throttle.ACCOUNT) == throttle.Rule(free=2, base=30, cap=60, window=3600)


def test_reset_mails_are_limited_per_address():
    allowed = [throttle.reset_mail_allowed("A@voorbeeldstad.nl", now=1000.0) for _ in range(5)]
    assert allowed == [True, True, True, False, False]
    assert throttle.reset_mail_allowed("b@voorbeeldstad.nl", now=1000.0)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "198.51.100.1", "192.0.2.10"),  # no proxy: a client's own header is ignored
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # a forged first entry is not used
        (2, "198.51.100.1, 10.0.0.2", "198.51.100.1"),
        (2, "198.51.100.1", "192.0.2.10"),  # fewer entries than proxies: the direct peer
    ],
)
def test_client_ip_trusts_only_the_configured_proxies(settings, proxies, forwarded, expected):
    settings.SIGNIN_TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR=forwarded)
    assert throttle.client_ip(request) == expected


# --- through the login page --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_attempts_while_waiting_are_not_counted_nor_checked(client, professional, password):
    for _ in range(ACCOUNT.free):
        client.post(LOGIN, {"username": professional.email, "password": "fout-wachtwoord-123"})
    for _ in range(10):
        response = client.post(LOGIN, {"username": professional.email, "password": "fout-wachtwoord-123"})
    assert "Probeer het over 1 minuut opnieuw" in response.content.decode()
    assert throttle.failures(throttle.ACCOUNT, professional.email) == ACCOUNT.free


@pytest.mark.django_db
def test_an_unknown_address_is_throttled_with_the_same_message(client, professional):
    """No enumeration: an address without an account gets the same answers as one with an account."""
    answers = {}
    for email in (professional.email, "niemand@voorbeeldstad.nl"):
        pages = [
            client.post(LOGIN, {"username": email, "password": "fout-wachtwoord-123"}).content.decode()
            for _ in range(ACCOUNT.free + 1)
        ]
        answers[email] = [_error(page) for page in pages]
    assert answers[professional.email] == answers["niemand@voorbeeldstad.nl"]
    assert "te vaak een verkeerd wachtwoord" in answers[professional.email][-1]


def _error(page: str) -> str:
    start = page.index('role="alert"')
    return page[start : page.index("</div>", start)]


@pytest.mark.django_db
def test_one_address_guessing_many_accounts_is_slowed_down(client, professional, password):
    for n in range(IP.free):
        client.post(LOGIN, {"username": f"gok{n}@voorbeeldstad.nl", "password": "x"}, REMOTE_ADDR="192.0.2.66")
    blocked = client.post(LOGIN, {"username": professional.email, "password": password}, REMOTE_ADDR="192.0.2.66")
    assert "te vaak een verkeerd wachtwoord" in blocked.content.decode()
    # a colleague at another address is not affected
    assert client.post(LOGIN, {"username": professional.email, "password": password}).status_code == 302


@pytest.mark.django_db
def test_the_functional_admins_reset_clears_the_wait(client, professional, functional_admin):
    for _ in range(ACCOUNT.free):
        client.post(LOGIN, {"username": professional.email, "password": "fout-wachtwoord-123"})
    new_password = membership_reset_password(actor=functional_admin, membership=professional.membership)
    assert client.post(LOGIN, {"username": professional.email, "password": new_password}).status_code == 302
