from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "doorbraak.followup"
    label = "followup"

    def ready(self) -> None:
        from . import privacy  # noqa: F401 - registers this app's household data (doorbraak/core/privacy.py)
