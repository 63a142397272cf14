"""E-mail notices. Only the plan's pseudonymous reference and a link: never names or plan content."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _


def plan_link(plan, url_name: str = "followup:plan_followup") -> str:
    return getattr(settings, "SITE_URL", "").rstrip("/") + reverse(url_name, args=[plan.pk])


def notify(*, recipients, plan, subject: str, message: str) -> None:
    """Send after the transaction commits (nothing is sent for a write that rolls back).

    ``subject`` and ``message`` may contain ``%(reference)s``; the link is appended."""
    addresses = sorted({u.email for u in recipients if getattr(u, "email", "")})
    if not addresses:
        return
    values = {"reference": plan.household.reference}
    full_subject = subject % values
    body = (
        message % values
        + "\n\n"
        + plan_link(plan)
        + "\n\n"
        + _("Dit bericht bevat bewust geen persoonsgegevens. Log in om het plan te bekijken.")
    )

    def _send():
        for address in addresses:
            send_mail(full_subject, body, settings.DEFAULT_FROM_EMAIL, [address], fail_silently=False)

    transaction.on_commit(_send)
