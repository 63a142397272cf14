"""The functional admin sets the retention terms of their own municipality."""

import pytest
from django.urls import reverse

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.models import AuditEvent
from doorbraak.privacy.constants import DEFAULT_AUDIT_YEARS, DEFAULT_CASE_FILE_YEARS
from doorbraak.privacy.models import RetentionPolicy
from tests.pageforms import rendered_form

URL = reverse("privacy:retention")


def test_defaults_show_until_the_admin_changes_them(login, functional_admin, org, other_org):
    client = login(functional_admin)
    overview = client.get(reverse("privacy:overview")).content.decode()
    assert f"{DEFAULT_CASE_FILE_YEARS} jaar na het afsluiten of evalueren van het plan" in overview
    page = client.get(URL)
    form = rendered_form(page, action_contains="/bewaartermijnen/")
    assert form.data()["case_file_years"] == [str(DEFAULT_CASE_FILE_YEARS)]
    assert form.data()["audit_years"] == [str(DEFAULT_AUDIT_YEARS)]
    response = form.submit(client, {"case_file_years": "15", "audit_years": "7"}, follow=True)
    text = response.content.decode()
    assert "De bewaartermijnen zijn opgeslagen." in text
    assert "15 jaar na het afsluiten of evalueren van het plan" in text
    policy = RetentionPolicy.objects.get(organisation=org)
    assert (policy.case_file_years, policy.audit_years) == (15, 7)
    assert not RetentionPolicy.objects.filter(organisation=other_org).exists()
    event = AuditEvent.objects.get(action=AuditAction.PRIVACY_RETENTION_UPDATE)
    assert (event.actor, event.extra) == (functional_admin, {"case_file_years": 15, "audit_years": 7})


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "Zorg ervoor dat deze waarde minstens 1 is."),
        ("31", "Zorg ervoor dat deze waarde hoogstens 30 is."),
        ("tien", "Voer een geheel getal in."),
    ],
)
def test_a_term_out_of_range_gets_a_dutch_message(login, functional_admin, value, message):
    client = login(functional_admin)
    form = rendered_form(client.get(URL), action_contains="/bewaartermijnen/")
    response = form.submit(client, {"case_file_years": value})
    assert response.status_code == 200
    text = response.content.decode()
    assert "aria-describedby" in text
    assert message in text
    assert not RetentionPolicy.objects.exists()


def test_each_municipality_keeps_its_own_terms(login, functional_admin, outsider_admin, org, other_org):
    RetentionPolicy.objects.create(organisation=other_org, case_file_years=25, audit_years=9)
    client = login(functional_admin)
    form = rendered_form(client.get(URL), action_contains="/bewaartermijnen/")
    assert form.data()["case_file_years"] == [str(DEFAULT_CASE_FILE_YEARS)]
    form.submit(client, {"case_file_years": "12"})
    assert RetentionPolicy.objects.get(organisation=other_org).case_file_years == 25
    assert RetentionPolicy.objects.get(organisation=org).case_file_years == 12
