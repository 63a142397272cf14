"""Writes of the analytics app: refreshing a municipality's protected dashboard figures."""

from django.db import transaction
from django.utils import timezone

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record
from doorbraak.followup.models import DecisionRequest
from doorbraak.plans.models import Plan

from . import aggregation
from .models import AggregateCell, AggregateRun

DECIDED_STATES = ("approved", "rejected", "escalated")


def _plan_rows(organisation):
    plans = Plan.objects.filter(organisation=organisation).values_list(
        "id", "team_id", "team__district_id", "status", "created_at", "submitted_at", "active_editing_seconds"
    )
    tags: dict = {}
    for plan_id, code in Plan.tags.through.objects.filter(plan__organisation=organisation).values_list(
        "plan_id", "tag__code"
    ):
        tags.setdefault(plan_id, set()).add(code)
    for plan_id, team, district, status, created, submitted, seconds in plans.iterator(chunk_size=5000):
        yield aggregation.PlanRow(
            team=str(team),
            district=str(district or ""),
            status=status,
            created_at=created,
            submitted_at=submitted,
            editing_seconds=seconds,
            tags=frozenset(tags.get(plan_id, ())),
        )


def _decision_rows(organisation):
    rows = DecisionRequest.objects.filter(
        organisation=organisation, state__in=DECIDED_STATES, decided_at__isnull=False
    ).values_list("plan__team_id", "plan__team__district_id", "decided_at", "level__position", "state")
    for team, district, decided_at, level, state in rows.iterator(chunk_size=5000):
        yield aggregation.DecisionRow(str(team), str(district or ""), decided_at, str(level), state)


@transaction.atomic
def refresh_aggregates(*, organisation, actor=None) -> AggregateRun:
    """Recompute every dashboard figure of the municipality from its plans, protected as one table, and replace
    the previous run's figures in the same transaction (a run is idempotent: the same data gives the same cells)."""
    started = timezone.now()
    plans = list(_plan_rows(organisation))
    table = aggregation.build(plans, _decision_rows(organisation))
    run = AggregateRun.objects.create(organisation=organisation, started_at=started, data_until=started)
    AggregateCell.objects.bulk_create(
        (
            AggregateCell(
                run=run,
                organisation=organisation,
                metric=key.metric,
                key=key.key,
                period=key.period,
                cut=key.cut,
                cut_id=key.cut_id,
                value=cell.value,
                reason=cell.reason,
            )
            for key, cell in table.cells.items()
        ),
        batch_size=2000,
    )
    AggregateRun.objects.filter(organisation=organisation).exclude(pk=run.pk).delete()
    run.finished_at = timezone.now()
    run.plans = len(plans)
    run.cells = len(table.cells)
    run.save(update_fields=["finished_at", "plans", "cells"])
    audit_record(actor=actor, organisation=organisation, action=AuditAction.ANALYTICS_REFRESH, obj=run)
    return run
