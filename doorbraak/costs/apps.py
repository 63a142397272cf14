from django.apps import AppConfig


class CostsConfig(AppConfig):
    name = "doorbraak.costs"
    label = "costs"

    def ready(self) -> None:
        from . import privacy  # noqa: F401 - registers this app's household data (doorbraak/core/privacy.py)
