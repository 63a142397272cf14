"""Decisions, actions, evaluations and sharing consent in the registry of household data
(doorbraak/core/privacy.py)."""

from doorbraak.core.privacy import register_household_data, register_plan_data

from .models import DecisionRequest, Evaluation, FollowUpAction, SharingConsent

register_plan_data(DecisionRequest, FollowUpAction, Evaluation)
register_household_data(SharingConsent)
