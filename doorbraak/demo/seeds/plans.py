"""~30 households in Voorbeeldstad with plans in every status, plus two in Anderstad.

Everything goes through the households and plans services, with the clock moved to realistic moments
(editing sessions of a few minutes, days between sessions, a decision a week after submitting, evaluation
after about six months), so audit rows, status history and time-to-plan look like real use.
Idempotent: each household has a stable ``creation_token``; a household that exists is not touched again.
"""

from datetime import timedelta

from doorbraak.households.constants import ConsentScope, HouseholdRole
from doorbraak.households.models import Household
from doorbraak.households.services import household_create
from doorbraak.plans.constants import PlanStatus as S
from doorbraak.plans.models import Plan, Tag
from doorbraak.plans.services import (
    plan_create,
    plan_item_add,
    plan_item_update,
    plan_record_read,
    plan_set_tags,
    plan_transition,
    plan_update_section,
)

from . import DemoPlan
from .cases import CASES, EVALUATION_NOTES, EXTRA_HELPERS, REJECTION_REASONS

# The status of each Voorbeeldstad household, in order; owners rotate over the three professionals, so each
# of them has plans in every status.
STATUSES: list[str] = (
    [S.CONCEPT] * 6
    + [S.SUBMITTED] * 4
    + [S.APPROVED] * 4
    + [S.REJECTED] * 3
    + [S.IN_PROGRESS] * 6
    + [S.EVALUATED] * 4
    + [S.CLOSED] * 3
)
OWNERS = ("prof_noord", "prof_centrum", "prof_zuid")

# How many days ago a plan in this status was started (evaluations come after about six months).
START_DAYS_AGO: dict[str, tuple[int, int]] = {
    S.CONCEPT: (1, 21),
    S.SUBMITTED: (8, 35),
    S.APPROVED: (15, 50),
    S.REJECTED: (20, 90),
    S.IN_PROGRESS: (45, 170),
    S.EVALUATED: (205, 280),
    S.CLOSED: (285, 380),
}

# (key, case index, status, owner key) for the second municipality.
ANDERSTAD_PLANS = [("anderstad-01", 1, S.CONCEPT, "anderstad_prof"), ("anderstad-02", 4, S.SUBMITTED, "anderstad_prof")]


def _euros(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


class _Story:
    """Builds one household and its plan along a realistic timeline."""

    def __init__(self, ctx, rng, key: str, case: dict, status: str, owner, decider):
        self.ctx, self.rng, self.key, self.case, self.status = ctx, rng, key, case, status
        self.owner, self.decider = owner, decider
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
        low, high = START_DAYS_AGO[self.status]
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

        # A draft may stop here: half of the concepts are still being written.
        if self.status == S.CONCEPT and rng.random() < 0.5:
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
        steps = []
        for n, (phase, description, who) in enumerate(case["steps"]):
            self.pause(40, 150)
            due = plan.perspective_target_date - timedelta(days=30 * (len(case["steps"]) - n - 1))
            steps.append(
                plan_item_add(
                    actor=owner,
                    plan=plan,
                    kind="step",
                    data={"description": description, "phase": phase, "owner": who, "due_date": due},
                )
            )
        self.pause()
        tags = list(Tag.objects.filter(code__in=case["tags"]))
        missing = set(case["tags"]) - {t.code for t in tags}
        if missing:
            raise ValueError(f"demo case {case['key']} uses unknown tags: {sorted(missing)}")
        plan.refresh_from_db()
        plan = plan_set_tags(actor=owner, plan=plan, tags=tags, version=plan.tags_version)
        if self.status == S.CONCEPT:
            return plan
        return self._walk_workflow(plan, steps)

    def _helpers(self) -> list[tuple[str, str, str]]:
        core = list(self.case["helpers"])
        target = self.rng.randint(max(5, len(core)), 15)
        names = {agency for agency, _, _ in core}
        extras = [h for h in EXTRA_HELPERS if h[0] not in names]
        return core + self.rng.sample(extras, k=min(len(extras), max(0, target - len(core))))

    def _walk_workflow(self, plan: Plan, steps: list) -> Plan:
        rng, owner, decider = self.rng, self.owner, self.decider
        self.later(0, 3)
        plan = plan_transition(actor=owner, plan=plan, to_status=S.SUBMITTED)
        if self.status == S.SUBMITTED:
            return plan

        self.later(2, 9)
        plan_record_read(actor=decider, plan=plan)
        self.pause(300, 900)
        if self.status == S.REJECTED:
            return plan_transition(actor=decider, plan=plan, to_status=S.REJECTED, reason=rng.choice(REJECTION_REASONS))
        plan = plan_transition(actor=decider, plan=plan, to_status=S.APPROVED)
        if self.status == S.APPROVED:
            return plan

        self.later(1, 5)
        plan = plan_transition(actor=owner, plan=plan, to_status=S.IN_PROGRESS)
        self._mark_done(steps, phases={"first_need"}, min_days=10, max_days=30)
        if self.status == S.IN_PROGRESS:
            return plan

        self._mark_done(steps, phases={"stabilise"}, min_days=40, max_days=100)
        start = plan.created_at
        self.ctx.clock.move_to(start + timedelta(days=rng.randint(183, 200)))
        plan = plan_transition(actor=owner, plan=plan, to_status=S.EVALUATED, reason=rng.choice(EVALUATION_NOTES))
        if self.status == S.EVALUATED:
            return plan

        self.later(20, 60)
        return plan_transition(
            actor=owner, plan=plan, to_status=S.CLOSED, reason="Plan afgesloten in overleg met het huishouden."
        )

    def _mark_done(self, steps: list, *, phases: set[str], min_days: int, max_days: int) -> None:
        todo = [s for s in steps if s.phase in phases and not s.done]
        if not todo:
            return
        self.later(min_days, max_days)
        for step in todo:
            self.pause(20, 60)
            step.refresh_from_db()
            plan_item_update(actor=self.owner, item=step, data={"done": True}, version=step.version)


def _existing(ctx, key: str) -> Plan | None:
    household = Household.objects.filter(creation_token=ctx.token("household", key)).first()
    if household is None:
        return None
    return Plan.objects.filter(creation_token=ctx.token("plan", key)).first() or household.plans.first()


def seed(ctx) -> None:
    rng = ctx.rng("plans")
    stories = [
        (f"voorbeeldstad-{i + 1:02d}", CASES[i % len(CASES)], status, OWNERS[i % len(OWNERS)], "doorbraakteam")
        for i, status in enumerate(STATUSES)
    ]
    stories += [(key, CASES[case], status, owner, "anderstad_admin") for key, case, status, owner in ANDERSTAD_PLANS]
    for key, case, status, owner_key, decider_key in stories:
        # Draw this story's random numbers even when it exists, so the others stay the same.
        story_rng = type(rng)(f"{rng.random()}:{key}")
        plan = _existing(ctx, key)
        if plan is None:
            story = _Story(ctx, story_rng, key, case, status, ctx.users[owner_key], ctx.users[decider_key])
            plan = story.build()
        ctx.plans.append(DemoPlan(key=key, case=case["key"], plan=plan))
