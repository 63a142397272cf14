from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrefabConfig(AppConfig):
    name = "doorbraak.prefab"
    label = "prefab"
    verbose_name = _("Plansjablonen")

    def ready(self) -> None:
        from . import privacy  # noqa: F401 - registers this app's household data (doorbraak/core/privacy.py)
