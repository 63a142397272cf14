"""Every follow-up view: the allowed role works, a wrong role gets 403, another municipality gets 404."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from doorbraak.followup import services
from doorbraak.followup.constants import ActionState, DecisionState
from doorbraak.followup.models import ContactPerson, DecisionRequest, EscalationLevel, Evaluation, SharingConsent
from doorbraak.organisations.constants import Role
from doorbraak.organisations.tests.factories import make_member
from doorbraak.plans.constants import PlanStatus

pytestmark = pytest.mark.django_db


def followup_url(plan, name="plan_followup", *args):
    return reverse(f"followup:{name}", args=[plan.pk, *args])


# --- the follow-up page ----------------------------------------------------------------------------------------


def test_followup_page_roles(submitted, professional, team_lead, doorbraakteam, policy_analyst, outsider, login):
    plan = submitted.plan
    url = followup_url(plan)
    page = login(professional).get(url)
    assert page.status_code == 200
    assert "Teamleider" in page.content.decode()
    assert login(team_lead).get(url).status_code == 200
    assert login(doorbraakteam).get(url).status_code == 200
    assert login(policy_analyst).get(url).status_code == 403
    assert login(outsider).get(url).status_code == 404


def test_followup_page_shows_blockers_for_incomplete_plan(plan, professional, login):
    page = login(professional).get(followup_url(plan)).content.decode()
    assert 'data-testid="blockers"' in page
    assert "Rendement" in page and "Legitimiteit" in page
    assert "Plan indienen" not in page


def test_manager_page_access_follows_the_decision(submitted, team_lead, doorbraakteam, manager, login):
    url = followup_url(submitted.plan)
    assert login(manager).get(url).status_code == 403
    request = services.decision_escalate(actor=team_lead, request=submitted, note="n")
    services.decision_escalate(actor=doorbraakteam, request=request, note="Precedent: graag besluit.")
    page = login(manager).get(url)
    assert page.status_code == 200
    assert "Goedkeuren" in page.content.decode()


# --- submitting ------------------------------------------------------------------------------------------------


def test_submit_view(complete_plan, professional, team_lead, manager, outsider, levels, login):
    url = followup_url(complete_plan, "plan_submit")
    assert login(manager).post(url).status_code == 403
    assert login(outsider).post(url).status_code == 404
    response = login(professional).post(url)
    assert response.status_code == 302
    complete_plan.refresh_from_db()
    assert complete_plan.status == PlanStatus.SUBMITTED
    assert DecisionRequest.objects.get(plan=complete_plan).level.position == 1


def test_submit_view_read_only_viewer_403(complete_plan, professional, doorbraakteam, team_lead, levels, login):
    services.plan_submit(actor=professional, plan=complete_plan)
    # The Doorbraakteam sees a submitted plan but may not submit (or edit) it.
    assert login(doorbraakteam).post(followup_url(complete_plan, "plan_submit")).status_code == 403


def test_plan_page_submit_goes_through_followup(plan, complete_plan, professional, team_lead, levels, login):
    client = login(professional)
    response = client.post(followup_url(plan, "plan_submit"), {"return_to": "plan"}, follow=True)
    assert response.status_code == 200
    assert DecisionRequest.objects.filter(plan=plan, state=DecisionState.OPEN).count() == 1


def test_plan_page_submit_blocked_lists_missing(plan, professional, levels, login):
    response = login(professional).post(followup_url(plan, "plan_submit"), {"return_to": "plan"}, follow=True)
    page = response.content.decode()
    assert "kan nog niet worden ingediend" in page and "Rendement" in page
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CONCEPT


# --- deciding --------------------------------------------------------------------------------------------------


def test_decide_view_roles(submitted, team_lead, doorbraakteam, policy_analyst, outsider, org, other_team, login):
    url = followup_url(submitted.plan, "plan_decide")
    data = {"outcome": "approve", "reason": "Akkoord."}
    assert login(policy_analyst).post(url, data).status_code == 403
    assert login(outsider).post(url, data).status_code == 404
    assert login(doorbraakteam).post(url, data).status_code == 403  # not their level (yet)
    other_lead = make_member(org, Role.TEAM_LEAD, team=other_team, email="lead-zuid@voorbeeldstad.nl")
    assert login(other_lead).post(url, data).status_code == 404  # another team's plan
    assert login(team_lead).post(url, data).status_code == 302
    submitted.refresh_from_db()
    assert submitted.state == DecisionState.APPROVED and submitted.reason == "Akkoord."


def test_reject_without_reason_shows_error(submitted, team_lead, login):
    response = login(team_lead).post(followup_url(submitted.plan, "plan_decide"), {"outcome": "reject", "reason": ""})
    assert response.status_code == 400
    assert "Geef de reden van de afwijzing" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.state == DecisionState.OPEN


def test_escalate_via_view(submitted, team_lead, doorbraakteam, login, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = login(team_lead).post(
            followup_url(submitted.plan, "plan_decide"), {"outcome": "escalate", "reason": "Uitzondering op beleid."}
        )
    assert response.status_code == 302
    assert DecisionRequest.objects.get(plan=submitted.plan, state=DecisionState.OPEN).level.position == 2
    assert mail.outbox[-1].to == [doorbraakteam.email]


# --- actions ---------------------------------------------------------------------------------------------------


def test_action_views(submitted, team_lead, professional, policy_analyst, manager, outsider, login):
    plan = submitted.plan
    url = followup_url(plan, "action_add")
    data = {"description": "Bel de corporatie", "owner": professional.pk, "due_date": "2027-03-01"}
    assert login(policy_analyst).post(url, data).status_code == 403
    assert login(outsider).post(url, data).status_code == 404
    assert login(team_lead).post(url, data).status_code == 302
    action = plan.followup_actions.get()
    assert action.owner == professional
    state_url = followup_url(plan, "action_state", action.pk)
    assert login(manager).post(state_url, {"state": "done"}).status_code == 403
    assert login(outsider).post(state_url, {"state": "done"}).status_code == 404
    assert login(professional).post(state_url, {"state": "done"}).status_code == 302
    action.refresh_from_db()
    assert action.state == ActionState.DONE


def test_action_owner_from_other_org_refused(submitted, team_lead, outsider, login):
    data = {"description": "x", "owner": outsider.pk, "due_date": "2027-03-01"}
    response = login(team_lead).post(followup_url(submitted.plan, "action_add"), data)
    assert response.status_code == 400
    assert not submitted.plan.followup_actions.exists()


# --- evaluations -----------------------------------------------------------------------------------------------


@pytest.fixture
def approved(submitted, team_lead):
    services.decision_approve(actor=team_lead, request=submitted, reason="Akkoord.")
    return submitted.plan


def test_evaluation_views(approved, professional, doorbraakteam, manager, outsider, login):
    six = Evaluation.objects.get(plan=approved, months=6)
    url = followup_url(approved, "evaluation_record", six.pk)
    assert login(professional).get(url).status_code == 200
    assert login(doorbraakteam).get(url).status_code == 403  # sees the plan, may not evaluate it
    assert login(manager).get(url).status_code == 403
    assert login(outsider).get(url).status_code == 404
    data = {"breakthrough_achieved": "yes", "explanation": "Gelukt.", "score_meaning": "7"}
    response = login(professional).post(url, data)
    assert response.status_code == 400  # not due yet
    assert "kan pas vanaf" in response.content.decode()
    Evaluation.objects.filter(pk=six.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    assert login(professional).post(url, data).status_code == 302
    approved.refresh_from_db()
    assert approved.status == PlanStatus.EVALUATED


def test_evaluation_list(approved, professional, team_lead, doorbraakteam, outsider, login):
    url = reverse("followup:evaluations")
    page = login(professional).get(url).content.decode()
    assert approved.household.reference in page
    assert approved.household.reference in login(team_lead).get(url).content.decode()
    assert login(doorbraakteam).get(url).status_code == 403
    assert approved.household.reference not in login(outsider).get(url).content.decode()


# --- the inbox -------------------------------------------------------------------------------------------------


def test_inbox(submitted, team_lead, doorbraakteam, policy_analyst, outsider, functional_admin, login):
    url = reverse("followup:inbox")
    reference = submitted.plan.household.reference
    assert reference in login(team_lead).get(url).content.decode()
    assert reference not in login(doorbraakteam).get(url).content.decode()
    assert login(policy_analyst).get(url).status_code == 403
    assert login(functional_admin).get(url).status_code == 403
    assert reference not in login(outsider).get(url).content.decode()


# --- sharing ---------------------------------------------------------------------------------------------------


def test_sharing_views(submitted, professional, doorbraakteam, manager, outsider, partner, other_partner, login):
    plan = submitted.plan
    url = followup_url(plan, "sharing")
    data = {
        "partner": partner.pk,
        "parts": ["situation", "breakthrough_steps"],
        "given_on": "2026-11-01",
        "valid_until": "2027-05-01",
    }
    assert login(manager).get(url).status_code == 403
    assert login(outsider).get(url).status_code == 404
    assert login(doorbraakteam).get(url).status_code == 200
    assert login(doorbraakteam).post(url, data).status_code == 403
    assert login(professional).post(url, {**data, "partner": other_partner.pk}).status_code == 400
    assert login(professional).post(url, data).status_code == 302
    consent = SharingConsent.objects.get(household=plan.household)
    assert consent.parts == ["breakthrough_steps", "situation"] and consent.recorded_by == professional

    preview = followup_url(plan, "partner_timeline", partner.pk)
    assert login(manager).get(preview).status_code == 403
    assert login(outsider).get(preview).status_code == 404
    assert login(professional).get(followup_url(plan, "partner_timeline", other_partner.pk)).status_code == 404
    assert 'data-testid="visible-parts"' in login(professional).get(preview).content.decode()

    withdraw = followup_url(plan, "consent_withdraw", consent.pk)
    assert login(doorbraakteam).post(withdraw).status_code == 403
    assert login(outsider).post(withdraw).status_code == 404
    assert login(professional).post(withdraw).status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_on == timezone.localdate()
    assert 'data-testid="no-consent"' in login(professional).get(preview).content.decode()


# --- escalation matrix and contacts ----------------------------------------------------------------------------


def test_matrix_admin_views(org, functional_admin, professional, outsider_admin, team_lead, login):
    url = reverse("followup:matrix")
    assert login(functional_admin).get(url).status_code == 200
    assert login(professional).get(url).status_code == 403
    assert login(professional).post(reverse("followup:matrix_defaults")).status_code == 403
    assert login(functional_admin).post(reverse("followup:matrix_defaults")).status_code == 302
    levels = list(EscalationLevel.objects.filter(organisation=org).order_by("position"))
    assert [lv.decider_role for lv in levels] == ["team_lead", "doorbraakteam", "manager", "manager"]
    # Add, edit, move, delete.
    assert login(functional_admin).post(url, {"name": "Wethouder", "decider_role": "manager"}).status_code == 302
    added = EscalationLevel.objects.get(organisation=org, name="Wethouder")
    assert added.position == 5
    edit = reverse("followup:level_edit", args=[levels[0].pk])
    assert login(functional_admin).get(edit).status_code == 200
    data = {"name": "Teamleider wijkteam", "decider_role": "team_lead", "deciders": [team_lead.pk]}
    assert login(functional_admin).post(edit, data).status_code == 302
    levels[0].refresh_from_db()
    assert levels[0].name == "Teamleider wijkteam" and list(levels[0].deciders.all()) == [team_lead]
    assert (
        login(functional_admin).post(reverse("followup:level_move", args=[added.pk]), {"direction": "up"}).status_code
        == 302
    )
    added.refresh_from_db()
    assert added.position == 4
    assert login(functional_admin).post(reverse("followup:level_delete", args=[added.pk])).status_code == 302
    positions = list(EscalationLevel.objects.filter(organisation=org).values_list("position", flat=True))
    assert sorted(positions) == [1, 2, 3, 4]
    # Another municipality's admin cannot reach these levels.
    assert login(outsider_admin).get(edit).status_code == 404
    assert (
        login(outsider_admin).post(reverse("followup:level_move", args=[levels[1].pk]), {"direction": "up"}).status_code
        == 404
    )
    assert login(outsider_admin).post(reverse("followup:level_delete", args=[levels[1].pk])).status_code == 404
    assert login(professional).get(edit).status_code == 403


def test_deciders_must_match_role_and_org(org, functional_admin, doorbraakteam, login):
    url = reverse("followup:matrix")
    response = login(functional_admin).post(
        url, {"name": "x", "decider_role": "team_lead", "deciders": [doorbraakteam.pk]}
    )
    assert response.status_code == 400
    assert not EscalationLevel.objects.filter(organisation=org).exists()


def test_contact_views(org, functional_admin, professional, colleague, outsider_admin, login):
    create = reverse("followup:contact_create")
    assert login(functional_admin).get(create).status_code == 200
    assert login(professional).get(create).status_code == 403
    external = {"domain": "uwv", "partner_organisation": "UWV", "function": "Klantmanager", "email": "km@uwv.example"}
    assert (
        login(functional_admin).post(create, {**external, "email": ""}).status_code == 400
    )  # external needs an e-mail
    assert login(functional_admin).post(create, {**external, "is_active": "on"}).status_code == 302
    internal = {"domain": "income", "user": colleague.pk, "function": "Consulent inkomen", "is_active": "on"}
    assert login(functional_admin).post(create, internal).status_code == 302
    contact = ContactPerson.objects.get(organisation=org, domain="uwv")
    edit = reverse("followup:contact_edit", args=[contact.pk])
    assert login(functional_admin).post(edit, {**external, "function": "Teamleider"}).status_code == 302
    contact.refresh_from_db()
    assert contact.function == "Teamleider" and contact.is_active is False
    assert login(outsider_admin).get(edit).status_code == 404
    assert login(professional).get(edit).status_code == 403
    assert "Klantmanager" not in login(outsider_admin).get(reverse("followup:matrix")).content.decode()
    # the admin's own overview lists both: the partner with its e-mail address, the colleague with theirs
    page = login(functional_admin).get(reverse("followup:matrix"))
    assert page.status_code == 200
    assert "km@uwv.example" in page.content.decode() and colleague.email in page.content.decode()


def test_contact_user_from_other_org_refused(org, functional_admin, outsider):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.contact_create(
            actor=functional_admin, organisation=org, data={"domain": "wmo", "user": outsider, "function": "x"}
        )


def test_due_evaluation_in_inbox_via_view(approved, professional, login):
    Evaluation.objects.filter(plan=approved, months=6).update(due_on=date(2020, 1, 1))
    page = login(professional).get(reverse("followup:inbox")).content.decode()
    assert "evaluatie na 6 maanden" in page


def test_sharing_without_partners_explains_instead_of_showing_an_empty_form(submitted, professional, login):
    page = login(professional).get(followup_url(submitted.plan, "sharing")).content.decode()
    assert "Er zijn nog geen partners" in page
    assert 'name="parts"' not in page


def test_followup_dates_are_written_out_in_dutch(submitted, professional, login):
    page = login(professional).get(followup_url(submitted.plan, "plan_followup")).content.decode()
    opened = timezone.localtime(submitted.opened_at)
    assert date_format(opened, "j F Y") in page
    assert opened.strftime("%d-%m-%Y") not in page
