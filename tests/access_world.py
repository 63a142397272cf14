"""The data of the role × URL × state matrix (tests/test_access_matrix.py), built once per module.

Two municipalities with a user of every role (the emails of the root conftest.py's personas), a national admin,
and in Voorbeeldstad one plan in each status a decision passes through, plus a household without a plan. Every
route of the project gets its arguments from here: ``route_kwargs(name, converters, state)``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from doorbraak.costs.models import CostLine, PriceItem, SuggestionRule, TariffSet
from doorbraak.followup import services as followup
from doorbraak.followup.models import Evaluation
from doorbraak.followup.tests.factories import ContactPersonFactory, make_complete
from doorbraak.households.tests.factories import HouseholdFactory
from doorbraak.legal.models import Citation, LegalArticle, LocalImport
from doorbraak.legal.tests.factories import LocalArticleFactory
from doorbraak.organisations.constants import Role
from doorbraak.organisations.tests.factories import (
    DistrictFactory,
    OrganisationFactory,
    TeamFactory,
    UserFactory,
    make_member,
)
from doorbraak.plans.models import Tag
from doorbraak.plans.tests.factories import PlanFactory, StepFactory
from doorbraak.prefab.tests.factories import make_template

# The plan states of the matrix, in the order a plan passes them. "submitted@<role>" waits at that level.
PLAN_STATES = [
    "concept",
    "submitted@team_lead",
    "submitted@doorbraakteam",
    "submitted@manager",
    "approved",
    "rejected",
    "evaluated",
]
HOUSEHOLD_STATES = ["with_plan", "without_plan"]
NO_STATE = "-"

# Every persona: (municipality, role, in the team?, email). "a" is Voorbeeldstad, "b" Anderstad.
PERSONAS = {
    "professional": ("a", Role.PROFESSIONAL, True, "professional@voorbeeldstad.nl"),  # owns every plan
    "colleague": ("a", Role.PROFESSIONAL, True, "collega@voorbeeldstad.nl"),
    "team_lead": ("a", Role.TEAM_LEAD, True, "teamleider@voorbeeldstad.nl"),
    "doorbraakteam": ("a", Role.DOORBRAAKTEAM, False, "doorbraakteam@voorbeeldstad.nl"),
    "manager": ("a", Role.MANAGER, False, "manager@voorbeeldstad.nl"),
    "policy_analyst": ("a", Role.POLICY_ANALYST, False, "beleid@voorbeeldstad.nl"),
    "functional_admin": ("a", Role.FUNCTIONAL_ADMIN, False, "beheer@voorbeeldstad.nl"),
    "privacy_officer": ("a", Role.PRIVACY_OFFICER, False, "privacy@voorbeeldstad.nl"),
    "national_admin": (None, None, False, "landelijk@doorbraak.nl"),
    "outsider": ("b", Role.PROFESSIONAL, True, "professional@anderstad.nl"),
    "outsider_team_lead": ("b", Role.TEAM_LEAD, True, "teamleider@anderstad.nl"),
    "outsider_doorbraakteam": ("b", Role.DOORBRAAKTEAM, False, "doorbraakteam@anderstad.nl"),
    "outsider_manager": ("b", Role.MANAGER, False, "manager@anderstad.nl"),
    "outsider_policy_analyst": ("b", Role.POLICY_ANALYST, False, "beleid@anderstad.nl"),
    "outsider_admin": ("b", Role.FUNCTIONAL_ADMIN, False, "beheer@anderstad.nl"),
}


@dataclass
class World:
    users: dict = field(default_factory=dict)
    plans: dict = field(default_factory=dict)  # state -> Plan
    households: dict = field(default_factory=dict)  # state -> Household
    objects: dict = field(default_factory=dict)  # converter name -> value, for the routes without a plan


def _escalate_to(request, level_role: str, deciders: dict):
    for role in ("team_lead", "doorbraakteam"):
        if request.level.decider_role == level_role:
            break
        request = followup.decision_escalate(actor=deciders[role], request=request, note="Hoger niveau nodig.")
    return request


def _plan_in(state: str, world: World, household) -> object:
    users = world.users
    owner = users["professional"]
    plan = PlanFactory(household=household, owner=owner)
    StepFactory(plan=plan, owner=owner)
    make_complete(plan, owner)
    contact = world.objects["contact"]
    followup.consent_record(
        actor=owner,
        plan=plan,
        partner=contact,
        parts=["situation"],
        given_on=timezone.localdate(),
        valid_until=timezone.localdate() + datetime.timedelta(days=180),
    )
    followup.action_create(actor=owner, plan=plan, description="Bellen", owner=owner, due_date=timezone.localdate())
    if state == "concept":
        return plan
    request = followup.plan_submit(actor=owner, plan=plan)
    if state.startswith("submitted@"):
        _escalate_to(request, state.split("@")[1], users)
        return plan
    if state == "rejected":
        followup.decision_reject(actor=users["team_lead"], request=request, reason="Onvoldoende onderbouwd.")
        return plan
    followup.decision_approve(actor=users["team_lead"], request=request, reason="Akkoord.")
    if state == "evaluated":
        evaluation = Evaluation.objects.filter(plan=plan).order_by("due_on").first()
        followup.evaluation_record(
            actor=owner,
            evaluation=evaluation,
            breakthrough_achieved="yes",
            explanation="De huur is betaald.",
            today=evaluation.due_on,
        )
    plan.refresh_from_db()
    return plan


def build_world() -> World:
    world = World()
    orgs = {
        "a": OrganisationFactory(name="Gemeente Voorbeeldstad", slug="voorbeeldstad"),
        "b": OrganisationFactory(name="Gemeente Anderstad", slug="anderstad", primary_colour="#7a1f5c"),
    }
    teams = {key: TeamFactory(organisation=org, name=f"Wijkteam {org.slug}") for key, org in orgs.items()}
    for name, (org_key, role, in_team, email) in PERSONAS.items():
        if org_key is None:
            world.users[name] = UserFactory(email=email, is_national_admin=True)
        else:
            world.users[name] = make_member(orgs[org_key], role, team=teams[org_key] if in_team else None, email=email)
    org = orgs["a"]
    admin = world.users["functional_admin"]
    levels = followup.escalation_matrix_seed_defaults(actor=admin, organisation=org)
    levels[2].deciders.set([world.users["manager"]])
    world.objects["contact"] = ContactPersonFactory(organisation=org)
    for state in PLAN_STATES:
        household = HouseholdFactory(team=teams["a"], created_by=world.users["professional"])
        world.plans[state] = _plan_in(state, world, household)
    world.households["with_plan"] = world.plans["concept"].household
    world.households["without_plan"] = HouseholdFactory(team=teams["a"], created_by=world.users["professional"])
    item = PriceItem.objects.filter(is_active=True).first()
    line = CostLine.objects.filter(plan=world.plans["approved"]).first()
    line.paid_from_budget = True
    line.save(update_fields=["paid_from_budget"])
    world.objects.update(
        level=levels[0],
        team=teams["a"],
        district=DistrictFactory(organisation=org),
        membership=world.users["colleague"].membership,
        tag=Tag.objects.first(),
        price_item=item,
        rule=SuggestionRule.objects.create(tag_codes="huurachterstand", item=item, scenario="plan", quantity=1),
        tariff_set=TariffSet.objects.create(organisation=org, kind="wmo", name="Tarieven 2026", created_by=admin),
        local_article=LocalArticleFactory(organisation=org),
        national_article=LegalArticle.objects.first(),
        local_import=LocalImport.objects.create(organisation=org, created_by=admin),
        budget_line=line,
        # a published template of Voorbeeldstad: its admin reads it (read-only), its professionals may apply it
        template=make_template(actor=admin, organisation=org),
    )
    return world


def route_state_kind(converters: dict) -> str:
    if "plan_id" in converters:
        return "plan"
    if "household_id" in converters:
        return "household"
    return "none"


def states_for(converters: dict) -> list[str]:
    return {"plan": PLAN_STATES, "household": HOUSEHOLD_STATES, "none": [NO_STATE]}[route_state_kind(converters)]


def _first_evaluation(plan):
    return Evaluation.objects.filter(plan=plan).order_by("due_on").first()


# How each route argument is found: (world, route name, plan of the state or None) -> value.
ARGUMENTS = {
    "line_id": lambda w, n, plan: (w.objects["budget_line"] if plan is None else plan.cost_lines.first()).pk,
    "action_id": lambda w, n, plan: plan.followup_actions.first().pk,
    # a plan without an evaluation gets another plan's: the route must not open it (404)
    "evaluation_id": lambda w, n, plan: (_first_evaluation(plan) or Evaluation.objects.first()).pk,
    "consent_id": lambda w, n, plan: plan.household.sharing_consents.first().pk,
    "contact_id": lambda w, n, plan: w.objects["contact"].pk,
    "citation_id": lambda w, n, plan: Citation.objects.filter(plan=plan).first().pk,
    "kind": lambda w, n, plan: "step",
    "item_id": lambda w, n, plan: plan.steps.first().pk,
    "section": lambda w, n, plan: "situation",
    "level_id": lambda w, n, plan: w.objects["level"].pk,
    "rule_id": lambda w, n, plan: w.objects["rule"].pk,
    "set_id": lambda w, n, plan: w.objects["tariff_set"].pk,
    "code": lambda w, n, plan: w.objects["price_item"].code,
    "article_id": lambda w, n, plan: (
        w.objects["national_article" if n.startswith("legal:national") else "local_article"].pk
    ),
    "import_id": lambda w, n, plan: w.objects["local_import"].pk,
    "template_id": lambda w, n, plan: w.objects["template"].pk,
    "organisation": lambda w, n, plan: "voorbeeldstad",  # single sign-on is not set up for it in the tests: 404
    "membership_id": lambda w, n, plan: w.objects["membership"].pk,
    "team_id": lambda w, n, plan: w.objects["team"].pk,
    "district_id": lambda w, n, plan: w.objects["district"].pk,
    "tag_id": lambda w, n, plan: w.objects["tag"].pk,
    "uidb64": lambda w, n, plan: "MQ",  # a password-reset link with a token that does not hold
    "token": lambda w, n, plan: "set-password",
}


def route_kwargs(world: World, name: str, converters: dict, state: str) -> dict:
    """The arguments of route ``name`` for ``state``: the objects of that plan or household."""
    plan = world.plans.get(state)
    values = {}
    for key in converters:
        if key == "plan_id":
            values[key] = plan.pk
        elif key == "household_id":
            values[key] = world.households[state].pk
        elif key in ARGUMENTS:
            values[key] = ARGUMENTS[key](world, name, plan)
        else:
            raise KeyError(f"route {name}: no matrix value for the argument {key!r}; add it to ARGUMENTS")
    return values


def build_once(django_db_blocker):
    """Build the world in a transaction the caller rolls back (see ``world`` in test_access_matrix.py)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            world = build_world()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    return world, outer
