"""Reads for the return side. Everything tenant-owned is filtered by organisation."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.organisations.constants import Role
from doorbraak.plans.constants import PlanStatus

from . import calculator
from .constants import DEFAULT_HORIZON_MONTHS, TARIFF_KIND_PRIORITY, BudgetStatus, IndexType, PriceOrigin, Scenario
from .indexation import index_price, price_level_year
from .models import CostLine, CostSheet, DoorbraakBudget, IndexFigure, ItemPrice, PriceItem, SuggestionRule, Tariff


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


# --- sheet, index, price resolution ------------------------------------------------------------------------
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


def local_tariff(*, organisation, item, on: date) -> Tariff | None:
    candidates = (
        Tariff.objects.filter(organisation=organisation, item=item, tariff_set__is_active=True, valid_from__lte=on)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
        .select_related("tariff_set")
    )
    ranked = sorted(
        candidates, key=lambda t: (TARIFF_KIND_PRIORITY.get(t.tariff_set.kind, 9), -t.valid_from.toordinal())
    )
    return ranked[0] if ranked else None


def national_price(*, item, level_year: int) -> ItemPrice | None:
    """The newest price at or before the price level; else the oldest later one."""
    prices = list(ItemPrice.objects.filter(item=item).order_by("-year"))
    for price in prices:
        if price.year <= level_year:
            return price
    return prices[-1] if prices else None


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
    figures = index_figures() if figures is None else figures
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


# --- lists ---------------------------------------------------------------------------------------------------
def active_price_items() -> QuerySet[PriceItem]:
    return PriceItem.objects.filter(is_active=True).order_by("name")


def price_items_with_prices() -> QuerySet[PriceItem]:
    return PriceItem.objects.prefetch_related("prices").order_by("code")


def own_tariffs(*, organisation, on: date | None = None) -> QuerySet[Tariff]:
    """The municipality's own items (tariffs not mapped to the price list), valid on ``on``."""
    qs = Tariff.objects.filter(organisation=organisation, item__isnull=True, tariff_set__is_active=True)
    if on:
        qs = qs.filter(valid_from__lte=on).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
    return qs.select_related("tariff_set").order_by("name")


def tariff_sets_for_organisation(*, organisation):
    from .models import TariffSet

    return TariffSet.objects.filter(organisation=organisation).annotate(row_count=Count("tariffs"))


# --- suggestions ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Suggestion:
    item: PriceItem
    scenario: str
    quantity: Decimal
    probability: Decimal
    reason: str
    origin: str  # "rule" or "similar"


def tag_labels(codes) -> dict[str, str]:
    """Code -> label of the plan tags (the national vocabulary); unknown codes map to themselves."""
    from doorbraak.plans.models import Tag

    codes = set(codes)
    labels = {code: code for code in codes}
    for code, label in Tag.objects.filter(code__in=codes).order_by("-is_active", "kind").values_list("code", "label"):
        if labels[code] == code:
            labels[code] = label
    return labels


def suggestion_rules_for_admin() -> list[SuggestionRule]:
    """All national suggestion rules, each with ``labels``: the readable names of its tags, sorted."""
    rules = list(SuggestionRule.objects.select_related("item"))
    names = tag_labels(code for rule in rules for code in rule.codes)
    for rule in rules:
        rule.labels = sorted(names[code] for code in rule.codes)
    return rules


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


# --- Doorbraakbudget ledger ----------------------------------------------------------------------------------
LEDGER_ROLES = {Role.DOORBRAAKTEAM, Role.TEAM_LEAD, Role.FUNCTIONAL_ADMIN, Role.MANAGER, Role.POLICY_ANALYST}
# Commitments count once a plan is approved; drafts and submitted plans are requests.
COMMITTED_STATUSES = {PlanStatus.APPROVED, PlanStatus.IN_PROGRESS, PlanStatus.EVALUATED, PlanStatus.CLOSED}
REQUESTED_STATUSES = {PlanStatus.CONCEPT, PlanStatus.SUBMITTED}


def budget_lines(*, organisation, year: int) -> list[CostLine]:
    """Plan lines paid from the Doorbraakbudget in a year (by the sheet's reference year, or paid date)."""
    lines = (
        CostLine.objects.filter(organisation=organisation, scenario=Scenario.PLAN, paid_from_budget=True)
        .exclude(plan__status=PlanStatus.REJECTED)
        .select_related("plan", "plan__team", "plan__household", "plan__cost_sheet")
    )
    out = []
    for line in lines:
        if line.budget_status == BudgetStatus.PAID and line.paid_at:
            line_year = line.paid_at.year
        else:
            sheet = getattr(line.plan, "cost_sheet", None)
            line_year = sheet.reference_date.year if sheet else timezone.localdate(line.plan.created_at).year
        if line_year == year:
            out.append(line)
    return out


def line_amount(line) -> Decimal:
    return calculator.calculate(to_calculator_lines([line])).line_amounts[line.pk]


def ledger(*, user, organisation, year: int) -> dict:
    """Budget, requested, committed, spent and remaining for a year, per team; with per-plan rows only for
    users who may see those plans (managers and policy analysts get totals only)."""
    from doorbraak.plans.selectors import plans_for_user

    budget = DoorbraakBudget.objects.filter(organisation=organisation, year=year).first()
    lines = budget_lines(organisation=organisation, year=year)
    visible = set(
        plans_for_user(user=user).filter(pk__in={line.plan_id for line in lines}).values_list("pk", flat=True)
    )
    zero = Decimal("0.00")
    teams: dict[str, dict] = {}
    rows = []
    totals = {"requested": zero, "committed": zero, "spent": zero}
    for line in lines:
        amount = line_amount(line)
        if line.budget_status == BudgetStatus.PAID:
            bucket = "spent"
        elif line.plan.status in COMMITTED_STATUSES:
            bucket = "committed"
        else:
            bucket = "requested"
        team = teams.setdefault(
            line.plan.team.name, {"team": line.plan.team.name, "requested": zero, "committed": zero, "spent": zero}
        )
        team[bucket] += amount
        totals[bucket] += amount
        if line.plan_id in visible:
            rows.append({"line": line, "amount": amount, "bucket": bucket})
    budget_amount = budget.amount if budget else None
    remaining = None if budget_amount is None else budget_amount - totals["committed"] - totals["spent"]
    return {
        "year": year,
        "budget": budget,
        "budget_amount": budget_amount,
        "totals": totals,
        "remaining": remaining,
        "teams": sorted(teams.values(), key=lambda t: t["team"]),
        "rows": rows,
    }
