"""Reads for the functional admin: the municipality's tariff sets and its Doorbraakbudget per year. Everything
is filtered by the organisation the caller passes (the admin's own)."""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.http import Http404

from ..models import DoorbraakBudget, Tariff, TariffSet


def tariff_sets_for_organisation(*, organisation):
    return TariffSet.objects.filter(organisation=organisation).annotate(row_count=Count("tariffs"))


def tariff_set_for_organisation(*, organisation, set_id: int) -> TariffSet:
    try:
        return TariffSet.objects.get(pk=set_id, organisation=organisation)
    except TariffSet.DoesNotExist:
        raise Http404 from None


def tariffs_in_set(*, tariff_set: TariffSet) -> QuerySet[Tariff]:
    return tariff_set.tariffs.select_related("item")


def budgets_for_organisation(*, organisation) -> QuerySet[DoorbraakBudget]:
    return DoorbraakBudget.objects.filter(organisation=organisation)
