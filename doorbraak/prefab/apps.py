from django.apps import AppConfig


class PrefabConfig(AppConfig):
    name = "doorbraak.prefab"
    label = "prefab"
    verbose_name = "Plansjablonen"
