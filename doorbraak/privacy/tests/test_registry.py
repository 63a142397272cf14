"""Every model with a path to a household is in the export (or says why it holds no personal data)."""

import pytest
from django.apps import apps

from doorbraak.core.privacy import exemptions, household_data
from doorbraak.households.models import Household
from doorbraak.plans.models import Plan, Tag


def reaches_household(model, seen=frozenset()) -> bool:
    """True when a chain of foreign keys (or one-to-one keys) leads from ``model`` to a household or a plan."""
    for field in model._meta.concrete_fields:
        if not (field.many_to_one or field.one_to_one) or field.related_model is None:
            continue
        target = field.related_model
        if target in (Household, Plan):
            return True
        if target not in seen and target is not model and reaches_household(target, seen | {model}):
            return True
    return False


def test_every_model_with_household_data_is_registered_or_exempted():
    known = {holding.label for holding in household_data()} | set(exemptions())
    missing = [
        model._meta.label_lower
        for model in apps.get_models()
        if (model in (Household, Plan) or reaches_household(model)) and model._meta.label_lower not in known
    ]
    assert missing == [], (
        f"these models hold household data but are not in the access export: {missing}. Register each in its "
        "app's privacy.py (doorbraak/core/privacy.py: register, or exempt with the reason)"
    )


def test_the_walk_finds_deep_paths_and_skips_national_data():
    from doorbraak.costs.models import CostLine, PriceItem
    from doorbraak.followup.models import ContactPerson

    assert reaches_household(CostLine)
    assert not reaches_household(Tag)
    assert not reaches_household(PriceItem)
    assert not reaches_household(ContactPerson)


@pytest.mark.parametrize("label", sorted(h.label for h in household_data()))
def test_each_registered_path_leads_to_the_household_and_plan(label):
    holding = next(h for h in household_data() if h.label == label)
    last = holding.model if holding.household_path == "pk" else _follow(holding.model, holding.household_path)
    assert last is Household
    if holding.plan_path is not None:
        assert (holding.model if holding.plan_path == "pk" else _follow(holding.model, holding.plan_path)) is Plan
    assert holding.erasure


def _follow(model, path: str):
    for name in path.split("__"):
        model = model._meta.get_field(name).related_model
    return model
