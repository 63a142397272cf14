from django.db import models
from django.utils.translation import gettext_lazy as _


class AggregateRun(models.Model):
    """One refresh of a municipality's dashboard figures. The figures of the latest finished run are shown."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField(_("gestart"))
    finished_at = models.DateTimeField(_("klaar"), null=True, blank=True)
    data_until = models.DateTimeField(_("gegevens tot en met"))
    plans = models.PositiveIntegerField(_("plannen meegeteld"), default=0)
    cells = models.PositiveIntegerField(_("cellen"), default=0)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("verversing van de dashboards")
        verbose_name_plural = _("verversingen van de dashboards")


class AggregateCell(models.Model):
    """One protected figure: a count rounded to 5, a median, or nothing (held back, with the reason).
    The true counts are never stored."""

    run = models.ForeignKey(AggregateRun, on_delete=models.CASCADE, related_name="cell_rows")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    metric = models.CharField(max_length=32)
    key = models.CharField(max_length=120, blank=True)
    period = models.CharField(max_length=7)  # "2026" or "2026-Q3"
    cut = models.CharField(max_length=16)  # organisation, team or district
    cut_id = models.CharField(max_length=36, blank=True)
    value = models.DecimalField(max_digits=14, decimal_places=1, null=True, blank=True)
    reason = models.CharField(max_length=16, blank=True)

    class Meta:
        indexes = [models.Index(fields=["run", "period", "cut", "cut_id", "metric"])]
        verbose_name = _("dashboardcel")
        verbose_name_plural = _("dashboardcellen")
