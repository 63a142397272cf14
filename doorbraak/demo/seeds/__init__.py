"""Demo data, built area by area in a fixed order by ``manage.py seed_demo``.

How to add demo data for your app (e.g. cost lines, legal citations, engagement scores, follow-up):

1. Create ``doorbraak/demo/seeds/<area>.py`` with one function ``seed(ctx: SeedContext) -> None``.
2. Add ``"<area>"`` to ``SEED_MODULES`` below, after the areas whose data you need.
3. Write through your app's services (so audit rows exist) and make it idempotent: look up what a previous
   run made (e.g. by a deterministic ``creation_token`` from ``ctx.token(...)``) and create only what is missing.
4. Use ``ctx.rng(<area>)`` for anything random: a ``random.Random`` seeded per area, so adding an area never
   changes the data of another one.
5. What earlier areas made is on the context: ``ctx.organisations[slug]``, ``ctx.teams[name]``,
   ``ctx.users[key]`` (keys in ``doorbraak.demo.constants.DEMO_USERS``) and ``ctx.plans`` (one ``DemoPlan``
   per demo household, also on a second run, with the case key, e.g. ``huurachterstand-ontruiming``, the
   status the story ends in and the concept ``stage``, so you can attach data that fits the story).
6. Time: the plans area builds every plan as a concept and leaves ``demo_plan.moment`` at the end of its last
   sitting (``None`` when the plan existed already: then write nothing). Continue a plan's story with
   ``ctx.sitting(demo_plan, rng, days=(1, 3))`` (a later day, office hours) or ``minutes=(10, 30)``: it moves
   the clock, so your service calls and audit rows get realistic times, and moves the plan's moment on.
   The plan stays a concept until the last area, ``workflow``, submits it through the follow-up services:
   write the three sides of the value triangle before that.
7. Add a test to ``doorbraak/demo/tests/`` (the idempotency test already runs every area twice).

All areas run in one database transaction: if one fails, nothing is stored. E-mails the services would send
(decision requests, decisions) are discarded while seeding.
"""

import importlib
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from doorbraak.demo.constants import DEMO_RANDOM_SEED

SEED_MODULES: tuple[str, ...] = (
    "organisations",  # municipalities, districts, teams, a user for every role
    "local_rules",  # Voorbeeldstad's own purchase tariffs and local rules (before costs and legal use them)
    "plans",  # ~30 households, each plan written as a concept (households + plans services)
    "costs",  # cost lines per demo plan (seeds/cost_stories.py) and a Doorbraakbudget
    "legal",  # citations and a motivation per demo plan with a breakthrough (doorbraak.legal.services)
    "engagement",  # own words, goals, motivation, Positive Health now/expected (doorbraak.engagement.services)
    "workflow",  # escalation matrix, contacts, consent, submit, decide, start, evaluate, close (followup)
    "analytics",  # the dashboards' protected figures, refreshed last (doorbraak.analytics.services)
)

_TOKEN_NAMESPACE = uuid.UUID("6f1d0c8e-4b7a-5d2e-9c3f-0a1b2c3d4e5f")


class Clock:
    """Moves 'now' for the services while seeding, so created/edited/submitted times and audit rows spread
    over past months as in real use. Uses time-machine when installed (it is in requirements-dev.txt);
    without it everything is stamped with the real time. Never moves past the real 'now'."""

    def __init__(self):
        self.real_now = timezone.now()
        self.limit = self.real_now - timedelta(minutes=5)
        self.current: datetime | None = None
        self._traveller = None
        self._frozen = None
        self.travels = False  # True when time-machine moved the clock for this run

    def __enter__(self):
        try:
            import time_machine
        except ImportError:  # pragma: no cover - production installs have no demo time travel
            return self
        self._traveller = time_machine.travel(self.limit, tick=False)
        self._frozen = self._traveller.start()
        self.travels = True
        return self

    def __exit__(self, *exc):
        if self._traveller is not None:
            self._traveller.stop()
        self._traveller = self._frozen = None

    def jump(self, when: datetime) -> datetime:
        """Start a new story at ``when`` (may lie before the current moment; never after the real now)."""
        when = min(when, self.limit)
        self.current = when
        if self._frozen is not None:
            self._frozen.move_to(when)
        return when

    def move_to(self, when: datetime) -> datetime:
        """Go on to ``when`` within a story: never back before the current moment, never after the real now."""
        if self.current is not None and when <= self.current:
            when = self.current + timedelta(seconds=30)
        return self.jump(when)

    def advance(self, seconds: float) -> datetime:
        return self.move_to((self.current or self.limit) + timedelta(seconds=seconds))


@dataclass
class DemoPlan:
    key: str  # stable, e.g. "voorbeeldstad-07"
    case: str  # the story it follows, e.g. "huurachterstand-ontruiming"
    plan: object  # doorbraak.plans.models.Plan
    status: str = "concept"  # the status the story ends in (the workflow area takes it there)
    owner_key: str = ""  # key in DEMO_USERS
    stage: str = "ready"  # how far a concept got: see plans.CONCEPT_STAGES; "ready" for every other plan
    moment: datetime | None = None  # end of the story's last sitting in this run; None: existed already

    @property
    def is_new(self) -> bool:
        return self.moment is not None


@dataclass
class SeedContext:
    log: Callable[[str], None]
    clock: Clock
    organisations: dict = field(default_factory=dict)
    teams: dict = field(default_factory=dict)
    districts: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    plans: list[DemoPlan] = field(default_factory=list)
    created: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def rng(self, area: str, *parts) -> random.Random:
        """A generator seeded per area (and per plan key, when given): adding data never shifts other data."""
        return random.Random(":".join([DEMO_RANDOM_SEED, area, *map(str, parts)]))  # noqa: S311 - demo data

    def sitting(
        self, demo_plan: DemoPlan, rng: random.Random, *, days: tuple[int, int] = (0, 0), minutes=(5, 30)
    ) -> datetime:
        """Continue ``demo_plan``'s story: ``days`` later during office hours, or else ``minutes`` later.
        Moves the clock there (never past the real now) and returns the new moment."""
        base = demo_plan.moment
        when = base + timedelta(minutes=rng.randint(*minutes))
        if days[1]:
            day = base + timedelta(days=rng.randint(*days))
            day = day.replace(hour=rng.randint(8, 16), minute=rng.randint(0, 59), second=0, microsecond=0)
            when = max(when, day)
        demo_plan.moment = self.clock.jump(when)
        return demo_plan.moment

    def at_least(self, demo_plan: DemoPlan, when: datetime) -> datetime:
        """Move ``demo_plan``'s story on to ``when`` unless it is further already."""
        demo_plan.moment = self.clock.jump(max(demo_plan.moment, when))
        return demo_plan.moment

    def token(self, *parts) -> uuid.UUID:
        """A stable UUID for a demo object, for use as a ``creation_token`` (idempotency)."""
        return uuid.uuid5(_TOKEN_NAMESPACE, ":".join(str(p) for p in parts))

    def count(self, what: str, n: int = 1) -> None:
        self.created[what] = self.created.get(what, 0) + n


def run_seeds(*, log: Callable[[str], None] = lambda _msg: None) -> SeedContext:
    # The services notify deciders and owners by e-mail after the commit; demo data must not mail anyone.
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        Clock() as clock,
        transaction.atomic(),
    ):
        ctx = SeedContext(log=log, clock=clock)
        for area in SEED_MODULES:
            module = importlib.import_module(f"doorbraak.demo.seeds.{area}")
            module.seed(ctx)
            log(f"  {area}: klaar")
    return ctx
