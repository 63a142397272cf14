"""Reads for the plan's return page (the professional): the plan's lines, their result, suggestions and the
choices of the line form. Everything tenant-owned is filtered by the plan's organisation."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from doorbraak.plans.models import Plan

from .. import calculator
from ..constants import PriceOrigin, Scenario
from ..models import CostLine, CostSheet, ItemPrice, PriceItem, SuggestionRule, Tariff
from .pricing import (
    best_tariff,
    index_figures,
    national_resolution,
    pick_national_price,
    sheet_info,
    valid_local_tariffs,
)


# --- contract for other apps ---------------------------------------------------------------------------------
def costs_side_complete(*, plan) -> bool:
    """The plan scenario has at least one line, and current or threatening has at least one line."""
    # order_by(): without it the model's ordering joins the DISTINCT and every line comes back.
    lines = CostLine.objects.filter(plan=plan).order_by()
    scenarios = set(lines.values_list("scenario", flat=True).distinct())
    return Scenario.PLAN in scenarios and bool(scenarios & {Scenario.CURRENT, Scenario.THREATENING})


def lines_for_plan(*, plan) -> QuerySet[CostLine]:
    return (
        CostLine.objects.filter(plan=plan, organisation_id=plan.organisation_id)
        .select_related("item", "tariff")
        .order_by("created_at", "id")
    )


# The fields of a line the return page shows (plus the price item's or own tariff's name).
DISPLAY_FIELDS = (
    "id",
    "scenario",
    "from_template",
    "item_id",
    "tariff_id",
    "description",
    "unit",
    "quantity",
    "quantity_low",
    "quantity_high",
    "probability",
    "unit_price",
    "price_origin",
    "price_source",
    "price_source_url",
    "index_note",
    "is_estimate",
    "needs_confirmation",
    "version",
    "funding_stream",
    "cashable",
    "paid_from_budget",
    "budget_status",
)


CALCULATOR_FIELDS = (
    "scenario",
    "quantity",
    "unit_price",
    "funding_stream",
    "cashable",
    "probability",
    "quantity_low",
    "quantity_high",
)


def line_values_for_plan(*, plan) -> list[dict]:
    """The plan's lines as plain dicts in display order, in one query. The return page lists hundreds of
    lines; building model instances (and their price items) was a third of its time."""
    return list(
        CostLine.objects.filter(plan=plan, organisation_id=plan.organisation_id)
        .order_by("created_at", "id")
        .values(*DISPLAY_FIELDS, item_name=F("item__name"), tariff_name=F("tariff__name"))
    )


def to_calculator_lines(lines) -> list[calculator.Line]:
    """CostLine instances or line_values_for_plan() dicts -> calculator lines keyed by the line id."""
    out = []
    for line in lines:
        if isinstance(line, dict):
            out.append(calculator.Line(**{f: line[f] for f in CALCULATOR_FIELDS}, key=line["id"]))
        else:
            out.append(calculator.Line(**{f: getattr(line, f) for f in CALCULATOR_FIELDS}, key=line.pk))
    return out


def plan_results(*, plan, lines=None) -> calculator.Result:
    """The calculator result for the plan (all four scenarios; realised is empty until evaluated)."""
    if lines is None:
        lines = lines_for_plan(plan=plan)
    return calculator.calculate(to_calculator_lines(lines))


def line_for_plan(*, plan: Plan, line_id) -> CostLine:
    """One line of a plan the caller already got through a plans selector for the user (404 otherwise)."""
    try:
        return CostLine.objects.select_related("item", "tariff", "plan").get(
            pk=line_id, plan=plan, organisation_id=plan.organisation_id
        )
    except CostLine.DoesNotExist:
        raise Http404 from None


def sheet_note_for_plan(*, plan: Plan) -> tuple[str, int]:
    """The explanation under the return sum and its version (empty and 0 before the sheet exists)."""
    row = CostSheet.objects.filter(plan=plan).values_list("note", "note_version").first()
    return row or ("", 0)


def plan_has_helpers(*, plan: Plan) -> bool:
    """Whether 'current' can be filled from the plan's helper inventory."""
    return plan.helpers.exists()


# --- the line form's choices ---------------------------------------------------------------------------------
def active_price_items() -> QuerySet[PriceItem]:
    return PriceItem.objects.filter(is_active=True).order_by("name")


def own_tariffs(*, organisation, on: date | None = None) -> QuerySet[Tariff]:
    """The municipality's own items (tariffs not mapped to the price list), valid on ``on``."""
    qs = Tariff.objects.filter(organisation=organisation, item__isnull=True, tariff_set__is_active=True)
    if on:
        qs = qs.filter(valid_from__lte=on).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
    return qs.select_related("tariff_set").order_by("name")


@dataclass(frozen=True)
class PriceOption:
    """One choice of the line form's price field: a price-list item (its local tariff when the municipality
    has one, else the national price at the plan's price level) or one of the municipality's own items."""

    value: str  # the item's pk, or OWN_PREFIX + the own tariff's pk
    name: str
    unit: str
    amount: Decimal | None  # None: no price known yet (the line then needs a manual price)
    origin: str  # PriceOrigin.TARIFF or PriceOrigin.NATIONAL

    @property
    def is_local(self) -> bool:
        return self.origin == PriceOrigin.TARIFF


OWN_PREFIX = "eigen-"


def _matches(words: list[str], *texts: str) -> bool:
    haystack = " ".join(texts).lower()
    return all(word in haystack for word in words)


def price_options(*, plan, query: str = "") -> list[PriceOption]:
    """The choices for a line of this plan, local before national (as the pricing chooses), each with the
    price it would get today. ``query`` narrows them: every word must occur in the name, code or unit (or the
    name of the local tariff). Only this plan's municipality's tariffs; a fixed number of queries."""
    words = query.lower().split()
    figures = index_figures()
    info = sheet_info(plan=plan, figures=figures)
    tariffs = list(valid_local_tariffs(organisation=plan.organisation, on=info.reference_date))
    mapped: dict[int, list[Tariff]] = defaultdict(list)
    options: list[PriceOption] = []
    for tariff in tariffs:
        if tariff.item_id:
            mapped[tariff.item_id].append(tariff)
        elif _matches(words, tariff.name, tariff.code, tariff.unit):
            options.append(
                PriceOption(f"{OWN_PREFIX}{tariff.pk}", tariff.name, tariff.unit, tariff.amount, PriceOrigin.TARIFF)
            )
    prices: dict[int, list[ItemPrice]] = defaultdict(list)
    for price in ItemPrice.objects.filter(item__is_active=True).order_by("item_id", "-year"):
        prices[price.item_id].append(price)
    for item in active_price_items():
        local = best_tariff(mapped.get(item.pk, []))
        if not _matches(words, item.name, item.code, item.unit, local.name if local else ""):
            continue
        if local is not None:
            options.append(PriceOption(str(item.pk), item.name, item.unit, local.amount, PriceOrigin.TARIFF))
            continue
        price = pick_national_price(prices.get(item.pk, []), level_year=info.price_level_year)
        amount = None
        if price is not None:
            amount = national_resolution(
                item=item, price=price, level_year=info.price_level_year, figures=figures
            ).amount
        options.append(PriceOption(str(item.pk), item.name, item.unit, amount, PriceOrigin.NATIONAL))
    options.sort(key=lambda option: (not option.is_local, option.name.lower()))
    return options


# --- suggestions ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Suggestion:
    item: PriceItem
    scenario: str
    quantity: Decimal
    probability: Decimal
    reason: str
    origin: str  # "rule" or "similar"

    @property
    def key(self) -> str:
        """What the suggestions form posts for this line: its scenario and price item."""
        return f"{self.scenario}:{self.item.pk}"


def suggestions_for_plan(*, plan, have: set[tuple[str, int]] | None = None) -> list[Suggestion]:
    """Lines the plan probably needs: national rules matching its tags, then items often used in earlier
    plans of the same municipality that share a tag. Items already on the plan in that scenario (``have``:
    (scenario, item id) pairs, read from the plan when not given) are skipped."""
    plan_tag_labels = dict(plan.tags.values_list("code", "label"))
    tag_codes = set(plan_tag_labels)
    if have is None:
        have = set(CostLine.objects.filter(plan=plan, item__isnull=False).values_list("scenario", "item_id").distinct())
    out: list[Suggestion] = []
    seen: set[tuple[str, int]] = set()
    if tag_codes:
        for rule in SuggestionRule.objects.filter(is_active=True).select_related("item"):
            key = (rule.scenario, rule.item_id)
            if rule.codes and rule.codes <= tag_codes and key not in have and key not in seen:
                seen.add(key)
                names = sorted(plan_tag_labels.get(code, code) for code in rule.codes)
                reason = _("Bij labels: %(tags)s") % {"tags": ", ".join(names)}
                out.append(Suggestion(rule.item, rule.scenario, rule.quantity, rule.probability, reason, "rule"))
        similar = (
            CostLine.objects.filter(
                organisation_id=plan.organisation_id, plan__tags__code__in=tag_codes, item__isnull=False
            )
            .exclude(plan=plan)
            .exclude(scenario=Scenario.REALISED)
            .values_list("plan_id", "scenario", "item_id", "quantity", "probability")
            .distinct()
        )
        counter: Counter = Counter()
        quantities: dict[tuple[str, int], list[tuple[Decimal, Decimal]]] = defaultdict(list)
        for _plan_id, scenario, item_id, quantity, probability in similar:
            counter[(scenario, item_id)] += 1
            quantities[(scenario, item_id)].append((quantity, probability))
        top = [key for key, n in counter.most_common(8) if n >= 2 and key not in have and key not in seen]
        items = PriceItem.objects.in_bulk([item_id for _s, item_id in top])
        for key in top:
            values = sorted(quantities[key])
            quantity, probability = values[len(values) // 2]
            reason = _("Gebruikt in %(n)s eerdere plannen met dezelfde labels") % {"n": counter[key]}
            out.append(Suggestion(items[key[1]], key[0], quantity, probability, reason, "similar"))
    return out
