"""Ranking of national and local articles for a plan. Pure Python, no Django imports.

Two text channels, fused by rank (reciprocal rank fusion), each combined with the same non-text signals:
1. lexical core: BM25-like match of the plan's words (situation, needs, breakthrough, tag labels) against
   the article's keywords, heading, situations (lay sentences on when the article applies), room-for-maatwerk
   summary and (when imported) full text. Words are stemmed, compounds split and mapped to thesaurus
   concepts (see text.py); rare terms weigh more (IDF over the article corpus); the breakthrough weighs more.
2. character n-grams: BM25 over character n-grams of the same fields, which catches inflections, compounds
   and spelling the word analysis misses ("uithuisplaatsing" / "uit huis geplaatst").
Non-text signals: life-domain overlap (normalised so an article listed under many domains does not win on
domains alone) and co-selection (how often the article was cited in earlier plans with the same tags: the
municipality's own pattern, shrunk towards the nationwide pattern while the municipality has few plans).
The kind of an article has no prior: a principle or a right must earn its place like any other article.

General grounds (GENERAL_GROUND_KINDS with only the domain 'algemeen': Awb 3:2, 3:4, 3:46, 4:84) apply to
nearly every exception. They are not ranked: ``general_grounds()`` returns them for a fixed panel that is
always shown, so the top ``top`` holds specific articles only. For a household with children the panel
also holds the child's best interests (IVRK 3, MINOR_GROUND_KEYS) when that article is not in the list already.
Rows of the same article (different paragraphs) are aggregated into one suggestion per article.
"""

import hashlib
import math
import re
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from .text import Analyser, char_ngrams, mentions_minors, stems

GENERAL_DOMAIN = "algemeen"
# Kinds of article that form the general grounds panel when the article's only domain is 'algemeen'.
GENERAL_GROUND_KINDS = frozenset({"beginsel", "hardheidsclausule"})
# Grounds that apply to every plan of a household with children under 18: art. 3 of the UN Convention on the
# Rights of the Child makes the child's best interests a primary consideration in every action concerning
# children, whatever the domain of the exception. They stay in the ranking too; the panel shows them when the
# household has children and the list does not hold them.
MINOR_GROUND_KEYS = frozenset({"IVRK 3"})
# The life domain of children: a plan with it concerns children, whatever its household's members list says.
CHILD_DOMAIN = "opvoeden_opgroeien"


@dataclass(frozen=True)
class Params:
    """Everything that was tuned, in one place. The values are the best setting on all 50 development
    cases of the nested cross-validation in bench/tune_legal_ranking.py (see docs/legal.md)."""

    doc_field_weights: Mapping[str, float] = field(
        default_factory=lambda: {
            "keywords": 3.0,
            "heading": 2.0,
            "situations": 1.0,
            "summary": 1.0,
            "law_title": 0.5,
            "text": 0.4,
        }
    )
    query_field_weights: Mapping[str, float] = field(
        default_factory=lambda: {"breakthrough": 2.0, "tags": 1.2, "needs": 1.0, "situation": 1.0}
    )
    text_weight: float = 10.0
    domain_weight: float = 3.0
    domain_norm: float = 0.5  # overlap / (number of article domains) ** domain_norm
    general_domain_bonus: float = 2.0
    no_domain_factor: float = 0.5
    other_rows_share: float = 0.2
    co_selection_weight: float = 3.0
    co_selection_min_support: int = 3
    # Co-selection: the municipality's share is shrunk towards the nationwide share as if the national
    # pattern were this many plans (a new municipality follows the nation, one with many plans itself).
    national_prior_plans: float = 20.0
    # Character n-gram channel and fusion.
    ngram_size: int = 4
    ngram_k1: float = 1.2
    ngram_b: float = 0.5
    ngram_weight: float = 0.5  # weight of the n-gram channel in the fusion (the lexical core has 1.0)
    rrf_k: float = 10.0
    # Character n-grams found in more than this share of the articles are left out of the index: they
    # carry little (low IDF) and made up most of the work per request.
    ngram_max_df: float = 0.5
    # "text": fuse the two text channels by rank, then add domains and co-selection to the fused text score;
    # "full": fuse two complete rankings (each text channel plus the same domain and co-selection signals).
    fusion: str = "text"


DEFAULT_PARAMS = Params()


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
    situations: str = ""


@dataclass(frozen=True)
class PlanQuery:
    life_domains: tuple[str, ...] = ()
    situation: str = ""
    breakthrough: str = ""
    needs: str = ""
    tags: tuple[str, ...] = ()  # tag labels
    minors: bool = False  # the household has children under 18 (MINOR_GROUND_KEYS join the panel)


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
    situation: str = ""  # the sentence of the article's situations that matched the plan best


@dataclass
class _Doc:
    article: ArticleDoc
    terms: dict[str, float]
    sentences: list[tuple[str, frozenset[str]]]  # situation sentences with their terms


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text or "") if s.strip()]


def is_general_ground(article: ArticleDoc) -> bool:
    return article.kind in GENERAL_GROUND_KINDS and set(article.life_domains) == {GENERAL_DOMAIN}


def _doc_fields(a: ArticleDoc) -> dict[str, str]:
    return {
        "keywords": " ; ".join(a.keywords),
        "heading": a.heading,
        "situations": a.situations,
        "summary": a.summary,
        "law_title": a.law_title,
        "text": a.text,
    }


def _query_fields(query: PlanQuery) -> dict[str, str]:
    return {
        "breakthrough": query.breakthrough,
        "tags": " ; ".join(query.tags),
        "needs": query.needs,
        "situation": query.situation,
    }


class ArticleIndex:
    """Build once per corpus (cache it); ``rank`` is then a few thousand dict operations."""

    def __init__(self, articles: Iterable[ArticleDoc], params: Params = DEFAULT_PARAMS):
        self.params = params
        articles = list(articles)
        self.general = [a for a in articles if is_general_ground(a)]
        articles = [a for a in articles if not is_general_ground(a)]
        vocabulary: set[str] = set()
        for a in articles + self.general:
            for text in (*a.keywords, a.heading, a.summary):
                vocabulary.update(stems(text))
        self.analyser = Analyser(vocabulary)
        docs: list[_Doc] = []
        grams: list[dict[str, float]] = []
        for a in articles:
            terms: dict[str, float] = {}
            doc_grams: dict[str, float] = defaultdict(float)
            for name, text in _doc_fields(a).items():
                if not text:
                    continue
                weight = params.doc_field_weights.get(name, 0.0)
                if not weight:
                    continue
                for term, w in self.analyser.analyse(text).items():
                    # A term in several fields counts fully once and a little for each further field.
                    value = weight * w
                    old = terms.get(term, 0.0)
                    terms[term] = max(old, value) + 0.25 * min(old, value)
                if name != "text":  # the official wording is long and formal: words only
                    for gram, n in char_ngrams(text, params.ngram_size).items():
                        doc_grams[gram] += weight * n
            situation_sentences = [(s, frozenset(self.analyser.analyse(s))) for s in sentences(a.situations)]
            docs.append(_Doc(a, terms, situation_sentences))
            grams.append(dict(doc_grams))
        self.docs = docs
        # One row per ground of MINOR_GROUND_KEYS: its first row, as the panel cites an article by its first row.
        firsts: dict[str, ArticleDoc] = {}
        for d in docs:
            if d.article.key in MINOR_GROUND_KEYS:
                firsts.setdefault(d.article.key, d.article)
        self.minor_grounds = list(firsts.values())
        n = len(docs)
        # Per row, what rank() needs besides the text: domains, the article key and its group of rows.
        self._keys = [d.article.key for d in docs]
        self._general = [GENERAL_DOMAIN in d.article.life_domains for d in docs]
        self._specific = [frozenset(d.article.life_domains) - {GENERAL_DOMAIN} for d in docs]
        self._domain_div = [max(len(s), 1) ** params.domain_norm for s in self._specific]
        self._groups: dict[str, list[int]] = {}
        for i, key in enumerate(self._keys):
            self._groups.setdefault(key, []).append(i)
        df: dict[str, int] = defaultdict(int)
        for d in docs:
            for term in d.terms:
                df[term] += 1
        self.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, d in enumerate(docs):
            for term, w in d.terms.items():
                self.postings[term].append((i, w))
        # BM25 over character n-grams: tf saturation and length normalisation folded into the postings.
        lengths = [sum(g.values()) for g in grams]
        average = (sum(lengths) / n) if n else 1.0
        gram_df: dict[str, int] = defaultdict(int)
        for g in grams:
            for gram in g:
                gram_df[gram] += 1
        self.gram_postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        k1, b = params.ngram_k1, params.ngram_b
        max_df = params.ngram_max_df * n
        for i, g in enumerate(grams):
            norm = k1 * (1 - b + b * lengths[i] / (average or 1.0))
            for gram, tf in g.items():
                if gram_df[gram] > max_df:
                    continue
                idf = math.log(1 + (n - gram_df[gram] + 0.5) / (gram_df[gram] + 0.5))
                self.gram_postings[gram].append((i, idf * tf * (k1 + 1) / (tf + norm)))

    def __len__(self) -> int:
        return len(self.docs) + len(self.general)

    def general_grounds(self) -> list[ArticleDoc]:
        """The general grounds panel: every general ground of the corpus, national first, in a fixed order."""
        return sorted(self.general, key=lambda a: (a.local, a.key, a.ref))

    def panel(self, query: PlanQuery, listed: Iterable[str] = ()) -> list[ArticleDoc]:
        """What the panel beside the list shows for this plan: the general grounds, and for a household with
        children the grounds of MINOR_GROUND_KEYS that are not among the ``listed`` suggestions already."""
        listed = set(listed)
        extra = [a for a in self.minor_grounds if query.minors and a.key not in listed]
        return self.general_grounds() + extra

    def _query_terms(self, query: PlanQuery) -> tuple[dict[str, float], dict[str, str], dict[str, float]]:
        weights: dict[str, float] = {}
        surface: dict[str, str] = {}
        grams: dict[str, float] = defaultdict(float)
        for name, text in _query_fields(query).items():
            if not text:
                continue
            qw = self.params.query_field_weights[name]
            for term, w in self.analyser.analyse(text, query=True).items():
                value = qw * w
                old = weights.get(term, 0.0)
                weights[term] = max(old, value) + 0.2 * min(old, value)
            for term, word in self.analyser.surface_words(text).items():
                surface.setdefault(term, word)
            for gram in char_ngrams(text, self.params.ngram_size):
                grams[gram] = max(grams[gram], qw)
        return weights, surface, grams

    def _co_share(self, local: CoSelection | None, national: CoSelection | None) -> float:
        """The municipality's share shrunk towards the national share (a prior worth national_prior_plans)."""
        p = self.params
        has_local = local is not None and local.out_of >= p.co_selection_min_support
        if national is None or not national.out_of:
            return local.share if has_local else 0.0
        m = p.national_prior_plans
        if not has_local:
            return national.share
        return (local.chosen + m * national.share) / (local.out_of + m)

    def rank(
        self,
        query: PlanQuery,
        *,
        top: int | None = 10,
        co_selection: Mapping[str, CoSelection] | None = None,
        national_co_selection: Mapping[str, CoSelection] | None = None,
    ) -> list[Suggestion]:
        """Specific articles for this plan, best first (general grounds: ``general_grounds()``).
        ``co_selection`` maps article keys to counts from earlier plans of the same municipality;
        ``national_co_selection`` to aggregate counts over all municipalities (5+ plans)."""
        p = self.params
        co_selection = co_selection or {}
        national_co_selection = national_co_selection or {}
        q_terms, surface, q_grams = self._query_terms(query)
        plan_domains = set(query.life_domains) - {GENERAL_DOMAIN}

        n = len(self.docs)
        lexical = [0.0] * n
        postings = self.postings
        for term, qw in q_terms.items():
            idf = self.idf.get(term)
            if idf is None:
                continue
            weight = qw * idf
            for i, dw in postings[term]:
                lexical[i] += weight * dw
        grams = [0.0] * n
        gram_postings = self.gram_postings
        for gram, qw in q_grams.items():
            for i, value in gram_postings.get(gram, ()):
                grams[i] += qw * value
        text_scores = {i: v for i, v in enumerate(lexical) if v}
        gram_scores = {i: v for i, v in enumerate(grams) if v}
        # Text scores are relative to the best match for this plan, so the other signals keep a
        # constant weight whether a plan has three lines of text or thirty.
        top_text = max(text_scores.values(), default=0.0) or 1.0
        top_gram = max(gram_scores.values(), default=0.0) or 1.0

        if p.fusion == "text" and p.ngram_weight:
            # Reciprocal rank fusion of the matching documents of each channel, scaled so that first in
            # both channels scores text_weight; a document no channel matched scores 0.
            fused_text: dict[int, float] = defaultdict(float)
            for scores, weight in ((text_scores, 1.0), (gram_scores, p.ngram_weight)):
                for i, position in _positions(scores).items():
                    fused_text[i] += weight / (p.rrf_k + position)
            best = (1.0 + p.ngram_weight) / (p.rrf_k + 1)
            text_scores = {i: v / best for i, v in fused_text.items()}
            top_text, gram_scores, top_gram = 1.0, {}, 1.0

        lexical_rows = [0.0] * n
        gram_rows = [0.0] * n
        for i in range(n):
            text = p.text_weight * text_scores.get(i, 0.0) / top_text
            gram = p.text_weight * gram_scores.get(i, 0.0) / top_gram
            specific = self._specific[i]
            overlap = len(plan_domains & specific) if plan_domains else 0
            other = p.domain_weight * overlap / self._domain_div[i] if overlap else 0.0
            if self._general[i]:
                other += p.general_domain_bonus
            elif not overlap and plan_domains:
                text *= p.no_domain_factor
                gram *= p.no_domain_factor
            key = self._keys[i]
            if key in co_selection or key in national_co_selection:
                other += p.co_selection_weight * self._co_share(co_selection.get(key), national_co_selection.get(key))
            lexical_rows[i] = text + other
            gram_rows[i] = gram + other

        # Per article: best row plus a share of the other rows, in each channel.
        channel_scores: dict[str, tuple[float, float]] = {}
        by_key: dict[str, list[int]] = {}
        for key, members in self._groups.items():
            if len(members) == 1:
                i = members[0]
                by_key[key] = members
                channel_scores[key] = (lexical_rows[i], gram_rows[i])
                continue
            ordered = sorted(members, key=lambda i: (-lexical_rows[i], i))
            by_key[key] = ordered
            share = p.other_rows_share
            lex = lexical_rows[ordered[0]] + share * sum(max(lexical_rows[i], 0.0) for i in ordered[1:])
            gram_values = sorted((gram_rows[i] for i in members), reverse=True)
            ngram = gram_values[0] + share * sum(max(g, 0.0) for g in gram_values[1:])
            channel_scores[key] = (lex, ngram)
        fused: dict[str, float] = defaultdict(float)
        if p.fusion == "full" and p.ngram_weight:
            for channel, weight in ((0, 1.0), (1, p.ngram_weight)):
                positions = _positions({k: v[channel] for k, v in channel_scores.items()})
                for key, position in positions.items():
                    fused[key] += 1000 * weight / (p.rrf_k + position)
        else:  # the text channels are already fused: rank on the combined score
            fused = {k: v[0] for k, v in channel_scores.items()}
        ordered_keys = sorted(channel_scores, key=lambda k: (-fused[k], -channel_scores[k][0], k))
        if top:
            ordered_keys = ordered_keys[:top]

        result: list[Suggestion] = []
        # The explanation (matched words, domains, situation sentence) only for what is returned.
        for key in ordered_keys:
            members = by_key[key]
            best = self.docs[members[0]].article
            matched: dict[str, float] = defaultdict(float)
            for i in members:
                terms = self.docs[i].terms
                for term, qw in q_terms.items():
                    dw = terms.get(term)
                    word = surface.get(term)
                    if dw is None or not word:
                        continue
                    matched[word] = max(matched[word], qw * self.idf[term] * dw)
            result.append(
                Suggestion(
                    key=key,
                    refs=[self.docs[i].article.ref for i in members],
                    label=best.label,
                    heading=best.heading,
                    kind=best.kind,
                    local=best.local,
                    score=round(fused[key], 4),
                    domains=sorted({d for i in members for d in plan_domains & self._specific[i]}),
                    words=[w for w, _ in sorted(matched.items(), key=lambda kv: (-kv[1], kv[0]))[:6]],
                    general=self._general[members[0]],
                    co_selection=co_selection.get(key),
                    national_co_selection=national_co_selection.get(key),
                    situation=self._best_sentence(members, q_terms),
                )
            )
        return result

    def _best_sentence(self, members: list[int], q_terms: Mapping[str, float]) -> str:
        """The situation sentence sharing the most (IDF-weighted) terms with the plan, or ''."""
        best, best_value = "", 0.0
        for i in members:
            for sentence, terms in self.docs[i].sentences:
                value = sum(q_terms[t] * self.idf.get(t, 0.0) for t in terms if t in q_terms)
                if value > best_value:
                    best, best_value = sentence, value
        return best


def _positions(scores: Mapping) -> dict:
    """Rank positions from 1, best first; equal scores share a position (so a tie stays a tie after fusion)."""
    out = {}
    previous, position = None, 0
    for n, (item, value) in enumerate(sorted(scores.items(), key=lambda kv: -kv[1]), start=1):
        if value != previous:
            previous, position = value, n
        out[item] = position
    return out


def recall_at(ranked: list[str], expected: Iterable[str], k: int, always_shown: Iterable[str] = ()) -> float:
    """Share of the expected articles among the first ``k`` or in ``always_shown`` (the panel beside the list)."""
    expected = set(expected)
    shown = set(ranked[:k]) | set(always_shown)
    return len(expected & shown) / len(expected) if expected else 1.0


def hit_at(ranked: list[str], expected: Iterable[str], k: int) -> bool:
    return bool(set(expected) & set(ranked[:k]))


Shown = Iterable[str] | Mapping[str, Iterable[str]]


def _shown_for(always_shown: Shown, case_id: str) -> Iterable[str]:
    return always_shown.get(case_id, ()) if isinstance(always_shown, Mapping) else always_shown


def evaluate(
    results: Mapping[str, list[str]], expected: Mapping[str, list[str]], always_shown: Shown = ()
) -> dict[str, float]:
    """recall@10 averaged over cases (articles in the top 10 or the always-shown panel: one list for every
    case, or a mapping from case id to that case's panel) and hit@3 (share of cases with an expected article
    in the top 3 of the list itself)."""
    ids = list(expected)
    if not isinstance(always_shown, Mapping):
        always_shown = set(always_shown)
    if not ids:
        return {"recall@10": 0.0, "hit@3": 0.0, "cases": 0}
    recall = sum(recall_at(results.get(i, []), expected[i], 10, _shown_for(always_shown, i)) for i in ids) / len(ids)
    hits = sum(hit_at(results.get(i, []), expected[i], 3) for i in ids) / len(ids)
    return {"recall@10": round(recall, 3), "hit@3": round(hits, 3), "cases": len(ids)}


def folds(ids: Sequence[str], k: int = 5) -> list[list[str]]:
    """Deterministic k folds: cases sorted by a hash of their id, dealt round-robin (same on every run)."""
    ordered = sorted(ids, key=lambda i: hashlib.sha256(i.encode()).hexdigest())
    return [ordered[f::k] for f in range(k)]


@dataclass
class FoldScores:
    per_fold: list[dict[str, float]]

    def summary(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for metric in ("recall@10", "hit@3"):
            values = [f[metric] for f in self.per_fold]
            out[metric] = round(statistics.mean(values), 3)
            out[metric + " sd"] = round(statistics.pstdev(values), 3)
            out[metric + " min"] = min(values)
        return out


def cross_validate(
    results: Mapping[str, list[str]], expected: Mapping[str, list[str]], *, k: int = 5, always_shown: Shown = ()
) -> FoldScores:
    """Scores of fixed results per fold (for a ranker whose parameters were chosen by nested CV, see
    bench/tune_legal_ranking.py)."""
    return FoldScores(
        [evaluate(results, {i: expected[i] for i in fold}, always_shown) for fold in folds(list(expected), k)]
    )


def nested_cross_validate(
    settings: Sequence[Params],
    score: Callable[[Params, Sequence[str]], float],
    test: Callable[[Params, Sequence[str]], dict[str, float]],
    ids: Sequence[str],
    *,
    k: int = 5,
) -> list[tuple[Params, dict[str, float]]]:
    """For each fold: the setting with the best ``score`` on the other folds, and its ``test`` result on
    this fold. The test folds never influence the choice made for them."""
    out = []
    parts = folds(ids, k)
    for f, fold in enumerate(parts):
        train = [i for g, other in enumerate(parts) if g != f for i in other]
        best = max(settings, key=lambda s: score(s, train))
        out.append((best, test(best, fold)))
    return out


def case_query(case: Mapping) -> PlanQuery:
    """The ranker's input for a case of the legal-suggestions.yaml format (id, life_domains, situation,
    breakthrough, optional needs and tags). A case has no household members: children are read from the life
    domains and the text, as for a plan."""
    domains = tuple(case.get("life_domains") or ())
    texts = (case.get("situation") or "", case.get("breakthrough") or "", " ".join(case.get("needs") or ()))
    return PlanQuery(
        life_domains=domains,
        situation=texts[0],
        breakthrough=texts[1],
        needs=texts[2],
        tags=tuple(case.get("tags") or ()),
        minors=CHILD_DOMAIN in domains or any(mentions_minors(text) for text in texts),
    )


def with_params(**changes) -> Params:
    return replace(DEFAULT_PARAMS, **changes)
