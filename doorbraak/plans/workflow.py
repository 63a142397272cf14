"""The plan's status machine. Pure: no Django imports beyond the status codes."""

from .constants import PlanStatus as S

TRANSITIONS: dict[str, frozenset[str]] = {
    S.CONCEPT: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.APPROVED, S.REJECTED, S.CONCEPT}),
    S.APPROVED: frozenset({S.IN_PROGRESS, S.CLOSED}),
    S.REJECTED: frozenset({S.CONCEPT, S.CLOSED}),
    S.IN_PROGRESS: frozenset({S.EVALUATED}),
    S.EVALUATED: frozenset({S.IN_PROGRESS, S.CLOSED}),
    S.CLOSED: frozenset(),
}

# Block 1 can be edited only while the plan is a draft; steps stay editable while it runs.
BLOCK1_EDITABLE = frozenset({S.CONCEPT})
STEPS_EDITABLE = frozenset({S.CONCEPT, S.APPROVED, S.IN_PROGRESS})


def can_transition(from_status: str, to_status: str) -> bool:
    return to_status in TRANSITIONS.get(from_status, frozenset())
