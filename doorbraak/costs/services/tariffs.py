"""Writes for the functional admin: the municipality's tariff sets (imported from a previewed file) and its
Doorbraakbudget per year. Each function is one transaction with its audit event."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doorbraak.audit.services import audit_record

from ..models import DoorbraakBudget, PriceItem, Tariff, TariffSet


@transaction.atomic
def tariff_set_import(*, actor, organisation, kind: str, name: str, rows: list[dict], filename: str = "") -> TariffSet:
    """Store a validated tariff file in one go. ``rows`` come from tariffs_import.parse_rows without errors;
    anything invalid raises ValidationError and nothing is stored."""
    if not rows:
        raise ValidationError(_("Het bestand bevat geen tariefregels."))
    tariff_set = TariffSet(
        organisation=organisation, kind=kind, name=name, source_filename=filename[:200], created_by=actor
    )
    tariff_set.full_clean()
    tariff_set.save()
    items = PriceItem.objects.in_bulk(field_name="code")
    tariffs = []
    for row in rows:
        item = items.get(row["code"])
        tariff = Tariff(
            tariff_set=tariff_set,
            organisation=organisation,
            item=item,
            code=row["code"],
            name=row["name"] or (item.name if item else ""),
            unit=row["unit"] or (item.unit if item else ""),
            amount=Decimal(row["amount"]),
            funding_stream=row["funding_stream"] or (item.funding_stream if item else ""),
            cashable=row["cashable"] if row["cashable"] is not None else (item.cashable if item else True),
            valid_from=date.fromisoformat(row["valid_from"]),
            valid_until=date.fromisoformat(row["valid_until"]) if row["valid_until"] else None,
        )
        tariff.full_clean(exclude=["tariff_set", "organisation"])
        tariffs.append(tariff)
    Tariff.objects.bulk_create(tariffs)
    audit_record(
        actor=actor,
        organisation=organisation,
        action="costs.tariffs.import",
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
        action="costs.tariffs.toggle",
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
    audit_record(actor=actor, organisation=organisation, action="costs.budget.set", obj=budget, year=year)
    return budget
