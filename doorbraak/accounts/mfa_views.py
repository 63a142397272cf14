"""The second step of signing in: enrol an authenticator app (forced at the first sign-in), type a code (or a
recovery code) in each new session, and see new recovery codes once."""

from urllib.parse import urlencode

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from doorbraak.audit.constants import AuditAction

from . import mfa, services
from .forms import MfaCodeForm, MfaSetupForm
from .views import start_url

NEW_CODES_SESSION_KEY = "mfa_new_recovery_codes"


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return ""


def _continue(request):
    return redirect(_next(request) or start_url(request.user))


@login_required
@require_http_methods(["GET", "POST"])
def mfa_setup(request):
    if mfa.has_confirmed_device(request.user):
        return redirect("accounts:mfa_verify") if not mfa.session_is_verified(request) else _continue(request)
    device = mfa.pending_totp_device(request.user)
    form = MfaSetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            request.session[NEW_CODES_SESSION_KEY] = services.mfa_enrol(request=request, device=device)
            target = reverse("accounts:mfa_recovery_codes")
            return redirect(f"{target}?{urlencode({'next': _next(request)})}" if _next(request) else target)
        services.signin_record(
            action=AuditAction.MFA_VERIFY_FAILURE,
            user=request.user,
            actor=request.user,
            method="enrol",
            reason="invalid",
        )
        form.add_error(
            "code",
            _(
                "Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat en typ de code die de app "
                "nu toont."
            ),
        )
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "qr_data_uri": qr.svg_data_uri(scale=5, border=2, dark="#000", light="#fff"),
        "secret": mfa.secret_base32(device),
        "next": _next(request),
    }
    return render(request, "accounts/mfa_setup.html", context)


@login_required
@require_http_methods(["GET"])
def mfa_recovery_codes(request):
    """The recovery codes made a moment ago, shown once (a reload goes on to the start page)."""
    codes = request.session.pop(NEW_CODES_SESSION_KEY, None)
    if not codes:
        return _continue(request)
    context = {"codes": codes, "continue_url": _next(request) or None, "start": start_url(request.user)}
    return render(request, "accounts/mfa_recovery_codes.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def mfa_verify(request):
    if mfa.session_is_verified(request):
        return _continue(request)
    if not mfa.has_confirmed_device(request.user):
        return redirect("accounts:mfa_setup")
    form = MfaCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = services.mfa_verify(request=request, code=form.cleaned_data["code"])
        if result.ok:
            if result.method == "recovery":
                messages.warning(request, _recovery_left_message(result.recovery_left))
            return _continue(request)
        form.add_error("code", _failure_message(result))
    return render(request, "accounts/mfa_verify.html", {"form": form, "next": _next(request)})


def _failure_message(result) -> str:
    if result.reason == "throttled":
        return _(
            "Er zijn te veel verkeerde codes ingevuld. Wacht even en probeer het dan opnieuw; na elke verkeerde code "
            "duurt het wachten langer, hooguit vier minuten."
        )
    if result.method == "recovery":
        return _(
            "Deze herstelcode klopt niet of is al gebruikt. Een code uit de app heeft zes cijfers; een herstelcode "
            "ziet eruit als ABCDE-23456."
        )
    return _("Deze code klopt niet. Typ de zes cijfers die uw app nu toont.")


def _recovery_left_message(left: int) -> str:
    return (
        ngettext(
            "U heeft met een herstelcode ingelogd. U heeft nog %(count)s herstelcode over.",
            "U heeft met een herstelcode ingelogd. U heeft nog %(count)s herstelcodes over.",
            left,
        )
        % {"count": left}
        + " "
        + _("Is uw telefoon kwijt? Vraag uw functioneel beheerder om de app opnieuw te koppelen.")
    )
