"""Sign-in and sign-out.

The login view stays small on purpose: the form checks the back-off and the password, the view records the
event and signs in. A second factor (MFA) or single sign-on comes in as a step after ``form_valid`` or as a
separate view that ends in ``signin_succeeded(..., method=...)`` as well.
"""

from django.contrib.auth import views as auth_views
from django.shortcuts import resolve_url

from . import services, throttle
from .forms import LoginForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        throttle.reset_account(user.email)
        response = super().form_valid(form)
        services.signin_succeeded(user=user, method="password")
        return response

    def form_invalid(self, form):
        if form.failure is not None:
            failure = form.failure
            services.signin_failed(user=failure.user, reason=failure.reason, steps=failure.steps)
        return super().form_invalid(form)

    def get_default_redirect_url(self):
        """Without a ``next``: the start page, which sends every role to where its work is."""
        user = self.request.user
        if user.is_national_admin and getattr(user, "membership", None) is None:
            return resolve_url("organisations:organisation_list")
        return resolve_url("home")


class LogoutView(auth_views.LogoutView):
    """Logging out is a POST (a form in the page header); a GET is refused by Django (405)."""

    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            services.signed_out(user=request.user, reason="logout")
        return super().post(request, *args, **kwargs)
