from django.core.exceptions import ValidationError


class ConflictError(Exception):
    """A save was based on an outdated version. ``current`` holds what is stored now."""

    def __init__(self, current: dict, version: int, changed_by: str = ""):
        super().__init__("conflict")
        self.current = current
        self.version = version
        self.changed_by = changed_by


class TransitionError(ValidationError):
    """A status change that the workflow does not allow."""
