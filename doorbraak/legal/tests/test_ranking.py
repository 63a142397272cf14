"""Table-driven tests of the pure ranker and text analysis (no database)."""

import pytest

from doorbraak.legal.drafting import DraftItem, draft_motivation
from doorbraak.legal.ranking import ArticleDoc, ArticleIndex, CoSelection, PlanQuery, evaluate, hit_at, recall_at
from doorbraak.legal.text import Analyser, stem, words

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


def test_general_grounds_take_the_last_places(index):
    result = [s.key for s in index.rank(PlanQuery(("schulden", "wonen"), "Ontruiming", "moratorium"), top=4)]
    assert result[0] == "Fw 287b"
    assert {"Awb 4:84", "Awb 3:4", "Gw 1"} <= set(result)


def test_co_selection_lifts_an_article_and_says_why(index):
    query = PlanQuery(("opvoeden_opgroeien", "inkomen"), "Gezin met zorgen.", "")
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
