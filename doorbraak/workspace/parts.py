"""The parts of a plan and how far each one is: the navigation of the plan's workspace.

Block 1's sections (anchors on the plan page), the three sides of the value triangle (their own pages) and the
follow-up, each with a state: empty, started or complete. The data comes from selectors of the lower apps; the
views pass the result to the templates, which only show it.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doorbraak.engagement.selectors import ValueTriangle
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.models import Plan

from .editor import ANCHORS
from .selectors import sides_started

EMPTY, STARTED, COMPLETE = "empty", "started", "complete"
STATE_LABELS = {EMPTY: gettext_lazy("leeg"), STARTED: gettext_lazy("begonnen"), COMPLETE: gettext_lazy("compleet")}

# The follow-up has nothing to do before submission, is under way while a decision or the plan runs, and is
# done once the plan was rejected, evaluated or closed.
FOLLOWUP_STATES = {
    PlanStatus.CONCEPT: EMPTY,
    PlanStatus.SUBMITTED: STARTED,
    PlanStatus.APPROVED: STARTED,
    PlanStatus.IN_PROGRESS: STARTED,
    PlanStatus.REJECTED: COMPLETE,
    PlanStatus.EVALUATED: COMPLETE,
    PlanStatus.CLOSED: COMPLETE,
}


@dataclass(frozen=True)
class Part:
    code: str  # a block-1 section (situation, helper, …) or a side (engagement, return, legitimacy, followup)
    title: str
    state: str
    url: str

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])


@dataclass(frozen=True)
class MissingItem:
    """One thing that still blocks submission, with the place where it is fixed."""

    text: str
    url: str


@dataclass(frozen=True)
class PlanParts:
    block1: list[Part]
    sides: list[Part]
    active_minutes: int

    @property
    def block1_complete(self) -> int:
        return sum(p.state == COMPLETE for p in self.block1)

    def state_of(self, code: str) -> str:
        return next(p.state for p in self.block1 + self.sides if p.code == code)


def _filled(*values) -> str:
    """Empty when no value is filled, complete when all are, started in between."""
    filled = [bool(str(v).strip()) if v is not None else False for v in values]
    if all(filled):
        return COMPLETE
    return STARTED if any(filled) else EMPTY


def _listed(rows) -> str:
    return COMPLETE if rows else EMPTY


def block1_parts(*, plan: Plan, items: dict[str, list], tag_count: int) -> list[Part]:
    """Block 1's sections in the order of the page, each linking to its anchor."""
    page = reverse("workspace:plan", args=[plan.pk])
    states = [
        ("situation", _("Situatieschets"), _filled(plan.situation)),
        ("helper", _("Hulpverleners"), _listed(items["helper"])),
        ("perspective", _("Perspectief"), _filled(plan.perspective, plan.perspective_target_date)),
        ("need", _("Wat is nodig"), _listed(items["need"])),
        (
            "breakthrough",
            _("De doorbraak"),
            _filled(
                plan.breakthrough_description,
                plan.breakthrough_obstacle,
                plan.breakthrough_exception,
                plan.breakthrough_grantor,
            ),
        ),
        ("step", _("Stappen"), _listed(items["step"])),
        ("tags", _("Labels"), COMPLETE if tag_count else EMPTY),
    ]
    return [Part(code, title, state, f"{page}#{ANCHORS[code]}") for code, title, state in states]


def side_parts(*, plan: Plan, triangle: ValueTriangle) -> list[Part]:
    """The three sides of the value triangle (complete from the triangle, started once anything is entered)
    and the follow-up."""
    started = sides_started(plan=plan)
    parts = [
        Part(side.code, side.title, COMPLETE if side.complete else STARTED if started[side.code] else EMPTY, side.url)
        for side in triangle.sides
    ]
    parts.append(
        Part(
            "followup",
            _("Opvolging"),
            FOLLOWUP_STATES.get(plan.status, EMPTY),
            reverse("followup:plan_followup", args=[plan.pk]),
        )
    )
    return parts


def plan_parts(*, plan: Plan, triangle: ValueTriangle, items: dict[str, list], tag_count: int) -> PlanParts:
    return PlanParts(
        block1=block1_parts(plan=plan, items=items, tag_count=tag_count),
        sides=side_parts(plan=plan, triangle=triangle),
        active_minutes=plan.active_editing_seconds // 60,
    )


def missing_items(*, plan: Plan, triangle: ValueTriangle, fields_on_page: bool) -> list[MissingItem]:
    """What still blocks submission (the triangle's blockers, one definition), each linked to where it is fixed:
    a side's page, or the field on the plan page for what block 1 lacks."""
    page = reverse("workspace:plan", args=[plan.pk])
    anchor = "id_doorbraak-breakthrough_description" if fields_on_page else ANCHORS["breakthrough"]
    block1_url = f"{page}#{anchor}"
    result = []
    for blocker in triangle.blockers:
        side = next((s for s in triangle.sides if blocker.startswith(f"{s.title}:")), None)
        result.append(MissingItem(str(blocker), side.url if side else block1_url))
    return result
