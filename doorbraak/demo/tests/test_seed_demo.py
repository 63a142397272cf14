"""The demo that ``seed_demo`` builds, read by every test here: it is built once for this module (the
``seeded_demo`` fixture in conftest.py) and rolled back afterwards. Tests that need a database without the
demo are in test_seed_without_demo.py."""

from collections import Counter
from decimal import Decimal
from io import StringIO

import pytest
from dateutil.relativedelta import relativedelta
from django.apps import apps
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from doorbraak.accounts.models import User
from doorbraak.accounts.tests.mfa_support import verified_login
from doorbraak.audit.models import AuditEvent
from doorbraak.costs.constants import Scenario
from doorbraak.costs.models import CostLine
from doorbraak.costs.selectors import plan_results
from doorbraak.demo.constants import DEMO_PASSWORD, DEMO_USERS
from doorbraak.demo.seeds.cases import CASES
from doorbraak.demo.seeds.voices import SCORE_ORDER, VOICES
from doorbraak.engagement.constants import HealthDimension
from doorbraak.engagement.selectors import scores_for_plan, value_triangle
from doorbraak.followup.constants import ActionState, BreakthroughOutcome, ContactDomain, DecisionState
from doorbraak.followup.models import ContactPerson, DecisionRequest, Evaluation, FollowUpAction, SharingConsent
from doorbraak.followup.selectors import inbox_for_user, plan_involved_user_ids, visible_parts_for_partner
from doorbraak.households.models import Household
from doorbraak.organisations.constants import Role
from doorbraak.organisations.models import Membership, Organisation
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.models import Plan, StatusChange, Tag
from tests.pageforms import rendered_form

# One worker builds the demo for all of this module's tests (pytest-xdist keeps a group on one worker).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("seeded-demo")]

# Every model of the apps the demo writes to: a second run must not add a single row to any of them.
COUNTED_APPS = ("accounts", "organisations", "households", "plans", "audit", "costs", "legal", "engagement", "followup")
PAST_CONCEPT = set(PlanStatus.values) - {PlanStatus.CONCEPT}
DECIDED = {PlanStatus.APPROVED, PlanStatus.IN_PROGRESS, PlanStatus.EVALUATED, PlanStatus.CLOSED}


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for label in COUNTED_APPS
        for model in apps.get_app_config(label).get_models()
    }


def _seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.mark.slow
def test_seed_demo_builds_everything_once(client, seeded_demo):
    first = seeded_demo.output  # the first run, made by the fixture on the empty database
    assert "Demodata aangemaakt" in first
    before = _row_counts()

    voorbeeldstad = Organisation.objects.get(slug="voorbeeldstad")
    anderstad = Organisation.objects.get(slug="anderstad")
    assert voorbeeldstad.name == "Gemeente Voorbeeldstad"
    assert {t.name for t in voorbeeldstad.teams.all()} == {
        "Wijkteam Noord",
        "Wijkteam Centrum",
        "Jeugd- en gezinsteam Zuid",
    }
    assert all(t.district is not None for t in voorbeeldstad.teams.all())
    assert voorbeeldstad.districts.count() == 3

    # a user for every role, plus a national admin
    roles = set(Membership.objects.filter(organisation=voorbeeldstad, is_active=True).values_list("role", flat=True))
    assert roles == set(Role.values)
    assert User.objects.filter(is_national_admin=True, email="landelijk@doorbraak.example").exists()
    assert Membership.objects.filter(organisation=anderstad, role=Role.PROFESSIONAL).count() == 1

    # ~30 households with plans in every status
    plans = Plan.objects.filter(organisation=voorbeeldstad)
    assert 28 <= plans.count() <= 32
    assert set(plans.values_list("status", flat=True)) == set(PlanStatus.values)
    owners = {p.owner.email for p in plans.filter(status=PlanStatus.CLOSED)}
    assert len(owners) == 3  # every professional has a closed plan (and so every status)
    for plan in plans.prefetch_related("helpers", "steps", "needs", "tags"):
        assert 5 <= plan.helpers.count() <= 15
        assert plan.situation
        if plan.status != PlanStatus.CONCEPT:
            assert plan.has_breakthrough and plan.breakthrough_obstacle and plan.breakthrough_grantor
            assert plan.steps.count() >= 4 and plan.needs.count() >= 3 and plan.tags.count() >= 5
            assert plan.submitted_at is not None
            assert plan.active_editing_seconds > 0 and plan.submitted_editing_seconds is not None
            assert plan.created_at < plan.submitted_at
    rejections = StatusChange.objects.filter(plan__in=plans, to_status=PlanStatus.REJECTED).exclude(reason="")
    assert rejections.count() == plans.filter(status=PlanStatus.REJECTED).count() == 3

    # members have roles and birth years, never names
    household = Household.objects.filter(organisation=voorbeeldstad).first()
    assert household.members.exists() and household.consents.exists()
    assert all(m.birth_year > 1900 for m in household.members.all())

    # the services wrote audit rows, spread over past months
    assert AuditEvent.objects.filter(action="plan.create", organisation=voorbeeldstad).count() == plans.count()
    assert AuditEvent.objects.filter(action="plan.status", organisation=voorbeeldstad).exists()
    oldest = plans.order_by("created_at").first().created_at
    newest = plans.order_by("-created_at").first().created_at
    assert (newest - oldest).days > 180

    # second run: nothing changes
    second = _seed()
    assert "niets gewijzigd" in second
    assert _row_counts() == before
    assert "oudere versie" not in second

    # (seeding is slow-ish, so the same data also checks the logins and the follow-up story)
    _check_demo_logins(client)
    _check_value_triangle(voorbeeldstad)
    _check_decisions_along_the_matrix(voorbeeldstad)
    _check_evaluations(voorbeeldstad)
    _check_consent_and_contacts(voorbeeldstad)
    _check_every_role_has_something_to_see(client, voorbeeldstad)
    _check_every_reachable_link_works(client)
    assert seeded_demo.mails == [] and mail.outbox == []  # seeding never mails the demo's (fictional) deciders


def _check_value_triangle(organisation):
    """Every plan past concept was submitted through follow-up with all three sides complete; the concepts
    show different stages (one ready to submit, others with something missing)."""
    plans = Plan.objects.filter(organisation=organisation)
    for plan in plans.filter(status__in=PAST_CONCEPT):
        assert all(side.complete for side in value_triangle(plan=plan)), plan.pk
        assert plan.engagement.own_words and plan.engagement.goals and plan.engagement.motivation
        scores = scores_for_plan(plan=plan)
        assert None not in scores.values("now").values() and None not in scores.values("expected").values()
        assert scores.average_expected > scores.average_now
        assert DecisionRequest.objects.filter(plan=plan).exists()  # submitted through followup.plan_submit
    concepts = plans.filter(status=PlanStatus.CONCEPT)
    complete = [all(side.complete for side in value_triangle(plan=p)) for p in concepts]
    assert complete.count(True) == 1 and complete.count(False) == concepts.count() - 1
    assert not DecisionRequest.objects.filter(plan__in=concepts).exists()


def _check_decisions_along_the_matrix(organisation):
    assert [lv.decider_role for lv in organisation.escalation_levels.order_by("position")] == [
        Role.TEAM_LEAD,
        Role.DOORBRAAKTEAM,
        Role.MANAGER,
        Role.MANAGER,
    ]
    requests = DecisionRequest.objects.filter(organisation=organisation).select_related("level", "plan", "decided_by")
    for request in requests.filter(state=DecisionState.SKIPPED):
        # a level passed over (nobody there may decide: four eyes, or a team without a team lead) says why
        assert request.decided_by is None and request.reason.startswith("Overgeslagen")
    for request in requests.exclude(state__in=[DecisionState.OPEN, DecisionState.SKIPPED]):
        # decided by someone with the level's role; a team lead only for the own team's plans, never their own
        assert request.decided_by_id not in plan_involved_user_ids(plan=request.plan)
        membership = request.decided_by.membership
        assert membership.role == request.level.decider_role
        if membership.role == Role.TEAM_LEAD:
            assert membership.team_id == request.plan.team_id
        assert request.decided_at > request.opened_at
        assert request.reason  # rejections, escalations and (in the demo) approvals say why
    states = Counter(requests.values_list("state", flat=True))
    assert states[DecisionState.ESCALATED] >= 5 and states[DecisionState.REJECTED] == 3
    for plan in Plan.objects.filter(organisation=organisation, status__in=PAST_CONCEPT):
        last = plan.decision_requests.order_by("opened_at", "id").last()
        expected = {PlanStatus.SUBMITTED: DecisionState.OPEN, PlanStatus.REJECTED: DecisionState.REJECTED}
        assert last.state == expected.get(plan.status, DecisionState.APPROVED), plan.pk
        assert plan.decision_requests.filter(state=DecisionState.OPEN).count() == (plan.status == "submitted")
    # the rejection reason is on the status change too, and every decided plan has its two evaluations
    rejected = Plan.objects.filter(organisation=organisation, status=PlanStatus.REJECTED)
    assert not StatusChange.objects.filter(plan__in=rejected, to_status=PlanStatus.REJECTED, reason="").exists()
    for plan in Plan.objects.filter(organisation=organisation, status__in=DECIDED):
        assert sorted(plan.evaluations.values_list("months", flat=True)) == [6, 12]


def _check_evaluations(organisation):
    """Evaluations on their dates, with realised costs and scores: most breakthroughs worked, some partly,
    one did not; the evaluated and closed plans show forecast against realised."""
    today = timezone.localdate()
    for evaluation in Evaluation.objects.filter(organisation=organisation).select_related("plan"):
        approved = evaluation.plan.status_changes.get(to_status=PlanStatus.APPROVED).at
        assert evaluation.due_on == timezone.localdate(approved) + relativedelta(months=evaluation.months)
        if evaluation.is_recorded:
            assert evaluation.due_on <= timezone.localdate(evaluation.recorded_at) <= today
            assert evaluation.explanation
    recorded = Evaluation.objects.filter(organisation=organisation, recorded_at__isnull=False)
    latest = {e.plan_id: e.breakthrough_achieved for e in recorded.order_by("months")}
    outcomes = Counter(latest.values())
    assert outcomes[BreakthroughOutcome.NO] == 1 and outcomes[BreakthroughOutcome.PARTLY] >= 1
    assert outcomes[BreakthroughOutcome.YES] > outcomes[BreakthroughOutcome.PARTLY] + outcomes[BreakthroughOutcome.NO]
    for plan in Plan.objects.filter(organisation=organisation, status__in=[PlanStatus.EVALUATED, PlanStatus.CLOSED]):
        months = set(plan.evaluations.filter(recorded_at__isnull=False).values_list("months", flat=True))
        assert months == ({6, 12} if plan.status == PlanStatus.CLOSED else {6})
        assert len(scores_for_plan(plan=plan).realised) == len(months)
        result = plan_results(plan=plan)
        assert result.totals[Scenario.REALISED] > 0
        # the plan was cheaper than what threatened, and what it really cost follows the outcome
        assert result.totals[Scenario.PLAN] < result.totals[Scenario.THREATENING]
        if latest[plan.pk] == BreakthroughOutcome.NO:
            assert result.totals[Scenario.REALISED] > result.totals[Scenario.PLAN]
        closed_at = plan.status_changes.filter(to_status=PlanStatus.CLOSED).first()
        if closed_at:
            assert closed_at.at > plan.evaluations.get(months=12).recorded_at
    # a plan in progress whose six-month evaluation is due now (in its owner's inbox)
    in_progress = Plan.objects.filter(organisation=organisation, status=PlanStatus.IN_PROGRESS)
    assert Evaluation.objects.filter(plan__in=in_progress, due_on__lte=today, recorded_at__isnull=True).count() == 1


def _check_consent_and_contacts(organisation):
    contacts = ContactPerson.objects.filter(organisation=organisation)
    assert set(contacts.values_list("domain", flat=True)) == set(ContactDomain.values)
    assert contacts.filter(user__isnull=False).exists()  # a colleague as well as partners
    households = Household.objects.filter(organisation=organisation, plans__status__in=PAST_CONCEPT).distinct()
    for household in households:
        assert 2 <= SharingConsent.objects.filter(household=household).count() <= 3
    consents = SharingConsent.objects.filter(organisation=organisation)
    assert consents.filter(withdrawn_on__isnull=False).count() == 1
    assert consents.filter(valid_until__lt=timezone.localdate()).exists()  # old plans: consent has expired
    valid = next(c for c in consents if c.is_valid_on(timezone.localdate()))
    plan = valid.household.plans.first()
    assert visible_parts_for_partner(plan=plan, partner=valid.partner) == set(valid.parts)


def _check_every_role_has_something_to_see(client, organisation):
    users = {spec.key: User.objects.get(email=spec.email) for spec in DEMO_USERS}
    # the professional: plans in every status, open and done actions, an evaluation due now
    professional = users["prof_noord"]
    own = Plan.objects.filter(owner=professional)
    assert set(own.values_list("status", flat=True)) == set(PlanStatus.values)
    actions = FollowUpAction.objects.filter(owner=professional)
    assert {ActionState.OPEN, ActionState.DONE} <= set(actions.values_list("state", flat=True))
    inbox = inbox_for_user(user=professional)
    assert inbox.actions and len(inbox.evaluations) == 1
    # every decider has a plan waiting at their level; the team lead also an action
    for key in ("team_lead", "doorbraakteam", "manager"):
        assert inbox_for_user(user=users[key]).decisions, key
    assert inbox_for_user(user=users["team_lead"]).actions
    # the pages: the inbox lists the waiting plans by reference
    for key in ("prof_noord", "team_lead", "doorbraakteam", "manager"):
        verified_login(client, users[key])
        page = client.get(reverse("followup:inbox"))
        assert page.status_code == 200
        inbox = inbox_for_user(user=users[key])
        for item in inbox.decisions + inbox.actions:
            assert item.plan.household.reference in page.content.decode()
        for request in inbox.decisions:
            assert client.get(reverse("followup:plan_followup", args=[request.plan_id])).status_code == 200
    # the functional admin: the escalation matrix and the contact persons
    verified_login(client, users["functional_admin"])
    page = client.get(reverse("followup:matrix"))
    assert page.status_code == 200 and "Woonstichting Voorbeeldstad" in page.content.decode()
    # an evaluated plan: forecast against realised on the follow-up page, and the engagement page
    verified_login(client, professional)
    evaluated = own.get(status=PlanStatus.EVALUATED)
    page = client.get(reverse("followup:plan_followup", args=[evaluated.pk]))
    assert page.status_code == 200
    assert "Directe besparing gerealiseerd" in page.content.decode()
    assert "Er zijn nog geen gerealiseerde kosten vastgelegd" not in page.content.decode()
    assert client.get(reverse("engagement:plan_engagement", args=[evaluated.pk])).status_code == 200
    client.logout()


def _check_every_reachable_link_works(client):
    """The site's crawler (tests/test_crawl.py) over the demo: no dead link for the roles that use follow-up."""
    from tests.test_crawl import crawl

    for key in ("prof_noord", "team_lead", "doorbraakteam", "manager", "functional_admin"):
        verified_login(client, User.objects.get(email=next(u.email for u in DEMO_USERS if u.key == key)))
        pages, problems = crawl(client)
        assert pages > 3 and problems == [], (key, problems)
    client.logout()


def test_every_story_has_the_households_voice():
    for case in CASES:
        voice = VOICES[case["key"]]
        assert voice["own_words"] and voice["goals"] and voice["motivation"], case["key"]
        assert len(voice["now"]) == len(voice["expected"]) == len(SCORE_ORDER)
        assert all(0 <= n <= e <= 10 for n, e in zip(voice["now"], voice["expected"], strict=True)), case["key"]
    assert set(SCORE_ORDER) == set(HealthDimension.values)


def _check_demo_logins(client):
    for spec in DEMO_USERS:
        assert client.login(email=spec.email, password=DEMO_PASSWORD), spec.email
        client.logout()
    response = client.post(
        reverse("accounts:login"), {"username": "professional@voorbeeldstad.example", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    # the seeded app: the second step takes the code that `manage.py demo_code` prints
    professional = User.objects.get(email="professional@voorbeeldstad.example")
    out = StringIO()
    call_command("demo_code", professional.email, stdout=out, stderr=StringIO())
    verify = client.get(client.get(response["Location"])["Location"])
    assert verify.wsgi_request.path == reverse("accounts:mfa_verify")
    response = rendered_form(verify, with_field="code").submit(client, {"code": out.getvalue().strip()})
    assert response.status_code == 302 and "/account/" not in response["Location"]
    plans_page = client.get(reverse("plans:list"))
    assert plans_page.status_code == 200
    # tenant isolation in the demo: Anderstad's professional cannot open a Voorbeeldstad plan
    plan = Plan.objects.filter(organisation__slug="voorbeeldstad").first()
    client.logout()
    verified_login(client, User.objects.get(email="professional@anderstad.example"))
    assert client.get(reverse("workspace:plan", args=[plan.pk])).status_code == 404


def test_every_case_uses_known_tags_and_life_domains(db):
    from doorbraak.core.constants import LifeDomain

    codes = set(Tag.objects.values_list("code", flat=True))
    for case in CASES:
        assert set(case["tags"]) <= codes, case["key"]
        domains = {d for _, _, d in case["helpers"]} | {d for d, _, _ in case["needs"]}
        assert domains <= set(LifeDomain.values), case["key"]


@pytest.mark.slow
def test_seeded_plans_have_distinct_forecasts_with_realistic_averages(seeded_demo):
    """The demo's Rendement as a whole tells numbers that look like practice (BRIEF §7: avoided costs of about
    €20,000-30,000 per plan, a direct saving of a few thousand, with spread). Story by story: test_seed_costs.py."""
    plans = list(Plan.objects.exclude(status=PlanStatus.CONCEPT))
    assert len(plans) >= 25
    results = [plan_results(plan=plan) for plan in plans]
    avoided = [r.avoided_costs for r in results]
    direct = [r.direct_saving for r in results]
    assert len(set(avoided)) >= 10  # not one forecast for every plan
    average_avoided = sum(avoided) / len(avoided)
    average_direct = sum(direct) / len(direct)
    assert Decimal("20000") <= average_avoided <= Decimal("30000"), average_avoided
    assert Decimal("2500") <= average_direct <= Decimal("4500"), average_direct
    # spread: some plans cost more now than what is spent, yet every plan avoids more than it costs
    assert any(d < 0 for d in direct) and any(d > 5000 for d in direct)
    assert all(a > 0 for a in avoided)
    # every plan past concept has all three scenarios, and some of it is paid from the Doorbraakbudget
    for plan, result in zip(plans, results, strict=True):
        assert all(result.totals[s] > 0 for s in (Scenario.CURRENT, Scenario.THREATENING, Scenario.PLAN)), plan.pk
    assert CostLine.objects.filter(plan__in=plans, scenario=Scenario.PLAN, paid_from_budget=True).count() >= 10
