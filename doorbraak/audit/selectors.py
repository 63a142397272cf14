from django.db.models import QuerySet

from .models import AuditEvent


def events_for_object(*, organisation, obj) -> QuerySet[AuditEvent]:
    """Who read or changed this object (answers the AVG question 'who viewed my file')."""
    return AuditEvent.objects.filter(
        organisation=organisation, object_type=obj._meta.label_lower, object_id=str(obj.pk)
    ).select_related("actor")
