from datetime import date

import pytest
from django.core.exceptions import ValidationError

from doorbraak.followup import selectors, services
from doorbraak.followup.constants import SharingPart

pytestmark = pytest.mark.django_db


def _consent(plan, partner, actor, parts=("situation", "costs"), given=date(2026, 1, 1), until=date(2026, 6, 30)):
    return services.consent_record(
        actor=actor, plan=plan, partner=partner, parts=list(parts), given_on=given, valid_until=until
    )


def test_visible_parts_follow_consent_period(plan, partner, professional):
    _consent(plan, partner, professional)
    assert selectors.visible_parts_for_partner(plan=plan, partner=partner, on=date(2025, 12, 31)) == set()
    assert selectors.visible_parts_for_partner(plan=plan, partner=partner, on=date(2026, 1, 1)) == {
        SharingPart.SITUATION,
        SharingPart.COSTS,
    }
    assert selectors.visible_parts_for_partner(plan=plan, partner=partner, on=date(2026, 6, 30)) == {
        "situation",
        "costs",
    }
    # Expired the day after "valid until".
    assert selectors.visible_parts_for_partner(plan=plan, partner=partner, on=date(2026, 7, 1)) == set()


def test_union_of_consents_and_withdrawal(plan, partner, professional):
    first = _consent(plan, partner, professional, parts=["situation"])
    _consent(plan, partner, professional, parts=["engagement"], until=date(2026, 3, 31))
    assert selectors.visible_parts_for_partner(plan=plan, partner=partner, on=date(2026, 2, 1)) == {
        "situation",
        "engagement",
    }
    services.consent_withdraw(actor=professional, consent=first, on=date(2026, 2, 15))
    assert selectors.visible_parts_for_partner(plan=plan, partner=partner, on=date(2026, 2, 14)) == {
        "situation",
        "engagement",
    }
    assert selectors.visible_parts_for_partner(plan=plan, partner=partner, on=date(2026, 2, 15)) == {"engagement"}


def test_consent_is_per_household_and_organisation(plan, outsider_plan, partner, other_partner, professional):
    _consent(plan, partner, professional)
    day = date(2026, 2, 1)
    assert selectors.visible_parts_for_partner(plan=outsider_plan, partner=partner, on=day) == set()
    assert selectors.visible_parts_for_partner(plan=plan, partner=other_partner, on=day) == set()
    with pytest.raises(ValidationError):
        _consent(plan, other_partner, professional)


def test_inactive_partner_sees_nothing(plan, partner, professional):
    _consent(plan, partner, professional)
    partner.is_active = False
    partner.save()
    assert selectors.visible_parts_for_partner(plan=plan, partner=partner, on=date(2026, 2, 1)) == set()


def test_visible_parts_by_partner_agrees_with_one_partner_at_a_time(plan, partner, professional, org):
    """The all-partners read (one query, for the export page) gives what the one-partner read gives."""
    from .factories import ContactPersonFactory

    inactive, withdrawn, later = (ContactPersonFactory(organisation=org) for _ in range(3))
    _consent(plan, partner, professional, parts=["situation"])
    _consent(plan, partner, professional, parts=["engagement"], until=date(2026, 3, 31))
    _consent(plan, inactive, professional)
    inactive.is_active = False
    inactive.save()
    services.consent_withdraw(actor=professional, consent=_consent(plan, withdrawn, professional), on=date(2026, 2, 1))
    _consent(plan, later, professional, parts=["costs"], given=date(2026, 4, 1))
    partners = [partner, inactive, withdrawn, later]
    for day in (date(2025, 12, 31), date(2026, 1, 15), date(2026, 2, 1), date(2026, 4, 1), date(2026, 7, 1)):
        expected = {
            p.pk: parts
            for p in partners
            if (parts := selectors.visible_parts_for_partner(plan=plan, partner=p, on=day))
        }
        assert selectors.visible_parts_by_partner(plan=plan, on=day) == expected, day
    assert selectors.visible_parts_by_partner(plan=plan, on=date(2026, 1, 15)) == {
        partner.pk: {"situation", "engagement"},
        withdrawn.pk: {"situation", "costs"},
    }


def test_consent_validation(plan, partner, professional):
    with pytest.raises(ValidationError):
        _consent(plan, partner, professional, parts=[])
    with pytest.raises(ValidationError):
        _consent(plan, partner, professional, parts=["bank_account"])
    with pytest.raises(ValidationError):
        _consent(plan, partner, professional, given=date(2026, 5, 1), until=date(2026, 4, 1))


def test_partner_timeline_hides_text_without_consent_for_that_part(submitted, team_lead, partner, professional):
    services.decision_reject(actor=team_lead, request=submitted, reason="Eerst de schuldhulp afronden.")
    plan = submitted.plan
    day = date(2026, 2, 1)
    assert selectors.timeline_for_partner(plan=plan, partner=partner, on=day) == []  # no consent at all
    _consent(plan, partner, professional, parts=["situation"])
    entries = selectors.timeline_for_partner(plan=plan, partner=partner, on=day)
    assert entries and all(e.text == "" and e.actor is None for e in entries)
    _consent(plan, partner, professional, parts=["breakthrough_steps"])
    entries = selectors.timeline_for_partner(plan=plan, partner=partner, on=day)
    assert any(e.text == "Eerst de schuldhulp afronden." for e in entries)
    # Expired consent: the partner timeline is empty again.
    assert selectors.timeline_for_partner(plan=plan, partner=partner, on=date(2026, 7, 1)) == []
