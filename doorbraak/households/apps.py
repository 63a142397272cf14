from django.apps import AppConfig


class HouseholdsConfig(AppConfig):
    name = "doorbraak.households"
    label = "households"
