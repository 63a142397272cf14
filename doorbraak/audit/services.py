from django.db import models

from .models import AuditEvent


def audit_record(*, actor, organisation, action: str, obj: models.Model, **extra: str | int | None) -> AuditEvent:
    """Record one event. Call inside the same transaction as the write it describes.

    ``action`` is a dotted code such as ``plan.read`` or ``household.update``; ``extra`` may carry
    ids and codes (never names or free text).
    """
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        organisation=organisation,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        extra={k: v for k, v in extra.items() if v is not None},
    )
