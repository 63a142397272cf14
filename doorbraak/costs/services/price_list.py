"""Writes for the national admin: price-list items, a new year's price, index figures, suggestion rules.
National data (no organisation); each function is one transaction with its audit event."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record

from ..models import IndexFigure, ItemPrice, PriceItem, SuggestionRule


@transaction.atomic
def price_item_create(*, actor, data: dict, price: dict) -> PriceItem:
    item = PriceItem(**data)
    item.full_clean()
    item.save()
    item_price_add(actor=actor, item=item, **price)
    return item


@transaction.atomic
def item_price_add(
    *, actor, item: PriceItem, year: int, amount: Decimal, source: str, source_url: str = "", notes: str = ""
) -> ItemPrice:
    """A new year's price next to the old ones. Existing prices are never changed."""
    if ItemPrice.objects.filter(item=item, year=year).exists():
        raise ValidationError({"year": _("Voor dit jaar bestaat al een prijs; prijzen worden nooit overschreven.")})
    price = ItemPrice(
        item=item,
        year=year,
        amount=amount,
        source=source,
        source_url=source_url,
        notes=notes,
        is_estimate=notes.strip().startswith("SCHATTING:"),
        created_by=actor,
    )
    price.full_clean()
    price.save()
    audit_record(
        actor=actor, organisation=None, action=AuditAction.COSTS_PRICE_ADD, obj=price, item=item.code, year=year
    )
    return price


@transaction.atomic
def index_figure_set(*, actor, index_type: str, year: int, percentage: Decimal, source: str, is_provisional=False):
    figure, _created = IndexFigure.objects.update_or_create(
        index_type=index_type,
        year=year,
        defaults={"percentage": percentage, "source": source, "is_provisional": is_provisional},
    )
    figure.full_clean()
    audit_record(
        actor=actor, organisation=None, action=AuditAction.COSTS_INDEX_SET, obj=figure, index=index_type, year=year
    )
    return figure


@transaction.atomic
def suggestion_rule_create(*, actor, data: dict) -> SuggestionRule:
    rule = SuggestionRule(**data)
    rule.tag_codes = " ".join(sorted(set(rule.tag_codes.split())))
    rule.full_clean()
    rule.save()
    audit_record(actor=actor, organisation=None, action=AuditAction.COSTS_RULE_ADD, obj=rule)
    return rule


@transaction.atomic
def suggestion_rule_delete(*, actor, rule: SuggestionRule) -> None:
    audit_record(actor=actor, organisation=None, action=AuditAction.COSTS_RULE_DELETE, obj=rule)
    rule.delete()
