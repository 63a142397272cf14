"""Safe imports on the legal side: local ordinance CSV through the views as the functional admin posts it, the
national law base through the command, and the BWB XML import."""

import re
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from doorbraak.legal.constants import CSV_COLUMNS
from doorbraak.legal.loading import apply_law_rows, parse_law_csv
from doorbraak.legal.models import LegalArticle, LocalArticle, LocalImport

pytestmark = pytest.mark.django_db

HEADER = (
    "regulation_title;regulation_type;cvdr_id;article;heading;summary;kind;life_domains;keywords;valid_from;valid_until"
)
ROW_1 = (
    "Beleidsregels bijzondere bijstand;beleidsregel;CVDR1;4;Huurachterstand;Overname huurachterstand.;"
    "voorziening;wonen|schulden;huur|ontruiming;01-01-2024;"
)
ROW_2 = "Beleidsregels bijzondere bijstand;beleidsregel;CVDR1;9;;Afwijken kan.;hardheidsclausule;algemeen;;;"


def post_file(client, content: bytes, name="regels.csv"):
    return client.post(reverse("legal:local_import"), {"file": SimpleUploadedFile(name, content)})


def preview_and_confirm_fields(client, response):
    """Open the preview the upload redirected to and return (preview page, the confirm form's fields)."""
    page = client.get(response.url)
    html = page.content.decode()
    form = html[html.rindex("<form") : html.rindex("</form>")]
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    return page, fields


def test_semicolon_cp1252_csv_with_dutch_dates_is_imported(functional_admin, login):
    client = login(functional_admin)
    content = "\r\n".join([HEADER, ROW_1.replace("Overname", "Overname (één keer)"), ROW_2]).encode("cp1252")
    response = post_file(client, content)
    assert response.status_code == 302
    page, fields = preview_and_confirm_fields(client, response)
    assert "Overname (één keer) huurachterstand." in page.content.decode()
    assert client.post(response.url, fields).status_code == 302
    article = LocalArticle.objects.get(article="4")
    assert article.summary == "Overname (één keer) huurachterstand."
    assert article.life_domains == ["wonen", "schulden"] and article.keywords == ["huur", "ontruiming"]
    assert article.valid_from.isoformat() == "2024-01-01"
    assert LocalArticle.objects.get(article="9").heading == "Afwijken kan."


def test_replayed_confirm_and_back_button_store_nothing_new(functional_admin, login):
    client = login(functional_admin)
    response = post_file(client, "\n".join([HEADER, ROW_1, ROW_2]).encode())
    _page, fields = preview_and_confirm_fields(client, response)
    assert client.post(response.url, fields).status_code == 302
    before = list(LocalArticle.objects.values_list("pk", "version"))
    replay = client.post(response.url, fields, follow=True)
    assert replay.status_code == 200 and "al opgeslagen" in replay.content.decode()
    back = client.get(response.url, follow=True)
    assert "al opgeslagen" in back.content.decode()
    assert list(LocalArticle.objects.values_list("pk", "version")) == before


def test_confirm_is_single_use_in_the_service(functional_admin):
    from django.core.exceptions import ValidationError

    from doorbraak.legal import services

    organisation = functional_admin.membership.organisation
    staged = services.local_import_stage(
        actor=functional_admin, organisation=organisation, content="\n".join([HEADER, ROW_1]).encode()
    )
    services.local_import_confirm(actor=functional_admin, organisation=organisation, staged=staged)
    with pytest.raises(ValidationError, match="al opgeslagen"):
        services.local_import_confirm(actor=functional_admin, organisation=organisation, staged=staged)
    assert LocalArticle.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ((HEADER + "\n" + ROW_1.replace("Huurachterstand", "Huur\x00achterstand")).encode(), "Regel"),
        (b"\x00\x01\x02\x03\x04\x05" * 400, "geen tekstbestand"),
        ((HEADER + "\n").encode() + b"Regels;;;1;;caf\xc3\xa9 \xff;voorziening;;;;\n", "onleesbaar teken"),
    ],
    ids=["nul", "binary", "broken-utf8"],
)
def test_bad_files_give_a_dutch_message_and_store_nothing(functional_admin, login, content, fragment):
    client = login(functional_admin)
    response = post_file(client, content)
    if response.status_code == 302:  # row-level problems: shown on the preview, with the row number
        body = client.get(response.url).content.decode()
        assert "regels opslaan" not in body
    else:
        assert response.status_code == 400
        body = response.content.decode()
    assert fragment in body
    assert not LocalArticle.objects.exists()


def test_nul_row_is_reported_with_row_and_column(functional_admin, login):
    client = login(functional_admin)
    content = "\n".join([HEADER, ROW_2, ROW_1.replace("Huurachterstand", "Huur\x00achterstand")]).encode()
    staged = LocalImport.objects.get(pk=int(post_file(client, content).url.rstrip("/").rsplit("/", 1)[1]))
    assert staged.errors == [[3, "kolom 'heading': bevat een ongeldig teken (NUL); verwijder het"]]


def test_row_errors_name_row_and_column(functional_admin, login):
    client = login(functional_admin)
    bad = ROW_2.replace(";9;", ";10;").replace("hardheidsclausule", "onzin").replace(";;;", ";;0001-01-01;")
    content = "\n".join([HEADER, ROW_1, "", bad]).encode()
    staged = LocalImport.objects.get(pk=int(post_file(client, content).url.rstrip("/").rsplit("/", 1)[1]))
    assert [line for line, _ in staged.errors] == [4]
    message = staged.errors[0][1]
    assert "onbekende soort 'onzin'" in message and "valid_from 01-01-0001 ligt niet tussen" in message


def test_unknown_column_and_too_many_rows(functional_admin, login):
    client = login(functional_admin)
    staged = LocalImport.objects.get(
        pk=int(post_file(client, (HEADER + ";kleur\n" + ROW_1 + ";rood\n").encode()).url.rsplit("/", 2)[1])
    )
    assert staged.errors[0][0] == 1 and "Onbekende kolommen: kleur" in staged.errors[0][1]
    many = HEADER + "\n" + "\n".join(ROW_1.replace(";4;", f";{n};") for n in range(1, 2100))
    staged = LocalImport.objects.get(pk=int(post_file(client, many.encode()).url.rsplit("/", 2)[1]))
    assert staged.rows == [] and staged.errors == [
        [2002, "Het bestand heeft meer dan 2000 regels; splits het bestand. Er is niets ingelezen."]
    ]


def test_preview_equals_confirm(functional_admin, login):
    client = login(functional_admin)
    response = post_file(client, "\n".join([HEADER, ROW_1, ROW_2]).encode())
    staged = LocalImport.objects.get()
    previewed = {(r["article"], r["summary"], r["heading"], r["valid_from"]) for r in staged.rows}
    _page, fields = preview_and_confirm_fields(client, response)
    client.post(response.url, fields)
    stored = {
        (a.article, a.summary, a.heading, a.valid_from.isoformat() if a.valid_from else None)
        for a in LocalArticle.objects.all()
    }
    assert stored == previewed


# --- national law base ---------------------------------------------------------------------------------------
NATIONAL_HEADER = ",".join(CSV_COLUMNS)
NATIONAL_ROW = "Xw,Testwet,BWBR0000001,1,,Kop,Ruimte.,wonen,test,bevoegdheid,,partly"


@pytest.mark.parametrize(
    "content",
    [
        ("\ufeff" + NATIONAL_HEADER + "\n" + NATIONAL_ROW + "\n").encode(),
        (NATIONAL_HEADER + "\r\n" + NATIONAL_ROW.replace("Kop", "Kop é") + "\r\n").encode("cp1252"),
        (NATIONAL_HEADER.replace(",", ";") + "\n" + NATIONAL_ROW.replace(",", ";") + "\n").encode(),
    ],
    ids=["bom", "cp1252", "semicolon"],
)
def test_national_base_encodings_and_separators(tmp_path, content):
    path = tmp_path / "base.csv"
    path.write_bytes(content)
    out = StringIO()
    call_command("load_legal_articles", "--file", str(path), stdout=out, stderr=StringIO())
    assert "nieuw: 1" in out.getvalue()
    assert LegalArticle.objects.get(law_short="Xw").heading.startswith("Kop")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (NATIONAL_HEADER + ",kleur\n" + NATIONAL_ROW + ",rood\n", "regel 1: Onbekende kolommen: kleur"),
        (
            NATIONAL_HEADER + "\n" + NATIONAL_ROW + "\n" + NATIONAL_ROW + "\n",
            "regel 3: dit artikel/lid staat al eerder",
        ),
        (
            NATIONAL_HEADER + ",valid_from\n" + NATIONAL_ROW + ",31-12-9999\n",
            "regel 2: valid_from 31-12-9999 ligt niet",
        ),
        (
            NATIONAL_HEADER + "\n" + NATIONAL_ROW.replace("Kop", "K\x00p") + "\n",
            "regel 2: kolom 'heading': bevat een ongeldig teken (NUL)",
        ),
        (
            NATIONAL_HEADER + ",retired\n" + NATIONAL_ROW + ",misschien\n",
            "regel 2: 'retired' is geen datum en geen 'yes'",
        ),
    ],
    ids=["unknown-column", "duplicate", "date-range", "nul", "retired"],
)
def test_national_base_errors_name_the_row_and_store_nothing(tmp_path, content, message):
    path = tmp_path / "base.csv"
    path.write_text(content, encoding="utf-8")
    before = LegalArticle.objects.count()
    err = StringIO()
    with pytest.raises(CommandError, match="niets gewijzigd"):
        call_command("load_legal_articles", "--file", str(path), stdout=StringIO(), stderr=err)
    assert message in err.getvalue(), err.getvalue()
    assert LegalArticle.objects.count() == before


def test_national_rows_with_a_column_the_model_lacks_still_load():
    """The data migration runs on a historical model; a column added to the CSV later must not break it."""
    rows, errors = parse_law_csv((NATIONAL_HEADER + "\n" + NATIONAL_ROW + "\n").encode())
    assert not errors
    rows[0]["added_later"] = "tekst"
    report = apply_law_rows(LegalArticle, rows, today=timezone.localdate())
    assert report.created == 1


# --- BWB XML -------------------------------------------------------------------------------------------------
def run_xml(tmp_path, content: bytes) -> str:
    path = tmp_path / "wet.xml"
    path.write_bytes(content)
    out = StringIO()
    call_command("import_law_xml", "--file", str(path), stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"<toestand bwb-id='BWBR0005537'><wetgeving><artikel><kop><nr>1</nr></kop><al>a\x01b</al></artikel>"
            b"</wetgeving></toestand>",
            "geen geldige XML",
        ),
        (
            "<toestand bwb-id='BWBR0005537'><wetgeving><artikel><kop><nr>1</nr></kop><al>a\u0086b</al></artikel>"
            "</wetgeving></toestand>".encode(),
            "ongeldig teken",
        ),
        (
            b"<toestand bwb-id='BWBR0005537'><wetgeving>" + b"<a>" * 300 + b"</a>" * 300 + b"</wetgeving></toestand>",
            "te diep genest",
        ),
        (b"\xff\xfe\x00\x01binary\x00\x00", "geen geldige XML"),
    ],
    ids=["control-char", "c1-control", "too-deep", "binary"],
)
def test_law_xml_bad_documents_are_refused(tmp_path, content, message):
    before = list(LegalArticle.objects.values_list("pk", "version"))
    with pytest.raises(CommandError, match=message):
        run_xml(tmp_path, content)
    assert list(LegalArticle.objects.values_list("pk", "version")) == before


def test_law_xml_size_is_bounded(monkeypatch):
    from doorbraak.legal import bwb

    monkeypatch.setattr(bwb, "MAX_BYTES", 1000)
    with pytest.raises(bwb.BwbError, match="groter dan"):
        bwb.parse_toestand(b"<toestand bwb-id='BWBR0005537'>" + b" " * 1000 + b"</toestand>")
