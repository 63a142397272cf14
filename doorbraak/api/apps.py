from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "doorbraak.api"
    label = "api"
