"""Dutch text analysis for the suggestion ranker: normalise, tokenise, drop stop words, stem,
split compounds and map to thesaurus concepts. Pure Python (snowballstemmer), no Django imports,
so it behaves the same on SQLite and PostgreSQL.
"""

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

from .thesaurus import CONCEPTS, FIXED_EXPRESSIONS, QUERY_TRIGGERS

_STEMMER = snowballstemmer.stemmer("dutch")
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")

# Function words plus words that occur in nearly every plan and carry no legal signal.
STOP_WORDS = frozenset(
    """
    aan al alle alleen als alsnog altijd ander andere anders bij bijna binnen daar daardoor daarna daarom dan dat
    de deze die dit doen door dus een eens eerst en er eigen elk elke even geen gaat gaan ge gedaan geweest had
    heb hebben heeft hem hen het hier hij hoe hun ik in is ja je jij juist kan kon kunnen laat laten maar meer
    met mij mijn moet moeten na naar niet niets nog nooit nu of om omdat ons onze ook op over per te tegen toch
    tot tussen u uit van veel voor vanaf via volgens waar wat want was we wel werd weer wie wij wil wilt word
    worden wordt zal ze zelf zich zij zijn zo zodat zonder zou zouden sinds ruim krijgt krijgen zit zitten staat
    staan komt komen kunnen mag mogen gemeente euro jaar jaren maand maanden week weken dag dagen keer tijd
    twee drie vier vijf zes acht negen tien half eerste waarin waardoor ondanks terwijl zoals zowel meteen
    iemand iets elkaar sommige beide haar hem zijn wordt gaat deel delen kunnen graag daarvoor hierdoor
    """.split()
)


_FIXED = re.compile(r"\b(" + "|".join(re.escape(e) for e in FIXED_EXPRESSIONS) + r")\b")
# "18" is the legal turning point in youth care and income support; other numbers carry no signal.
_AGE_18 = re.compile(r"\b18(?:-jarige|-jarig|\+|-)?(?=\W|$)")
# Joined fixed expressions are never split again into their parts.
UNSPLITTABLE = frozenset(e.replace(" ", "") for e in FIXED_EXPRESSIONS)


_COMBINING = re.compile(r"[\u0300-\u036f]")


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Lower case, accents removed ('cliënt' -> 'client'), typographic dashes unified, fixed
    expressions joined into one word. Cached: a request analyses the same plan text several times."""
    text = unicodedata.normalize("NFKD", text.lower())
    if not text.isascii():
        text = _COMBINING.sub("", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch)) if not text.isascii() else text
    text = text.replace("\u2010", "-").replace("\u2013", "-").replace("\u2014", " ")
    text = _AGE_18.sub(" achttien ", text)
    return _FIXED.sub(lambda m: m.group(1).replace(" ", ""), text)


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Snowball Dutch stem, then a final d/t dropped so 'schuld'/'schulden' and 'kwijtschelden'/
    'kwijtschelding' meet (the Snowball stemmer treats those pairs differently)."""
    s = _STEMMER.stemWord(word)
    if len(s) > 4 and s[-1] in "dt":
        s = s[:-1]
    return s


def words(text: str) -> list[str]:
    """Content words of a text (normalised, hyphenated words also split), stop words removed."""
    out: list[str] = []
    for token in _WORD.findall(normalise(text)):
        parts = [token] if "-" not in token else [token.replace("-", ""), *token.split("-")]
        out.extend(p for p in parts if len(p) > 1 and p not in STOP_WORDS)
    return out


def stems(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


def all_words(text: str) -> list[str]:
    """Every word in order, stop words included (for matching multi-word phrases)."""
    return [w for w in _WORD.findall(normalise(text).replace("-", " ")) if w]


def all_stems(text: str) -> list[str]:
    return [stem(w) for w in all_words(text)]


class Analyser:
    """Turns text into weighted terms: stems (1.0), compound parts (0.5) and concepts (0.7).

    ``vocabulary`` holds the stems known from the article corpus and the thesaurus; a word not in it
    is split into two known parts when possible ('huurachterstand' -> 'huur' + 'achterstand').
    """

    PART_WEIGHT = 0.0
    CONCEPT_WEIGHT = 0.7
    TRIGGER_WEIGHT = 2.5

    def __init__(self, vocabulary: Iterable[str] = ()):
        self.single: dict[str, set[str]] = {}
        self.sequences: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.trigger_single: dict[str, set[str]] = {}
        self.trigger_sequences: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        concept_stems: set[str] = set()
        for source, single, sequences in (
            (CONCEPTS, self.single, self.sequences),
            (QUERY_TRIGGERS, self.trigger_single, self.trigger_sequences),
        ):
            for concept, entries in source.items():
                for entry in entries:
                    sequence = tuple(all_stems(entry))
                    if not sequence:
                        continue
                    concept_stems.update(s for s in sequence if s not in STOP_WORDS)
                    if len(sequence) == 1:
                        single.setdefault(sequence[0], set()).add(concept)
                    else:
                        sequences.setdefault(sequence[0], []).append((sequence, concept))
        self.vocabulary = frozenset(s for s in (*vocabulary, *concept_stems) if len(s) >= 3)
        self._split_cache: dict[str, tuple[str, ...]] = {}

    def split(self, word: str) -> tuple[str, ...]:
        """Two known parts of a compound word, or ()."""
        if word in self._split_cache:
            return self._split_cache[word]
        best: tuple[str, ...] = ()
        if len(word) >= 8 and word not in UNSPLITTABLE:
            for i in range(len(word) - 4, 3, -1):  # longest known head first
                head, tail = word[:i], word[i:]
                heads = [head, head[:-1]] if head.endswith("s") else [head]
                for h in heads:
                    head_stem = stem(h)
                    if head_stem not in self.vocabulary:
                        continue
                    tail_stem = stem(tail)
                    if tail_stem in self.vocabulary:
                        best = (head_stem, tail_stem)
                        break
                if best:
                    break
        self._split_cache[word] = best
        return best

    def _concepts(self, text: str, present: set[str], query: bool) -> dict[str, str]:
        """concept -> the word (or phrase) that triggered it."""
        found: dict[str, str] = {}
        tables = [(self.single, self.sequences)]
        if query:
            tables.append((self.trigger_single, self.trigger_sequences))
        sequence = all_stems(text)
        raw = all_words(text)
        for single, sequences in tables:
            for s in present:
                for concept in single.get(s, ()):
                    found.setdefault(concept, s)
            for i, first in enumerate(sequence):
                for phrase, concept in sequences.get(first, ()):
                    if concept not in found and tuple(sequence[i : i + len(phrase)]) == phrase:
                        found[concept] = " ".join(raw[i : i + len(phrase)])
        return found

    def analyse(self, text: str, *, query: bool = False) -> dict[str, float]:
        """term -> weight (max over occurrences) for one text. Concept terms start with '~'.
        With ``query`` the query-only triggers of the thesaurus apply as well."""
        terms: dict[str, float] = {}
        for word in words(text):
            s = stem(word)
            terms[s] = max(terms.get(s, 0.0), 1.0)
            for part in self.split(word):
                if part != s:
                    terms[part] = max(terms.get(part, 0.0), self.PART_WEIGHT)
        plain = self._concepts(text, set(terms), False)
        triggered = self._concepts(text, set(terms), True) if query else {}
        for concept in {**triggered, **plain}:
            trigger_only = concept not in plain
            terms["~" + concept] = self.TRIGGER_WEIGHT if trigger_only else self.CONCEPT_WEIGHT
        return terms

    def surface_words(self, text: str, *, query: bool = True) -> dict[str, str]:
        """term -> the first word in the text that produced it (to explain a suggestion)."""
        out: dict[str, str] = {}
        present: set[str] = set()
        for word in words(text):
            s = stem(word)
            present.add(s)
            out.setdefault(s, word)
            for part in self.split(word):
                out.setdefault(part, word)
        stem_to_word = dict(out)
        for concept, trigger in self._concepts(text, present, query).items():
            out.setdefault("~" + concept, stem_to_word.get(trigger, trigger))
        return out


def char_ngrams(text: str, n: int = 4) -> dict[str, int]:
    """Counts of the character n-grams of the content words, each word padded with '#' so beginnings and
    endings count ('#huur', 'uur#'). A second, spelling-tolerant view of a text for the ranker."""
    counts: dict[str, int] = {}
    for word in words(text):
        padded = f"#{word}#"
        if len(padded) <= n:
            counts[padded] = counts.get(padded, 0) + 1
            continue
        for i in range(len(padded) - n + 1):
            gram = padded[i : i + n]
            counts[gram] = counts.get(gram, 0) + 1
    return counts


# Words that say a child under 18 is part of the situation. Kind, kinderen and every compound with them
# (kinderopvang, kinderbijslag, pleegkind) and the words for an age group under 18; "zoon", "dochter",
# "jongen" and "meisje" only count with an age under 18 after them, because they are also said of adults.
_MINOR_WORD = re.compile(
    r"\b\w*(kind|kinderen|kindje|kindjes)\w*\b|\b(baby|babys|peuter|kleuter|tiener|puber|scholier|leerling"
    r"|minderjarig|jeugdige|zoontje|dochtertje)\w*\b"
)
_MINOR_AGE = re.compile(
    r"\b(?:zoon|zoons|dochter|dochters|jongen|meisje|broer|zus|zusje|broertje)\s+(?:van\s+)?(\d{1,2})\b"
    r"|\b(\d{1,2})[- ]?jarige?\b|\((\d{1,2})(?:\s*(?:,|en)\s*\d{1,2})*\)"
)


def mentions_minors(text: str) -> bool:
    """Whether a plan text speaks of a child under 18 ('twee kinderen (4 en 9)', 'haar zoon van 14')."""
    text = normalise(text or "")
    if _MINOR_WORD.search(text):
        return True
    for match in _MINOR_AGE.finditer(text):
        age = next(int(group) for group in match.groups() if group is not None)
        if age < 18:
            return True
    return False
