from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "doorbraak.followup"
    label = "followup"
