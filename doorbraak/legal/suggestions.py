"""Suggestions for a plan: builds the pure ranker's input from the database. The article index is cached
under a cheap fingerprint of the articles; co-selection counts are read from CoSelectionCount, which the
writes keep exact in their own transaction (coselection.py). Never stale."""

from dataclasses import dataclass, field

from django.db import connection

from doorbraak.core.constants import LifeDomain

from .coselection import counts_for_tags
from .models import Citation, LegalArticle, LocalArticle
from .ranking import ArticleDoc, ArticleIndex, CoSelection, PlanQuery, Suggestion

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


def co_selection_for_plan(*, plan, tags) -> tuple[dict[str, CoSelection], dict[str, CoSelection]]:
    """For each article key: the best 'chosen in X of Y earlier plans with tag T' within the
    municipality, and the same nationwide (national articles only, aggregate with a minimum cell size).
    The plan's own citations are left out of its counts."""
    if not tags:
        return {}, {}
    own_keys = {c.key for c in Citation.objects.filter(plan=plan).only("law_short", "article")}
    own_tags = {t.pk for t in tags}
    scopes = counts_for_tags(organisation_id=plan.organisation_id, tag_ids=sorted(own_tags))
    out = []
    for (pairs, tag_totals), min_cell in zip(scopes, (1, NATIONAL_MIN_CELL), strict=True):
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
    # The general grounds panel (Awb 3:2, 3:4, 3:46, 4:84 and a municipality's own general hardship
    # clause): always shown beside the suggestions, the same for every plan. One entry per article key,
    # each with its rows (LegalArticle / LocalArticle), first row first.
    general: list[tuple[str, list[object]]] = field(default_factory=list)


def query_for_plan(*, plan, tags) -> PlanQuery:
    domains = {t.code for t in tags if t.kind == "life_domain"}
    domains |= {t.life_domain for t in tags if t.life_domain}
    needs = list(plan.needs.all())
    domains |= {n.life_domain for n in needs}
    domains |= {h.life_domain for h in plan.helpers.all()}
    breakthrough = " ".join(
        filter(None, [plan.breakthrough_description, plan.breakthrough_obstacle, plan.breakthrough_exception])
    )
    return PlanQuery(
        life_domains=tuple(sorted(domains)),
        situation=plan.situation,
        breakthrough=breakthrough,
        needs=" ".join(n.description for n in needs),
        tags=tuple(t.label for t in tags if t.kind != "life_domain"),
    )


def suggestions_for_plan(*, plan, top: int = 10) -> PlanSuggestions:
    """Ranked articles for this plan, recomputed from what block 1 holds now."""
    tags = list(plan.tags.all())
    cached = _cached_index(organisation=plan.organisation)
    co, national_co = co_selection_for_plan(plan=plan, tags=tags)
    ranked = cached.index.rank(
        query_for_plan(plan=plan, tags=tags), top=top, co_selection=co, national_co_selection=national_co
    )
    articles = {ref: cached.articles[ref] for s in ranked for ref in s.refs}
    return PlanSuggestions(ranked, articles, general_grounds(cached))


def general_grounds(cached: "_CachedIndex") -> list[tuple[str, list[object]]]:
    grouped: dict[str, list[object]] = {}
    for doc in cached.index.general_grounds():
        grouped.setdefault(doc.key, []).append(cached.articles[doc.ref])
    return list(grouped.items())


def domain_labels(codes) -> list[str]:
    """The Dutch labels of life-domain codes, in the given order (an unknown code is shown as is)."""
    labels = dict(LifeDomain.choices)
    return [str(labels.get(code, code)) for code in codes]


def case_query(case: dict) -> PlanQuery:
    return PlanQuery(
        life_domains=tuple(case.get("life_domains") or ()),
        situation=case.get("situation") or "",
        breakthrough=case.get("breakthrough") or "",
        needs=" ".join(case.get("needs") or ()),
        tags=tuple(case.get("tags") or ()),
    )


def suggest_for_case(*, index: ArticleIndex, case: dict, top: int = 10) -> list[str]:
    """Article keys for one case of the legal-suggestions.yaml format (the specific suggestions; the
    general grounds panel is ``index.general_grounds()``, the same for every case)."""
    return [s.key for s in index.rank(case_query(case), top=top)]
