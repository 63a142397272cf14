"""One request id per request, on every audit row and in the ``X-Request-ID`` header; refused attempts on an
object of a household are logged; a log that cannot be written refuses the page (fail-closed)."""

from collections.abc import Callable

from django.db import transaction
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control

from . import context
from .services import AuditUnavailable, audit_record_refused

# URL keyword -> (object type, resolver). A higher app registers the ids its URLs carry (plans registers
# ``plan_id`` and ``household_id`` in its AppConfig.ready()); the resolver returns the household of that object
# within the organisation, or None (another municipality's object, or no such object).
SUBJECT_KWARGS: dict[str, tuple[str, Callable]] = {}
REFUSED_STATUSES = {403, 404}


def register_subject_kwarg(kwarg: str, *, object_type: str, household_of: Callable) -> None:
    SUBJECT_KWARGS[kwarg] = (object_type, household_of)


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = context.new_request_id()
        token = context.bind(request)
        try:
            response = self.get_response(request)
            if response.status_code in REFUSED_STATUSES:
                try:
                    self._log_refused(request, response.status_code)
                except AuditUnavailable:
                    response = self._unavailable(request)
        finally:
            context.unbind(token)
        response["X-Request-ID"] = request.request_id
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, AuditUnavailable):
            return self._unavailable(request)
        return None

    @staticmethod
    def _unavailable(request):
        # Without request context (no user, no branding): this page must not need the database.
        response = HttpResponse(render_to_string("audit/unavailable.html"), status=503)
        patch_cache_control(response, no_store=True, private=True)
        return response

    @staticmethod
    def _log_refused(request, status: int) -> None:
        user = getattr(request, "user", None)
        match = getattr(request, "resolver_match", None)
        if user is None or not user.is_authenticated or match is None:
            return
        membership = getattr(request, "membership", None)
        organisation = membership.organisation if membership is not None else None
        for kwarg, (object_type, household_of) in SUBJECT_KWARGS.items():
            value = match.kwargs.get(kwarg)
            if value is None:
                continue
            household_id = household_of(organisation, value) if organisation is not None else None
            with transaction.atomic():
                audit_record_refused(
                    actor=user,
                    organisation=organisation,
                    object_type=object_type,
                    object_id=value,
                    household_id=household_id,
                    status=status,
                    view=match.view_name,
                )
            return
