"""Reads for the national admin: the price list with its prices per year, index figures and the suggestion
rules. National data: no organisation."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from doorbraak.plans.models import Tag

from ..models import IndexFigure, ItemPrice, PriceItem, SuggestionRule


def price_items_with_prices() -> QuerySet[PriceItem]:
    return PriceItem.objects.prefetch_related("prices").order_by("code")


def price_item_for_admin(*, code: str) -> PriceItem:
    try:
        return PriceItem.objects.get(code=code)
    except PriceItem.DoesNotExist:
        raise Http404 from None


def prices_of_item(*, item: PriceItem) -> QuerySet[ItemPrice]:
    return ItemPrice.objects.filter(item=item).order_by("-year")


def index_figures_for_admin() -> QuerySet[IndexFigure]:
    return IndexFigure.objects.order_by("index_type", "-year")


def tag_labels(codes) -> dict[str, str]:
    """Code -> label of the plan tags (the national vocabulary); unknown codes map to themselves."""

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


def suggestion_rule_for_admin(*, rule_id: int) -> SuggestionRule:
    try:
        return SuggestionRule.objects.get(pk=rule_id)
    except SuggestionRule.DoesNotExist:
        raise Http404 from None
