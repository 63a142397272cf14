"""The plan editor through its views: access per role and tenant, saving with and without HTMX,
optimistic locking, double submits, status buttons and read-only rendering."""

import re
import uuid

import pytest
from django.urls import reverse

from doorbraak.audit.models import AuditEvent
from doorbraak.plans import services
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.models import Helper, Plan, Tag
from doorbraak.plans.tests.factories import HelperFactory, PlanFactory, StepFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def detail(plan):
    return reverse("workspace:plan", args=[plan.pk])


def section_url(plan, section):
    return reverse("workspace:section", args=[plan.pk, section])


def situation_post(text, version, **extra):
    return {"situatie-situation": text, "situatie-version": str(version), **extra}


def oob_version(html: str, input_id: str) -> int:
    match = re.search(rf'<input[^>]*id="{input_id}"[^>]*value="(\d+)"[^>]*hx-swap-oob="true"', html)
    assert match, html
    return int(match.group(1))


def submit_url(plan):
    """The one way to submit a plan (follow-up's view); the plan page's button says where it comes from."""
    return reverse("followup:plan_submit", args=[plan.pk])


FROM_PLAN_PAGE = {"return_to": "plan"}


def set_status(plan, status):
    Plan.objects.filter(pk=plan.pk).update(status=status)
    plan.refresh_from_db()
    return plan


# ---------------------------------------------------------------------------------------- the page


def test_owner_sees_every_section_as_a_form_and_the_read_is_audited(plan, professional, login):
    response = login(professional).get(detail(plan))
    assert response.status_code == 200
    html = response.content.decode()
    for element_id in (
        "sectie-situatie",
        "sectie-hulpverleners",
        "sectie-perspectief",
        "sectie-behoeften",
        "sectie-doorbraak",
        "sectie-stappen",
        "sectie-labels",
        "form-situatie",
        "form-nieuw-hulpverlener",
        "form-nieuw-behoefte",
        "form-nieuw-stap",
        "form-labels",
    ):
        assert f'id="{element_id}"' in html, element_id
    for label in ("Situatieschets", "Streefdatum", "Obstakel in het systeem", "Wie kan de uitzondering toestaan"):
        assert label in html
    for button in ("Hulpverlener toevoegen", "Behoefte toevoegen", "Stap toevoegen", "Indienen"):
        assert button in html
    assert html.count("<h1") == 1
    assert reverse("costs:plan_return", args=[plan.pk]) in html  # the four sides stay reachable
    event = AuditEvent.objects.get(action="plan.read")
    assert event.actor == professional and event.object_id == str(plan.pk)


def test_team_lead_sees_and_may_edit_team_plan(plan, team_lead, login):
    html = login(team_lead).get(detail(plan)).content.decode()
    assert 'id="form-situatie"' in html


@pytest.mark.parametrize("persona", ["manager", "policy_analyst", "functional_admin"])
def test_roles_without_plans_get_403(persona, plan, login, request):
    assert login(request.getfixturevalue(persona)).get(detail(plan)).status_code == 403


@pytest.mark.parametrize("persona", ["outsider", "colleague"])
def test_other_municipality_and_colleague_get_404(persona, plan, login, request):
    assert login(request.getfixturevalue(persona)).get(detail(plan)).status_code == 404


def test_doorbraakteam_sees_submitted_plan_read_only_but_not_concepts(plan, doorbraakteam, login):
    client = login(doorbraakteam)
    assert client.get(detail(plan)).status_code == 404  # a concept is the professional's own work
    set_status(plan, PlanStatus.SUBMITTED)
    html = client.get(detail(plan)).content.decode()
    assert 'id="form-situatie"' not in html
    assert plan.situation in html
    assert "Naar besluit en opvolging" in html  # the decision itself is taken along the escalation matrix


def test_submitted_plan_is_read_only_for_the_owner(plan, professional, login):
    set_status(plan, PlanStatus.SUBMITTED)
    html = login(professional).get(detail(plan)).content.decode()
    assert 'id="form-situatie"' not in html and 'id="form-nieuw-stap"' not in html
    assert "Terug naar concept" in html


def test_steps_stay_editable_when_approved(plan, professional, login):
    set_status(plan, PlanStatus.APPROVED)
    StepFactory(plan=plan)
    html = login(professional).get(detail(plan)).content.decode()
    assert 'id="form-situatie"' not in html and 'id="form-nieuw-hulpverlener"' not in html
    assert 'id="form-nieuw-stap"' in html and 'id="form-stap-' in html


def test_steps_are_grouped_by_phase_in_method_order(plan, professional, login):
    StepFactory(plan=plan, description="Hoopvolle stap", phase="hope")
    StepFactory(plan=plan, description="Eerste stap", phase="first_need")
    html = login(professional).get(detail(plan)).content.decode()
    assert html.index("Eerste nood") < html.index("Stabiliseren") < html.index("Hoop doet leven")
    assert html.index("Eerste stap") < html.index("Hoopvolle stap")


def test_active_editing_time_is_shown(plan, professional, login):
    Plan.objects.filter(pk=plan.pk).update(active_editing_seconds=23 * 60 + 10)
    assert "Actieve bewerkingstijd: 23 min" in login(professional).get(detail(plan)).content.decode()


# ---------------------------------------------------------------------------------------- sections


def test_save_without_javascript_redirects_back_to_the_section(plan, professional, login):
    response = login(professional).post(section_url(plan, "situation"), situation_post("Nieuwe schets", 0))
    assert response.status_code == 302
    assert response["Location"] == detail(plan) + "#sectie-situatie"
    plan.refresh_from_db()
    assert (plan.situation, plan.situation_version) == ("Nieuwe schets", 1)
    assert plan.first_edited_at is not None  # time-to-plan goes through the services


def test_autosave_answers_status_and_new_version_without_replacing_the_text(plan, professional, login):
    client = login(professional)
    response = client.post(section_url(plan, "situation"), situation_post("Eerste versie", 0), **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Opgeslagen om" in html
    assert "<textarea" not in html  # what the user is typing is never swapped
    version = oob_version(html, "id_situatie-version")
    assert version == 1
    # The next autosave uses the version from the response: no conflict with oneself.
    response = client.post(section_url(plan, "situation"), situation_post("Tweede versie", version), **HTMX)
    assert oob_version(response.content.decode(), "id_situatie-version") == 2
    plan.refresh_from_db()
    assert plan.situation == "Tweede versie"


def test_perspective_and_breakthrough_save(plan, professional, login):
    client = login(professional)
    client.post(
        section_url(plan, "perspective"),
        {
            "perspectief-perspective": "Weer rust in huis",
            "perspectief-perspective_target_date": "2026-09-01",
            "perspectief-version": "0",
        },
    )
    client.post(
        section_url(plan, "breakthrough"),
        {
            "doorbraak-breakthrough_description": "Achterstand betalen",
            "doorbraak-breakthrough_obstacle": "Geen krediet bij schuldenlast",
            "doorbraak-breakthrough_exception": "Eenmalige betaling",
            "doorbraak-breakthrough_grantor": "Doorbraakteam",
            "doorbraak-version": "0",
        },
    )
    plan.refresh_from_db()
    assert str(plan.perspective_target_date) == "2026-09-01"
    assert plan.breakthrough_grantor == "Doorbraakteam" and plan.breakthrough_version == 1


def test_conflict_via_htmx_shows_both_texts_and_overwrites_only_on_request(plan, professional, team_lead, login):
    services.plan_update_section(
        actor=team_lead, plan=plan, section="situation", data={"situation": "Tekst van de teamleider"}, version=0
    )
    client = login(professional)
    response = client.post(section_url(plan, "situation"), situation_post("Mijn eigen tekst", 0), **HTMX)
    assert response.status_code == 409  # a conflict says so; base.html lets HTMX swap the fragment in
    html = response.content.decode()
    assert "Iemand anders heeft dit onderdeel intussen gewijzigd" in html
    assert "Tekst van de teamleider" in html and "Mijn eigen tekst" in html
    assert 'name="overwrite_version" value="1"' in html
    assert 'hx-swap-oob="true"' in html and 'id="id_situatie-version"' not in html  # version is not advanced
    plan.refresh_from_db()
    assert plan.situation == "Tekst van de teamleider"
    # The explicit choice saves on top of the new version.
    response = client.post(
        section_url(plan, "situation"), situation_post("Mijn eigen tekst", 0, overwrite_version="1"), **HTMX
    )
    assert oob_version(response.content.decode(), "id_situatie-version") == 2
    plan.refresh_from_db()
    assert plan.situation == "Mijn eigen tekst"


def test_conflict_without_javascript_keeps_the_users_text_in_the_form(plan, professional, team_lead, login):
    services.plan_update_section(
        actor=team_lead, plan=plan, section="situation", data={"situation": "Tekst van de teamleider"}, version=0
    )
    response = login(professional).post(section_url(plan, "situation"), situation_post("Mijn eigen tekst", 0))
    assert response.status_code == 409
    html = response.content.decode()
    textarea = re.search(r'<textarea name="situatie-situation"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    assert "Mijn eigen tekst" in textarea
    assert "Tekst van de teamleider" in html and "Mijn versie toch opslaan" in html
    plan.refresh_from_db()
    assert plan.situation == "Tekst van de teamleider"


def test_frozen_plan_refuses_section_save_with_a_message(plan, professional, login):
    set_status(plan, PlanStatus.SUBMITTED)
    response = login(professional).post(section_url(plan, "situation"), situation_post("Te laat", 0), **HTMX)
    assert "kan in dit onderdeel niet meer worden gewijzigd" in response.content.decode()
    plan.refresh_from_db()
    assert plan.situation != "Te laat"


def test_invalid_date_is_reported(plan, professional, login):
    response = login(professional).post(
        section_url(plan, "perspective"),
        {"perspectief-perspective": "x", "perspectief-perspective_target_date": "morgen", "perspectief-version": "0"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="foutmeldingen"' in html and 'href="#id_perspectief-perspective_target_date"' in html


@pytest.mark.parametrize(
    ("persona", "status"),
    [("team_lead", 302), ("manager", 403), ("policy_analyst", 403), ("outsider", 404), ("colleague", 404)],
)
def test_section_save_access(persona, status, plan, login, request):
    response = login(request.getfixturevalue(persona)).post(section_url(plan, "situation"), situation_post("x", 0))
    assert response.status_code == status


def test_doorbraakteam_may_read_but_not_edit(plan, doorbraakteam, login):
    set_status(plan, PlanStatus.SUBMITTED)
    response = login(doorbraakteam).post(section_url(plan, "situation"), situation_post("x", 0))
    assert response.status_code == 403


def test_unknown_section_is_404(plan, professional, login):
    assert login(professional).post(section_url(plan, "owner"), {}).status_code == 404


# ---------------------------------------------------------------------------------------- tags


def test_tags_save_and_conflict(plan, professional, team_lead, login):
    problem = Tag.objects.get(kind="problem", code="huurachterstand")
    domain = Tag.objects.get(kind="life_domain", code="wonen")
    url = reverse("workspace:tags", args=[plan.pk])
    data = {
        "labels-version": "0",
        "labels-problem_tags": [str(problem.pk)],
        "labels-life_domain_tags": [str(domain.pk)],
    }
    response = login(professional).post(url, data, **HTMX)
    assert oob_version(response.content.decode(), "id_labels-version") == 1
    assert set(plan.tags.all()) == {problem, domain}
    response = login(team_lead).post(url, {"labels-version": "0"}, **HTMX)  # based on the old version
    assert "Huurachterstand" in response.content.decode()
    assert plan.tags.count() == 2


def test_tags_are_rendered_as_fieldsets_per_kind(plan, professional, login):
    html = login(professional).get(detail(plan)).content.decode()
    for legend in ("Leefgebieden", "Problemen", "Oplossingen", "Soort doorbraak"):
        assert f'<legend class="utrecht-form-fieldset__legend">{legend}</legend>' in html


def test_tags_save_access(plan, manager, outsider, login):
    url = reverse("workspace:tags", args=[plan.pk])
    assert login(manager).post(url, {"labels-version": "0"}).status_code == 403
    assert login(outsider).post(url, {"labels-version": "0"}).status_code == 404


# ---------------------------------------------------------------------------------------- items


def helper_add(plan, token, agency="GGZ"):
    return reverse("workspace:item_add", args=[plan.pk, "helper"]), {
        "nieuw-hulpverlener-agency": agency,
        "nieuw-hulpverlener-role": "Behandelaar",
        "nieuw-hulpverlener-life_domain": "psychische_gezondheid",
        "nieuw-hulpverlener-creation_token": str(token),
    }


def test_add_item_without_javascript_and_double_submit_adds_once(plan, professional, login):
    client = login(professional)
    url, data = helper_add(plan, uuid.uuid4())
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == detail(plan) + "#sectie-hulpverleners"
    assert Helper.objects.filter(plan=plan).count() == 1


def test_add_item_via_htmx_returns_the_section(plan, professional, login):
    url, data = helper_add(plan, uuid.uuid4(), agency="Schuldhulp")
    response = login(professional).post(url, data, **HTMX)
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#sectie-hulpverleners" and response["HX-Reswap"] == "outerHTML"
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="sectie-hulpverleners"')
    assert 'value="Schuldhulp"' in html and "<h1" not in html


def test_add_item_with_missing_field_shows_errors(plan, professional, login):
    url, data = helper_add(plan, uuid.uuid4(), agency="")
    response = login(professional).post(url, data)
    assert response.status_code == 400
    assert Helper.objects.filter(plan=plan).count() == 0


def test_update_item_via_htmx_and_conflict(plan, professional, team_lead, login):
    helper = HelperFactory(plan=plan)
    url = reverse("workspace:item", args=[plan.pk, "helper", helper.pk])
    prefix = f"hulpverlener-{helper.pk}"
    data = {f"{prefix}-agency": "Wijkteam Noord", f"{prefix}-role": "", f"{prefix}-life_domain": "wonen"}
    response = login(professional).post(url, {**data, f"{prefix}-version": "0"}, **HTMX)
    assert oob_version(response.content.decode(), f"id_{prefix}-version") == 1
    response = login(team_lead).post(url, {**data, f"{prefix}-agency": "Oud", f"{prefix}-version": "0"}, **HTMX)
    html = response.content.decode()
    assert "Iemand anders heeft dit onderdeel intussen gewijzigd" in html and "Wijkteam Noord" in html
    helper.refresh_from_db()
    assert helper.agency == "Wijkteam Noord"


def test_delete_item_twice_is_harmless(plan, professional, login):
    helper = HelperFactory(plan=plan)
    url = reverse("workspace:item", args=[plan.pk, "helper", helper.pk])
    client = login(professional)
    data = {"delete": "1", f"hulpverlener-{helper.pk}-version": "0"}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data, **HTMX).status_code == 200
    assert not Helper.objects.filter(pk=helper.pk).exists()


def test_item_of_another_plan_is_not_reachable(plan, professional, outsider_plan, login):
    foreign = HelperFactory(plan=outsider_plan)
    url = reverse("workspace:item", args=[plan.pk, "helper", foreign.pk])
    login(professional).post(url, {"delete": "1", f"hulpverlener-{foreign.pk}-version": "0"})
    assert Helper.objects.filter(pk=foreign.pk).exists()


def test_step_done_is_saved_while_plan_runs(plan, professional, login):
    set_status(plan, PlanStatus.IN_PROGRESS)
    step = StepFactory(plan=plan)
    url = reverse("workspace:item", args=[plan.pk, "step", step.pk])
    prefix = f"stap-{step.pk}"
    response = login(professional).post(
        url,
        {
            f"{prefix}-description": step.description,
            f"{prefix}-phase": "first_need",
            f"{prefix}-owner": "Moeder",
            f"{prefix}-due_date": "",
            f"{prefix}-done": "on",
            f"{prefix}-version": "0",
        },
    )
    assert response.status_code == 302
    step.refresh_from_db()
    assert step.done and step.owner == "Moeder"


@pytest.mark.parametrize(("persona", "status"), [("manager", 403), ("policy_analyst", 403), ("outsider", 404)])
def test_item_views_access(persona, status, plan, login, request):
    helper = HelperFactory(plan=plan)
    client = login(request.getfixturevalue(persona))
    url, data = helper_add(plan, uuid.uuid4())
    assert client.post(url, data).status_code == status
    item_url = reverse("workspace:item", args=[plan.pk, "helper", helper.pk])
    assert client.post(item_url, {"delete": "1"}).status_code == status
    assert Helper.objects.filter(plan=plan).count() == 1


# ---------------------------------------------------------------------------------------- workflow


def test_submit_button_posts_to_one_small_view(plan, professional, login):
    """Submission may be routed through follow-up's checks; either it is submitted or a Dutch error is shown."""
    client = login(professional)
    response = client.post(submit_url(plan), FROM_PLAN_PAGE)
    assert response.status_code == 302
    plan.refresh_from_db()
    page = client.get(detail(plan)).content.decode()
    if plan.status == PlanStatus.SUBMITTED:
        assert response["Location"].endswith("#sectie-status")
    else:
        assert "utrecht-alert--error" in page


def test_refused_submit_lands_where_the_message_and_missing_parts_are_visible(plan, professional, login):
    """Not on the status section far down the page: at the top, where the error and the value triangle are."""
    client = login(professional)
    response = client.post(submit_url(plan), FROM_PLAN_PAGE)
    assert response["Location"] == detail(plan)
    page = client.get(detail(plan)).content.decode()
    assert "kan nog niet worden ingediend" in page
    assert page.index("kan nog niet worden ingediend") < page.index("Voordat het plan kan worden ingediend")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CONCEPT


@pytest.mark.parametrize("decision", ["approved", "rejected"])
def test_decisions_are_not_taken_on_the_plan_page(decision, plan, doorbraakteam, team_lead, login):
    """Approve and reject go along the escalation matrix (follow-up page), never as a plain status button."""
    set_status(plan, PlanStatus.SUBMITTED)
    for decider in (doorbraakteam, team_lead):
        client = login(decider)
        page = client.get(detail(plan)).content.decode()
        assert f'name="to_status" value="{decision}"' not in page
        assert reverse("followup:plan_followup", args=[plan.pk]) in page
        response = client.post(reverse("workspace:status", args=[plan.pk]), {"to_status": decision, "reason": "x"})
        assert response["Location"] == reverse("followup:plan_followup", args=[plan.pk])
        plan.refresh_from_db()
        assert plan.status == PlanStatus.SUBMITTED


def test_owner_may_withdraw_submitted_plan(plan, professional, login):
    set_status(plan, PlanStatus.SUBMITTED)
    client = login(professional)
    assert 'name="to_status" value="concept"' in client.get(detail(plan)).content.decode()
    client.post(reverse("workspace:status", args=[plan.pk]), {"to_status": "concept"})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CONCEPT


@pytest.mark.parametrize(("persona", "status"), [("manager", 403), ("policy_analyst", 403), ("outsider", 404)])
def test_workflow_views_access(persona, status, plan, login, request):
    client = login(request.getfixturevalue(persona))
    assert client.post(submit_url(plan), FROM_PLAN_PAGE).status_code == status
    assert client.post(reverse("workspace:status", args=[plan.pk]), {"to_status": "submitted"}).status_code == status
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CONCEPT


def test_plan_factory_in_other_team_is_invisible_to_team_lead(other_team, team_lead, login):
    from doorbraak.households.tests.factories import HouseholdFactory

    foreign = PlanFactory(household=HouseholdFactory(team=other_team))
    assert login(team_lead).get(detail(foreign)).status_code == 404


def test_editor_query_count_does_not_grow_with_items(plan, professional, login):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from doorbraak.plans.tests.factories import NeedFactory

    client = login(professional)
    client.get(detail(plan))
    with CaptureQueriesContext(connection) as empty:
        client.get(detail(plan))
    for _ in range(5):
        HelperFactory(plan=plan)
        NeedFactory(plan=plan)
        StepFactory(plan=plan)
    with CaptureQueriesContext(connection) as full:
        client.get(detail(plan))
    assert len(full) == len(empty)


def test_autosave_fires_on_typing_only(plan, professional, login):
    """Not on 'change' (blur): a save fired by leaving the textarea would swap the conflict region away just
    as the user clicks "Mijn versie toch opslaan", and the click would lose its overwrite value."""
    html = login(professional).get(detail(plan)).content.decode()
    assert 'hx-trigger="input changed delay:1500ms, submit"' in html
    assert "change, submit" not in html
