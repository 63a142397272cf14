"""Writes for the functional admin: the municipality's tariff sets (imported from a previewed file) and its
Doorbraakbudget per year. Each function is one transaction with its audit event."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record

from .. import tariffs_import
from ..models import DoorbraakBudget, Tariff, TariffSet


@transaction.atomic
def tariff_set_import(
    *, actor, organisation, kind: str, name: str, rows: list[dict], filename: str = "", token: str = ""
) -> TariffSet:
    """Store a validated tariff file in one go. ``rows`` come from tariffs_import.preview_tariff_file without
    errors and are checked again by the same tariffs_import.tariff_from_row; anything invalid raises
    ValidationError (with the row number) and nothing is stored. ``token`` makes the confirm single-use: a
    second confirm of the same upload raises ValidationError and stores nothing."""
    if not rows:
        raise ValidationError(_("Het bestand bevat geen tariefregels."))
    earlier = TariffSet.objects.filter(organisation=organisation, import_token=token).first() if token else None
    if earlier is not None:
        raise ValidationError(tariffs_import.already_imported_message(earlier), code="replayed")
    tariff_set = TariffSet(
        organisation=organisation,
        kind=kind,
        name=name,
        source_filename=filename[:200],
        created_by=actor,
        import_token=token or None,
    )
    tariff_set.full_clean(exclude=["import_token"])
    try:
        with transaction.atomic():
            tariff_set.save()
    except IntegrityError:  # the same confirm, posted twice at the same moment
        raise ValidationError(
            _("Deze import is al opgeslagen; er is niets dubbel opgeslagen."), code="replayed"
        ) from None
    items = tariffs_import.price_items()
    tariffs = []
    for row in rows:
        tariff = tariffs_import.tariff_from_row(row, items=items)
        tariff.tariff_set = tariff_set
        tariff.organisation = organisation
        tariffs.append(tariff)
    Tariff.objects.bulk_create(tariffs)
    audit_record(
        actor=actor,
        organisation=organisation,
        action=AuditAction.COSTS_TARIFFS_IMPORT,
        obj=tariff_set,
        kind=kind,
        rows=len(tariffs),
    )
    return tariff_set


@transaction.atomic
def tariff_set_toggle(*, actor, tariff_set: TariffSet) -> TariffSet:
    tariff_set.is_active = not tariff_set.is_active
    tariff_set.save(update_fields=["is_active"])
    audit_record(
        actor=actor,
        organisation=tariff_set.organisation,
        action=AuditAction.COSTS_TARIFFS_TOGGLE,
        obj=tariff_set,
        active=int(tariff_set.is_active),
    )
    return tariff_set


@transaction.atomic
def budget_set(*, actor, organisation, year: int, amount: Decimal) -> DoorbraakBudget:
    budget, _created = DoorbraakBudget.objects.select_for_update().get_or_create(
        organisation=organisation, year=year, defaults={"amount": amount}
    )
    budget.amount = amount
    budget.version += 1
    budget.full_clean()
    budget.save()
    audit_record(actor=actor, organisation=organisation, action=AuditAction.COSTS_BUDGET_SET, obj=budget, year=year)
    return budget
