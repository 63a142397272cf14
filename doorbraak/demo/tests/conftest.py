"""The demo, built once: ``seed_demo`` takes seconds, and several tests read the same result.

``seeded_demo`` runs ``seed_demo`` once per test module, inside a transaction that is rolled back when the
module is done. Each test runs in a savepoint within it (pytest-django's usual per-test transaction), so what
a test changes is undone before the next one; the demo itself is undone after the module's last test.
Only modules whose tests all accept the demo in the database may use it (test_seed_demo.py); tests that need
a database without the demo live in their own module (test_seed_without_demo.py).

Under pytest-xdist the module's tests are kept on one worker (``xdist_group``), so the demo is built once in
the whole run, not once per worker.
"""

from dataclasses import dataclass
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction


@dataclass(frozen=True)
class SeededDemo:
    output: str  # what the first ``seed_demo`` run printed
    mails: list  # what it sent (it must send nothing)


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def seeded_demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        sent_before = len(mail.outbox)
        try:
            demo = SeededDemo(output=seed(), mails=list(mail.outbox[sent_before:]))
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield demo
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
