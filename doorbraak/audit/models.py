from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import AuditAction


class AuditEvent(models.Model):
    """One read or write of personal data. Holds ids and codes only, never names or free text."""

    at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, null=True, related_name="+"
    )
    action = models.CharField(_("actie"), max_length=64, choices=AuditAction.choices, db_index=True)
    object_type = models.CharField(_("soort object"), max_length=64)
    object_id = models.CharField(_("object-id"), max_length=64, db_index=True)
    extra = models.JSONField(_("ids en codes"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("auditgebeurtenis")
        verbose_name_plural = _("auditgebeurtenissen")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type}:{self.object_id}"
