from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "doorbraak.organisations"
    label = "organisations"
