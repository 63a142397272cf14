"""Single sign-on with the municipality's own identity provider (OpenID Connect, through mozilla-django-oidc).

Each municipality that has one is an entry in ``settings.OIDC_PROVIDERS``, keyed by the organisation's slug
(issuer, client id and secret; the endpoints come from the issuer's discovery document). The login page shows a
button per entry. Who comes back from the provider is matched by e-mail address among the active members of
*that* municipality only: nobody gets an account through single sign-on, and an address of another municipality
is refused like an unknown one. The local second factor is skipped only when the provider says in the ID token
that it asked one: an ``amr`` value from ``OIDC_MFA_AMR`` or an ``acr`` value the entry lists as ``strong_acr``.
"""

import time

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from doorbraak.audit.constants import AuditAction

from . import mfa, services

ORGANISATION_SESSION_KEY = "oidc_organisation"
DISCOVERY_SECONDS = 60 * 60

FAILURE_MESSAGES = {
    "unknown_user": _(
        "U bent bij uw gemeente ingelogd, maar met dit e-mailadres heeft u geen toegang tot Doorbraak bij deze "
        "gemeente. Vraag uw functioneel beheerder om u toe te voegen, of log in met uw wachtwoord."
    ),
    "state": _(
        "Het inloggen via uw gemeente-account is verlopen of niet in deze browser begonnen. Probeer het opnieuw."
    ),
    "denied": _("Het inloggen via uw gemeente-account is afgebroken. Probeer het opnieuw of log in met uw wachtwoord."),
    "provider": _(
        "Het inloggen via uw gemeente-account lukt nu niet: de inlogdienst van de gemeente antwoordt niet zoals "
        "verwacht. Probeer het later opnieuw of log in met uw wachtwoord."
    ),
}


def provider_choices() -> list[tuple[str, str]]:
    """(slug, button text) for every municipality with single sign-on, for the login page."""
    return [(slug, entry.get("name") or slug) for slug, entry in sorted(settings.OIDC_PROVIDERS.items())]


def provider_config(slug: str | None) -> dict | None:
    """The entry for ``slug`` with its endpoints, read from the issuer's discovery document (cached an hour)."""
    entry = settings.OIDC_PROVIDERS.get(slug or "")
    if entry is None:
        return None
    issuer = entry["issuer"].rstrip("/")
    key = f"oidc-discovery:{issuer}"
    discovery = cache.get(key)
    if discovery is None and "authorization_endpoint" not in entry:
        response = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        discovery = response.json()
        cache.set(key, discovery, DISCOVERY_SECONDS)
    return {"issuer": issuer, **(discovery or {}), **entry}


def idp_asserted_mfa(claims: dict, config: dict) -> bool:
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = [amr]
    strong_acr = config.get("strong_acr") or []
    return bool(set(amr) & set(settings.OIDC_MFA_AMR)) or (bool(claims.get("acr")) and claims["acr"] in strong_acr)


class MunicipalityOIDCBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend with the provider chosen per sign-in (the municipality whose button was
    pressed, kept in the session) instead of one provider in settings."""

    def __init__(self, *args, **kwargs):
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        if request is None or "code" not in request.GET:
            return None  # a password sign-in, not ours
        self.slug = request.session.get(ORGANISATION_SESSION_KEY)
        try:
            config = provider_config(self.slug)
        except requests.RequestException:
            config = None
        if config is None:
            request.oidc_failure = "provider"
            return None
        self.config = config
        self.OIDC_OP_TOKEN_ENDPOINT = config["token_endpoint"]
        self.OIDC_OP_USER_ENDPOINT = config["userinfo_endpoint"]
        self.OIDC_OP_JWKS_ENDPOINT = config["jwks_uri"]
        self.OIDC_RP_CLIENT_ID = config["client_id"]
        self.OIDC_RP_CLIENT_SECRET = config["client_secret"]
        self.OIDC_RP_SIGN_ALGO = config.get("sign_algo", "RS256")
        self.OIDC_RP_IDP_SIGN_KEY = None
        try:
            return super().authenticate(request, **kwargs)
        except (requests.RequestException, SuspiciousOperation):
            request.oidc_failure = "provider"
            return None

    def verify_token(self, token, **kwargs):
        """The library checks signature, expiry and nonce; the issuer and the audience are checked here."""
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if payload.get("iss", "").rstrip("/") != self.config["issuer"] or self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token from another issuer or for another client")
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        self.request.oidc_claims = payload
        return super().get_or_create_user(access_token, id_token, payload)

    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").strip()
        users = self.UserModel.objects.filter(
            email__iexact=email,
            is_active=True,
            membership__is_active=True,
            membership__organisation__slug=self.slug,
        )
        if not email or claims.get("email_verified") is False or not users.exists():
            elsewhere = bool(email) and self.UserModel.objects.filter(email__iexact=email).exists()
            self.request.oidc_failure = "unknown_user"
            self.request.oidc_failure_detail = "other_organisation" if elsewhere else "unknown"
            return self.UserModel.objects.none()
        return users


class SignInStartView(OIDCAuthenticationRequestView):
    """The button on the login page: off to the municipality's identity provider."""

    def __init__(self, **kwargs):
        View.__init__(self, **kwargs)

    def get(self, request, organisation):
        try:
            config = provider_config(organisation)
        except requests.RequestException:
            messages.error(request, FAILURE_MESSAGES["provider"])
            return redirect("accounts:login")
        if config is None:
            raise Http404
        self.OIDC_OP_AUTH_ENDPOINT = config["authorization_endpoint"]
        self.OIDC_RP_CLIENT_ID = config["client_id"]
        request.session[ORGANISATION_SESSION_KEY] = organisation
        return super().get(request)


class SignInCallbackView(OIDCAuthenticationCallbackView):
    """Back from the provider: the state must be one this browser started, at most OIDC_STATE_MAX_AGE ago."""

    def get(self, request):
        state = request.GET.get("state")
        states = request.session.get("oidc_states") or {}
        if request.GET.get("error"):
            self.reason = "denied"
        elif state not in states or time.time() - states[state].get("added_on", 0) > settings.OIDC_STATE_MAX_AGE:
            states.pop(state, None)
            request.session.modified = True
            self.reason = "state"
            return self.login_failure()
        return super().get(request)

    def login_failure(self):
        reason = getattr(self, "reason", None) or getattr(self.request, "oidc_failure", None) or "provider"
        detail = getattr(self.request, "oidc_failure_detail", reason)
        services.signin_record(
            action=AuditAction.SIGNIN_SSO_FAILURE,
            reason=detail,
            provider=self.request.session.get(ORGANISATION_SESSION_KEY),
        )
        messages.error(self.request, FAILURE_MESSAGES[reason])
        return redirect("accounts:login")

    def login_success(self):
        response = super().login_success()
        services.signin_succeeded(user=self.user, method="oidc")
        config = provider_config(self.request.session.get(ORGANISATION_SESSION_KEY))
        if idp_asserted_mfa(getattr(self.request, "oidc_claims", {}), config):
            self.request.session[mfa.IDP_MFA_SESSION_KEY] = True
            services.signin_record(action=AuditAction.MFA_VERIFY_SUCCESS, user=self.user, actor=self.user, method="idp")
        return response
