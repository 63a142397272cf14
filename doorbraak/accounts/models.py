from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device


class EmailUserManager(UserManager):
    def _create_user(self, username, email, password, **extra_fields):  # type: ignore[override]
        email = self.normalize_email(email or username)
        user = self.model(username=email, email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user


class User(AbstractUser):
    """A person who logs in. The e-mail address is the login name.

    What a user may do in a municipality comes from their Membership; only the national admin
    (law base, price list, vocabulary) works across municipalities.
    """

    email = models.EmailField(_("e-mailadres"), unique=True)
    is_national_admin = models.BooleanField(_("landelijk beheerder"), default=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = EmailUserManager()

    def save(self, *args, **kwargs):
        self.username = self.email
        super().save(*args, **kwargs)


class WebAuthnDevice(Device):
    """A security key or a platform authenticator (a passkey) registered as a second factor (WebAuthn).

    A django-otp device, so ``django_otp.login(request, device)`` marks the session verified as a TOTP code does
    and ``devices_for_user`` finds it. ``credential_id`` is the base64url id the authenticator chose;
    ``public_key`` the COSE key it gave at registration; ``sign_count`` the last counter it reported (a lower or
    equal one later means a cloned key, refused).
    """

    credential_id = models.CharField(max_length=1400, unique=True)
    public_key = models.BinaryField()
    sign_count = models.PositiveBigIntegerField(default=0)
    transports = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta(Device.Meta):
        verbose_name = _("beveiligingssleutel")
        verbose_name_plural = _("beveiligingssleutels")
        ordering = ["created_at", "pk"]

    def verify_token(self, token):
        return False  # a key answers a challenge (doorbraak.accounts.webauthn), it never types a token
