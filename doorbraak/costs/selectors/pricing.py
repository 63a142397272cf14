"""How a plan line gets its price: the plan's sheet (reference date, price level), the local tariff valid on
the reference date, else the national price indexed to the price level. Read by the line services
(services/plan_return.py) and the demo's seeding."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ..constants import DEFAULT_HORIZON_MONTHS, TARIFF_KIND_PRIORITY, IndexType, PriceOrigin
from ..indexation import index_price, price_level_year
from ..models import CostSheet, IndexFigure, ItemPrice, PriceItem, Tariff


def index_figures() -> dict[tuple[str, int], Decimal]:
    return {(f.index_type, f.year): f.percentage for f in IndexFigure.objects.all()}


@dataclass(frozen=True)
class SheetInfo:
    reference_date: date
    horizon_months: int
    price_level_year: int
    version: int
    exists: bool


def sheet_info(*, plan, figures=None) -> SheetInfo:
    sheet = CostSheet.objects.filter(plan=plan).first()
    if sheet:
        ref, horizon, version = sheet.reference_date, sheet.horizon_months, sheet.version
    else:
        ref, horizon, version = timezone.localdate(plan.created_at), DEFAULT_HORIZON_MONTHS, 0
    figures = index_figures() if figures is None else figures
    level = price_level_year(reference_year=ref.year, figures=figures)
    return SheetInfo(ref, horizon, level, version, sheet is not None)


@dataclass(frozen=True)
class Resolution:
    amount: Decimal
    origin: str
    source: str
    source_url: str
    year: int | None
    price_level_year: int | None
    indexed: bool
    index_note: str
    is_estimate: bool
    funding_stream: str
    cashable: bool
    unit: str


def valid_local_tariffs(*, organisation, on: date):
    """The municipality's tariffs in active sets, valid on ``on`` (mapped to a price item or its own items)."""
    return (
        Tariff.objects.filter(organisation=organisation, tariff_set__is_active=True, valid_from__lte=on)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
        .select_related("tariff_set")
    )


def best_tariff(candidates) -> Tariff | None:
    """Of the valid tariffs for one item: the municipality's own purchase tariff before an insurer's or NZa
    tariff, then the newest."""
    ranked = sorted(
        candidates, key=lambda t: (TARIFF_KIND_PRIORITY.get(t.tariff_set.kind, 9), -t.valid_from.toordinal())
    )
    return ranked[0] if ranked else None


def local_tariff(*, organisation, item, on: date) -> Tariff | None:
    return best_tariff(valid_local_tariffs(organisation=organisation, on=on).filter(item=item))


def pick_national_price(prices, *, level_year: int) -> ItemPrice | None:
    """Of an item's prices, newest year first: the newest at or before the price level; else the oldest later
    one."""
    prices = list(prices)
    for price in prices:
        if price.year <= level_year:
            return price
    return prices[-1] if prices else None


def national_price(*, item, level_year: int) -> ItemPrice | None:
    return pick_national_price(ItemPrice.objects.filter(item=item).order_by("-year"), level_year=level_year)


def index_note(*, indexed_result, index_type: str) -> str:
    r = indexed_result
    if r.statutory:
        return _("wettelijk bedrag %(year)s, niet geïndexeerd (vervangen door nieuwe waarde)") % {"year": r.source_year}
    if not r.indexed:
        return _("prijspeil %(year)s") % {"year": r.source_year}
    note = _("prijspeil %(source)s, geïndexeerd naar %(target)s (%(index)s)") % {
        "source": r.source_year,
        "target": r.target_year,
        "index": IndexType(index_type).label if index_type in IndexType.values else index_type,
    }
    if r.fallback_years:
        note += " · " + _("CPI gebruikt voor %(years)s") % {"years": ", ".join(map(str, r.fallback_years))}
    if r.missing_years:
        note += " · " + _("geen indexcijfer voor %(years)s") % {"years": ", ".join(map(str, r.missing_years))}
    return note


def resolve_item_price(*, organisation, item: PriceItem, reference_date: date, level_year: int, figures=None):
    """Local tariff valid on the reference date, else the national price indexed to the plan's price level.
    (A manual price with a reason wins over both; that is decided by the service that saves the line.)"""
    tariff = local_tariff(organisation=organisation, item=item, on=reference_date)
    if tariff is not None:
        return resolve_tariff_price(tariff=tariff, own_item=False)
    price = national_price(item=item, level_year=level_year)
    if price is None:
        return None
    return national_resolution(
        item=item, price=price, level_year=level_year, figures=index_figures() if figures is None else figures
    )


def national_resolution(*, item: PriceItem, price: ItemPrice, level_year: int, figures) -> Resolution:
    """A national price indexed to the plan's price level."""
    result = index_price(
        amount=price.amount,
        source_year=price.year,
        target_year=level_year,
        index_type=item.index_type,
        figures=figures,
    )
    return Resolution(
        amount=result.amount,
        origin=PriceOrigin.NATIONAL,
        source=price.source,
        source_url=price.source_url,
        year=price.year,
        price_level_year=result.price_level_year,
        indexed=result.indexed,
        index_note=index_note(indexed_result=result, index_type=item.index_type),
        is_estimate=price.is_estimate,
        funding_stream=item.funding_stream,
        cashable=item.cashable,
        unit=item.unit,
    )


def resolve_tariff_price(*, tariff: Tariff, own_item: bool = True) -> Resolution:
    """The price of a local tariff: a municipality's own item, or (own_item=False) a tariff mapped to a
    price-list item that wins over the national price."""
    valid_from = {"date": tariff.valid_from.strftime("%d-%m-%Y")}
    if own_item:
        note = _("eigen post, tarief geldig vanaf %(date)s") % valid_from
    else:
        note = _("tarief geldig vanaf %(date)s") % valid_from
    return Resolution(
        amount=tariff.amount,
        origin=PriceOrigin.TARIFF,
        source=f"{tariff.tariff_set.get_kind_display()}: {tariff.tariff_set.name}",
        source_url="",
        year=tariff.valid_from.year,
        price_level_year=tariff.valid_from.year,
        indexed=False,
        index_note=note,
        is_estimate=False,
        funding_stream=tariff.funding_stream,
        cashable=tariff.cashable,
        unit=tariff.unit,
    )
