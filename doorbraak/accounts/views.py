from django.contrib.auth import views as auth_views
from django.shortcuts import resolve_url

from . import throttle
from .forms import LoginForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        throttle.reset(form.get_user().email)
        return super().form_valid(form)

    def get_default_redirect_url(self):
        """Without a ``next``: the start page, which sends every role to where its work is."""
        user = self.request.user
        if user.is_national_admin and getattr(user, "membership", None) is None:
            return resolve_url("organisations:organisation_list")
        return resolve_url("home")
