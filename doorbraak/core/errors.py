"""The project's answer to a request Django refuses before any view runs (``handler400`` in config/urls.py)."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token

from .bounds import TEXT_LIMIT
from .formatting import format_number


@requires_csrf_token
def bad_request(request, exception):
    """400 in Dutch; for a POST larger than DATA_UPLOAD_MAX_MEMORY_SIZE (or with too many fields) 413 with the
    limits, so the user knows to shorten the text. Nothing of such a request reached a view, so nothing is saved."""
    if isinstance(exception, (RequestDataTooBig, TooManyFieldsSent)):
        context = {
            "request_limit_mb": format_number(
                (Decimal(settings.DATA_UPLOAD_MAX_MEMORY_SIZE) / 1024 / 1024).quantize(Decimal("0.1"))
            ),
            "text_limit": format_number(TEXT_LIMIT),
        }
        return render(request, "413.html", context, status=413)
    return render(request, "400.html", status=400)
