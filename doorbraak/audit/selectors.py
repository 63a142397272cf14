from datetime import datetime

from django.db.models import Q, QuerySet

from .models import AuditEvent, ProcessingActivity


def events_for_object(*, organisation, obj) -> QuerySet[AuditEvent]:
    """Who read or changed this object (answers the AVG question 'who viewed my file')."""
    return AuditEvent.objects.filter(
        organisation=organisation, object_type=obj._meta.label_lower, object_id=str(obj.pk)
    ).select_related("actor")


def events_before_count(*, organisation, before) -> int:
    """How many audit events of ``organisation`` are older than ``before`` (what a retention dry run reports)."""
    return AuditEvent.objects.filter(organisation=organisation, at__lt=before).count()


def events_about(*, organisation, objects: dict[str, list[str]]) -> QuerySet[AuditEvent]:
    """The events of ``organisation`` about any of ``objects`` (model label -> primary keys as text)."""
    about = Q(pk__in=[])
    for object_type, ids in objects.items():
        about |= Q(object_type=object_type, object_id__in=ids)
    return AuditEvent.objects.filter(about, organisation=organisation).select_related("actor__membership")


def _in_period(queryset, since: datetime | None, until: datetime | None):
    if since is not None:
        queryset = queryset.filter(at__gte=since)
    if until is not None:
        queryset = queryset.filter(at__lt=until)
    return queryset


def events_for_household(
    *, organisation, household_id, since: datetime | None = None, until: datetime | None = None
) -> QuerySet[AuditEvent]:
    """The processing log of one data subject in this organisation, newest first ("Wie heeft dit dossier
    ingezien?"): every read and write of the household or its plans, and refused attempts on them."""
    queryset = AuditEvent.objects.filter(organisation=organisation, household_id=household_id)
    return _in_period(queryset, since, until).select_related("actor")


def events_for_period(*, organisation, since: datetime, until: datetime) -> QuerySet[AuditEvent]:
    """The whole processing log of this organisation in ``[since, until)``, oldest first (for the export)."""
    queryset = AuditEvent.objects.filter(organisation=organisation)
    return _in_period(queryset, since, until).select_related("actor").order_by("at", "id")


def processing_activities(*, organisation) -> QuerySet[ProcessingActivity]:
    """This organisation's register of processing activities."""
    return ProcessingActivity.objects.filter(organisation=organisation)
