from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import AuditAction, AuditOutcome, ProcessingActivityCode


class AuditEvent(models.Model):
    """One read or write of personal data: a row of the processing log (Logboek Dataverwerkingen, NEN 7513).

    Holds ids and codes only, never names or free text. One row per data subject (``household_id``) per action:
    a list that shows ten households writes ten rows. The table is append-only: a database trigger refuses
    UPDATE and DELETE (migration 0005); only ``services.purge_events_before`` may delete, for retention.
    ``household_id`` is a plain id, not a foreign key, so the log outlives the household it describes.
    """

    at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, null=True, related_name="+"
    )
    role = models.CharField(_("rol"), max_length=32, blank=True)
    action = models.CharField(_("actie"), max_length=64, choices=AuditAction.choices, db_index=True)
    activity = models.CharField(_("verwerkingsactiviteit"), max_length=32, choices=ProcessingActivityCode.choices)
    outcome = models.CharField(_("uitkomst"), max_length=16, choices=AuditOutcome.choices, default=AuditOutcome.ALLOWED)
    household_id = models.UUIDField(_("huishouden"), null=True, blank=True)
    object_type = models.CharField(_("soort object"), max_length=64)
    object_id = models.CharField(_("object-id"), max_length=64, db_index=True)
    request_id = models.CharField(_("verzoek-id"), max_length=32, blank=True)
    extra = models.JSONField(_("ids en codes"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "household_id", "at"], name="audit_subject_at"),
            models.Index(fields=["organisation", "at"], name="audit_organisation_at"),
        ]
        verbose_name = _("auditgebeurtenis")
        verbose_name_plural = _("auditgebeurtenissen")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type}:{self.object_id}"


class ProcessingActivity(models.Model):
    """A row of a municipality's register of processing activities; every logged action maps to one."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="processing_activities"
    )
    code = models.CharField(_("code"), max_length=32, choices=ProcessingActivityCode.choices)
    purpose = models.TextField(_("doel"))
    legal_basis = models.TextField(_("grondslag"))

    class Meta:
        ordering = ["organisation", "code"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="processing_activity_unique_per_org")
        ]
        verbose_name = _("verwerkingsactiviteit")
        verbose_name_plural = _("verwerkingsactiviteiten")

    def __str__(self) -> str:
        return self.get_code_display()
