"""Co-selection counts: how many plans with a tag cite an article, kept in CoSelectionCount.

Every change that can alter a count goes through ``plan_state`` (before) and ``plan_sync`` (after) in the
same transaction as the change itself: the citation services, a plan's tag links (``m2m_changed``, both
directions) and plan deletion (``pre_delete``). A change adds the plan's new contribution and subtracts its
old one, with an atomic upsert, so concurrent writers never lose an update and a read is never stale.
Bulk loads that bypass the ORM signals (``bulk_create`` of citations or tag links) call ``rebuild()``.
"""

from collections import Counter, defaultdict
from typing import NamedTuple

from django.db import connection, transaction
from django.db.models import Sum

from doorbraak.plans.models import Plan

from .models import Citation, CoSelectionCount

TOTAL = ""  # article_key of the row that counts the plans with a tag


class PlanState(NamedTuple):
    organisation_id: int | None
    tag_ids: frozenset[int]
    keys: frozenset[tuple[str, bool]]  # (article key, national)


def _contribution(state: PlanState) -> Counter:
    out: Counter = Counter()
    for tag_id in state.tag_ids:
        out[(tag_id, TOTAL, True)] += 1
        for key, national in state.keys:
            out[(tag_id, key, national)] += 1
    return out


def plan_state(plan_id) -> PlanState:
    organisation_id = Plan.objects.filter(pk=plan_id).values_list("organisation_id", flat=True).first()
    tag_ids = frozenset(Plan.tags.through.objects.filter(plan_id=plan_id).values_list("tag_id", flat=True))
    keys = frozenset(
        (f"{law_short} {article}", national_id is not None)
        for law_short, article, national_id in Citation.objects.filter(plan_id=plan_id).values_list(
            "law_short", "article", "national_article_id"
        )
    )
    return PlanState(organisation_id, tag_ids, keys)


def _apply(organisation_id, deltas: Counter) -> None:
    rows = [(organisation_id, tag, key, national, n) for (tag, key, national), n in deltas.items() if n]
    if not rows or organisation_id is None:
        return
    table = CoSelectionCount._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (organisation_id, tag_id, article_key, national, plans) "  # noqa: S608
            "VALUES (%s, %s, %s, %s, %s) "
            "ON CONFLICT (organisation_id, tag_id, article_key, national) "
            f"DO UPDATE SET plans = {table}.plans + excluded.plans",
            rows,
        )


def plan_sync(plan_id, before: PlanState, after: PlanState | None = None) -> None:
    """Replace the plan's old contribution (``before``) by its current one (``after`` or read now)."""
    after = plan_state(plan_id) if after is None else after
    if after == before:
        return
    if before.organisation_id == after.organisation_id:
        delta = _contribution(after)
        delta.subtract(_contribution(before))
        _apply(after.organisation_id, delta)
        return
    _apply(before.organisation_id, Counter({k: -n for k, n in _contribution(before).items()}))
    _apply(after.organisation_id, _contribution(after))


# Signal receivers (connected in apps.py) -------------------------------------------------------------


def _affected_plans(instance, reverse: bool, pk_set) -> list:
    if not reverse:
        return [instance.pk]
    if pk_set is not None:
        return list(pk_set)
    return list(Plan.tags.through.objects.filter(tag_id=instance.pk).values_list("plan_id", flat=True))


def on_plan_tags_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if action in ("pre_add", "pre_remove", "pre_clear"):
        plans = _affected_plans(instance, reverse, pk_set)
        instance._legal_coselection_before = {pk: plan_state(pk) for pk in plans}
    elif action in ("post_add", "post_remove", "post_clear"):
        for pk, before in getattr(instance, "_legal_coselection_before", {}).items():
            plan_sync(pk, before)
        instance._legal_coselection_before = {}


def on_plan_deleted(sender, instance, **kwargs) -> None:
    before = plan_state(instance.pk)
    plan_sync(instance.pk, before, PlanState(before.organisation_id, frozenset(), frozenset()))


# Reads and rebuild ---------------------------------------------------------------------------------


def counts_for_tags(*, organisation_id, tag_ids) -> tuple[tuple[dict, dict], tuple[dict, dict]]:
    """For the municipality and nationwide: (tag id -> {article key -> plans citing it}, tag id -> plans
    with the tag), restricted to the given tags. Nationwide covers national articles only."""
    local_pairs: dict[int, dict[str, int]] = defaultdict(dict)
    local_totals: dict[int, int] = {}
    rows = CoSelectionCount.objects.filter(organisation_id=organisation_id, tag_id__in=tag_ids, plans__gt=0)
    for tag_id, key, n in rows.values_list("tag_id", "article_key", "plans"):
        if key == TOTAL:
            local_totals[tag_id] = n
        else:
            local_pairs[tag_id][key] = local_pairs[tag_id].get(key, 0) + n
    national_pairs: dict[int, dict[str, int]] = defaultdict(dict)
    national_totals: dict[int, int] = {}
    rows = (
        CoSelectionCount.objects.filter(tag_id__in=tag_ids, national=True, plans__gt=0)
        .values_list("tag_id", "article_key")
        .annotate(n=Sum("plans"))
        .order_by()
    )
    for tag_id, key, n in rows:
        if key == TOTAL:
            national_totals[tag_id] = n
        else:
            national_pairs[tag_id][key] = n
    return (dict(local_pairs), local_totals), (dict(national_pairs), national_totals)


def recount(*, citation_model=Citation, plan_model=Plan, count_model=CoSelectionCount) -> int:
    """Recount every row from the citations and tag links (also used by the migration). Returns the rows."""
    through = plan_model.tags.through
    organisation_of = dict(plan_model.objects.values_list("pk", "organisation_id"))
    tags_of: dict = defaultdict(set)
    for plan_id, tag_id in through.objects.values_list("plan_id", "tag_id"):
        tags_of[plan_id].add(tag_id)
    keys_of: dict = defaultdict(set)
    for plan_id, law_short, article, national_id in citation_model.objects.values_list(
        "plan_id", "law_short", "article", "national_article_id"
    ):
        keys_of[plan_id].add((f"{law_short} {article}", national_id is not None))
    counts: Counter = Counter()
    for plan_id, tag_ids in tags_of.items():
        organisation_id = organisation_of[plan_id]
        for tag_id in tag_ids:
            counts[(organisation_id, tag_id, TOTAL, True)] += 1
            for key, national in keys_of.get(plan_id, ()):
                counts[(organisation_id, tag_id, key, national)] += 1
    count_model.objects.all().delete()
    count_model.objects.bulk_create(
        (
            count_model(organisation_id=o, tag_id=t, article_key=k, national=nat, plans=n)
            for (o, t, k, nat), n in counts.items()
        ),
        batch_size=5000,
    )
    return len(counts)


@transaction.atomic
def rebuild() -> int:
    return recount()
