from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "doorbraak.plans"
    label = "plans"

    def ready(self) -> None:
        from . import (
            log_subjects,  # noqa: F401 - tells the processing log which household a URL id concerns
            privacy,  # noqa: F401 - registers this app's household data (doorbraak/core/privacy.py)
        )
