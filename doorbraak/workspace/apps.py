from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    """The plan's workspace: the page where block 1 is edited next to the state of the three sides."""

    name = "doorbraak.workspace"
    label = "workspace"
