from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "doorbraak.core"
    label = "core"
