"""Suggestions for a plan: builds the pure ranker's input from the database. The article index is cached
under a cheap fingerprint of the articles; co-selection counts are read from CoSelectionCount, which the
writes keep exact in their own transaction (coselection.py). Never stale."""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import connection
from django.utils import timezone

from doorbraak.core.constants import LifeDomain

from .coselection import TOTAL
from .models import Citation, CoSelectionCount, LegalArticle, LocalArticle
from .ranking import CHILD_DOMAIN, ArticleDoc, ArticleIndex, CoSelection, PlanQuery, Suggestion, case_query
from .text import mentions_minors

# Minimum number of plans behind a nationwide aggregate before it is shown (privacy: minimum cell size).
NATIONAL_MIN_CELL = 5

_index_cache: dict[tuple, ArticleIndex] = {}


def national_doc(a: LegalArticle) -> ArticleDoc:
    return ArticleDoc(
        ref=f"n:{a.pk}",
        key=a.key,
        label=a.label,
        heading=a.heading,
        summary=a.room_for_maatwerk,
        kind=a.kind,
        life_domains=tuple(a.life_domains),
        keywords=tuple(a.keywords),
        law_title=a.law_title,
        text=a.full_text,
        situations=a.situations,
    )


def local_doc(a: LocalArticle) -> ArticleDoc:
    return ArticleDoc(
        ref=f"l:{a.pk}",
        key=a.key,
        label=a.label,
        heading=a.heading or a.summary[:80],
        summary=a.summary,
        kind=a.kind,
        life_domains=tuple(a.life_domains),
        keywords=tuple(a.keywords),
        law_title=a.regulation_title,
        local=True,
        situations=a.situations,
    )


def _fingerprint(organisation_id) -> tuple:
    """(count, last change, sum of versions) of the valid national articles and of this municipality's
    valid local articles, in one round trip. Every edit of an article bumps ``version`` and ``updated_at``."""
    national, local = LegalArticle._meta.db_table, LocalArticle._meta.db_table
    sql = (
        f"SELECT COUNT(*), MAX(updated_at), SUM(version) FROM {national} WHERE retired_at IS NULL "  # noqa: S608
        f"UNION ALL SELECT COUNT(*), MAX(updated_at), SUM(version) FROM {local} "
        "WHERE organisation_id = %s AND retired_at IS NULL"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [organisation_id])
        return tuple(tuple(row) for row in cursor.fetchall())


@dataclass(frozen=True)
class _CachedIndex:
    index: ArticleIndex
    articles: dict[str, object]  # ref -> LegalArticle / LocalArticle (read-only)


def _cached_index(*, organisation=None) -> _CachedIndex:
    organisation_id = organisation.pk if organisation else None
    key = ("index", organisation_id, _fingerprint(organisation_id))
    cached = _index_cache.get(key)
    if cached is None:
        national = list(LegalArticle.objects.filter(retired_at__isnull=True))
        local = list(LocalArticle.objects.filter(organisation_id=organisation_id, retired_at__isnull=True))
        articles: dict[str, object] = {f"n:{a.pk}": a for a in national}
        articles.update({f"l:{a.pk}": a for a in local})
        cached = _CachedIndex(
            ArticleIndex([national_doc(a) for a in national] + [local_doc(a) for a in local]), articles
        )
        if len(_index_cache) > 64:
            _index_cache.clear()
        _index_cache[key] = cached
    return cached


def article_index(*, organisation=None) -> ArticleIndex:
    """The index over valid national articles plus this municipality's valid local articles. Built once per
    process and kept while the articles' fingerprint (count, last change, versions) stays the same."""
    return _cached_index(organisation=organisation).index


class _PlanReads(NamedTuple):
    """What a suggestion request reads about the plan besides its tags, in one round trip."""

    own_keys: set[str]
    local: tuple[dict, dict]  # (tag id -> {article key -> plans}, tag id -> plans with the tag)
    national: tuple[dict, dict]  # the same summed over all municipalities, national articles only
    needs: list[tuple[str, str]]  # (life domain, description), in order
    helper_domains: set[str]


def _plan_reads(plan, tag_ids) -> _PlanReads:
    """One UNION ALL query instead of five: the municipality's and the nationwide co-selection counts for
    the plan's tags (the same rows coselection.counts_for_tags reads), the plan's own cited article keys, its
    needs and its helpers' domains. On a busy server each round trip costs milliseconds."""
    counts = CoSelectionCount._meta.db_table
    plan_id = Citation._meta.get_field("plan").target_field.get_db_prep_value(plan.pk, connection)
    parts, params = [], []
    if tag_ids:
        marks = ", ".join(["%s"] * len(tag_ids))
        parts.append(
            f"SELECT 0, tag_id, article_key, plans, '' FROM {counts} "  # noqa: S608
            f"WHERE organisation_id = %s AND tag_id IN ({marks}) AND plans > 0"
        )
        params += [plan.organisation_id, *tag_ids]
        parts.append(
            f"SELECT 1, tag_id, article_key, SUM(plans), '' FROM {counts} "  # noqa: S608
            f"WHERE tag_id IN ({marks}) AND national = %s AND plans > 0 GROUP BY tag_id, article_key"
        )
        params += [*tag_ids, True]
    parts.append(
        f"SELECT 2, 0, law_short || ' ' || article, 0, '' FROM {Citation._meta.db_table} WHERE plan_id = %s"  # noqa: S608
    )
    parts.append(
        f"SELECT 3, 0, life_domain, id, description FROM {plan.needs.model._meta.db_table} WHERE plan_id = %s"  # noqa: S608
    )
    parts.append(
        f"SELECT 4, 0, life_domain, id, '' FROM {plan.helpers.model._meta.db_table} WHERE plan_id = %s"  # noqa: S608
    )
    params += [plan_id, plan_id, plan_id]
    local_pairs: dict[int, dict[str, int]] = defaultdict(dict)
    local_totals: dict[int, int] = {}
    national_pairs: dict[int, dict[str, int]] = defaultdict(dict)
    national_totals: dict[int, int] = {}
    own_keys: set[str] = set()
    needs: list[tuple[int, str, str]] = []
    helper_domains: set[str] = set()
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for source, tag_id, text, n, description in cursor.fetchall():
            if source == 0:
                if text == TOTAL:
                    local_totals[tag_id] = n
                else:  # national and local rows of the same key count together
                    local_pairs[tag_id][text] = local_pairs[tag_id].get(text, 0) + n
            elif source == 1 and text == TOTAL:
                national_totals[tag_id] = n
            elif source == 1:
                national_pairs[tag_id][text] = n
            elif source == 2:
                own_keys.add(text)
            elif source == 3:
                needs.append((n, text, description))
            else:
                helper_domains.add(text)
    needs.sort()  # creation order (ids grow with creation)
    return _PlanReads(
        own_keys,
        (dict(local_pairs), local_totals),
        (dict(national_pairs), national_totals),
        [(domain, description) for _, domain, description in needs],
        helper_domains,
    )


def co_selection_for_plan(*, plan, tags, reads: _PlanReads | None = None):
    """For each article key: the best 'chosen in X of Y earlier plans with tag T' within the
    municipality, and the same nationwide (national articles only, aggregate with a minimum cell size).
    The plan's own citations are left out of its counts."""
    if not tags:
        return {}, {}
    own_tags = {t.pk for t in tags}
    reads = reads or _plan_reads(plan, sorted(own_tags))
    own_keys = reads.own_keys
    out = []
    for (pairs, tag_totals), min_cell in zip((reads.local, reads.national), (1, NATIONAL_MIN_CELL), strict=True):
        best: dict[str, tuple[float, int, int, str]] = {}  # key -> (share, chosen, out of, tag label)
        for tag in tags:
            total = tag_totals.get(tag.pk, 0) - (1 if tag.pk in own_tags else 0)
            if total <= 0:
                continue
            for key, n in pairs.get(tag.pk, {}).items():
                if key in own_keys:
                    n -= 1
                if n < min_cell:
                    continue
                share = n / total
                if key not in best or share > best[key][0]:
                    best[key] = (share, n, total, tag.label)
        out.append({key: CoSelection(chosen=n, out_of=total, tag=label) for key, (_, n, total, label) in best.items()})
    return out[0], out[1]


@dataclass
class PlanSuggestions:
    suggestions: list[Suggestion]
    articles: dict[str, object]  # ref -> LegalArticle / LocalArticle
    # The panel beside the suggestions: the general grounds (Awb 3:2, 3:4, 3:46, 4:84 and a municipality's own
    # general hardship clause), the same for every plan, and for a household with children IVRK 3 when the list
    # does not hold it. One entry per article key, each with its rows (LegalArticle / LocalArticle), first first.
    general: list[tuple[str, list[object]]] = field(default_factory=list)
    minors: bool = False  # the plan concerns children under 18


def has_minors(*, plan, domains, texts) -> bool:
    """Whether the plan concerns a child under 18: a member of the household born less than 18 years ago, the
    life domain 'opvoeden en opgroeien', or a child named in the plan's own words."""
    if CHILD_DOMAIN in domains or any(mentions_minors(text) for text in texts):
        return True
    return plan.household.members.filter(birth_year__gt=timezone.localdate().year - 18).exists()


def query_for_plan(*, plan, tags, reads: _PlanReads | None = None) -> PlanQuery:
    reads = reads or _plan_reads(plan, [])
    domains = {t.code for t in tags if t.kind == "life_domain"}
    domains |= {t.life_domain for t in tags if t.life_domain}
    domains |= {domain for domain, _ in reads.needs}
    domains |= reads.helper_domains
    breakthrough = " ".join(
        filter(None, [plan.breakthrough_description, plan.breakthrough_obstacle, plan.breakthrough_exception])
    )
    needs = " ".join(description for _, description in reads.needs)
    return PlanQuery(
        life_domains=tuple(sorted(domains)),
        situation=plan.situation,
        breakthrough=breakthrough,
        needs=needs,
        tags=tuple(t.label for t in tags if t.kind != "life_domain"),
        minors=has_minors(plan=plan, domains=domains, texts=(plan.situation, breakthrough, needs)),
    )


def suggestions_for_plan(*, plan, top: int = 10) -> PlanSuggestions:
    """Ranked articles for this plan, recomputed from what block 1 holds now."""
    tags = list(plan.tags.all())
    cached = _cached_index(organisation=plan.organisation)
    reads = _plan_reads(plan, sorted(t.pk for t in tags))
    co, national_co = co_selection_for_plan(plan=plan, tags=tags, reads=reads)
    query = query_for_plan(plan=plan, tags=tags, reads=reads)
    ranked = cached.index.rank(query, top=top, co_selection=co, national_co_selection=national_co)
    articles = {ref: cached.articles[ref] for s in ranked for ref in s.refs}
    panel = _grouped(cached, cached.index.panel(query, listed=[s.key for s in ranked]))
    return PlanSuggestions(ranked, articles, panel, minors=query.minors)


def _grouped(cached: "_CachedIndex", docs) -> list[tuple[str, list[object]]]:
    grouped: dict[str, list[object]] = {}
    for doc in docs:
        grouped.setdefault(doc.key, []).append(cached.articles[doc.ref])
    return list(grouped.items())


def domain_labels(codes) -> list[str]:
    """The Dutch labels of life-domain codes, in the given order (an unknown code is shown as is)."""
    labels = dict(LifeDomain.choices)
    return [str(labels.get(code, code)) for code in codes]


def suggest_for_case(*, index: ArticleIndex, case: dict, top: int = 10) -> tuple[list[str], list[str]]:
    """Article keys for one case, as the Legitimiteit page shows them: the ``top`` specific suggestions in rank
    order, and the panel beside them (``index.panel``: the general grounds, and IVRK 3 for a household with
    children when the list does not hold it)."""
    query = case_query(case)
    specific = [s.key for s in index.rank(query, top=top)]
    panel = list(dict.fromkeys(a.key for a in index.panel(query, listed=specific)))
    return specific, panel
