"""Citation labels read as Dutch legal notation for every paragraph form in the shipped law base."""

import csv
from pathlib import Path

import pytest

from doorbraak.legal.notation import article_label, article_number, paragraph_notation

CSV = Path(__file__).resolve().parents[1] / "data" / "legal-articles.csv"

# Every distinct value of the `paragraph` column in legal-articles.csv, and how it reads.
EXPECTED = {
    "": "",
    "1": "lid 1",
    "2": "lid 2",
    "3": "lid 3",
    "4": "lid 4",
    "5": "lid 5",
    "7": "lid 7",
    "8": "lid 8",
    "9": "lid 9",
    "10": "lid 10",
    "11": "lid 11",
    "1;3": "lid 1 en 3",
    "1;4": "lid 1 en 4",
    "1;9": "lid 1 en 9",
    "1-2": "lid 1 en 2",
    "2-3": "lid 2 en 3",
    "3-4": "lid 3 en 4",
    "4-5": "lid 4 en 5",
    "1-3": "lid 1 tot en met 3",
    "1 onder a": "lid 1, onder a",
    "1 onder c": "lid 1, onder c",
    "1 onder e": "lid 1, onder e",
    "1 onder a en e": "lid 1, onder a en e",
    "2 onder a": "lid 2, onder a",
    "2 onder m": "lid 2, onder m",
    "onder a": "onder a",
}


def _csv_paragraphs() -> set[str]:
    with CSV.open(encoding="utf-8") as handle:
        return {row["paragraph"].strip() for row in csv.DictReader(handle)}


def test_table_covers_every_paragraph_form_in_the_data():
    assert _csv_paragraphs() <= set(EXPECTED), "new paragraph form in the CSV: add it to EXPECTED"


@pytest.mark.parametrize(("paragraph", "expected"), sorted(EXPECTED.items()))
def test_paragraph_notation(paragraph, expected):
    assert paragraph_notation(paragraph) == expected


@pytest.mark.parametrize("paragraph", sorted(_csv_paragraphs()))
def test_labels_of_the_data_have_no_raw_notation(paragraph):
    label = article_label("Wet X", "5", paragraph)
    assert ";" not in label and "-" not in label and "lid onder" not in label and "  " not in label


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [("1;3-5", "lid 1 en 3 tot en met 5"), ("2 onder a;b;c", "lid 2, onder a, b en c"), (" 1 ,2 ", "lid 1 en 2")],
)
def test_other_list_forms(paragraph, expected):
    assert paragraph_notation(paragraph) == expected


def test_article_label():
    assert article_label("AVG", "6", "1 onder a en e") == "AVG art. 6 lid 1, onder a en e"
    assert article_label("Lpw 1969", "5", "onder a") == "Lpw 1969 art. 5 onder a"
    assert article_label("Wet BRP", "2.40", "1;4") == "Wet BRP art. 2.40 lid 1 en 4"
    assert article_label("Pw", "35") == "Pw art. 35"


@pytest.mark.django_db
def test_model_labels_use_the_notation():
    from doorbraak.legal.models import Citation, LegalArticle

    article = LegalArticle.objects.get(law_short="Lpw 1969", paragraph="onder a")
    assert article.label == f"Lpw 1969 art. {article.article} onder a"
    citation = Citation(law_short="Wet BRP", article="2.40", paragraph="1;4")
    assert citation.label == "Wet BRP art. 2.40 lid 1 en 4"


def test_local_article_label_and_key_are_unchanged():
    from .factories import LocalArticleFactory

    local = LocalArticleFactory.build(regulation_title="Huisvestingsverordening Voorbeeldstad", article="2.5")
    assert local.label == str(local) == "Huisvestingsverordening Voorbeeldstad art. 2.5"
    assert local.key == "Huisvestingsverordening Voorbeeldstad 2.5"


# Every way an article number is typed into the form or a CSV: the word in front is dropped, never doubled.
ARTICLE_ENTRIES = {
    "12": "12",
    "art. 12": "12",
    "Art. 12": "12",
    "ART. 12": "12",
    "art 12": "12",
    "art.12": "12",
    "Art.  12": "12",
    "artikel 12": "12",
    "Artikel 12": "12",
    "Artikel12": "12",
    "artikelen 12 en 13": "12 en 13",
    "artt. 12": "12",
    "art. 12.": "12",
    "12.": "12",
    " art. 12 ": "12",
    "art. 12a": "12a",
    "Artikel 4:84": "4:84",
    "art. 2.5": "2.5",
    "artikel IV": "IV",
    "Art. VIII.": "VIII",
    "art. 12\u00a0": "12",
}


@pytest.mark.parametrize(("entered", "number"), ARTICLE_ENTRIES.items())
def test_article_number_drops_the_word_in_front(entered, number):
    assert article_number(entered) == number
    label = article_label("Verordening Voorbeeldstad", entered)
    assert label == f"Verordening Voorbeeldstad art. {number}"
    assert "art. art" not in label.lower() and "art. artikel" not in label.lower()


@pytest.mark.parametrize("text", ["Article 8", "Artis 3"])
def test_a_word_that_only_starts_like_art_is_kept(text):
    assert article_number(text) == text


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [("lid 2", "lid 2"), ("Lid 1 onder a", "lid 1, onder a"), ("leden 1 en 2", "lid 1 en 2"), ("lid. 3", "lid 3")],
)
def test_paragraph_entered_with_the_word_lid(paragraph, expected):
    assert paragraph_notation(paragraph) == expected


def test_older_rows_with_the_word_in_the_number_show_once():
    from .factories import LocalArticleFactory

    local = LocalArticleFactory.build(regulation_title="Beleidsregels Voorbeeldstad", article="art. 12")
    assert local.label == "Beleidsregels Voorbeeldstad art. 12"


@pytest.mark.django_db
@pytest.mark.parametrize("entered", ["art. 12", "Artikel 12", "art.12", "12"])
def test_local_article_form_stores_the_bare_number(entered, functional_admin, login):
    from django.urls import reverse

    from doorbraak.legal.models import LocalArticle
    from tests.pageforms import rendered_form

    client = login(functional_admin)
    form = rendered_form(client.get(reverse("legal:local_create")), action_contains="/lokaal/")
    response = form.submit(
        client,
        {
            "regulation_title": "Beleidsregels Voorbeeldstad",
            "article": entered,
            "heading": "Afwijken",
            "summary": "Het college kan afwijken.",
            "kind": "hardheidsclausule",
        },
    )
    assert response.status_code == 302
    local = LocalArticle.objects.get(regulation_title="Beleidsregels Voorbeeldstad")
    assert local.article == "12" and local.label == "Beleidsregels Voorbeeldstad art. 12"
    listing = client.get(reverse("legal:local_list")).content.decode()
    assert "art. 12" in listing and "art. art" not in listing


@pytest.mark.django_db
def test_local_article_form_refuses_only_the_word(functional_admin, login):
    from django.urls import reverse

    from tests.pageforms import rendered_form

    client = login(functional_admin)
    form = rendered_form(client.get(reverse("legal:local_create")), action_contains="/lokaal/")
    response = form.submit(
        client,
        {"regulation_title": "R", "article": "art.", "heading": "K", "summary": "S", "kind": "hardheidsclausule"},
    )
    assert response.status_code == 200
    assert "verplicht" in response.content.decode()


def test_csv_rows_store_the_bare_number():
    from doorbraak.legal.local_csv import parse_local_csv

    header = "regulation_title;article;summary;kind"
    rows, errors = parse_local_csv(
        f"{header}\nBeleidsregels;art. 12;Afwijken kan.;hardheidsclausule\nBeleidsregels;Artikel 13;Ook.;beginsel\n"
        "Beleidsregels;12;Dubbel.;beginsel\n"
    )
    assert [row["article"] for row in rows] == ["12", "13"]
    assert errors and "regel 2" in errors[0][1]  # "12" is the same article as "art. 12"
