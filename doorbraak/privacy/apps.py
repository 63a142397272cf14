from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "doorbraak.privacy"
    label = "privacy"
    verbose_name = "Privacy"
