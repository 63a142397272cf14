import pytest
from django.core.management import CommandError, call_command

from doorbraak.audit.models import AuditEvent


def test_export_by_household_reference(complete_plan, tmp_path, pdf_text):
    output = tmp_path / "plan.pdf"
    call_command("export_plan", "--plan", complete_plan.household.reference, "--format", "pdf", "--output", str(output))
    text = pdf_text(output.read_bytes())
    assert "1. Situatieschets" in text and "€ 36.564" in text
    event = AuditEvent.objects.get(action="plan.export")
    assert event.actor is None
    assert event.organisation == complete_plan.organisation
    assert event.object_id == str(complete_plan.pk)
    assert event.extra["channel"] == "cli" and event.extra["variant"] == "full"


def test_export_plain_by_uuid(complete_plan, tmp_path, pdf_text):
    output = tmp_path / "eenvoudig.pdf"
    call_command("export_plan", "--plan", str(complete_plan.pk), "--output", str(output), "--plain")
    text = pdf_text(output.read_bytes())
    assert "Uw plan" in text and "€" not in text
    assert AuditEvent.objects.get(action="plan.export").extra["variant"] == "plain"


def test_plain_with_costs(complete_plan, tmp_path, pdf_text):
    output = tmp_path / "p.pdf"
    call_command("export_plan", "--plan", str(complete_plan.pk), "--output", str(output), "--plain", "--with-costs")
    assert "Dat scheelt ongeveer € 36.564." in pdf_text(output.read_bytes())


def test_reference_is_resolved_within_the_organisation(complete_plan, other_org, org, tmp_path):
    output = tmp_path / "x.pdf"
    with pytest.raises(CommandError, match="Geen plan gevonden"):
        call_command(
            "export_plan",
            "--plan",
            complete_plan.household.reference,
            "--output",
            str(output),
            "--organisation",
            "anderstad",
        )
    assert not output.exists()
    call_command("export_plan", "--plan", str(complete_plan.pk), "--output", str(output), "--organisation", org.slug)
    assert output.read_bytes().startswith(b"%PDF-")


@pytest.mark.django_db
def test_unknown_plan_or_organisation(tmp_path):
    with pytest.raises(CommandError, match="Geen plan gevonden"):
        call_command("export_plan", "--plan", "HH-XXXX-XXXX", "--output", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="Onbekende organisatie"):
        call_command(
            "export_plan", "--plan", "HH-XXXX-XXXX", "--output", str(tmp_path / "x.pdf"), "--organisation", "nee"
        )
    assert not AuditEvent.objects.exists()


def test_only_pdf_format(complete_plan, tmp_path):
    with pytest.raises(CommandError):
        call_command(
            "export_plan", "--plan", str(complete_plan.pk), "--output", str(tmp_path / "x"), "--format", "docx"
        )
