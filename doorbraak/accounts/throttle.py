"""Lightweight brute-force protection: after too many wrong passwords for one e-mail address, refuse logins
for that address for a while. Counts live in Django's cache (per process with the default local-memory cache;
configure a shared cache in production). The key is a hash, so no e-mail address ends up in the cache."""

import hashlib

from django.core.cache import cache

MAX_FAILURES = 5
LOCK_MINUTES = 15


def _key(email: str) -> str:
    return "login-failures:" + hashlib.sha256(email.strip().lower().encode()).hexdigest()


def is_locked(email: str) -> bool:
    return cache.get(_key(email), 0) >= MAX_FAILURES


def register_failure(email: str) -> int:
    key = _key(email)
    cache.add(key, 0, timeout=LOCK_MINUTES * 60)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=LOCK_MINUTES * 60)
        return 1


def reset(email: str) -> None:
    cache.delete(_key(email))
