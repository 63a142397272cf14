"""Decisions, actions, evaluations and sharing consent in the registry of household data
(doorbraak/core/privacy.py)."""

from doorbraak.core.privacy import DELETED_WITH_HOUSEHOLD, DELETED_WITH_PLAN, register

from .models import DecisionRequest, Evaluation, FollowUpAction, SharingConsent

for model in (DecisionRequest, FollowUpAction, Evaluation):
    register(
        model,
        household_path="plan__household",
        plan_path="plan",
        erasure=DELETED_WITH_PLAN,
    )
register(
    SharingConsent,
    household_path="household",
    plan_path=None,
    erasure=DELETED_WITH_HOUSEHOLD,
)
