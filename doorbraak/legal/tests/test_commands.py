import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from doorbraak.legal.constants import CSV_COLUMNS
from doorbraak.legal.models import LegalArticle
from doorbraak.legal.ranking import cross_validate, evaluate

DATA = Path(__file__).parent / "data"
HEADER = ",".join(CSV_COLUMNS)


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def cases(name):
    import yaml

    return yaml.safe_load((DATA / name).read_text())["cases"]


def general_keys() -> list[str]:
    from doorbraak.legal.suggestions import article_index

    return [a.key for a in article_index().general_grounds()]


def panels_of(output) -> dict[str, list[str]]:
    """Each case's panel from the printed lists: the ten specific suggestions come first, then the panel as on
    the page: the general grounds, and IVRK 3 for a household with children when it is not in the ten."""
    general = list(dict.fromkeys(general_keys()))
    panels = {}
    for case_id, keys in output.items():
        assert len(keys[:10]) == 10 and not set(keys[:10]) & set(general)
        assert keys[10 : 10 + len(general)] == general
        extra = keys[10 + len(general) :]
        assert extra in ([], ["IVRK 3"]) and not (extra and "IVRK 3" in keys[:10])
        panels[case_id] = keys[10:]
    return panels


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "min_recall", "min_hit"),
    [
        ("legal-suggestions.yaml", 0.85, 0.9),
        # Held-out floors sit a few points under the measured scores (0.871 / 0.718, hit@3 1.0), so a
        # regression on cases the ranker was not tuned on shows up. Since issue 11 recall@10 counts the
        # always-shown general grounds panel (Awb 3:2, 3:4, 3:46, 4:84) as shown: now 0.874 / 0.840 / 0.914.
        ("legal-suggestions-heldout.yaml", 0.8, 0.85),
        ("legal-suggestions-heldout2.yaml", 0.68, 0.9),
    ],
)
def test_suggest_articles_quality(name, min_recall, min_hit):
    output = json.loads(run("suggest_articles", "--case-file", str(DATA / name), "--top", "10", "--format", "json"))
    expected = {c["id"]: c["expected"] for c in cases(name)}
    assert set(output) == set(expected)
    panels = panels_of(output)
    scores = evaluate(output, expected, panels)
    assert scores["recall@10"] >= min_recall, scores
    assert scores["hit@3"] >= min_hit, scores


DEVELOPMENT = ("legal-suggestions.yaml", "legal-suggestions-more.yaml")


@pytest.mark.django_db
def test_cross_validated_quality_on_the_50_development_cases():
    """The guard of issue 11: mean over 5 deterministic folds of the 50 development cases. Measured
    0.847 (sd 0.048) / hit@3 0.98 with IVRK 3 in the panel for households with children (0.826 before); the
    floor sits under it. The nested cross-validation (bench/tune_legal_ranking.py) estimates 0.817 on unseen
    cases; the target is 0.9."""
    args = [a for name in DEVELOPMENT for a in ("--case-file", str(DATA / name))]
    output = json.loads(run("suggest_articles", *args, "--top", "10", "--format", "json"))
    expected = {c["id"]: c["expected"] for name in DEVELOPMENT for c in cases(name)}
    assert len(expected) == 50 and set(output) == set(expected)
    summary = cross_validate(output, expected, k=5, always_shown=panels_of(output)).summary()
    assert summary["recall@10"] >= 0.83, summary
    assert summary["hit@3"] >= 0.95, summary


@pytest.mark.django_db
def test_evaluate_prints_per_fold_figures():
    err = StringIO()
    args = [a for name in DEVELOPMENT for a in ("--case-file", str(DATA / name))]
    call_command("suggest_articles", *args, "--evaluate", stdout=StringIO(), stderr=err)
    text = err.getvalue()
    assert all(f"fold {n}:" in text for n in range(1, 6)), text
    assert "gemiddelde over 5 folds: recall@10" in text and "Awb 4:84" in text
    # Deterministic folds: the same split on every run.
    err2 = StringIO()
    call_command("suggest_articles", *args, "--evaluate", stdout=StringIO(), stderr=err2)
    assert err2.getvalue() == text


@pytest.mark.django_db
def test_suggest_articles_bad_case_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("cases: [ {situation: zonder id} ]")
    with pytest.raises(CommandError):
        run("suggest_articles", "--case-file", str(bad))


@pytest.mark.django_db
def test_migration_loaded_the_base():
    assert LegalArticle.objects.count() == 132
    awb = LegalArticle.objects.get(law_short="Awb", article="4:84")
    assert awb.canonical_url == "https://wetten.overheid.nl/jci1.3:c:BWBR0005537&artikel=4:84"
    avg = LegalArticle.objects.get(law_short="AVG", article="6")
    assert avg.canonical_url == avg.source_url and avg.source_url.startswith("https://")


@pytest.mark.django_db
def test_load_reports_changes_and_retires(tmp_path):
    row = "Awb,Algemene wet bestuursrecht,BWBR0005537,3:2,,Nieuwe kop,Ruimte.,algemeen,onderzoek,beginsel,,yes"
    new = "Xw,Testwet,BWBR0000001,1,,Kop,Ruimte.,wonen,test,bevoegdheid,,partly"
    path = tmp_path / "base.csv"
    path.write_text("\n".join([HEADER, row, new]) + "\n")
    output = run("load_legal_articles", "--file", str(path), "--retire-missing")
    assert "nieuw: 1, bijgewerkt: 1, ongewijzigd: 0, ingetrokken: 131" in output
    awb = LegalArticle.objects.get(law_short="Awb", article="3:2")
    assert awb.heading == "Nieuwe kop" and awb.version == 2
    assert LegalArticle.objects.filter(retired_at__isnull=False).count() == 131
    assert "ongewijzigd: 2" in run("load_legal_articles", "--file", str(path))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("law_short,article\nAwb,1\n", "Kolommen ontbreken"),
        (HEADER + "\nAwb,Awb,,1,,Kop,Ruimte.,maan,x,beginsel,,yes\n", "regel 2: onbekend leefgebied"),
        (HEADER + "\nAwb,Awb,,1,,Kop,Ruimte.,wonen,x,onzin,,yes\n", "onbekende soort"),
        (HEADER + "\nAwb,Awb,,1,,,Ruimte.,wonen,x,beginsel,,yes\n", "'heading' is leeg"),
    ],
)
def test_load_malformed_csv_changes_nothing(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    # A valid row first: it must not be stored either.
    path.write_text(content)
    before = list(LegalArticle.objects.order_by("pk").values_list("pk", "version", "heading"))
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("load_legal_articles", "--file", str(path), stdout=StringIO(), stderr=err)
    assert message in err.getvalue() or message == "Kolommen ontbreken"
    assert list(LegalArticle.objects.order_by("pk").values_list("pk", "version", "heading")) == before


@pytest.mark.django_db
def test_import_law_xml_attaches_text():
    output = run("import_law_xml", "--file", str(DATA / "awb-toestand-fragment.xml"), "--bwb-id", "BWBR0005537")
    assert "bijgewerkt" in output
    article = LegalArticle.objects.get(law_short="Awb", article="4:84")
    assert "a. onevenredig zijn" in article.full_text
    assert article.full_text_date.isoformat() == "2024-01-01"
    assert article.version == 2
    proportionality = LegalArticle.objects.get(law_short="Awb", article="3:4")
    assert proportionality.full_text.startswith("1. Het bestuur weegt")
    assert "2. De nadelige gevolgen" in proportionality.full_text
    assert "jci" not in LegalArticle.objects.get(law_short="Awb", article="3:2").full_text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<toestand bwb-id='BWBR0005537'><wetgeving><artikel>", "geen geldige XML"),
        ("<cvdr><artikel/></cvdr>", "Onbekend formaat"),
        ("<toestand><wetgeving/></toestand>", "geen geldig bwb-id"),
        ("<toestand bwb-id='BWBR0005537'><iets/></toestand>", "geen <wetgeving>"),
        ('<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x "y">]><toestand bwb-id="BWBR0005537"/>', "DOCTYPE"),
        (
            "<toestand bwb-id='BWBR9999999'><wetgeving><artikel><kop><nr>1</nr></kop><al>x</al></artikel>"
            "</wetgeving></toestand>",
            "geen artikelen met BWB-id",
        ),
    ],
)
def test_import_law_xml_rejects_bad_files(tmp_path, content, message):
    path = tmp_path / "law.xml"
    path.write_text(content)
    before = list(LegalArticle.objects.values_list("pk", "full_text", "version"))
    with pytest.raises(CommandError, match=message):
        run("import_law_xml", "--file", str(path))
    assert list(LegalArticle.objects.values_list("pk", "full_text", "version")) == before


@pytest.mark.django_db
def test_import_law_xml_wrong_bwb_id():
    with pytest.raises(CommandError, match="niet BWBR0015703"):
        run("import_law_xml", "--file", str(DATA / "awb-toestand-fragment.xml"), "--bwb-id", "BWBR0015703")


@pytest.mark.django_db
def test_load_reports_changes_of_situations_and_plain_language(tmp_path):
    """The optional columns situations and plain_language are loaded and a change of them is reported."""
    header = HEADER + ",situations,plain_language"
    base = "Awb,Algemene wet bestuursrecht,BWBR0005537,3:2,,Kop,Ruimte.,algemeen,onderzoek,beginsel,,yes"
    path = tmp_path / "base.csv"
    path.write_text(f'{header}\n{base},"Niemand heeft met haar gesproken. De brief is standaard.",Eerst luisteren.\n')
    assert "bijgewerkt: 1" in run("load_legal_articles", "--file", str(path))
    awb = LegalArticle.objects.get(law_short="Awb", article="3:2")
    assert awb.situations.startswith("Niemand heeft") and awb.plain_language == "Eerst luisteren."
    assert "ongewijzigd: 1" in run("load_legal_articles", "--file", str(path))
    path.write_text(f'{header}\n{base},"Niemand heeft met haar gesproken.",Eerst luisteren.\n')
    assert "bijgewerkt: 1" in run("load_legal_articles", "--file", str(path))
    # Without the columns the file still loads (they are optional) and leaves the texts empty.
    path.write_text(f"{HEADER}\n{base}\n")
    assert "bijgewerkt: 1" in run("load_legal_articles", "--file", str(path))
    assert LegalArticle.objects.get(law_short="Awb", article="3:2").situations == ""
