"""The plan document, checked by extracting the text of the real PDF."""

from datetime import timedelta

import pytest
from django.utils import timezone

from doorbraak.audit.models import AuditEvent
from doorbraak.core.formatting import format_euro
from doorbraak.costs.selectors import plan_results
from doorbraak.documents.selectors import ExportOptions, partners_for_export
from doorbraak.documents.services import export_filename, plan_export


def test_full_document_has_every_section_and_the_figures(complete_plan, professional, pdf_text):
    text = pdf_text(plan_export(actor=professional, plan=complete_plan, options=ExportOptions()))
    reference = complete_plan.household.reference
    for expected in [
        "Gemeente Voorbeeldstad",
        f"Maatwerkplan {reference}",
        "1. Situatieschets",
        "huurachterstand van 3.000 euro",
        "Woonstichting De Linde",
        "2. Perspectief",
        "rustig in ons eigen huis",
        "3. Wat is nodig",
        "ordenen van de post",
        "4. De doorbraak",
        "eerst de schuld aflossen",
        "5. Stappen",
        "Eerste nood",
        "6. Legitimiteit",
        "Juridische grondslag",
        "De wet geeft ruimte voor maatwerk in dit geval.",
        "7. Rendement",
        "Vermeden kosten",
        "8. Betrokkenheid",
        "rust in mijn hoofd",
        "Mijn Positieve Gezondheid",
        "Zingeving",
    ]:
        assert expected in text, expected
    result = plan_results(plan=complete_plan)
    assert format_euro(result.avoided_costs, cents=False) == "€ 36.564"  # 41,156.00 threatening - 4,592.50 plan
    assert "€ 36.564" in text
    assert "€ 41.156" in text and "€ 4.593" in text
    assert "Gesloten argumenten" not in text


def test_spider_chart_is_drawn_in_the_pdf(complete_plan, professional, pdf_text):
    text = pdf_text(plan_export(actor=professional, plan=complete_plan, options=ExportOptions()))
    # The axis labels occur once in the table and once more as SVG text in the chart.
    assert text.count("Dagelijks functioneren") >= 2, text
    assert "doorgetrokken lijn met rondjes" in text


def test_closed_arguments_can_be_printed(complete_plan, professional, pdf_text):
    text = pdf_text(plan_export(actor=professional, plan=complete_plan, options=ExportOptions(closed_arguments=True)))
    assert "Gesloten argumenten en een antwoord" in text
    assert "precedent" in text.lower()


def test_plain_version_is_simple_and_hides_costs_by_default(complete_plan, professional, pdf_text):
    text = pdf_text(plan_export(actor=professional, plan=complete_plan, options=ExportOptions(plain=True)))
    for expected in [
        "Uw plan",
        "Wat speelt er nu?",
        "Wat wilt u bereiken?",
        "Wat u zelf belangrijk vindt",
        "Hierbij krijgt u hulp",
        "De belangrijkste stap",
        "Eerst: wat nu moet gebeuren",
        "Hoe gaat het met u?",
        "Heeft uw leven zin?",
        "Mag dit wel?",
        "Vragen?",
    ]:
        assert expected in text, expected
    for hidden in ["€", "36.564", "Rendement", "Vermeden kosten", "Financieringsstroom", "Obstakel", "motivering"]:
        assert hidden not in text, hidden


def test_plain_version_with_costs_when_chosen(complete_plan, professional, pdf_text):
    options = ExportOptions(plain=True, include_costs=True)
    text = pdf_text(plan_export(actor=professional, plan=complete_plan, options=options))
    assert "Wat kost het en wat levert het op?" in text
    assert "Dat scheelt ongeveer € 36.564." in text
    assert "Financieringsstroom" not in text  # still no internal detail per funding stream


def test_every_export_is_logged_as_a_read(complete_plan, professional):
    plan_export(actor=professional, plan=complete_plan, options=ExportOptions(plain=True))
    event = AuditEvent.objects.get(action="plan.export")
    assert event.actor == professional
    assert event.organisation == complete_plan.organisation
    assert event.object_id == str(complete_plan.pk)
    assert event.extra == {"format": "pdf", "variant": "plain", "costs": 0, "closed_arguments": 0, "channel": "web"}


def test_filename_has_only_the_pseudonymous_reference(complete_plan):
    reference = complete_plan.household.reference
    assert export_filename(complete_plan, ExportOptions()) == f"plan-{reference}.pdf"
    assert export_filename(complete_plan, ExportOptions(plain=True)) == f"plan-{reference}-eenvoudig.pdf"


def test_empty_plan_still_exports(plan, professional, pdf_text):
    text = pdf_text(plan_export(actor=professional, plan=plan, options=ExportOptions()))
    assert "Er is nog geen rekensom gemaakt." in text
    assert "Er zijn nog geen artikelen geciteerd." in text


@pytest.fixture
def partner(org):
    from doorbraak.followup.tests.factories import ContactPersonFactory

    return ContactPersonFactory(organisation=org)


def _consent(plan, partner, user, parts, days=30):
    from doorbraak.followup.services import consent_record

    today = timezone.localdate()
    return consent_record(
        actor=user, plan=plan, partner=partner, parts=parts, given_on=today, valid_until=today + timedelta(days=days)
    )


def test_partner_document_holds_only_the_shared_parts(complete_plan, professional, partner, pdf_text):
    _consent(complete_plan, partner, professional, ["situation", "engagement"])
    [choice] = partners_for_export(plan=complete_plan)
    assert choice.partner == partner and choice.parts == {"situation", "engagement"}
    options = ExportOptions(partner=choice.partner, parts=choice.parts, partner_until=choice.valid_until)
    text = pdf_text(plan_export(actor=professional, plan=complete_plan, options=options))
    assert "Gedeeld met" in text and "Woonstichting De Linde" in text
    assert "1. Situatieschets" in text and "8. Betrokkenheid" in text
    for hidden in ["2. Perspectief", "4. De doorbraak", "6. Legitimiteit", "7. Rendement", "€", "eerst de schuld"]:
        assert hidden not in text, hidden
    assert AuditEvent.objects.get(action="plan.export").extra["partner"] == partner.pk


def test_withdrawn_or_expired_consent_offers_no_partner(complete_plan, professional, partner):
    from doorbraak.followup.services import consent_withdraw

    consent = _consent(complete_plan, partner, professional, ["situation"])
    consent_withdraw(actor=professional, consent=consent)
    assert partners_for_export(plan=complete_plan) == []
    _consent(complete_plan, partner, professional, ["situation"], days=1)
    assert partners_for_export(plan=complete_plan, on=timezone.localdate() + timedelta(days=5)) == []
