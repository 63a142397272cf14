from datetime import date

import pytest

from doorbraak.followup.forms import ActionForm, ConsentForm, ContactForm, EscalationLevelForm
from doorbraak.followup.selectors import action_owner_candidates

pytestmark = pytest.mark.django_db


def test_date_inputs_render_iso_values_the_browser_accepts(org, plan):
    """<input type=date> only takes yyyy-mm-dd; a Dutch dd-mm-yyyy value shows an empty field and is lost."""
    consent = ConsentForm(organisation=org, initial={"given_on": date(2026, 11, 23), "valid_until": date(2027, 5, 1)})
    html = str(consent["given_on"]) + str(consent["valid_until"])
    assert 'value="2026-11-23"' in html
    assert 'value="2027-05-01"' in html
    action = ActionForm(owners=action_owner_candidates(plan=plan), initial={"due_date": date(2026, 12, 1)})
    assert 'value="2026-12-01"' in str(action["due_date"])


def test_date_inputs_accept_iso_on_submit(plan, professional):
    data = {"description": "Bellen", "owner": professional.pk, "due_date": "2026-12-01"}
    form = ActionForm(data, owners=action_owner_candidates(plan=plan))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["due_date"] == date(2026, 12, 1)


def test_selects_offer_a_dutch_placeholder_not_djangos_dashes(org, plan):
    for form in (
        ActionForm(owners=action_owner_candidates(plan=plan)),
        ConsentForm(organisation=org),
        ContactForm(organisation=org),
        EscalationLevelForm(organisation=org),
    ):
        html = str(form)
        assert "---------" not in html, type(form).__name__
        assert "— kies —" in html, type(form).__name__
