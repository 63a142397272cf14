from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import (
    AUDIT_YEARS_MAX,
    AUDIT_YEARS_MIN,
    CASE_FILE_YEARS_MAX,
    CASE_FILE_YEARS_MIN,
    DEFAULT_AUDIT_YEARS,
    DEFAULT_CASE_FILE_YEARS,
)


class RetentionPolicy(models.Model):
    """How long one municipality keeps closed case files and audit detail. No row means the defaults."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="retention_policy"
    )
    case_file_years = models.PositiveSmallIntegerField(
        _("bewaartermijn dossier (jaren)"),
        default=DEFAULT_CASE_FILE_YEARS,
        validators=[MinValueValidator(CASE_FILE_YEARS_MIN), MaxValueValidator(CASE_FILE_YEARS_MAX)],
    )
    audit_years = models.PositiveSmallIntegerField(
        _("bewaartermijn auditlog (jaren)"),
        default=DEFAULT_AUDIT_YEARS,
        validators=[MinValueValidator(AUDIT_YEARS_MIN), MaxValueValidator(AUDIT_YEARS_MAX)],
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("bewaartermijnen")
        verbose_name_plural = _("bewaartermijnen")

    def __str__(self) -> str:
        return f"{self.organisation_id}: {self.case_file_years}/{self.audit_years}"
