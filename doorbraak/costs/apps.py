from django.apps import AppConfig


class CostsConfig(AppConfig):
    name = "doorbraak.costs"
    label = "costs"
