from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "doorbraak.accounts"
    label = "accounts"
