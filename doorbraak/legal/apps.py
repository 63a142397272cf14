from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "doorbraak.legal"
    label = "legal"

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects the co-selection receivers (Django's idiom for signals)
