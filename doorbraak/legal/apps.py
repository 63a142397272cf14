from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "doorbraak.legal"
    label = "legal"
