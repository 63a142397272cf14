"""The household's version (B1): written from the structured fields in plain Dutch, the household's own words
kept, each cited article as one plain sentence, no bare codes or jargon. The PDF is rendered for real
(WeasyPrint) and read back with pypdf, as a household would read it. Readability: Dutch Flesch–Douma
(``textstat``), see README "De versie in eenvoudige taal" for the threshold and its source."""

import re
import statistics

import pytest
import textstat

from doorbraak.documents.plain import JARGON, article_sentences, jargon_left, plain_text
from doorbraak.documents.selectors import ExportOptions
from doorbraak.documents.services import plan_export

# Flesch–Douma: 60-70 is "normaal" (Douma 1960's norm table); the household's version must be at least that.
B1_THRESHOLD = 60
# One sentence scores noisily (a single long word weighs heavily); each article sentence must still be
# "tamelijk moeilijk" (45-60) at worst, and the law base as a whole B1.
SENTENCE_FLOOR = 45

BARE_CODE = re.compile(r"\b(?:art\.|artikel\s+\d|lid\s+\d|Pw|Awb|Wmo 2015|Jw|Fw|Zvw)\b")


def douma(text: str) -> float:
    textstat.set_lang("nl")
    return textstat.flesch_reading_ease(text)


STANDARD_SITUATION = (
    "Moeder (34) met een zoon van 14 en een dochter van 9. Huurachterstand van € 3.200; de corporatie heeft een "
    "ontruimingsvonnis en de deurwaarder heeft de ontruiming aangekondigd. Moeder heeft een depressie en is in "
    "behandeling bij de GGZ. De zoon verzuimt school; de leerplichtambtenaar is betrokken."
)
OWN_WORDS = '"Ik wil gewoon dat we in ons huis kunnen blijven en dat mijn zoon weer naar school gaat."'


@pytest.fixture
def standard_case(complete_plan, professional):
    """The standard case of issue 9: rent arrears with an eviction judgement, depression, a truanting son;
    breakthrough: the municipality pays the arrear through special assistance despite an earlier refusal."""
    from doorbraak.legal.models import Citation, LegalArticle
    from doorbraak.legal.services import citation_add
    from doorbraak.legal.tests.factories import LocalArticleFactory

    plan = complete_plan
    plan.situation = STANDARD_SITUATION
    plan.perspective = OWN_WORDS
    plan.breakthrough_description = "De gemeente betaalt de huurachterstand via bijzondere bijstand."
    plan.breakthrough_obstacle = (
        "De aanvraag voor bijzondere bijstand is eerder afgewezen; de beleidsregel sluit schulden uit."
    )
    plan.breakthrough_exception = (
        "Bijzondere bijstand als uitzondering op de beleidsregel, met een terugbetaalafspraak."
    )
    plan.breakthrough_grantor = "Teamleider Werk en Inkomen (mandaat bijzondere bijstand)"
    plan.save()
    Citation.objects.filter(plan=plan).delete()
    for law_short, article, paragraph in (("Pw", "35", "1"), ("Awb", "4:84", "")):
        national = LegalArticle.objects.get(law_short=law_short, article=article, paragraph=paragraph)
        citation_add(actor=professional, plan=plan, article=national, application="may", motivation="Past hier.")
    with_text = LocalArticleFactory(
        organisation=plan.organisation,
        regulation_title="Beleidsregels bijzondere bijstand Voorbeeldstad",
        article="art. 12",
        plain_language="De gemeente mag uw huurschuld betalen als u anders uw huis uit moet.",
    )
    without_text = LocalArticleFactory(organisation=plan.organisation, kind="hardheidsclausule", plain_language="")
    for local in (with_text, without_text):
        citation_add(actor=professional, plan=plan, article=local, application="hardship", motivation="Past hier.")
    return plan


def test_plain_pdf_is_written_from_the_fields_in_plain_words(standard_case, professional, pdf_text):
    text = pdf_text(plan_export(actor=professional, plan=standard_case, options=ExportOptions(plain=True)))
    # what is going on: the domains in everyday words and the professional's words without jargon
    assert "Het gaat over" in text and "uw huis" in text
    assert "besluit van de rechter dat u uw huis uit moet" in text
    assert "huisuitzetting" in text and "huurschuld" in text and "gaat niet naar school" in text
    # the household's own words stay theirs, word for word (jargon or not)
    assert OWN_WORDS in text
    # the breakthrough in one plain paragraph, and who decides
    assert "Eén stap maakt de rest mogelijk. De gemeente betaalt de huurschuld via extra geld van de gemeente." in text
    assert "Maar er is een probleem." in text and "Daarom vragen we om een uitzondering." in text
    assert "Dat besluit ligt bij: Teamleider Werk en Inkomen" in text
    # what will happen and who does what
    assert "Wat gaat er gebeuren? En wie doet wat?" in text and "Wie doet het?" in text
    # each cited article as one plain sentence: from the law base, the local rule's own text, or its kind
    assert "De gemeente kan u extra geld geven voor kosten die echt nodig zijn" in text  # Pw 35 lid 1
    assert "Pakt een eigen regel van de gemeente in uw bijzondere situatie veel te hard uit" in text  # Awb 4:84
    assert "De gemeente mag uw huurschuld betalen als u anders uw huis uit moet." in text
    assert "De gemeente mag van de regel afwijken als die voor u te hard uitpakt." in text
    # never a bare code or the jargon the professional wrote
    assert not BARE_CODE.search(text), BARE_CODE.search(text)
    for jargon in ("ontruimingsvonnis", "Huurachterstand", "verzuimt", "GGZ", "leerplichtambtenaar", "mandaat"):
        assert jargon not in text, jargon
    assert douma(text) >= B1_THRESHOLD


def test_the_full_version_keeps_the_professionals_words_and_codes(standard_case, professional, pdf_text):
    text = pdf_text(plan_export(actor=professional, plan=standard_case, options=ExportOptions()))
    assert "ontruimingsvonnis" in text and "Pw art. 35 lid 1" in text
    assert "Beleidsregels bijzondere bijstand Voorbeeldstad art. 12" in text  # not "art. art. 12"


@pytest.mark.parametrize(
    ("professional_text", "plain"),
    [
        (
            "De corporatie heeft een ontruimingsvonnis.",
            "De corporatie heeft een besluit van de rechter dat u uw huis uit moet.",
        ),
        ("Ontruiming dreigt; de achterstand groeit", "Huisuitzetting dreigt. De schuld groeit."),
        (
            "GGZ belt. Daarna de intake bij de GGZ-instelling.",
            "Psychische hulp belt. Daarna de kennismaking bij de praktijk voor psychische hulp.",
        ),
        ("Begeleiding door het FACT-team.", "Begeleiding door het team dat thuis helpt bij psychische klachten."),
        ("Een ontruimingsvonnisje", "Een ontruimingsvonnisje."),  # only whole words
    ],
)
def test_plain_text_swaps_whole_jargon_words(professional_text, plain):
    assert plain_text(professional_text) == plain


def test_every_plain_replacement_is_itself_free_of_jargon_and_plain():
    for jargon, plain in JARGON:
        assert not jargon_left(plain), (jargon, plain)
        assert plain == plain.strip() and plain, jargon


def test_article_sentences_never_repeat_and_always_say_something():
    sentences = article_sentences(
        [("Zin één.", "beginsel"), ("Zin één.", "verdrag"), ("", "onbekend"), ("", "verdrag")]
    )
    assert sentences[0] == "Zin één." and len(sentences) == len(set(sentences)) == 3


@pytest.mark.django_db
def test_the_law_base_has_a_plain_b1_sentence_for_every_article():
    from doorbraak.legal.models import LegalArticle

    scores = {}
    for article in LegalArticle.objects.all():
        text = article.plain_language
        assert text, f"{article.label}: no plain-language text"
        assert not BARE_CODE.search(text), (article.label, text)
        assert not jargon_left(text), (article.label, jargon_left(text))
        scores[article.label] = douma(text)
    low = {label: round(score) for label, score in scores.items() if score < SENTENCE_FLOOR}
    assert not low, low
    assert statistics.median(scores.values()) >= B1_THRESHOLD
