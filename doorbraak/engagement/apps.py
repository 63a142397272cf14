from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "doorbraak.engagement"
    label = "engagement"

    def ready(self) -> None:
        from . import privacy  # noqa: F401 - registers this app's household data (doorbraak/core/privacy.py)
