from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import throttle


class LoginForm(AuthenticationForm):
    """E-mail and password, with clear Dutch messages for the three ways a login can fail."""

    username = forms.EmailField(
        label=_("E-mailadres"),
        widget=forms.EmailInput(attrs={"autocomplete": "username", "autofocus": True, "spellcheck": "false"}),
    )
    password = forms.CharField(
        label=_("Wachtwoord"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    error_messages = {
        "invalid_login": _("Het e-mailadres of wachtwoord klopt niet. Let op hoofdletters in het wachtwoord."),
        "inactive": _("Dit account is niet actief. Neem contact op met uw functioneel beheerder."),
        "no_membership": _(
            "Uw e-mailadres en wachtwoord kloppen, maar u heeft (nog) geen actieve rol bij een gemeente of "
            "organisatie. Vraag uw functioneel beheerder om u toegang te geven."
        ),
        "throttled": _(
            "Er is te vaak een verkeerd wachtwoord ingevuld voor dit e-mailadres. Probeer het over %(minutes)s "
            "minuten opnieuw, of vraag uw functioneel beheerder om een nieuw wachtwoord."
        ),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()

    def clean(self):
        email = self.cleaned_data.get("username")
        if email and throttle.is_locked(email):
            raise ValidationError(
                self.error_messages["throttled"], code="throttled", params={"minutes": throttle.LOCK_MINUTES}
            )
        try:
            return super().clean()
        except ValidationError as exc:
            if email and exc.code == "invalid_login":
                throttle.register_failure(email)
                # A correct password for a deactivated account deserves the real reason, not "wrong password".
                user = get_user_model().objects.filter(email__iexact=email, is_active=False).first()
                if user is not None and user.check_password(self.cleaned_data.get("password") or ""):
                    raise ValidationError(self.error_messages["inactive"], code="inactive") from None
            raise

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if user.is_national_admin:
            return
        membership = getattr(user, "membership", None)
        if membership is None or not membership.is_active:
            raise ValidationError(self.error_messages["no_membership"], code="no_membership")
