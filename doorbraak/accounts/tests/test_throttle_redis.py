"""The sign-in count is shared between worker processes through Redis (the production cache).

Needs the Redis server on 127.0.0.1:6379 (TEST_REDIS_URL to use another). It is a failure, never a skip, when
Redis does not answer: a skipped test would let CI pass with a per-process count again. Each run uses its own
key prefix and deletes only its own keys.
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import redis
from django.conf import settings

from doorbraak.accounts import throttle

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
ROOT = Path(settings.BASE_DIR)

# One worker process: the production cache settings (base.py with REDIS_URL), three wrong passwords for one
# account, each from its own address.
WORKER = """
import sys, django
django.setup()
from doorbraak.accounts import throttle
worker = sys.argv[1]
for n in range(3):
    throttle.register_failure(email="Gedeeld@Voorbeeldstad.nl", ip=f"192.0.2.{worker}{n}")
print(throttle.failures(throttle.ACCOUNT, "gedeeld@voorbeeldstad.nl"))
"""


@pytest.fixture
def prefix():
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.exceptions.ConnectionError as exc:
        pytest.fail(f"Redis does not answer on {REDIS_URL} ({exc}); start it or set TEST_REDIS_URL", pytrace=False)
    prefix = f"doorbraak-test-{uuid.uuid4().hex}"
    yield prefix
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)
    client.close()


def _run_worker(prefix: str, worker: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.Popen(  # noqa: S603 - a fixed command, run with this interpreter
        [sys.executable, "-c", WORKER, str(worker)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )


def test_two_worker_processes_share_one_count(prefix, settings):
    workers = [_run_worker(prefix, worker) for worker in (1, 2)]
    outputs = [worker.communicate(timeout=60)[0] for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], outputs
    assert sorted(int(out.strip()) for out in outputs)[-1] == 6  # the last one to finish saw all six

    # and this process, with its own Redis client, sees the same count and the back-off it started
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "signin": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        },
    }
    settings.SIGNIN_THROTTLE_CACHE = "signin"
    assert throttle.failures(throttle.ACCOUNT, "gedeeld@voorbeeldstad.nl") == 6
    wait = throttle.wait(email="gedeeld@voorbeeldstad.nl", ip="198.51.100.1")
    assert wait.scope == throttle.ACCOUNT and 0 < wait.seconds <= throttle.rule(throttle.ACCOUNT).delay(6)
