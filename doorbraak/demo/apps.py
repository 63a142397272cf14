from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "doorbraak.demo"
    label = "demo"
