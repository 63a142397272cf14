from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "doorbraak.engagement"
    label = "engagement"
