"""The demo's follow-up (Opvolging): every plan goes from concept to the status of its story through the real
follow-up services, so the demo has decision requests along the escalation matrix, evaluations with realised
costs and scores, follow-up actions and consent to share, exactly as in real use.

- Set-up (a day after the organisation): the default escalation matrix (team lead → Doorbraakteam →
  manager/director → administrator) and a fixed contact person for every domain in Voorbeeldstad.
- Per plan, continuing its own timeline: consent to share with partners that fit the story, ``plan_submit``
  (which checks the value triangle), the decisions of its ``ROUTES`` entry (escalate / approve / reject, each
  by the person who may decide at that level, a few days apart), the start, steps done, the 6- and 12-month
  evaluations on their due dates (realised cost lines, realised Positive Health, the outcome of ``OUTCOMES``),
  closing, and the follow-up actions of ``ACTIONS``.
- Only Wijkteam Noord has a team lead, so its plans go to the team lead first; the others skip that level.

Idempotent: a plan that existed before this run is not touched (the plans area creates plans and this area
walks them in the same transaction). A plan that is past concept but has no decision request was made by an
older version of the seed; the command then says to start from an empty database.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from doorbraak.costs.constants import Scenario
from doorbraak.costs.models import CostLine
from doorbraak.costs.services import line_add
from doorbraak.engagement.constants import Measurement
from doorbraak.engagement.selectors import scores_for_plan
from doorbraak.followup.constants import ActionState, BreakthroughOutcome, ContactDomain, SharingPart
from doorbraak.followup.constants import ContactDomain as D
from doorbraak.followup.costs_bridge import realised_copy_from_plan, realised_line_update
from doorbraak.followup.models import ContactPerson, DecisionRequest, Evaluation
from doorbraak.followup.selectors import deciders_for, open_request
from doorbraak.followup.services import (
    action_create,
    action_set_state,
    consent_record,
    consent_withdraw,
    contact_create,
    decision_approve,
    decision_escalate,
    decision_reject,
    escalation_matrix_seed_defaults,
    evaluation_record,
    plan_submit,
)
from doorbraak.organisations.constants import Role
from doorbraak.plans.constants import PlanStatus as S
from doorbraak.plans.services import plan_item_update, plan_record_read, plan_transition

from ..constants import VOORBEELDSTAD
from .cases import CASES, REJECTION_REASONS
from .organisations import SET_UP_DAYS_AGO

ESCALATE, APPROVE, REJECT = "escalate", "approve", "reject"
YES, PARTLY, NO = BreakthroughOutcome.YES, BreakthroughOutcome.PARTLY, BreakthroughOutcome.NO

# The decisions a plan goes through, one per level it visits. Without an entry: approve (or reject, for a
# rejected story) at the first level where someone can decide; a submitted plan waits there.
DEFAULT_ROUTES = {S.SUBMITTED: (), S.REJECTED: (REJECT,)}
ROUTES: dict[str, tuple[str, ...]] = {
    "voorbeeldstad-09": (ESCALATE,),  # Doorbraakteam → waits for the manager
    "voorbeeldstad-13": (ESCALATE, APPROVE),  # team lead → Doorbraakteam approves
    "voorbeeldstad-15": (ESCALATE, APPROVE),  # Doorbraakteam → manager approves
    "voorbeeldstad-18": (ESCALATE, REJECT),  # Doorbraakteam → manager rejects
    "voorbeeldstad-22": (ESCALATE, ESCALATE, APPROVE),  # team lead → Doorbraakteam → manager approves
    "voorbeeldstad-26": (ESCALATE, APPROVE),  # Doorbraakteam → manager approves
    "voorbeeldstad-28": (ESCALATE, APPROVE),  # team lead → Doorbraakteam approves
}

# Did the breakthrough work? (6 months, 12 months) for the evaluated and closed stories: most did, two partly,
# one did not.
OUTCOMES: dict[str, tuple[str, ...]] = {
    "voorbeeldstad-24": (YES,),
    "voorbeeldstad-25": (PARTLY,),
    "voorbeeldstad-26": (NO,),
    "voorbeeldstad-27": (YES,),
    "voorbeeldstad-28": (YES, YES),
    "voorbeeldstad-29": (YES, YES),
    "voorbeeldstad-30": (PARTLY, PARTLY),
}

# Follow-up actions: (created by, owner, what, phase, state). Phases: "decided" (after the last decision, or
# after submitting while the plan waits), "started", "evaluated", "recent" (a few days ago, due in the coming
# weeks). State "done" is set a few days after creating.
ACTIONS: dict[str, list[tuple[str, str, str, str, str]]] = {
    "voorbeeldstad-06": [
        (
            "doorbraakteam",
            "doorbraakteam",
            "Kosten van de uitzondering laten toetsen door de controller sociaal domein.",
            "decided",
            "open",
        )
    ],
    "voorbeeldstad-07": [
        (
            "team_lead",
            "team_lead",
            "Navragen bij Werk en Inkomen of de uitzondering binnen het mandaat van het team past.",
            "decided",
            "open",
        )
    ],
    "voorbeeldstad-13": [
        (
            "doorbraakteam",
            "prof_noord",
            "Binnen twee weken terugkoppelen aan het Doorbraakteam of de uitzondering is uitgevoerd.",
            "decided",
            "open",
        )
    ],
    "voorbeeldstad-19": [
        (
            "prof_noord",
            "prof_noord",
            "Schriftelijke bevestiging van de uitzondering bij het dossier voegen.",
            "started",
            "done",
        )
    ],
    "voorbeeldstad-20": [
        ("prof_centrum", "prof_centrum", "Eerste afspraak met de budgetcoach inplannen.", "recent", "open")
    ],
    "voorbeeldstad-21": [("prof_zuid", "prof_zuid", "Afspraken met school vastleggen in het plan.", "started", "done")],
    "voorbeeldstad-22": [
        (
            "manager",
            "prof_noord",
            "Laten weten of de partners de afspraken nakomen; het besluit was een uitzondering op beleid.",
            "started",
            "done",
        ),
        (
            "team_lead",
            "prof_noord",
            "Casus inbrengen in het teamoverleg: wat leren we hiervan voor vergelijkbare huishoudens?",
            "recent",
            "open",
        ),
    ],
    "voorbeeldstad-26": [
        (
            "prof_centrum",
            "prof_centrum",
            "Met het huishouden een nieuw plan maken: de doorbraak is niet gelukt.",
            "evaluated",
            "done",
        )
    ],
}

# A household that withdrew one consent after its plan was rejected.
WITHDRAWS_CONSENT = {"voorbeeldstad-17"}

ESCALATION_NOTES = {
    Role.TEAM_LEAD: "De uitzondering en het bedrag vallen buiten het mandaat van het team; graag een besluit "
    "van het Doorbraakteam.",
    Role.DOORBRAAKTEAM: "De uitzondering raakt het beleid van meer dan één domein; hiervoor is een besluit van "
    "de manager nodig.",
    Role.MANAGER: "Uitzondering op de verordening: ter besluit aan de bestuurder.",
}
APPROVAL_NOTES = [
    "Akkoord: de rekensom en de onderbouwing zijn helder. Evalueer na zes maanden of de doorbraak standhoudt.",
    "Akkoord binnen het mandaat. Leg de afspraak met de partner schriftelijk vast.",
    "Akkoord; de kosten van niets doen zijn vele malen hoger dan die van de uitzondering.",
]
EVALUATION_TEXTS = {
    (6, YES): "De uitzondering is binnen enkele weken uitgevoerd. De dreigende situatie is van tafel, het "
    "huishouden houdt zich aan de afspraken en de meeste stappen uit het plan zijn gezet.",
    (6, PARTLY): "De uitzondering is toegekend, maar de uitvoering liep vertraging op bij een van de partners. "
    "De eerste nood is opgelost; stabiliseren kost meer tijd en begeleiding dan gepland.",
    (6, NO): "De uitzondering is toegekend, maar kwam te laat: de dreigende situatie is deels toch ingetreden. "
    "Met het huishouden wordt een nieuw plan gemaakt.",
    (12, YES): "Na een jaar is de situatie stabiel. Het huishouden regelt de vaste zaken zelf en heeft alleen "
    "nog licht contact met het wijkteam.",
    (12, PARTLY): "Na een jaar is de grootste nood voorbij, maar niet alles is gelukt: een deel van de "
    "begeleiding loopt door buiten dit plan.",
}
CLOSING_REASON = "Plan afgesloten in overleg met het huishouden."

# Fixed contact persons of Voorbeeldstad (fictional addresses). Internal: the key of a demo user.
CONTACTS: list[tuple[str, str, str, str]] = [
    (D.INCOME, "Werk en Inkomen Voorbeeldstad", "Teamleider bijstand", "werkeninkomen@voorbeeldstad.example"),
    (D.DEBTS, "Schuldhulpverlening Voorbeeldstad", "Coördinator schuldhulp", "schuldhulp@voorbeeldstad.example"),
    (D.SPECIAL_ASSISTANCE, "user:doorbraakteam", "Mandaat bijzondere bijstand", ""),
    (D.WMO, "Wmo-loket Voorbeeldstad", "Senior consulent Wmo", "wmo@voorbeeldstad.example"),
    (D.YOUTH, "Jeugdhulp Regio Voorbeeldstad", "Contactpersoon maatwerk jeugd", "jeugd@regio.example"),
    (D.HOUSING_URGENCY, "Urgentiecommissie Voorbeeldstad", "Secretaris", "urgentie@voorbeeldstad.example"),
    (D.HOUSING_CORPORATION, "Woonstichting Voorbeeldstad", "Consulent sociaal beheer", "beheer@woonstichting.example"),
    (D.INSURER, "Zorgverzekeraar Voorbeeld", "Afdeling bijzondere incasso", "incasso@zorgverzekeraar.example"),
    (D.UWV, "UWV", "Klantmanager", "klantmanager@uwv.example"),
    (D.CJIB, "CJIB", "Maatschappelijk dienstverlener", "maatschappelijk@cjib.example"),
    (D.TAX_OFFICE, "Belastingdienst/Toeslagen", "Herstelteam", "herstel@toeslagen.example"),
]  # fmt: skip

# Which partner fits a story: named helpers first, then the life domains of the needs.
AGENCY_PARTNER = {
    "Belastingdienst/Toeslagen": ContactDomain.TAX_OFFICE,
    "CJIB": ContactDomain.CJIB,
    "Zorgverzekeraar": ContactDomain.INSURER,
    "UWV": ContactDomain.UWV,
    "Woningcorporatie": ContactDomain.HOUSING_CORPORATION,
}
LIFE_DOMAIN_PARTNER = {
    "wonen": ContactDomain.HOUSING_CORPORATION,
    "schulden": ContactDomain.DEBTS,
    "inkomen": ContactDomain.INCOME,
    "opvoeden_opgroeien": ContactDomain.YOUTH,
    "onderwijs": ContactDomain.YOUTH,
    "zorg_ondersteuning": ContactDomain.WMO,
    "psychische_gezondheid": ContactDomain.WMO,
    "werk_dagbesteding": ContactDomain.UWV,
}
# What a partner of a domain gets to see, with the household's consent.
PARTS: dict[str, tuple[str, ...]] = {
    ContactDomain.HOUSING_CORPORATION: (SharingPart.SITUATION, SharingPart.BREAKTHROUGH_STEPS),
    ContactDomain.DEBTS: (SharingPart.SITUATION, SharingPart.PERSPECTIVE_NEEDS, SharingPart.COSTS),
    ContactDomain.INCOME: (SharingPart.SITUATION, SharingPart.BREAKTHROUGH_STEPS, SharingPart.LEGAL),
    ContactDomain.YOUTH: (SharingPart.SITUATION, SharingPart.PERSPECTIVE_NEEDS, SharingPart.BREAKTHROUGH_STEPS),
    ContactDomain.WMO: (SharingPart.SITUATION, SharingPart.PERSPECTIVE_NEEDS, SharingPart.ENGAGEMENT),
}
DEFAULT_PARTS = (SharingPart.SITUATION, SharingPart.BREAKTHROUGH_STEPS)

_CASES = {case["key"]: case for case in CASES}


def _aware(day, rng) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(rng.randint(9, 15), rng.randint(0, 59))))


def _set_up(ctx) -> dict:
    """The escalation matrix of both municipalities and Voorbeeldstad's contact persons, a day after set-up.
    Returns the active external partners per organisation id and domain."""
    ctx.clock.jump(ctx.clock.real_now - timedelta(days=SET_UP_DAYS_AGO - 1))
    for slug, organisation in ctx.organisations.items():
        admin = organisation.memberships.filter(role=Role.FUNCTIONAL_ADMIN, is_active=True).first()
        if admin is None:
            continue
        if not organisation.escalation_levels.exists():
            ctx.clock.advance(300)
            levels = escalation_matrix_seed_defaults(actor=admin.user, organisation=organisation)
            ctx.count("escalation levels", len(levels))
        if slug != VOORBEELDSTAD:
            continue
        for domain, who, function, email in CONTACTS:
            if ContactPerson.objects.filter(organisation=organisation, domain=domain).exists():
                continue
            ctx.clock.advance(90)
            data = {"domain": domain, "function": function, "email": email}
            if who.startswith("user:"):
                data["user"] = ctx.users[who.removeprefix("user:")]
            else:
                data["partner_organisation"] = who
            contact_create(actor=admin.user, organisation=organisation, data=data)
            ctx.count("contact persons")
    partners: dict[int, dict[str, ContactPerson]] = {}
    for contact in ContactPerson.objects.filter(user__isnull=True, is_active=True).order_by("-id"):
        partners.setdefault(contact.organisation_id, {})[contact.domain] = contact
    return partners


def _partner_domains(case: dict) -> list[str]:
    domains = [AGENCY_PARTNER[agency] for agency, _role, _domain in case["helpers"] if agency in AGENCY_PARTNER]
    domains += [LIFE_DOMAIN_PARTNER[d] for d, _kind, _text in case["needs"] if d in LIFE_DOMAIN_PARTNER]
    return list(dict.fromkeys(domains))


def _consents(ctx, demo_plan, rng, partners: dict) -> list:
    """The household agrees which partners may see which parts, for a year, when the plan is done."""
    plan = demo_plan.plan
    own = partners.get(plan.organisation_id, {})
    chosen = [own[d] for d in _partner_domains(_CASES[demo_plan.case]) if d in own][: rng.randint(2, 3)]
    given_on = timezone.localdate()
    consents = []
    for partner in chosen:
        ctx.sitting(demo_plan, rng, minutes=(1, 3))
        consents.append(
            consent_record(
                actor=plan.owner,
                plan=plan,
                partner=partner,
                parts=list(PARTS.get(partner.domain, DEFAULT_PARTS)),
                given_on=given_on,
                valid_until=given_on + relativedelta(months=12),
            )
        )
    ctx.count("sharing consents", len(consents))
    return consents


def _decide(ctx, demo_plan, rng, step: str) -> None:
    plan = demo_plan.plan
    plan.refresh_from_db()
    request = open_request(plan=plan)
    decider = deciders_for(level=request.level, plan=plan)[0]
    ctx.sitting(demo_plan, rng, days=(1, 5))
    plan_record_read(actor=decider, plan=plan)
    ctx.sitting(demo_plan, rng, minutes=(10, 40))
    if step == ESCALATE:
        decision_escalate(actor=decider, request=request, note=ESCALATION_NOTES[decider.membership.role])
        ctx.count("decision requests")  # the request at the next level
    elif step == APPROVE:
        decision_approve(actor=decider, request=request, reason=rng.choice(APPROVAL_NOTES))
        ctx.count("evaluations", 2)
    else:
        decision_reject(actor=decider, request=request, reason=rng.choice(REJECTION_REASONS))


def _actions(ctx, demo_plan, rng, phase: str) -> None:
    plan = demo_plan.plan
    for creator_key, owner_key, description, action_phase, state in ACTIONS.get(demo_plan.key, []):
        if action_phase != phase:
            continue
        if phase == "recent":
            recent = ctx.clock.real_now - timedelta(days=rng.randint(2, 6))
            ctx.at_least(demo_plan, recent.replace(hour=rng.randint(9, 15), minute=rng.randint(0, 59)))
        else:
            ctx.sitting(demo_plan, rng, days=(0, 2))
        due = timezone.localdate() + timedelta(days=rng.randint(10, 21))
        action = action_create(
            actor=ctx.users[creator_key], plan=plan, description=description, owner=ctx.users[owner_key], due_date=due
        )
        ctx.count("follow-up actions")
        if state == ActionState.DONE:
            ctx.sitting(demo_plan, rng, days=(2, 8))
            action_set_state(actor=ctx.users[owner_key], action=action, state=ActionState.DONE)


def _mark_steps_done(ctx, demo_plan, rng, *, phases: set[str], days: tuple[int, int]) -> None:
    plan = demo_plan.plan
    todo = [s for s in plan.steps.all() if s.phase in phases and not s.done]
    if not todo:
        return
    ctx.sitting(demo_plan, rng, days=days)
    for step in todo:
        ctx.sitting(demo_plan, rng, minutes=(1, 3))
        plan_item_update(actor=plan.owner, item=step, data={"done": True}, version=step.version)


def _scaled(quantity: Decimal, factor: str) -> Decimal:
    return max(Decimal("1"), (quantity * Decimal(factor)).quantize(Decimal("1")))


def _realised_costs(ctx, demo_plan, rng, outcome: str) -> None:
    """What the plan really cost: the plan's lines copied and corrected, through the same services as the
    evaluation page. A breakthrough that did not work brings part of the threatening costs with it."""
    plan = demo_plan.plan
    owner = plan.owner
    if not CostLine.objects.filter(plan=plan, scenario=Scenario.PLAN).exists():
        return
    realised_copy_from_plan(actor=owner, plan=plan)
    support = {YES: ("0.8", "0.9", "1"), PARTLY: ("1.2", "1.3", "1.5"), NO: ("1.3", "1.5")}[outcome]
    price = {YES: ("0.92", "0.97", "1", "1.03"), PARTLY: ("1", "1.1"), NO: ("1", "1.1")}[outcome]
    for line in CostLine.objects.filter(plan=plan, scenario=Scenario.REALISED).order_by("created_at", "id"):
        quantity, unit_price = line.quantity, line.unit_price
        if line.item_id is None:  # the exception itself: what it really cost
            unit_price = (line.unit_price * Decimal(rng.choice(price))).quantize(Decimal("0.01"))
        else:
            quantity = _scaled(line.quantity, rng.choice(support))
        if (quantity, unit_price) == (line.quantity, line.unit_price):
            continue
        ctx.sitting(demo_plan, rng, minutes=(1, 3))
        realised_line_update(actor=owner, line=line, quantity=quantity, unit_price=unit_price, version=line.version)
    if outcome == NO:
        planned = set(CostLine.objects.filter(plan=plan, scenario=Scenario.PLAN).values_list("item_id", flat=True))
        threatening = [
            line
            for line in CostLine.objects.filter(plan=plan, scenario=Scenario.THREATENING, item__isnull=False)
            if line.item_id not in planned
        ]
        if threatening:
            worst = max(threatening, key=lambda line: line.quantity * line.unit_price * line.probability)
            ctx.sitting(demo_plan, rng, minutes=(2, 5))
            line_add(
                actor=owner,
                plan=plan,
                data={
                    "scenario": Scenario.REALISED,
                    "item": worst.item,
                    "tariff": worst.tariff,
                    "description": f"Toch nodig geworden: {worst.label}"[:200],
                    "quantity": _scaled(worst.quantity, "0.4"),
                    "funding_stream": worst.funding_stream,
                    "cashable": worst.cashable,
                },
            )


def realised_scores(rng, now: dict, expected: dict, outcome: str, months: int) -> dict[str, int]:
    """Positive Health at an evaluation: near the expected scores when it worked, halfway when it partly did,
    about where it started when it did not."""
    scores = {}
    for code, start in now.items():
        hoped = expected.get(code)
        if start is None or hoped is None:
            continue
        if outcome == YES:
            value = hoped + rng.choice((0, 0, 1) if months == 12 else (-1, 0, 0, 1))
        elif outcome == PARTLY:
            share = 3 if months == 12 else 2  # quarters of the hoped-for improvement, rounded up
            value = start - (-(hoped - start) * share // 4) + rng.choice((-1, 0, 0, 1))
        else:
            value = start + rng.choice((-1, 0, 0, 1))
        scores[code] = max(0, min(10, value))
    return scores


def _evaluate(ctx, demo_plan, rng, months: int, outcome: str) -> None:
    plan = demo_plan.plan
    evaluation = Evaluation.objects.get(plan=plan, months=months)
    ctx.at_least(demo_plan, _aware(evaluation.due_on + timedelta(days=rng.randint(0, 4)), rng))
    if months == 6:
        _realised_costs(ctx, demo_plan, rng, outcome)
    forecast = scores_for_plan(plan=plan)
    scores = realised_scores(
        rng, forecast.values(Measurement.NOW), forecast.values(Measurement.EXPECTED), outcome, months
    )
    ctx.sitting(demo_plan, rng, minutes=(10, 30))
    evaluation_record(
        actor=plan.owner,
        evaluation=evaluation,
        breakthrough_achieved=outcome,
        explanation=EVALUATION_TEXTS[(months, outcome)],
        scores=scores,
    )
    ctx.count("evaluations recorded")


def _walk(ctx, demo_plan, partners: dict) -> None:
    rng = ctx.rng("workflow", demo_plan.key)
    plan, status = demo_plan.plan, demo_plan.status
    owner = plan.owner

    # Submitting, a day or so after the value triangle was completed.
    ctx.sitting(demo_plan, rng, days=(0, 2))
    consents = _consents(ctx, demo_plan, rng, partners)
    ctx.sitting(demo_plan, rng, minutes=(2, 8))
    plan_submit(actor=owner, plan=plan)
    ctx.count("decision requests")
    for step in ROUTES.get(demo_plan.key, DEFAULT_ROUTES.get(status, (APPROVE,))):
        _decide(ctx, demo_plan, rng, step)
    plan.refresh_from_db()
    _actions(ctx, demo_plan, rng, "decided")
    if status == S.REJECTED and demo_plan.key in WITHDRAWS_CONSENT and consents:
        ctx.sitting(demo_plan, rng, days=(2, 5))
        consent_withdraw(actor=owner, consent=consents[0], on=timezone.localdate())
    if status in (S.SUBMITTED, S.REJECTED, S.APPROVED):
        _actions(ctx, demo_plan, rng, "recent")
        return

    ctx.sitting(demo_plan, rng, days=(1, 5))
    plan = demo_plan.plan = plan_transition(actor=owner, plan=plan, to_status=S.IN_PROGRESS)
    _actions(ctx, demo_plan, rng, "started")
    _mark_steps_done(ctx, demo_plan, rng, phases={"first_need"}, days=(10, 30))
    if status == S.IN_PROGRESS:
        _actions(ctx, demo_plan, rng, "recent")
        return
    _mark_steps_done(ctx, demo_plan, rng, phases={"stabilise"}, days=(40, 100))

    outcomes = OUTCOMES.get(demo_plan.key, (YES, YES))
    _evaluate(ctx, demo_plan, rng, 6, outcomes[0])
    _actions(ctx, demo_plan, rng, "evaluated")
    if status == S.EVALUATED:
        return
    _evaluate(ctx, demo_plan, rng, 12, outcomes[1])
    ctx.sitting(demo_plan, rng, days=(2, 5))
    demo_plan.plan = plan_transition(actor=owner, plan=plan, to_status=S.CLOSED, reason=CLOSING_REASON)


def seed(ctx) -> None:
    partners = _set_up(ctx)
    older = 0
    for demo_plan in ctx.plans:
        if demo_plan.status == S.CONCEPT:
            continue
        if not demo_plan.is_new:
            if demo_plan.plan.status != S.CONCEPT and not DecisionRequest.objects.filter(plan=demo_plan.plan).exists():
                older += 1
            continue
        _walk(ctx, demo_plan, partners)
    if older:
        ctx.warnings.append(
            f"{older} demoplannen zijn gemaakt door een oudere versie van seed_demo, zonder opvolging "
            "(besluiten, evaluaties, betrokkenheid). Begin met een lege database voor de volledige demo."
        )
    ctx.log("workflow: demo plans submitted, decided, evaluated and closed")
