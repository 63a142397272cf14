"""Suggestions for a plan: builds the pure ranker's input from the database, with caches that can
never be stale (every cache key contains a cheap fingerprint of what it was built from)."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Max, Sum

from .models import Citation, LegalArticle, LocalArticle
from .ranking import ArticleDoc, ArticleIndex, CoSelection, PlanQuery, Suggestion

# Minimum number of plans behind a nationwide aggregate before it is shown (privacy: minimum cell size).
NATIONAL_MIN_CELL = 5

_index_cache: dict[tuple, ArticleIndex] = {}
_co_cache: dict[tuple, dict] = {}


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
    )


def _fingerprint(qs) -> tuple:
    agg = qs.aggregate(n=Count("id"), m=Max("updated_at"), v=Sum("version"))
    return (agg["n"], agg["m"], agg["v"])


def article_index(*, organisation=None) -> ArticleIndex:
    """The index over valid national articles plus this municipality's valid local articles."""
    national = LegalArticle.objects.filter(retired_at__isnull=True)
    local = (
        LocalArticle.objects.filter(organisation=organisation, retired_at__isnull=True)
        if organisation
        else LocalArticle.objects.none()
    )
    key = ("index", organisation.pk if organisation else None, _fingerprint(national), _fingerprint(local))
    index = _index_cache.get(key)
    if index is None:
        docs = [national_doc(a) for a in national] + [local_doc(a) for a in local]
        index = ArticleIndex(docs)
        _index_cache.clear() if len(_index_cache) > 64 else None
        _index_cache[key] = index
    return index


def _co_selection_table(citations, plans) -> tuple[dict, dict]:
    """(tag id, article key) -> number of plans citing it; tag id -> number of plans with the tag."""
    key = ("co", str(citations.query), _fingerprint(citations), plans.aggregate(v=Sum("tags_version"))["v"])
    cached = _co_cache.get(key)
    if cached is not None:
        return cached
    pair_counts: dict[tuple[int, str], int] = defaultdict(int)
    rows = (
        citations.filter(plan__tags__isnull=False)
        .values("plan__tags", "law_short", "article")
        .annotate(n=Count("plan", distinct=True))
    )
    for row in rows:
        pair_counts[(row["plan__tags"], f"{row['law_short']} {row['article']}")] += row["n"]
    tag_counts = {
        row["tags"]: row["n"]
        for row in plans.filter(tags__isnull=False).values("tags").annotate(n=Count("id", distinct=True))
    }
    result = (dict(pair_counts), tag_counts)
    if len(_co_cache) > 64:
        _co_cache.clear()
    _co_cache[key] = result
    return result


def co_selection_for_plan(*, plan, tags) -> tuple[dict[str, CoSelection], dict[str, CoSelection]]:
    """For each article key: the best 'chosen in X of Y earlier plans with tag T' within the
    municipality, and the same nationwide (national articles only, aggregate with a minimum cell size)."""
    from doorbraak.plans.models import Plan

    if not tags:
        return {}, {}
    local_plans = Plan.objects.filter(organisation_id=plan.organisation_id).exclude(pk=plan.pk)
    local_cits = Citation.objects.filter(organisation_id=plan.organisation_id).exclude(plan_id=plan.pk)
    national_cits = Citation.objects.filter(national_article__isnull=False).exclude(plan_id=plan.pk)
    all_plans = Plan.objects.exclude(pk=plan.pk)
    out = []
    for cits, plans, min_cell in ((local_cits, local_plans, 1), (national_cits, all_plans, NATIONAL_MIN_CELL)):
        pairs, tag_totals = _co_selection_table(cits, plans)
        best: dict[str, CoSelection] = {}
        for tag in tags:
            total = tag_totals.get(tag.pk, 0)
            if not total:
                continue
            for (tag_id, key), n in pairs.items():
                if tag_id != tag.pk or n < min_cell:
                    continue
                candidate = CoSelection(chosen=n, out_of=total, tag=tag.label)
                if key not in best or candidate.share > best[key].share:
                    best[key] = candidate
        out.append(best)
    return out[0], out[1]


@dataclass
class PlanSuggestions:
    suggestions: list[Suggestion]
    articles: dict[str, object]  # ref -> LegalArticle / LocalArticle


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
    index = article_index(organisation=plan.organisation)
    co, national_co = co_selection_for_plan(plan=plan, tags=tags)
    ranked = index.rank(
        query_for_plan(plan=plan, tags=tags), top=top, co_selection=co, national_co_selection=national_co
    )
    refs = {ref for s in ranked for ref in s.refs}
    national_ids = [int(r[2:]) for r in refs if r.startswith("n:")]
    local_ids = [int(r[2:]) for r in refs if r.startswith("l:")]
    articles: dict[str, object] = {f"n:{a.pk}": a for a in LegalArticle.objects.filter(pk__in=national_ids)}
    articles.update(
        {f"l:{a.pk}": a for a in LocalArticle.objects.filter(pk__in=local_ids, organisation_id=plan.organisation_id)}
    )
    return PlanSuggestions(ranked, articles)


def suggest_for_case(*, index: ArticleIndex, case: dict, top: int = 10) -> list[str]:
    """Article keys for one case of the legal-suggestions.yaml format."""
    query = PlanQuery(
        life_domains=tuple(case.get("life_domains") or ()),
        situation=case.get("situation") or "",
        breakthrough=case.get("breakthrough") or "",
        needs=" ".join(case.get("needs") or ()),
        tags=tuple(case.get("tags") or ()),
    )
    return [s.key for s in index.rank(query, top=top)]
