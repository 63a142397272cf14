"""Table-driven tests of the pure ranker and text analysis (no database)."""

from dataclasses import replace

import pytest

from doorbraak.legal.drafting import DraftItem, draft_motivation
from doorbraak.legal.ranking import (
    ArticleDoc,
    ArticleIndex,
    CoSelection,
    PlanQuery,
    case_query,
    cross_validate,
    evaluate,
    folds,
    hit_at,
    is_general_ground,
    nested_cross_validate,
    recall_at,
)
from doorbraak.legal.text import Analyser, char_ngrams, mentions_minors, stem, words

DOCS = [
    ArticleDoc(
        "n:1",
        "Pw 35",
        "Pw 35",
        "Bijzondere bijstand",
        "Vergoedt noodzakelijke kosten.",
        "voorziening",
        ("inkomen", "schulden"),
        ("bijzondere bijstand", "onverwachte kosten"),
    ),
    ArticleDoc(
        "n:2",
        "Fw 287b",
        "Fw 287b",
        "Voorlopige voorziening",
        "Moratorium om ontruiming te voorkomen.",
        "bevoegdheid",
        ("schulden", "wonen"),
        ("moratorium", "ontruiming voorkomen"),
    ),
    ArticleDoc(
        "n:3",
        "Awb 4:84",
        "Awb 4:84",
        "Afwijken van beleidsregels",
        "Afwijken bij bijzondere omstandigheden.",
        "hardheidsclausule",
        ("algemeen",),
        ("beleidsregel", "afwijken"),
    ),
    ArticleDoc(
        "n:4",
        "Wet BRP 2.41",
        "Wet BRP 2.41",
        "Briefadres om veiligheidsredenen",
        "Geheim adres.",
        "bevoegdheid",
        ("veiligheid_justitie", "wonen"),
        ("geheim adres", "huiselijk geweld"),
    ),
    ArticleDoc(
        "n:5", "Wet BRP 2.41", "Wet BRP 2.41 lid 2", "Tweede lid", "Nog een lid.", "bevoegdheid", ("wonen",), ("adres",)
    ),
    ArticleDoc(
        "n:6",
        "Jw 2.3",
        "Jw 2.3",
        "Voorzieningenplicht jeugdhulp",
        "Passende jeugdhulp.",
        "plicht_tot_maatwerk",
        ("opvoeden_opgroeien",),
        ("jeugdhulp", "opvoedproblemen"),
    ),
    ArticleDoc(
        "n:7",
        "Gw 1",
        "Gw 1",
        "Gelijke behandeling",
        "Discriminatieverbod.",
        "grondrecht",
        ("algemeen",),
        ("gelijke behandeling",),
    ),
    ArticleDoc(
        "n:8", "Awb 3:4", "Awb 3:4", "Evenredigheid", "Belangen wegen.", "beginsel", ("algemeen",), ("evenredigheid",)
    ),
]


@pytest.fixture(scope="module")
def index():
    return ArticleIndex(DOCS)


@pytest.mark.parametrize(
    ("query", "expected_first"),
    [
        (
            PlanQuery(("wonen", "schulden"), "Dreigende huisuitzetting na huurschuld.", "Moratorium aanvragen."),
            "Fw 287b",
        ),
        (PlanQuery(("inkomen",), "Geen geld voor een wasmachine.", "De gemeente betaalt de wasmachine."), "Pw 35"),
        (
            PlanQuery(("veiligheid_justitie",), "Vrouw ontvlucht huiselijk geweld.", "Een geheim adres regelen."),
            "Wet BRP 2.41",
        ),
        (PlanQuery(("opvoeden_opgroeien",), "Zoon met driftbuien, opvoedhulp nodig.", "Jeugdhulp starten."), "Jw 2.3"),
    ],
)
def test_best_article_comes_first(index, query, expected_first):
    assert index.rank(query, top=3)[0].key == expected_first


def test_synonym_from_thesaurus_explains_the_match(index):
    result = index.rank(PlanQuery(("wonen",), "Huisuitzetting dreigt.", ""), top=None)
    fw = next(s for s in result if s.key == "Fw 287b")
    assert "huisuitzetting" in fw.words
    assert fw.domains == ["wonen"]


def test_medical_treatment_does_not_match_equal_treatment(index):
    result = index.rank(PlanQuery((), "Behandeling in een kliniek voor haar verslaving.", ""), top=None)
    gw1 = next(s for s in result if s.key == "Gw 1")
    assert gw1.words == []


def test_rows_of_one_article_are_one_suggestion(index):
    keys = [s.key for s in index.rank(PlanQuery(("wonen",), "Geheim adres nodig", ""), top=None)]
    assert keys.count("Wet BRP 2.41") == 1


def test_general_grounds_are_a_fixed_panel_not_ranked(index):
    """Issue 11 replaced the forced 'general ground' slots: Awb 4:84 and 3:4 (principle or hardship clause
    with only the domain 'algemeen') leave the list for the panel; Gw 1 (a right) is ranked on merit."""
    result = [s.key for s in index.rank(PlanQuery(("schulden", "wonen"), "Ontruiming", "moratorium"), top=None)]
    assert result[0] == "Fw 287b"
    assert "Awb 4:84" not in result and "Awb 3:4" not in result and "Gw 1" in result
    assert [a.key for a in index.general_grounds()] == ["Awb 3:4", "Awb 4:84"]
    assert len(index) == len(DOCS)


@pytest.mark.parametrize(
    ("kind", "domains", "general"),
    [
        ("beginsel", ("algemeen",), True),
        ("hardheidsclausule", ("algemeen",), True),
        ("hardheidsclausule", ("algemeen", "wonen"), False),
        ("grondrecht", ("algemeen",), False),
        ("voorziening", ("algemeen",), False),
    ],
)
def test_which_articles_are_general_grounds(kind, domains, general):
    assert is_general_ground(ArticleDoc("n:9", "X 1", "X 1", "Kop", "Tekst.", kind, domains)) is general


def test_kind_has_no_prior():
    """Two articles that differ only in kind score the same."""
    docs = [
        ArticleDoc(
            "n:1", "A 1", "A 1", "Kwijtschelding", "Kwijtschelding van belasting.", "bevoegdheid", ("schulden",)
        ),
        ArticleDoc("n:2", "B 1", "B 1", "Kwijtschelding", "Kwijtschelding van belasting.", "grondrecht", ("schulden",)),
    ]
    ranked = ArticleIndex(docs).rank(PlanQuery(("schulden",), "Kwijtschelding nodig.", ""), top=None)
    assert ranked[0].score == ranked[1].score


SITUATION_DOCS = [
    ArticleDoc(
        "n:1",
        "Pw 52",
        "Pw 52",
        "Voorschot",
        "Het college verstrekt een voorschot op de bijstand.",
        "plicht_tot_maatwerk",
        ("inkomen",),
        ("voorschot",),
        situations="Iemand heeft de aanvraag gedaan maar krijgt pas over weken geld. Er is geen eten in huis.",
    ),
    ArticleDoc("n:2", "Pw 35", "Pw 35", "Bijzondere bijstand", "Noodzakelijke kosten.", "voorziening", ("inkomen",)),
]


def test_situations_are_searched_and_the_matching_sentence_is_the_reason():
    index = ArticleIndex(SITUATION_DOCS)
    ranked = index.rank(PlanQuery(("inkomen",), "Ze heeft geen eten in huis sinds de aanvraag.", ""), top=None)
    assert ranked[0].key == "Pw 52"
    assert ranked[0].situation == "Er is geen eten in huis."
    assert ranked[1].situation == ""  # no situations text: no sentence


def test_empty_situations_are_harmless():
    docs = [ArticleDoc(*d.__dict__.values()) for d in SITUATION_DOCS]  # same rows
    docs[0] = ArticleDoc("n:1", "Pw 52", "Pw 52", "Voorschot", "Voorschot op de bijstand.", "bevoegdheid", ("inkomen",))
    ranked = ArticleIndex(docs).rank(PlanQuery(("inkomen",), "Voorschot nodig.", ""), top=None)
    assert ranked[0].key == "Pw 52" and ranked[0].situation == ""


def test_character_ngrams_match_inflections_the_stemmer_misses():
    docs = [
        ArticleDoc("n:1", "A 1", "A 1", "Uithuisplaatsing", "Bij een uithuisplaatsing.", "bevoegdheid", ("wonen",)),
        ArticleDoc("n:2", "B 1", "B 1", "Huisvesting", "Een woning zoeken.", "bevoegdheid", ("wonen",)),
    ]
    with_grams = ArticleIndex(docs).rank(PlanQuery((), "De kinderen zijn uithuisgeplaatst.", ""), top=None)
    assert with_grams[0].key == "A 1"
    assert char_ngrams("huur", 3) == {"#hu": 1, "huu": 1, "uur": 1, "ur#": 1}
    assert char_ngrams("de", 4) == {}  # stop words carry no n-grams


def test_co_selection_lifts_an_article_and_says_why(index):
    # Issue 11: without the forced general slots Pw 35 was already second for the old query (domains
    # opvoeden_opgroeien + inkomen), so nothing was left to overtake; with one domain it starts lower.
    query = PlanQuery(("opvoeden_opgroeien",), "Gezin met zorgen.", "")
    without = [s.key for s in index.rank(query, top=None)]
    co = {"Pw 35": CoSelection(chosen=8, out_of=10, tag="Huurachterstand")}
    with_co = index.rank(query, top=None, co_selection=co)
    assert [s.key for s in with_co].index("Pw 35") < without.index("Pw 35")
    assert next(s for s in with_co if s.key == "Pw 35").co_selection.chosen == 8


def test_too_little_support_is_ignored(index):
    query = PlanQuery(("inkomen",), "Gezin met zorgen.", "")
    base = {s.key: s.score for s in index.rank(query, top=None)}
    weak = {s.key: s.score for s in index.rank(query, top=None, co_selection={"Pw 35": CoSelection(2, 2, "x")})}
    assert weak["Pw 35"] == base["Pw 35"]


@pytest.mark.parametrize(
    ("local", "national", "expected_share"),
    [
        (None, None, 0.0),
        (CoSelection(6, 10), None, 0.6),  # only the municipality's own pattern
        (None, CoSelection(40, 50), 0.8),  # a new municipality follows the national pattern
        (CoSelection(0, 2), CoSelection(40, 50), 0.8),  # too few own plans: national
        (CoSelection(0, 20), CoSelection(40, 50), 0.4),  # own pattern and national weigh 20 plans each
        (CoSelection(0, 980), CoSelection(800, 1000), 0.016),  # a mature municipality follows its own
    ],
)
def test_co_selection_blends_own_and_national_pattern(index, local, national, expected_share):
    assert index._co_share(local, national) == pytest.approx(expected_share)


def test_national_pattern_lifts_an_article_for_a_new_municipality(index):
    query = PlanQuery(("opvoeden_opgroeien",), "Gezin met zorgen.", "")
    without = [s.key for s in index.rank(query, top=None)]
    national = {"Pw 35": CoSelection(chosen=30, out_of=40, tag="Huurachterstand")}
    lifted = index.rank(query, top=None, national_co_selection=national)
    assert [s.key for s in lifted].index("Pw 35") < without.index("Pw 35")
    assert next(s for s in lifted if s.key == "Pw 35").national_co_selection.chosen == 30


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Kinderen en ouders", ["kinderen", "ouders"]), ("de cliënt is 18", ["client", "achttien"]), ("", [])],
)
def test_words(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize(
    ("a", "b"), [("schuld", "schulden"), ("kwijtschelden", "kwijtschelding"), ("ontruiming", "ontruimen")]
)
def test_stem_meets_inflections(a, b):
    assert stem(a) == stem(b)


def test_compound_split_uses_known_parts():
    analyser = Analyser({stem("huur"), stem("achterstand")})
    assert analyser.split("huurachterstand") == (stem("huur"), stem("achterstand"))
    assert analyser.split("kat") == ()


def test_query_trigger_only_applies_to_plans():
    analyser = Analyser()
    assert "~geldelijke_steun" in analyser.analyse("De gemeente betaalt het", query=True)
    assert "~geldelijke_steun" not in analyser.analyse("De gemeente betaalt het")


def test_recall_counts_the_always_shown_panel_but_hit_does_not():
    assert recall_at(["a", "b"], ["a", "g"], 10, always_shown=["g"]) == 1.0
    assert evaluate({"c": ["b", "c", "d"]}, {"c": ["g"]}, ["g"]) == {"recall@10": 1.0, "hit@3": 0.0, "cases": 1}


def test_folds_are_deterministic_and_partition_the_cases():
    ids = [f"case-{n}" for n in range(23)]
    parts = folds(ids, 5)
    assert parts == folds(list(reversed(ids)), 5)
    assert sorted(i for p in parts for i in p) == sorted(ids)
    assert [len(p) for p in parts] == [5, 5, 5, 4, 4]


def test_cross_validation_reports_each_fold_and_nested_cv_never_sees_the_test_fold():
    expected = {f"c{n}": ["a"] for n in range(10)}
    results = {i: (["a"] if n % 2 else ["b"]) for n, i in enumerate(expected)}
    scores = cross_validate(results, expected, k=5)
    assert len(scores.per_fold) == 5
    assert scores.summary()["recall@10"] == 0.5
    seen = []

    def score(setting, train):
        seen.append((setting, set(train)))
        return setting

    out = nested_cross_validate([1, 2], score, lambda s, ids: {"ids": set(ids)}, list(expected), k=5)
    for (_, result), (_, train) in zip(out, seen[::2], strict=True):
        assert not (result["ids"] & train)
    assert [best for best, _ in out] == [2] * 5


@pytest.mark.parametrize(
    ("ranked", "expected", "k", "recall", "hit"),
    [(["a", "b", "c"], ["a", "x"], 3, 0.5, True), (["b", "c", "d", "a"], ["a"], 3, 0.0, False)],
)
def test_metrics(ranked, expected, k, recall, hit):
    assert recall_at(ranked, expected, k) == recall
    assert hit_at(ranked, expected, k) is hit
    assert evaluate({"c": ranked}, {"c": expected})["cases"] == 1


def test_draft_motivation_names_every_article():
    text = draft_motivation(
        [
            DraftItem("Pw 35", "Bijzondere bijstand", "must", "kosten zijn noodzakelijk"),
            DraftItem("Awb 4:84", "Afwijken", "hardship"),
        ],
        exception="huurachterstand betalen",
    )
    assert "Pw 35" in text and "Awb 4:84" in text and "huurachterstand betalen" in text
    assert draft_motivation([]) == ""


# The child's best interests (IVRK 3) in the panel for a household with children --------------------------------
CHILD_RIGHT = ArticleDoc(
    "n:20",
    "IVRK 3",
    "IVRK art. 3",
    "Belang van het kind",
    "Het belang van het kind weegt mee.",
    "verdrag",
    ("opvoeden_opgroeien", "algemeen"),
    ("belang van het kind",),
)


def test_the_childs_best_interests_join_the_panel_only_for_a_household_with_children():
    index = ArticleIndex([*DOCS, CHILD_RIGHT])
    general = [a.key for a in index.general_grounds()]
    query = PlanQuery(("schulden", "wonen"), "Huurschuld, ontruiming dreigt.", "moratorium")
    assert [a.key for a in index.panel(query)] == general
    with_children = replace(query, minors=True)
    assert [a.key for a in index.panel(with_children)] == [*general, "IVRK 3"]
    # it stays a ranked article too; when the list holds it, the panel does not repeat it
    assert "IVRK 3" in [s.key for s in index.rank(with_children, top=None)]
    assert [a.key for a in index.panel(with_children, listed=["IVRK 3"])] == general


@pytest.mark.parametrize(
    ("text", "minors"),
    [
        ("Alleenstaande moeder met twee kinderen (4 en 9).", True),
        ("Haar zoon van 14 spijbelt al maanden.", True),
        ("Een 15-jarige die thuis zit.", True),
        ("Ze zoekt kinderopvang om te kunnen werken.", True),
        ("Een peuter en een baby in een te kleine woning.", True),
        ("Jongen van 19 slaapt in de nachtopvang.", False),
        ("Haar zoon van 30 is verslaafd en woont nog thuis.", False),
        ("Man van 46 slaapt bij vrienden op de bank.", False),
        ("Vrouw (52) met schulden bij de zorgverzekeraar.", False),
    ],
)
def test_children_are_read_from_the_plan_text(text, minors):
    assert mentions_minors(text) is minors


def test_a_case_concerns_children_by_its_domain_or_its_text():
    assert case_query({"life_domains": ["opvoeden_opgroeien"], "situation": "Ouders met ruzie."}).minors
    assert case_query({"life_domains": ["wonen"], "situation": "Moeder met een dochter van 8."}).minors
    assert not case_query({"life_domains": ["wonen"], "situation": "Man van 60 zonder huis."}).minors


def test_recall_reads_each_cases_own_panel():
    expected = {"a": ["IVRK 3", "Pw 35"], "b": ["Pw 35"]}
    results = {"a": ["Pw 35"], "b": ["Pw 35"]}
    assert evaluate(results, expected, {"a": ["IVRK 3"]})["recall@10"] == 1.0
    assert evaluate(results, expected, {"b": ["IVRK 3"]})["recall@10"] == 0.75
