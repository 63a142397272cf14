from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


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
