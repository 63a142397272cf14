from dataclasses import dataclass

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from doorbraak.core import bounds

from . import throttle


@dataclass(frozen=True)
class Failure:
    reason: str
    user: object | None
    steps: list[throttle.Step]


class LoginForm(AuthenticationForm):
    """E-mail and password, with clear Dutch messages for the three ways a login can fail."""

    username = forms.EmailField(
        label=_("E-mailadres"),
        widget=forms.EmailInput(attrs={"autocomplete": "username", "autofocus": True, "spellcheck": "false"}),
    )
    password = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        max_length=bounds.PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _("Het e-mailadres of wachtwoord klopt niet. Let op hoofdletters in het wachtwoord."),
        "inactive": _("Dit account is niet actief. Neem contact op met uw functioneel beheerder."),
        "no_membership": _(
            "Uw e-mailadres en wachtwoord kloppen, maar u heeft (nog) geen actieve rol bij een gemeente of "
            "organisatie. Vraag uw functioneel beheerder om u toegang te geven."
        ),
    }

    #: Set when an attempt failed: what the view records in the audit log (a code, the account if one matched,
    #: the waits this failure started). Never the address or password typed.
    failure: Failure | None = None

    def clean_username(self):
        return throttle.normalise_email(self.cleaned_data["username"])

    def clean(self):
        email = self.cleaned_data.get("username")
        if not email:
            return super().clean()
        ip = throttle.client_ip(self.request) if self.request is not None else None
        wait = throttle.wait(email=email, ip=ip)
        if wait:
            # Refused without checking the password (so waiting attempts cannot guess) and not counted.
            self.failure = Failure("backoff", None, [])
            message = ngettext(
                "Er is te vaak een verkeerd wachtwoord ingevuld. Probeer het over %(minutes)s minuut opnieuw, of "
                "vraag hieronder een nieuw wachtwoord aan.",
                "Er is te vaak een verkeerd wachtwoord ingevuld. Probeer het over %(minutes)s minuten opnieuw, of "
                "vraag hieronder een nieuw wachtwoord aan.",
                wait.minutes,
            )
            raise ValidationError(message, code="throttled", params={"minutes": wait.minutes})
        try:
            return super().clean()
        except ValidationError as exc:
            user = self._account(email)
            if exc.code == "invalid_login":
                steps = throttle.register_failure(email=email, ip=ip)
                # A correct password for a deactivated account deserves the real reason, not "wrong password".
                if (
                    user is not None
                    and not user.is_active
                    and user.check_password(self.cleaned_data.get("password") or "")
                ):
                    self.failure = Failure("inactive", user, steps)
                    raise ValidationError(self.error_messages["inactive"], code="inactive") from None
                self.failure = Failure("invalid", user, steps)
            else:
                self.failure = Failure(exc.code or "invalid", user, [])
            raise

    @staticmethod
    def _account(email: str):
        return get_user_model().objects.filter(email__iexact=email).select_related("membership").first()

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if user.is_national_admin:
            return
        membership = getattr(user, "membership", None)
        if membership is None or not membership.is_active:
            raise ValidationError(self.error_messages["no_membership"], code="no_membership")


class PasswordResetRequestForm(PasswordResetForm):
    """'Wachtwoord vergeten': the same answer whether or not the address has an account. A mail goes only to an
    active account that may sign in (an active membership, or the national admin), at most a few an hour."""

    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True, "spellcheck": "false"}),
    )

    #: The accounts a mail went to (ids for the audit log), filled by save().
    sent_to: list

    def get_users(self, email):
        users = (
            get_user_model()
            .objects.filter(email__iexact=throttle.normalise_email(email), is_active=True)
            .filter(Q(is_national_admin=True) | Q(membership__is_active=True))
        )
        return (user for user in users if user.has_usable_password())

    def save(self, **kwargs):
        email = self.cleaned_data["email"]
        self.sent_to = []
        if not throttle.reset_mail_allowed(email):
            return
        self.sent_to = list(self.get_users(email))
        if self.sent_to:
            super().save(**kwargs)


class MfaCodeForm(forms.Form):
    """One field for the second step: the six digits from the app, or a recovery code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("De zes cijfers die uw authenticator-app nu toont, of een van uw herstelcodes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false", "autocapitalize": "off"}
        ),
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip()


class MfaSetupForm(forms.Form):
    code = forms.CharField(
        label=_("Code uit de app"),
        max_length=8,
        help_text=_("Zes cijfers. De app maakt elke 30 seconden een nieuwe code."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false", "autofocus": True}
        ),
    )

    def clean_code(self):
        code = self.cleaned_data["code"].replace(" ", "")
        if not code.isdigit() or len(code) != 6:
            raise ValidationError(_("Vul de zes cijfers in die de app toont."), code="format")
        return code


NO_KEY_ANSWER = _(
    "Er kwam geen antwoord van een beveiligingssleutel. Een sleutel gebruiken kan alleen met JavaScript aan, in een "
    "browser die beveiligingssleutels ondersteunt."
)


class PasskeyAnswerForm(forms.Form):
    """The answer of the key (JSON from ``navigator.credentials``), put in a hidden field by static/js/passkeys.js."""

    credential = forms.CharField(widget=forms.HiddenInput, required=False, max_length=20000)

    def clean(self):
        if not self.cleaned_data.get("credential"):
            raise ValidationError(NO_KEY_ANSWER, code="no_answer")
        return self.cleaned_data


class PasskeyAddForm(PasskeyAnswerForm):
    name = forms.CharField(
        label=_("Naam van de sleutel"),
        max_length=64,
        help_text=_("Zo herkent u de sleutel in de lijst, bijvoorbeeld ‘YubiKey blauw’ of ‘Laptop werk’."),
    )

    field_order = ["name", "credential"]

    def clean_name(self):
        return self.cleaned_data["name"].strip()
