"""Session timeouts: signed out after ``SESSION_IDLE_TIMEOUT`` seconds without a request (default 15 minutes)
and ``SESSION_ABSOLUTE_TIMEOUT`` seconds after signing in (default 10 hours), whatever happens in between.
And the second factor: a signed-in session that is not verified reaches only the account pages."""

import time
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import resolve_url
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from . import mfa, services

SIGNED_IN_AT = "signin_at"
SEEN_AT = "signin_seen_at"
# The last request is written to the session at most this often, so a page with many HTMX requests does not
# write the session on each one; the idle timeout is exact to within this many seconds.
SEEN_RESOLUTION = 30


def start_session_clock(sender, request, user, **kwargs):
    """On every sign-in (the form, a test's force_login, later SSO): both clocks start now."""
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SIGNED_IN_AT] = now
        request.session[SEEN_AT] = now


class SessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            expired = self._check(request)
            if expired:
                services.signed_out(user=user, reason=expired)
                logout(request)
                messages.info(request, self._message(expired))
                if request.headers.get("HX-Request") == "true":
                    # An HTMX request would swap the login page into a fragment: send the whole page there.
                    response = HttpResponse(status=204)
                    page = urlsplit(request.headers.get("HX-Current-URL", "")).path or "/"
                    response["HX-Redirect"] = redirect_to_login(page)["Location"]
                    return response
        return self.get_response(request)

    @staticmethod
    def _check(request) -> str | None:
        session, now = request.session, int(time.time())
        signed_in_at = session.setdefault(SIGNED_IN_AT, now)
        seen_at = session.setdefault(SEEN_AT, now)
        if now - signed_in_at >= settings.SESSION_ABSOLUTE_TIMEOUT:
            return "absolute"
        if now - seen_at >= settings.SESSION_IDLE_TIMEOUT:
            return "idle"
        if now - seen_at >= SEEN_RESOLUTION:
            session[SEEN_AT] = now
        return None

    @staticmethod
    def _message(reason: str) -> str:
        if reason == "idle":
            minutes = max(1, settings.SESSION_IDLE_TIMEOUT // 60)
            return _("U bent uitgelogd omdat u %(minutes)s minuten niets heeft gedaan. Log opnieuw in.") % {
                "minutes": minutes
            }
        hours = max(1, settings.SESSION_ABSOLUTE_TIMEOUT // 3600)
        return _("U bent uitgelogd omdat u al %(hours)s uur was ingelogd. Log opnieuw in.") % {"hours": hours}


class MfaRequiredMiddleware:
    """A signed-in user whose session has no second factor yet reaches only the account pages (sign-in, the
    second step, enrolment, sign-out) and the stylesheet: without a confirmed device they are sent to enrolment,
    with one to the page that asks for a code. Everything else (every page with data, every HTMX request)
    waits until then. Runs after OTPMiddleware, which tells whether this session was verified."""

    OPEN_NAMESPACES = {"accounts"}
    OPEN_URL_NAMES = {"branding_css"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        request.second_step_done = bool(user is not None and user.is_authenticated and mfa.session_is_verified(request))
        if user is None or not user.is_authenticated or request.second_step_done or self._open(request):
            return self.get_response(request)
        target = resolve_url("accounts:mfa_verify" if mfa.has_confirmed_device(user) else "accounts:mfa_setup")
        if request.headers.get("HX-Request") == "true":
            page = urlsplit(request.headers.get("HX-Current-URL", "")).path or "/"
            response = HttpResponse(status=204)
            response["HX-Redirect"] = self._with_next(target, page)
            return response
        return HttpResponseRedirect(
            self._with_next(target, request.get_full_path() if request.method == "GET" else "/")
        )

    def _open(self, request) -> bool:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return True  # a 404 shows nothing
        return match.namespace in self.OPEN_NAMESPACES or match.url_name in self.OPEN_URL_NAMES

    @staticmethod
    def _with_next(target: str, page: str) -> str:
        if page in ("", "/"):
            return target
        query = QueryDict(mutable=True)
        query["next"] = page
        return f"{target}?{query.urlencode()}"
