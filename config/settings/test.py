from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests clear the cache: never a shared Redis (the Redis test in doorbraak/accounts makes its own clients).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
