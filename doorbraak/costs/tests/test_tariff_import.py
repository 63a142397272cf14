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
