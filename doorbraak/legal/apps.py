from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "doorbraak.legal"
    label = "legal"

    def ready(self) -> None:
        # privacy registers this app's household data (doorbraak/core/privacy.py); signals connects the
        # co-selection receivers (Django's idiom for signals)
        from . import privacy, signals  # noqa: F401
