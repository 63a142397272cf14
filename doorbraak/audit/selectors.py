from django.db.models import Q, QuerySet

from .models import AuditEvent


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
