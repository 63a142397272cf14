"""Tariff uploads: preview with row-level Dutch errors, all-or-nothing confirm, CSV and XLSX."""

import io
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from doorbraak.costs.models import Tariff, TariffSet

pytestmark = pytest.mark.django_db

GOOD_CSV = (
    "code;naam;eenheid;tarief;geldig_vanaf;geldig_tot;financieringsstroom;verzilverbaar\n"
    "wmo_begeleiding_individueel;;uur;68,50;01-01-2025;31-12-2025;;\n"
    "eigen_maatjes;Maatjesproject;traject;1.250,00;01-01-2025;;gemeente_overig;nee\n"
)
BAD_CSV = (
    "code,naam,eenheid,tarief,geldig_vanaf,geldig_tot,financieringsstroom,verzilverbaar\n"
    "wmo_begeleiding_individueel,,uur,68.50,2025-01-01,,,\n"
    "wmo_begeleiding_individueel,,dag,abc,2025-13-01,,,misschien\n"
    "eigen_zonder_naam,,,10,2025-01-01,2024-01-01,onbekend,\n"
)


def upload(client, name, content, **extra):
    data = {
        "kind": "municipal",
        "name": "Inkoop 2025",
        "default_valid_from": "2025-01-01",
        "file": SimpleUploadedFile(name, content),
    }
    data.update(extra)
    return client.post(reverse("costs:tariff_upload"), data)


def confirm(client, response):
    payload = re.search(r'name="payload" value="([^"]+)"', response.content.decode()).group(1)
    return client.post(reverse("costs:tariff_confirm"), {"payload": payload})


def test_csv_preview_then_confirm(functional_admin, login):
    client = login(functional_admin)
    response = upload(client, "tarieven.csv", GOOD_CSV.encode())
    assert response.status_code == 200
    assert not TariffSet.objects.exists()  # preview stores nothing
    assert confirm(client, response).status_code == 302
    tariffs = Tariff.objects.order_by("code")
    assert tariffs.count() == 2
    own = tariffs.get(code="eigen_maatjes")
    assert own.item is None and own.amount == Decimal("1250.00") and not own.cashable
    mapped = tariffs.get(code="wmo_begeleiding_individueel")
    assert mapped.item.code == "wmo_begeleiding_individueel" and mapped.funding_stream == "wmo"


def test_bad_rows_give_dutch_errors_and_store_nothing(functional_admin, login):
    client = login(functional_admin)
    response = upload(client, "tarieven.csv", BAD_CSV.encode())
    body = response.content.decode()
    assert response.status_code == 400
    assert "Regel 3" in body and "is geen bedrag" in body and "wijkt af van de prijslijst" in body
    assert "verzilverbaar moet ja of nee zijn" in body
    assert "Regel 4" in body and "eigen post zonder naam" in body and "onbekende financieringsstroom" in body
    assert "geldig tot ligt vóór geldig vanaf" in body
    assert 'name="payload"' not in body
    assert not TariffSet.objects.exists() and not Tariff.objects.exists()


def test_xlsx_upload(functional_admin, login):
    wb = Workbook()
    ws = wb.active
    ws.append(["code", "naam", "eenheid", "tarief", "geldig_vanaf"])
    ws.append(["jw_ambulant_hbo", None, "uur", 80.25, None])
    buffer = io.BytesIO()
    wb.save(buffer)
    client = login(functional_admin)
    response = upload(client, "tarieven.xlsx", buffer.getvalue())
    assert response.status_code == 200
    confirm(client, response)
    assert Tariff.objects.get().amount == Decimal("80.25")


def test_tampered_or_foreign_payload_rejected(functional_admin, outsider_admin, login):
    client = login(functional_admin)
    response = upload(client, "tarieven.csv", GOOD_CSV.encode())
    # another municipality's admin cannot replay this payload into their own municipality
    other = login(outsider_admin)
    payload = re.search(r'name="payload" value="([^"]+)"', response.content.decode()).group(1)
    assert other.post(reverse("costs:tariff_confirm"), {"payload": payload}).status_code == 403
    assert login(functional_admin).post(reverse("costs:tariff_confirm"), {"payload": payload + "x"}).status_code == 302
    assert not TariffSet.objects.exists()


def test_upload_requires_functional_admin(professional, login):
    assert login(professional).post(reverse("costs:tariff_confirm"), {"payload": "x"}).status_code == 403


def test_service_is_all_or_nothing(functional_admin):
    from django.core.exceptions import ValidationError

    from doorbraak.costs.services.tariffs import tariff_set_import

    rows = [
        {
            "code": "a",
            "name": "A",
            "unit": "uur",
            "amount": "1.00",
            "valid_from": "2025-01-01",
            "valid_until": "",
            "funding_stream": "wmo",
            "cashable": True,
        },
        {
            "code": "b",
            "name": "B",
            "unit": "uur",
            "amount": "1.00",
            "valid_from": "2025-01-01",
            "valid_until": "",
            "funding_stream": "niet_bestaand",
            "cashable": True,
        },
    ]
    with pytest.raises(ValidationError):
        tariff_set_import(
            actor=functional_admin,
            organisation=functional_admin.membership.organisation,
            kind="municipal",
            name="x",
            rows=rows,
        )
    assert not TariffSet.objects.exists() and not Tariff.objects.exists()


# --- safe imports: what the functional admin can post, and replays ----------------------------------------------
def hidden_fields(response) -> dict:
    """Every hidden field of the confirm form, exactly as the preview page renders it."""
    html = response.content.decode()
    form = html[html.index('action="' + reverse("costs:tariff_confirm")) :]
    form = form[: form.index("</form>")]
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("tarieven.csv", b"code;naam;eenheid;tarief\neigen;Jan\x00sen;uur;10\n", "Regel 2"),
        ("tarieven.csv", b"\x00\x01\x02\x03\xff\xfe" * 500, "geen tekstbestand"),
        ("tarieven.csv", b"code;naam;tarief\neigen;caf\xc3\xa9;1\neigen2;\xff;1\n", "onleesbaar teken"),
        ("tarieven.xlsx", b"PK\x03\x04 not really a zip", "kan niet worden gelezen"),
    ],
    ids=["nul-in-name", "binary", "broken-utf8", "broken-xlsx"],
)
def test_bad_uploads_get_a_dutch_message_and_no_500(functional_admin, login, name, content, fragment):
    response = upload(login(functional_admin), name, content)
    assert response.status_code == 400
    assert fragment in response.content.decode()
    assert 'name="payload"' not in response.content.decode()
    assert not TariffSet.objects.exists()


def test_nul_in_a_name_names_row_and_column(functional_admin, login):
    response = upload(
        login(functional_admin), "t.csv", b"code;naam;eenheid;tarief;financieringsstroom\nx;Jan\x00sen;uur;1;wmo\n"
    )
    assert "kolom &#x27;naam&#x27;: bevat een ongeldig teken (NUL)" in response.content.decode()


def test_zip_bomb_upload_is_refused_fast(functional_admin, login):
    import time

    from doorbraak.core.tests.test_tabular import zip_bomb

    client = login(functional_admin)
    bomb = zip_bomb()
    started = time.perf_counter()
    response = upload(client, "bom.xlsx", bomb)
    assert time.perf_counter() - started < 1
    assert response.status_code == 400 and "uitgepakt te groot" in response.content.decode()


def test_cp1252_csv_from_excel_is_accepted(functional_admin, login):
    content = "code;naam;eenheid;tarief;financieringsstroom\neigen;Maaltijdservice é;maaltijd;8,00;wmo\n"
    client = login(functional_admin)
    response = upload(client, "tarieven.csv", content.encode("cp1252"))
    assert response.status_code == 200
    client.post(reverse("costs:tariff_confirm"), hidden_fields(response))
    assert Tariff.objects.get().name == "Maaltijdservice é"


def test_replayed_confirm_creates_nothing_new(functional_admin, login):
    client = login(functional_admin)
    response = upload(client, "tarieven.csv", GOOD_CSV.encode())
    fields = hidden_fields(response)
    assert client.post(reverse("costs:tariff_confirm"), fields).status_code == 302
    # the back button, or the same form posted again
    replay = client.post(reverse("costs:tariff_confirm"), fields, follow=True)
    assert "al opgeslagen" in replay.content.decode()
    assert TariffSet.objects.count() == 1 and Tariff.objects.count() == 2


def test_reposted_upload_is_refused_at_preview(functional_admin, login):
    client = login(functional_admin)
    confirm(client, upload(client, "tarieven.csv", GOOD_CSV.encode()))
    again = upload(client, "tarieven.csv", GOOD_CSV.encode())
    body = again.content.decode()
    assert again.status_code == 400 and "al opgeslagen als tariefset" in body and 'name="payload"' not in body
    # a deliberate second import under another name is fine
    other = client.post(
        reverse("costs:tariff_upload"),
        {
            "kind": "municipal",
            "name": "Inkoop 2025 (herzien)",
            "default_valid_from": "2025-01-01",
            "file": SimpleUploadedFile("tarieven.csv", GOOD_CSV.encode()),
        },
    )
    assert other.status_code == 200
    confirm(client, other)
    assert TariffSet.objects.count() == 2


def test_preview_shows_exactly_what_confirm_stores(functional_admin, login):
    content = (
        "Code;Omschrijving;Eenheid;Tarief (EUR);Geldig vanaf;Geldig tot;Financieringsstroom;Verzilverbaar;Opmerking\n"
        "wmo_begeleiding_individueel;;uur;68,50;31-12-2025;2026-12-31;;;intern\n"
        "eigen_maatjes;Maatjesproject;traject;1.250,00;;;gemeente_overig;nee;\n"
        "eigen_ja;Huiswerkklas;uur;12.5;01-02-2026;;onderwijs;ja;\n"
    )
    client = login(functional_admin)
    response = upload(client, "tarieven.csv", content.encode())
    assert response.status_code == 200
    body = response.content.decode()
    assert "Opmerking" in body and "niet gebruikt" in body  # unknown column reported, not fatal
    from django.core import signing

    from doorbraak.costs.views.tariffs import SIGNING_SALT

    previewed = signing.loads(hidden_fields(response)["payload"], salt=SIGNING_SALT)["rows"]
    client.post(reverse("costs:tariff_confirm"), hidden_fields(response))
    stored = [
        {
            "row": n,
            "code": t.code,
            "amount": str(t.amount),
            "valid_from": t.valid_from.isoformat(),
            "valid_until": t.valid_until.isoformat() if t.valid_until else "",
        }
        for n, t in zip((2, 3, 4), Tariff.objects.order_by("pk"), strict=True)
    ]
    assert [{k: r[k] for k in stored[0]} for r in previewed] == stored
    assert [(t.cashable, t.funding_stream) for t in Tariff.objects.order_by("pk")] == [
        (True, "wmo"),
        (False, "gemeente_overig"),
        (True, "onderwijs"),
    ]


@pytest.mark.parametrize(
    ("row", "fragment"),
    [
        ("eigen;X;uur;-1;01-01-2025;;wmo;", "tarief mag niet negatief zijn"),
        ("eigen;X;uur;0,125;01-01-2025;;wmo;", "tarief heeft meer dan twee decimalen"),
        ("eigen;X;uur;2.000.000;01-01-2025;;wmo;", "controleer het bedrag"),
        ("eigen;X;uur;1.250;01-01-2025;;wmo;", "niet eenduidig"),
        ("eigen;X;uur;10;01-01-0001;;wmo;", "geldig_vanaf 01-01-0001 ligt niet tussen"),
        ("eigen;X;uur;10;01-01-2025;31-12-9999;wmo;", "geldig_tot 31-12-9999 ligt niet tussen"),
        ("eigen;" + "X" * 201 + ";uur;10;;;wmo;", "kolom &#x27;naam&#x27;"),
    ],
)
def test_row_bounds(functional_admin, login, row, fragment):
    header = "code;naam;eenheid;tarief;geldig_vanaf;geldig_tot;financieringsstroom;verzilverbaar\n"
    response = upload(login(functional_admin), "t.csv", (header + row + "\n").encode())
    body = response.content.decode()
    assert response.status_code == 400 and "Regel 2" in body and fragment in body, body[body.find("Regel") :][:400]
    assert not TariffSet.objects.exists()


def test_confirm_rechecks_rows_and_names_the_row(functional_admin):
    from django.core.exceptions import ValidationError

    from doorbraak.costs.services.tariffs import tariff_set_import

    row = {
        "row": 7,
        "code": "x" * 65,
        "name": "A",
        "unit": "uur",
        "amount": "1.00",
        "valid_from": "2025-01-01",
        "valid_until": "",
        "funding_stream": "wmo",
        "cashable": True,
    }
    with pytest.raises(ValidationError) as caught:
        tariff_set_import(
            actor=functional_admin,
            organisation=functional_admin.membership.organisation,
            kind="municipal",
            name="x",
            rows=[row],
            token="t" * 64,
        )
    assert caught.value.messages[0].startswith("Regel 7: kolom 'code'")
    assert not TariffSet.objects.exists()


def test_two_confirms_at_the_same_moment_store_one_set(functional_admin, outsider_admin):
    """The unique import_token holds when the 'already stored?' check of two requests passes at once: here the
    token is taken by a set the check does not see (another municipality), as a concurrent confirm would."""
    from django.core.exceptions import ValidationError

    from doorbraak.costs.services.tariffs import tariff_set_import

    TariffSet.objects.create(
        organisation=outsider_admin.membership.organisation,
        kind="municipal",
        name="x",
        created_by=outsider_admin,
        import_token="t" * 64,
    )
    row = {
        "row": 2,
        "code": "eigen",
        "name": "A",
        "unit": "uur",
        "amount": "1.00",
        "valid_from": "2025-01-01",
        "valid_until": "",
        "funding_stream": "wmo",
        "cashable": True,
    }
    with pytest.raises(ValidationError, match="al opgeslagen"):
        tariff_set_import(
            actor=functional_admin,
            organisation=functional_admin.membership.organisation,
            kind="municipal",
            name="x",
            rows=[row],
            token="t" * 64,
        )
    assert TariffSet.objects.count() == 1 and not Tariff.objects.exists()


def test_a_message_about_a_missing_optional_column_uses_its_dutch_name(functional_admin, login):
    response = upload(login(functional_admin), "t.csv", b"code;tarief\neigen_post;10\n")
    body = response.content.decode()
    assert "kolom &#x27;naam&#x27;: eigen post zonder naam" in body
    assert "kolom &#x27;financieringsstroom&#x27;: eigen post zonder financieringsstroom" in body
