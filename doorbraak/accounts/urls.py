from django.urls import path

from . import mfa_views, oidc, views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    # Logging out is a POST (a form in the page header); a GET is refused by Django (405).
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("wachtwoord-vergeten/", views.PasswordResetView.as_view(), name="password_reset"),
    path("wachtwoord-vergeten/verstuurd/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "wachtwoord-instellen/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("wachtwoord-instellen/klaar/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    # The second step (MFA): enrolment at the first sign-in, a code in every new session.
    path("tweestapsverificatie/instellen/", mfa_views.mfa_setup, name="mfa_setup"),
    path("tweestapsverificatie/herstelcodes/", mfa_views.mfa_recovery_codes, name="mfa_recovery_codes"),
    path("tweestapsverificatie/", mfa_views.mfa_verify, name="mfa_verify"),
    path("tweestapsverificatie/sleutel/", mfa_views.mfa_verify_key, name="mfa_verify_key"),
    # Security keys and passkeys (WebAuthn) next to the app: the list, adding and removing.
    path("tweestapsverificatie/sleutels/", mfa_views.mfa_keys, name="mfa_keys"),
    path("tweestapsverificatie/sleutels/verwijderen/", mfa_views.mfa_key_remove, name="mfa_key_remove"),
    # Single sign-on with the municipality's own identity provider (OIDC).
    path("gemeente-account/terug/", oidc.SignInCallbackView.as_view(), name="oidc_callback"),
    path("gemeente-account/<slug:organisation>/", oidc.SignInStartView.as_view(), name="oidc_start"),
]
