from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "doorbraak.analytics"
    label = "analytics"
