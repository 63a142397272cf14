"""Ranking of national and local articles for a plan. Pure Python, no Django imports.

Signals, each explained in the result:
1. text: BM25-like match of the plan's words (situation, needs, breakthrough, tag labels) against the
   article's keywords, heading, room-for-maatwerk summary and (when imported) full text. Words are
   stemmed, compounds split and mapped to thesaurus concepts (see text.py); rare terms weigh more (IDF
   over the article corpus); the breakthrough weighs more than the situation. Query-only triggers
   ("de gemeente betaalt ...") point to the legal concept they imply (financial assistance).
2. life domains: overlap between the plan's life domains and the article's, normalised so an article
   listed under many domains does not win on domains alone; articles for 'algemeen' always get a share.
3. kind prior: principles and hardship clauses apply to nearly every exception, and the list always
   holds the best general hardship clause, principle and fundamental right (GENERAL_SLOT_KINDS).
4. co-selection: how often the article was cited in earlier plans with the same tags.
Rows of the same article (different paragraphs) are aggregated into one suggestion per article.
"""

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .text import Analyser, stems

GENERAL_DOMAIN = "algemeen"

DOC_FIELD_WEIGHTS = {"keywords": 3.0, "heading": 2.0, "summary": 1.0, "law_title": 0.5, "text": 0.4}
QUERY_FIELD_WEIGHTS = {"breakthrough": 2.0, "tags": 1.2, "needs": 1.0, "situation": 1.0}
KIND_PRIOR = {
    "hardheidsclausule": 1.5,
    "beginsel": 1.2,
    "plicht_tot_maatwerk": 0.6,
    "voorziening": 0.3,
    "grondrecht": 0.25,
    "verdrag": 0.25,
    "bevoegdheid": 0.15,
    "gegevensdeling": -0.75,  # only relevant when the plan is about sharing information
}
TEXT_WEIGHT = 10.0
COORDINATION = 0.0  # >0 rewards matching many different plan terms (tested: no gain)
DOMAIN_WEIGHT = 6.0
DOMAIN_NORM = 0.5  # overlap / (number of article domains) ** DOMAIN_NORM
GENERAL_DOMAIN_BONUS = 1.0
NO_DOMAIN_FACTOR = 0.5
LENGTH_B = 0.0
OTHER_ROWS_SHARE = 0.2
# Every breakthrough needs an exception to a rule, routine or budget boundary (BRIEF.md §3), so the
# list always holds the best generally applicable article of three kinds of legal room the brief names:
# a hardship clause (deviation from policy rules), a principle (e.g. proportionality) and a fundamental
# right or treaty right (e.g. the best interest of the child). 'Generally applicable' = domain 'algemeen'.
GENERAL_SLOT_KINDS: tuple[frozenset[str], ...] = (
    frozenset({"hardheidsclausule"}),
    frozenset({"beginsel"}),
    frozenset({"grondrecht", "verdrag"}),
)
CO_SELECTION_WEIGHT = 3.0
CO_SELECTION_MIN_SUPPORT = 3


@dataclass(frozen=True)
class ArticleDoc:
    """One row of the law base (an article or a paragraph of it), or one local article."""

    ref: str  # stable id for the caller, e.g. "n:12" or "l:5"
    key: str  # "<law_short> <article>": rows with the same key are one article
    label: str
    heading: str
    summary: str
    kind: str
    life_domains: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    law_title: str = ""
    text: str = ""
    local: bool = False


@dataclass(frozen=True)
class PlanQuery:
    life_domains: tuple[str, ...] = ()
    situation: str = ""
    breakthrough: str = ""
    needs: str = ""
    tags: tuple[str, ...] = ()  # tag labels


@dataclass(frozen=True)
class CoSelection:
    """An article was chosen in ``chosen`` of ``out_of`` earlier plans that carry the tag ``tag``."""

    chosen: int
    out_of: int
    tag: str = ""

    @property
    def share(self) -> float:
        return self.chosen / self.out_of if self.out_of else 0.0


@dataclass
class Suggestion:
    key: str
    refs: list[str]  # rows of this article, best first
    label: str
    heading: str
    kind: str
    local: bool
    score: float
    domains: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    general: bool = False
    co_selection: CoSelection | None = None
    national_co_selection: CoSelection | None = None


@dataclass
class _Doc:
    article: ArticleDoc
    terms: dict[str, float]
    norm: float


class ArticleIndex:
    """Build once per corpus (cache it); ``rank`` is then a few thousand dict operations."""

    def __init__(self, articles: Iterable[ArticleDoc]):
        articles = list(articles)
        vocabulary: set[str] = set()
        for a in articles:
            for text in (*a.keywords, a.heading, a.summary):
                vocabulary.update(stems(text))
        self.analyser = Analyser(vocabulary)
        docs: list[_Doc] = []
        for a in articles:
            terms: dict[str, float] = {}
            fields = {
                "keywords": " ; ".join(a.keywords),
                "heading": a.heading,
                "summary": a.summary,
                "law_title": a.law_title,
                "text": a.text,
            }
            for name, text in fields.items():
                if not text:
                    continue
                weight = DOC_FIELD_WEIGHTS[name]
                for term, w in self.analyser.analyse(text).items():
                    # A term in several fields counts fully once and a little for each further field.
                    value = weight * w
                    old = terms.get(term, 0.0)
                    terms[term] = max(old, value) + 0.25 * min(old, value)
            docs.append(_Doc(a, terms, 1.0))
        average = sum(len(d.terms) for d in docs) / len(docs) if docs else 1.0
        for d in docs:
            d.norm = (1 - LENGTH_B) + LENGTH_B * len(d.terms) / average
        self.docs = docs
        n = len(docs)
        df: dict[str, int] = defaultdict(int)
        for d in docs:
            for term in d.terms:
                df[term] += 1
        self.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, d in enumerate(docs):
            for term, w in d.terms.items():
                self.postings[term].append((i, w))

    def __len__(self) -> int:
        return len(self.docs)

    def _query_terms(self, query: PlanQuery) -> tuple[dict[str, float], dict[str, str]]:
        fields = {
            "breakthrough": query.breakthrough,
            "tags": " ; ".join(query.tags),
            "needs": query.needs,
            "situation": query.situation,
        }
        weights: dict[str, float] = {}
        surface: dict[str, str] = {}
        for name, text in fields.items():
            if not text:
                continue
            for term, w in self.analyser.analyse(text, query=True).items():
                value = QUERY_FIELD_WEIGHTS[name] * w
                old = weights.get(term, 0.0)
                weights[term] = max(old, value) + 0.2 * min(old, value)
            for term, word in self.analyser.surface_words(text).items():
                surface.setdefault(term, word)
        return weights, surface

    def rank(
        self,
        query: PlanQuery,
        *,
        top: int | None = 10,
        co_selection: Mapping[str, CoSelection] | None = None,
        national_co_selection: Mapping[str, CoSelection] | None = None,
    ) -> list[Suggestion]:
        """Articles for this plan, best first. ``co_selection`` maps article keys to counts from earlier
        plans of the same municipality; ``national_co_selection`` to aggregate counts over all."""
        co_selection = co_selection or {}
        national_co_selection = national_co_selection or {}
        q_terms, surface = self._query_terms(query)
        plan_domains = set(query.life_domains) - {GENERAL_DOMAIN}

        text_scores: dict[int, float] = defaultdict(float)
        contributions: dict[int, dict[str, float]] = defaultdict(dict)
        for term, qw in q_terms.items():
            idf = self.idf.get(term)
            if idf is None:
                continue
            for i, dw in self.postings[term]:
                value = qw * idf * dw
                text_scores[i] += value
                contributions[i][term] = value

        texts: list[float] = []
        for i, doc in enumerate(self.docs):
            text = text_scores.get(i, 0.0) / doc.norm
            texts.append(text)
        # Text scores are relative to the best match for this plan, so the other signals keep a
        # constant weight whether a plan has three lines of text or thirty.
        top_text = max(texts, default=0.0) or 1.0

        rows: list[tuple[float, int, list[str], bool]] = []
        for i, doc in enumerate(self.docs):
            a = doc.article
            text = TEXT_WEIGHT * texts[i] / top_text
            if COORDINATION:
                text *= 1 + COORDINATION * len(contributions.get(i, ())) / max(len(q_terms), 1)
            article_domains = set(a.life_domains)
            general = GENERAL_DOMAIN in article_domains
            specific = article_domains - {GENERAL_DOMAIN}
            overlap = sorted(plan_domains & specific)
            domain_score = DOMAIN_WEIGHT * len(overlap) / len(specific) ** DOMAIN_NORM if overlap else 0.0
            if general:
                domain_score += GENERAL_DOMAIN_BONUS
            if not overlap and not general and plan_domains:
                text *= NO_DOMAIN_FACTOR
            score = text + domain_score + KIND_PRIOR.get(a.kind, 0.0)
            co = co_selection.get(a.key)
            if co and co.out_of >= CO_SELECTION_MIN_SUPPORT:
                score += CO_SELECTION_WEIGHT * co.share
            rows.append((score, i, overlap, general))

        by_key: dict[str, list[tuple[float, int, list[str], bool]]] = defaultdict(list)
        for row in rows:
            by_key[self.docs[row[1]].article.key].append(row)
        suggestions: list[Suggestion] = []
        for key, key_rows in by_key.items():
            key_rows.sort(key=lambda r: (-r[0], r[1]))
            best_score, best_i, overlap, general = key_rows[0]
            score = best_score + OTHER_ROWS_SHARE * sum(max(r[0], 0.0) for r in key_rows[1:])
            best = self.docs[best_i].article
            suggestions.append(
                Suggestion(
                    key=key,
                    refs=[self.docs[r[1]].article.ref for r in key_rows],
                    label=best.label,
                    heading=best.heading,
                    kind=best.kind,
                    local=best.local,
                    score=round(score, 4),
                    general=general,
                    co_selection=co_selection.get(key),
                    national_co_selection=national_co_selection.get(key),
                )
            )
        suggestions.sort(key=lambda s: (-s.score, s.key))
        result = self._with_general_slots(suggestions, top) if top else suggestions
        # The explanation (matched words, domains) only for what is returned.
        for s in result:
            key_rows = by_key[s.key]
            matched: dict[str, float] = defaultdict(float)
            for _, i, _, _ in key_rows:
                for term, value in contributions.get(i, {}).items():
                    word = surface.get(term)
                    if word:
                        matched[word] = max(matched[word], value)
            s.words = [w for w, _ in sorted(matched.items(), key=lambda kv: (-kv[1], kv[0]))[:6]]
            s.domains = sorted({d for r in key_rows for d in r[2]})
        return result

    def _with_general_slots(self, ranked: list[Suggestion], top: int) -> list[Suggestion]:
        """The top ``top``, always holding the best general ground of each kind in GENERAL_SLOT_KINDS.
        Grounds that did not make it on their own take the last places."""
        if top <= len(GENERAL_SLOT_KINDS):
            return ranked[:top]
        chosen: list[Suggestion] = []
        for kinds in GENERAL_SLOT_KINDS:
            best = next((s for s in ranked if s.general and s.kind in kinds and not s.local), None)
            if best is not None and best not in chosen:
                chosen.append(best)
        chosen_ids = {id(s) for s in chosen}
        others = [s for s in ranked if id(s) not in chosen_ids][: top - len(chosen)]
        keep = {id(s) for s in others}
        head_ids = {id(s) for s in ranked[:top]}
        in_order = [s for s in ranked if id(s) in keep or (id(s) in chosen_ids and id(s) in head_ids)]
        return in_order + [s for s in chosen if id(s) not in head_ids]


def recall_at(ranked: list[str], expected: Iterable[str], k: int) -> float:
    expected = set(expected)
    return len(expected & set(ranked[:k])) / len(expected) if expected else 1.0


def hit_at(ranked: list[str], expected: Iterable[str], k: int) -> bool:
    return bool(set(expected) & set(ranked[:k]))


def evaluate(results: Mapping[str, list[str]], expected: Mapping[str, list[str]]) -> dict[str, float]:
    """recall@10 averaged over cases and hit@3 (share of cases with an expected article in the top 3)."""
    ids = list(expected)
    if not ids:
        return {"recall@10": 0.0, "hit@3": 0.0, "cases": 0}
    recall = sum(recall_at(results.get(i, []), expected[i], 10) for i in ids) / len(ids)
    hits = sum(hit_at(results.get(i, []), expected[i], 3) for i in ids) / len(ids)
    return {"recall@10": round(recall, 3), "hit@3": round(hits, 3), "cases": len(ids)}
