from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "doorbraak.plans"
    label = "plans"

    def ready(self) -> None:
        # log_subjects tells the processing log which household a URL id concerns; privacy registers this app's
        # household data (doorbraak/core/privacy.py)
        from . import log_subjects, privacy  # noqa: F401
