"""Sign-in throttling with back-off, in the shared cache (Redis in production, so every worker sees one count).

Each wrong password counts twice: once for the account (the e-mail address as typed, whether or not an account
has it, so the answer never tells which addresses exist) and once for the client's IP address. A few failures
are free; after that every further attempt for that account or from that address has to wait, and the wait
doubles with each failure up to a cap. There is no hard lock-out: the cap for an account is short, attempts made
while waiting are refused without checking the password and do not count, and a password reset by e-mail (or by
the functional admin) clears the account's count. A counter is forgotten ``window`` seconds after its last
failure. Cache keys are keyed hashes (HMAC with SECRET_KEY): no e-mail or IP address ends up in the cache.

The rules can be changed in settings (``SIGNIN_THROTTLE = {"account": {"free": 5, ...}, "ip": {...}}``);
``SIGNIN_THROTTLE_CACHE`` names the cache (default ``"default"``).
"""

import math
import time
from dataclasses import dataclass, replace

from django.conf import settings
from django.core.cache import caches
from django.utils.crypto import salted_hmac

ACCOUNT = "account"
IP = "ip"
RESET_MAIL = "reset-mail"


@dataclass(frozen=True)
class Rule:
    free: int  # failures without any wait
    base: int  # seconds of the first wait
    cap: int  # the longest wait, in seconds
    window: int  # seconds after the last failure at which the count is forgotten

    def delay(self, failures: int) -> int:
        """Seconds to wait after the last failure, when there were ``failures`` so far."""
        if failures < self.free:
            return 0
        return min(self.cap, self.base * 2 ** (failures - self.free))


DEFAULT_RULES = {
    # 5 free, then 30 s, 1, 2, 4 minutes and at most 5 minutes: slows guessing to ~12 tries an hour, never a long
    # lock-out of the person whose address was guessed.
    ACCOUNT: Rule(free=5, base=30, cap=5 * 60, window=60 * 60),
    # One address (an office behind one gateway) may make more mistakes; a guesser trying many accounts gets
    # up to 15 minutes between tries.
    IP: Rule(free=30, base=60, cap=15 * 60, window=60 * 60),
    # Reset e-mails: at most 3 an hour per address (``free`` is the limit, no back-off; extra requests send nothing).
    RESET_MAIL: Rule(free=3, base=60 * 60, cap=60 * 60, window=60 * 60),
}


@dataclass(frozen=True)
class Wait:
    seconds: int = 0
    scope: str | None = None  # ACCOUNT or IP: which counter asks for the wait

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.seconds / 60))

    def __bool__(self) -> bool:
        return self.seconds > 0


@dataclass(frozen=True)
class Step:
    """A failure that started (or lengthened) a wait: recorded in the audit log as a back-off."""

    scope: str
    failures: int
    seconds: int


def rule(scope: str) -> Rule:
    overrides = getattr(settings, "SIGNIN_THROTTLE", {}).get(scope, {})
    return replace(DEFAULT_RULES[scope], **overrides)


def _cache():
    return caches[getattr(settings, "SIGNIN_THROTTLE_CACHE", "default")]


def _keys(scope: str, value: str) -> tuple[str, str]:
    digest = salted_hmac(f"doorbraak.accounts.throttle.{scope}", value).hexdigest()[:32]
    return f"signin:{scope}:{digest}:n", f"signin:{scope}:{digest}:t"


def normalise_email(email: str) -> str:
    return email.strip().lower()


def client_ip(request) -> str:
    """The client's address. Behind ``SIGNIN_TRUSTED_PROXIES`` reverse proxies (default 0) it is the entry that
    many places from the end of X-Forwarded-For: the part a client cannot forge."""
    proxies = getattr(settings, "SIGNIN_TRUSTED_PROXIES", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _subjects(email: str | None, ip: str | None) -> list[tuple[str, str]]:
    subjects = []
    if email:
        subjects.append((ACCOUNT, normalise_email(email)))
    if ip:
        subjects.append((IP, ip))
    return subjects


def failures(scope: str, value: str) -> int:
    count_key, _ = _keys(scope, normalise_email(value) if scope != IP else value)
    return _cache().get(count_key, 0)


def _wait_for(scope: str, value: str, now: float) -> int:
    count_key, time_key = _keys(scope, value)
    stored = _cache().get_many([count_key, time_key])
    last = stored.get(time_key)
    if last is None:
        return 0
    return max(0, math.ceil(last + rule(scope).delay(stored.get(count_key, 0)) - now))


def wait(*, email: str | None, ip: str | None, now: float | None = None) -> Wait:
    """How long this attempt has to wait (a false Wait: not at all). The longest of the two counters wins."""
    now = time.time() if now is None else now
    longest = Wait()
    for scope, value in _subjects(email, ip):
        seconds = _wait_for(scope, value, now)
        if seconds > longest.seconds:
            longest = Wait(seconds, scope)
    return longest


def _count(scope: str, value: str, now: float) -> int:
    """Add one to a counter; atomic in Redis and in the local-memory cache, so parallel workers lose no count."""
    cache, window = _cache(), rule(scope).window
    count_key, time_key = _keys(scope, value)
    cache.add(count_key, 0, timeout=window)
    try:
        count = cache.incr(count_key)
    except ValueError:  # expired between add and incr
        cache.set(count_key, 1, timeout=window)
        count = 1
    cache.touch(count_key, timeout=window)  # forgotten a window after the *last* failure
    cache.set(time_key, now, timeout=window)
    return count


def register_failure(*, email: str | None, ip: str | None, now: float | None = None) -> list[Step]:
    """Count a wrong password for the account and the address; returns the waits this failure started."""
    now = time.time() if now is None else now
    steps = []
    for scope, value in _subjects(email, ip):
        count = _count(scope, value, now)
        seconds = rule(scope).delay(count)
        if seconds:
            steps.append(Step(scope, count, seconds))
    return steps


def reset_account(email: str) -> None:
    """Forget the account's failures (after a successful sign-in or a new password). The IP count stays."""
    _cache().delete_many(list(_keys(ACCOUNT, normalise_email(email))))


def reset_mail_allowed(email: str, now: float | None = None) -> bool:
    """Count one reset e-mail for this address; False once the hourly limit is reached (then nothing is sent)."""
    now = time.time() if now is None else now
    return _count(RESET_MAIL, normalise_email(email), now) <= rule(RESET_MAIL).free
