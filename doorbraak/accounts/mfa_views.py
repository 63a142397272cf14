"""The second step of signing in: enrol an authenticator app (forced at the first sign-in), type a code (or a
recovery code, or a security key) in each new session, see new recovery codes once, and manage security keys."""

from urllib.parse import urlencode

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from doorbraak.audit.constants import AuditAction

from . import mfa, passkeys, services
from .forms import MfaCodeForm, MfaSetupForm, PasskeyAddForm, PasskeyAnswerForm
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
    return _verify_page(request, form)


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


# --- Security keys and passkeys (WebAuthn) ---------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def mfa_keys(request):
    """The user's security keys: the list, removing one, and adding one (after the app, in a verified session)."""
    if not mfa.session_is_verified(request):
        return redirect("accounts:mfa_verify" if mfa.has_confirmed_device(request.user) else "accounts:mfa_setup")
    form = PasskeyAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.webauthn_add(
                request=request, name=form.cleaned_data["name"], credential_json=form.cleaned_data["credential"]
            )
        except passkeys.KeyRefused:
            form.add_error(
                None,
                _(
                    "De sleutel is niet toegevoegd: het antwoord van de sleutel klopte niet of kwam te laat, of deze "
                    "sleutel is al toegevoegd. Probeer het opnieuw."
                ),
            )
        else:
            messages.success(request, _("De sleutel %(name)s is toegevoegd.") % {"name": form.cleaned_data["name"]})
            return redirect("accounts:mfa_keys")
    context = {
        "form": form,
        "keys": passkeys.user_keys(request.user),
        "options": passkeys.registration_options(request),
    }
    return render(request, "accounts/mfa_keys.html", context)


@login_required
@require_http_methods(["POST"])
def mfa_key_remove(request):
    if not mfa.session_is_verified(request):
        return redirect("accounts:mfa_verify")
    device = get_object_or_404(passkeys.user_keys(request.user), pk=request.POST.get("device") or 0)
    services.webauthn_remove(request=request, device=device)
    messages.success(request, _("De sleutel %(name)s is verwijderd.") % {"name": device.name})
    return redirect("accounts:mfa_keys")


@login_required
@require_http_methods(["POST"])
def mfa_verify_key(request):
    """The second step with a security key instead of a code; on failure the page asks again (key or code)."""
    if mfa.session_is_verified(request):
        return _continue(request)
    key_form = PasskeyAnswerForm(request.POST)
    if key_form.is_valid():
        if services.webauthn_verify(request=request, credential_json=key_form.cleaned_data["credential"]).ok:
            return _continue(request)
        key_form.add_error(
            None,
            _(
                "Met deze sleutel lukte het inloggen niet: het is niet een sleutel van uw account of het antwoord "
                "kwam te laat. Probeer het opnieuw, of vul hieronder een code in."
            ),
        )
    return _verify_page(request, MfaCodeForm(), key_form)


def _verify_page(request, form, key_form=None):
    context = {"form": form, "next": _next(request)}
    if passkeys.has_key(request.user):
        context |= {"key_form": key_form or PasskeyAnswerForm(), "options": passkeys.authentication_options(request)}
    return render(request, "accounts/mfa_verify.html", context)
