"""Complete, environment-driven settings. dev/test/prod only adjust a few values."""

import json
import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    return env(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = [h for h in env("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "mozilla_django_oidc",
    "doorbraak.core",
    "doorbraak.accounts",
    "doorbraak.organisations",
    "doorbraak.audit",
    "doorbraak.households",
    "doorbraak.plans",
    "doorbraak.legal",
    "doorbraak.costs",
    "doorbraak.engagement",
    "doorbraak.prefab",
    "doorbraak.followup",
    "doorbraak.workspace",
    "doorbraak.documents",
    "doorbraak.analytics",
    "doorbraak.privacy",
    "doorbraak.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "doorbraak.audit.middleware.RequestIdMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "doorbraak.accounts.middleware.SessionTimeoutMiddleware",
    "doorbraak.accounts.middleware.MfaRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "doorbraak.organisations.middleware.MembershipMiddleware",
    "doorbraak.core.middleware.NoStoreForSignedInMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "doorbraak.organisations.context_processors.organisation",
                "doorbraak.accounts.context_processors.second_step",
            ],
        },
    }
]


def database_from_url(url: str) -> dict:
    """postgres://user:pass@host:port/name -> Django DATABASES entry (no extra dependency needed)."""
    from urllib.parse import unquote, urlparse

    parsed = urlparse(url)
    if parsed.scheme not in {"postgres", "postgresql"}:
        raise ValueError(f"Unsupported DATABASE_URL scheme: {parsed.scheme}")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parsed.path.lstrip("/")),
        "USER": unquote(parsed.username or ""),
        "PASSWORD": unquote(parsed.password or ""),
        "HOST": parsed.hostname or "",
        "PORT": str(parsed.port or ""),
        "CONN_MAX_AGE": int(env("CONN_MAX_AGE", "60")),
    }


DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": database_from_url(DATABASE_URL)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"  # sends each role on to where its work is
LOGOUT_REDIRECT_URL = "accounts:login"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "doorbraak.accounts.oidc.MunicipalityOIDCBackend",  # single sign-on per municipality (OIDC_PROVIDERS)
]

# Two-factor sign-in (doorbraak.accounts.mfa): every account has TOTP (an authenticator app) with recovery codes.
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "Doorbraak")
OTP_TOTP_THROTTLE_FACTOR = 1  # django-otp: after each wrong code the next try waits 1, 2, 4, ... seconds
OTP_STATIC_THROTTLE_FACTOR = 1
MFA_RECOVERY_CODES = 10
# Security keys and passkeys (doorbraak.accounts.passkeys): the relying party is this host name (the site's host
# when empty; set it in production, e.g. doorbraak.gemeente.nl); a challenge is valid for five minutes.
WEBAUTHN_RP_ID = env("WEBAUTHN_RP_ID", "")
WEBAUTHN_CHALLENGE_TIMEOUT = 300
MFA_THROTTLE_MAX_FAILURES = 9  # the wait stops growing at 2^8 = 256 seconds (doorbraak.accounts.mfa.cap_throttle)

# Single sign-on (OIDC) per municipality: a JSON object keyed by the organisation's slug, e.g.
# {"voorbeeldstad": {"name": "Voorbeeldstad-account", "issuer": "https://idp.voorbeeldstad.nl",
#   "client_id": "doorbraak", "client_secret": "...", "strong_acr": ["urn:...:mfa"]}}
# The endpoints come from the issuer's discovery document unless given ("authorization_endpoint", ...).
OIDC_PROVIDERS = json.loads(env("OIDC_PROVIDERS", "{}"))
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc_callback"
OIDC_RP_SCOPES = "openid email"
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False  # nobody gets an account through SSO: the functional admin adds people
OIDC_TIMEOUT = 10
OIDC_STATE_MAX_AGE = 10 * 60  # seconds a sign-in at the IdP may take
# amr values that count as a second factor at the IdP (RFC 8176); acr values count only when configured strong.
OIDC_MFA_AMR = ["mfa", "otp", "hwk"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands"))]  # Dutch only for now: no LocaleMiddleware, so no half-English pages
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))

SESSION_COOKIE_HTTPONLY = True
# Signed out after 15 minutes without a request and 10 hours after signing in (doorbraak.accounts.middleware).
SESSION_IDLE_TIMEOUT = int(env("SESSION_IDLE_MINUTES", "15")) * 60
SESSION_ABSOLUTE_TIMEOUT = int(env("SESSION_ABSOLUTE_HOURS", "10")) * 60 * 60
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT
PASSWORD_RESET_TIMEOUT = int(env("PASSWORD_RESET_MINUTES", "60")) * 60  # the e-mailed link works this long

# The cache holds the sign-in counters (doorbraak.accounts.throttle); with several workers it must be shared:
# REDIS_URL (redis://host:6379/0) selects Redis, without it a local-memory cache serves a single `make run`.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "doorbraak"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Reverse proxies in front of the app that add X-Forwarded-For (the client's address for the per-IP count).
SIGNIN_TRUSTED_PROXIES = int(env("SIGNIN_TRUSTED_PROXIES", "0"))
CSRF_COOKIE_HTTPONLY = False  # read by nobody: the token travels via hx-headers on <body>
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Strict CSP: no inline scripts or styles anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "doorbraak@localhost")

# Domain settings
PLAN_DEFAULT_HORIZON_MONTHS = 6
ACTIVE_EDITING_IDLE_SECONDS = 300  # gaps between edits longer than this do not count as editing time

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
}
