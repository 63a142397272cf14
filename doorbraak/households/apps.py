from django.apps import AppConfig


class HouseholdsConfig(AppConfig):
    name = "doorbraak.households"
    label = "households"

    def ready(self) -> None:
        from . import privacy  # noqa: F401 - registers this app's household data (doorbraak/core/privacy.py)
