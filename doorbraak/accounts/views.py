"""Sign-in, sign-out and 'wachtwoord vergeten' (Django's token flow).

The login view stays small on purpose: the form checks the back-off and the password, the view records the
event and signs in. A second factor (MFA) or single sign-on comes in as a step after ``form_valid`` or as a
separate view that ends in ``signin_succeeded(..., method=...)`` as well.
"""

from django.contrib.auth import views as auth_views
from django.shortcuts import resolve_url
from django.urls import reverse_lazy

from doorbraak.audit.constants import AuditAction

from . import oidc, services, throttle
from .forms import LoginForm, PasswordResetRequestForm


def start_url(user) -> str:
    """Where a fully signed-in user goes without a ``next``: the start page (which sends every role on), or the
    list of municipalities for the national admin without a membership."""
    if user.is_national_admin and getattr(user, "membership", None) is None:
        return "organisations:organisation_list"
    return "home"


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        # The municipalities whose own accounts (single sign-on) can be used instead of a password.
        return super().get_context_data(sso_providers=oidc.provider_choices(), **kwargs)

    def form_valid(self, form):
        user = form.get_user()
        throttle.reset_account(user.email)
        response = super().form_valid(form)
        services.signin_succeeded(user=user, method="password")
        return response

    def form_invalid(self, form):
        failure = form.failure
        # An attempt refused while waiting is not recorded one by one (a flood of them would fill the log);
        # the failure that started the wait was recorded with its back-off.
        if failure is not None and failure.reason != "backoff":
            services.signin_failed(user=failure.user, reason=failure.reason, steps=failure.steps)
        return super().form_invalid(form)

    def get_default_redirect_url(self):
        """Without a ``next``: the start page, which sends every role to where its work is (after the second
        step, which MfaRequiredMiddleware asks first)."""
        return resolve_url(start_url(self.request.user))


class LogoutView(auth_views.LogoutView):
    """Logging out is a POST (a form in the page header); a GET is refused by Django (405)."""

    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            services.signed_out(user=request.user, reason="logout")
        return super().post(request, *args, **kwargs)


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a link by e-mail. The answer is the same whether or not the address has an account."""

    form_class = PasswordResetRequestForm
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        response = super().form_valid(form)
        for user in form.sent_to:
            services.signin_record(action=AuditAction.PASSWORD_RESET_REQUEST, user=user)
        if not form.sent_to:  # no account, not allowed to sign in, or the hourly limit: nothing was sent
            services.signin_record(action=AuditAction.PASSWORD_RESET_REQUEST, user=None, sent=0)
        return response


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The link from the e-mail: choose a new password. Not signed in afterwards: the user signs in as usual (so a
    second factor, once there, is asked as well). Other sessions of the account end (Django's session hash)."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
    post_reset_login = False

    def form_valid(self, form):
        response = super().form_valid(form)
        throttle.reset_account(form.user.email)
        services.signin_record(action=AuditAction.PASSWORD_RESET_COMPLETE, user=form.user)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
