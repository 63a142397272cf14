from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from doorbraak.audit.models import AuditEvent
from doorbraak.plans.constants import PlanStatus


def url(plan):
    return reverse("documents:plan_export", args=[plan.pk])


@pytest.fixture
def partner(org):
    from doorbraak.followup.tests.factories import ContactPersonFactory

    return ContactPersonFactory(organisation=org)


@pytest.fixture
def shared(complete_plan, professional, partner):
    from doorbraak.followup.services import consent_record

    today = timezone.localdate()
    consent_record(
        actor=professional,
        plan=complete_plan,
        partner=partner,
        parts=["situation"],
        given_on=today,
        valid_until=today + timedelta(days=90),
    )
    return partner


def test_owner_sees_the_choices(plan, professional, login):
    response = login(professional).get(url(plan))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="variant"' in html and 'name="include_costs"' in html and 'name="closed_arguments"' in html
    assert f"/documenten/plannen/{plan.pk}/" in html
    assert not AuditEvent.objects.filter(action="plan.export").exists()  # choosing is not exporting


def test_owner_downloads_the_full_pdf(complete_plan, professional, login, pdf_text):
    response = login(professional).post(url(complete_plan), {"variant": "full"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reference = complete_plan.household.reference
    assert response["Content-Disposition"] == f'attachment; filename="plan-{reference}.pdf"'
    assert response["Cache-Control"] == "no-store, private"
    text = pdf_text(response.content)
    assert "7. Rendement" in text and "€ 36.564" in text
    event = AuditEvent.objects.get(action="plan.export")
    assert event.actor == professional and event.extra["channel"] == "web"


def test_plain_download_hides_costs_unless_chosen(complete_plan, professional, login, pdf_text):
    client = login(professional)
    text = pdf_text(client.post(url(complete_plan), {"variant": "plain"}).content)
    assert "Uw plan" in text and "€" not in text
    text = pdf_text(client.post(url(complete_plan), {"variant": "plain", "include_costs": "on"}).content)
    assert "Dat scheelt ongeveer € 36.564." in text
    assert list(AuditEvent.objects.filter(action="plan.export").values_list("extra__costs", flat=True)) == [1, 0]


def test_invalid_choice_shows_the_form_again(plan, professional, login):
    response = login(professional).post(url(plan), {"variant": "everything"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert not AuditEvent.objects.filter(action="plan.export").exists()


def test_team_lead_may_export(plan, team_lead, login):
    assert login(team_lead).post(url(plan), {"variant": "full"})["Content-Type"] == "application/pdf"


def test_doorbraakteam_exports_submitted_plan_but_not_for_partners(complete_plan, doorbraakteam, shared, login):
    complete_plan.status = PlanStatus.SUBMITTED
    complete_plan.save()
    client = login(doorbraakteam)
    assert client.get(url(complete_plan)).status_code == 200
    assert 'name="partner"' not in client.get(url(complete_plan)).content.decode()
    assert client.post(url(complete_plan), {"variant": "full"})["Content-Type"] == "application/pdf"
    assert client.post(url(complete_plan), {"variant": "full", "partner": shared.pk}).status_code == 403


@pytest.mark.parametrize(("persona", "status"), [("manager", 403), ("policy_analyst", 403), ("outsider", 404)])
@pytest.mark.parametrize("method", ["get", "post"])
def test_access(plan, login, request, persona, status, method):
    client = login(request.getfixturevalue(persona))
    response = getattr(client, method)(url(plan), {"variant": "full"})
    assert response.status_code == status
    assert not AuditEvent.objects.filter(action="plan.export").exists()


def test_colleague_cannot_see_the_plan(plan, colleague, login):
    assert login(colleague).post(url(plan), {"variant": "full"}).status_code == 404


def test_export_for_a_partner_contains_only_shared_parts(complete_plan, professional, shared, login, pdf_text):
    client = login(professional)
    html = client.get(url(complete_plan)).content.decode()
    assert 'name="partner"' in html and "Woonstichting De Linde" in html
    response = client.post(url(complete_plan), {"variant": "full", "partner": shared.pk})
    assert response["Content-Disposition"].endswith(f'-partner{shared.pk}.pdf"')
    text = pdf_text(response.content)
    assert "1. Situatieschets" in text and "7. Rendement" not in text and "8. Betrokkenheid" not in text
    assert AuditEvent.objects.get(action="plan.export").extra["partner"] == shared.pk


def test_partner_without_consent_is_refused(complete_plan, professional, login, other_org):
    from doorbraak.followup.tests.factories import ContactPersonFactory

    stranger = ContactPersonFactory(organisation=other_org)
    response = login(professional).post(url(complete_plan), {"variant": "full", "partner": stranger.pk})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert not AuditEvent.objects.filter(action="plan.export").exists()
