"""~30 households in Voorbeeldstad, plus two in Anderstad, each with its plan written as a concept.

Everything goes through the households and plans services, with the clock moved to realistic moments
(editing sessions of a few minutes, days between sessions), so audit rows and time-to-plan look like real use.
The plans stay concepts here: the costs, legal and engagement areas fill the three sides of the value
triangle, and the workflow area then takes each plan to the status of its story (``STATUSES``) through the
follow-up services. Idempotent: each household has a stable ``creation_token``; one that exists is not touched.
"""

from datetime import timedelta

from doorbraak.households.constants import ConsentScope, HouseholdRole
from doorbraak.households.models import Household
from doorbraak.households.services import household_create
from doorbraak.plans.constants import PlanStatus as S
from doorbraak.plans.models import Plan, Tag
from doorbraak.plans.services import plan_create, plan_item_add, plan_set_tags, plan_update_section

from . import DemoPlan
from .cases import CASES, EXTRA_HELPERS

# The status each Voorbeeldstad household's story ends in, in order; owners rotate over the three
# professionals, so each of them has plans in every status (voorbeeldstad-01 is the first).
STATUSES: list[str] = (
    [S.CONCEPT] * 5
    + [S.SUBMITTED] * 6
    + [S.APPROVED] * 4
    + [S.REJECTED] * 3
    + [S.IN_PROGRESS] * 5
    + [S.EVALUATED] * 4
    + [S.CLOSED] * 3
)
OWNERS = ("prof_noord", "prof_centrum", "prof_zuid")

# How far each concept got, in the order of the concepts: only the first sitting (situation and helpers);
# everything written but the household's voice incomplete (own words, no scores) or missing; ready to submit.
FIRST_SITTING, VOICE_PARTIAL, VOICE_MISSING, READY = "first_sitting", "voice_partial", "voice_missing", "ready"
CONCEPT_STAGES = (FIRST_SITTING, VOICE_PARTIAL, FIRST_SITTING, READY, VOICE_MISSING)

# How many days ago a plan in this status was started. Evaluations are due 6 and 12 months after the
# decision (one to four weeks after the start), so an evaluated plan started more than ~7 months ago and a
# closed one (evaluated twice) more than 13 months ago; the organisation was set up 420 days ago.
START_DAYS_AGO: dict[str, tuple[int, int]] = {
    S.CONCEPT: (6, 25),
    S.SUBMITTED: (12, 35),
    S.APPROVED: (18, 30),
    S.REJECTED: (25, 90),
    S.IN_PROGRESS: (45, 170),
    S.EVALUATED: (235, 330),
    S.CLOSED: (398, 414),
}
# Exceptions: this plan's six-month evaluation is due now (it shows in its owner's inbox).
START_DAYS_AGO_FOR = {"voorbeeldstad-19": (212, 216)}

# (key, case index, status, owner key) for the second municipality.
ANDERSTAD_PLANS = [("anderstad-01", 1, S.CONCEPT, "anderstad_prof"), ("anderstad-02", 4, S.SUBMITTED, "anderstad_prof")]


def _euros(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


class _Story:
    """Builds one household and its plan along a realistic timeline."""

    def __init__(self, ctx, rng, key: str, case: dict, status: str, stage: str, owner):
        self.ctx, self.rng, self.key, self.case, self.status, self.stage = ctx, rng, key, case, status, stage
        self.owner = owner
        lo, hi = case["amount"]
        self.amount = _euros(rng.randrange(lo, hi + 1, 50)) if hi else ""

    def text(self, value: str) -> str:
        return value.replace("{amount}", self.amount)

    def pause(self, low: int = 45, high: int = 240) -> None:
        """A short pause between two edits in one sitting (counts as active editing time)."""
        self.ctx.clock.advance(self.rng.randint(low, high))

    def later(self, min_days: int, max_days: int) -> None:
        """Continue a few days later, during office hours."""
        current = self.ctx.clock.current
        when = current + timedelta(days=self.rng.randint(min_days, max_days))
        when = when.replace(hour=self.rng.randint(8, 16), minute=self.rng.randint(0, 59))
        self.ctx.clock.move_to(when)

    def build(self) -> Plan:
        ctx, rng, case, owner = self.ctx, self.rng, self.case, self.owner
        low, high = START_DAYS_AGO_FOR.get(self.key, START_DAYS_AGO[self.status])
        start = ctx.clock.real_now - timedelta(days=rng.randint(low, high))
        ctx.clock.jump(start.replace(hour=rng.randint(9, 14), minute=rng.randint(0, 59)))
        year = ctx.clock.real_now.year
        household = household_create(
            actor=owner,
            team=owner.membership.team,
            members=[
                {"role": HouseholdRole(role), "birth_year": year - age, "label": label}
                for role, age, label in case["members"]
            ],
            consent_given_on=ctx.clock.current.date(),
            consent_scope=ConsentScope.PLAN_AND_DATA if rng.random() < 0.7 else ConsentScope.PLAN,
            creation_token=ctx.token("household", self.key),
        )
        ctx.count("households")
        self.pause()
        plan = plan_create(actor=owner, household=household, creation_token=ctx.token("plan", self.key))
        ctx.count("plans")

        # First sitting: the situation and who is involved now.
        self.pause()
        plan = plan_update_section(
            actor=owner, plan=plan, section="situation", data={"situation": self.text(case["situation"])}, version=0
        )
        for agency, role, domain in self._helpers():
            self.pause(30, 90)
            plan_item_add(
                actor=owner, plan=plan, kind="helper", data={"agency": agency, "role": role, "life_domain": domain}
            )

        # A draft may stop here: some concepts are still being written.
        if self.stage == FIRST_SITTING:
            return plan

        # Second sitting, a few days later: perspective, needs, breakthrough, steps, tags.
        self.later(1, 4)
        plan.refresh_from_db()
        plan = plan_update_section(
            actor=owner,
            plan=plan,
            section="perspective",
            data={"perspective": case["perspective"], "perspective_target_date": plan.perspective_target_date},
            version=plan.perspective_version,
        )
        for domain, kind, description in case["needs"]:
            self.pause(40, 150)
            plan_item_add(
                actor=owner,
                plan=plan,
                kind="need",
                data={"life_domain": domain, "kind": kind, "description": description},
            )
        self.pause(120, 280)
        description, obstacle, exception, grantor = case["breakthrough"]
        plan = plan_update_section(
            actor=owner,
            plan=plan,
            section="breakthrough",
            data={
                "breakthrough_description": self.text(description),
                "breakthrough_obstacle": obstacle,
                "breakthrough_exception": exception,
                "breakthrough_grantor": grantor,
            },
            version=plan.breakthrough_version,
        )
        for n, (phase, description, who) in enumerate(case["steps"]):
            self.pause(40, 150)
            due = plan.perspective_target_date - timedelta(days=30 * (len(case["steps"]) - n - 1))
            plan_item_add(
                actor=owner,
                plan=plan,
                kind="step",
                data={"description": description, "phase": phase, "owner": who, "due_date": due},
            )
        self.pause()
        tags = list(Tag.objects.filter(code__in=case["tags"]))
        missing = set(case["tags"]) - {t.code for t in tags}
        if missing:
            raise ValueError(f"demo case {case['key']} uses unknown tags: {sorted(missing)}")
        plan.refresh_from_db()
        return plan_set_tags(actor=owner, plan=plan, tags=tags, version=plan.tags_version)

    def _helpers(self) -> list[tuple[str, str, str]]:
        core = list(self.case["helpers"])
        target = self.rng.randint(max(5, len(core)), 15)
        names = {agency for agency, _, _ in core}
        extras = [h for h in EXTRA_HELPERS if h[0] not in names]
        return core + self.rng.sample(extras, k=min(len(extras), max(0, target - len(core))))


def _existing(ctx, key: str) -> Plan | None:
    household = Household.objects.filter(creation_token=ctx.token("household", key)).first()
    if household is None:
        return None
    return Plan.objects.filter(creation_token=ctx.token("plan", key)).first() or household.plans.first()


def _stages(statuses) -> list[str]:
    concepts = iter(CONCEPT_STAGES)
    return [next(concepts) if status == S.CONCEPT else READY for status in statuses]


def seed(ctx) -> None:
    rng = ctx.rng("plans")
    stories = [
        (f"voorbeeldstad-{i + 1:02d}", CASES[i % len(CASES)], status, stage, OWNERS[i % len(OWNERS)])
        for i, (status, stage) in enumerate(zip(STATUSES, _stages(STATUSES), strict=True))
    ]
    stories += [
        (key, CASES[case], status, FIRST_SITTING if status == S.CONCEPT else READY, owner)
        for key, case, status, owner in ANDERSTAD_PLANS
    ]
    for key, case, status, stage, owner_key in stories:
        # Draw this story's random numbers even when it exists, so the others stay the same.
        story_rng = type(rng)(f"{rng.random()}:{key}")
        plan = _existing(ctx, key)
        moment = None
        if plan is None:
            plan = _Story(ctx, story_rng, key, case, status, stage, ctx.users[owner_key]).build()
            moment = ctx.clock.current
        ctx.plans.append(
            DemoPlan(
                key=key,
                case=case["key"],
                plan=plan,
                status=status,
                owner_key=owner_key,
                stage=stage,
                moment=moment,
            )
        )
