from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "doorbraak.plans"
    label = "plans"
