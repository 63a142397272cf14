"""Which models hold a household's personal data, and how to reach them from the household.

Every app declares its own models in its ``privacy.py``, which its ``AppConfig.ready()`` imports; ``core`` knows
no app, it only keeps the list. The access export (AVG art. 15) and the retention job (``apply_retention``) in
``doorbraak.privacy`` read it. ``doorbraak/privacy/tests/test_registry.py`` walks every installed model and fails
when one with a foreign-key path to a household or a plan is neither registered here nor exempted with a reason,
so a new table with household data cannot stay out of the export or out of erasure.
"""

from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class HouseholdData:
    """One model that holds data about a household.

    ``household_path`` is the ORM lookup from a row to its household's primary key (``"pk"`` for the household
    itself, ``"plan__household"`` for a plan's child); ``plan_path`` the lookup to its plan, or None for data
    that belongs to the household rather than to one plan. ``erasure`` says in one Dutch sentence what the
    retention job does with the row and why (docs/privacy.md lists them). ``title`` is the Dutch heading in the
    export when the model's ``verbose_name_plural`` does not fit."""

    label: str
    model: type[models.Model]
    household_path: str
    plan_path: str | None
    erasure: str
    title: str | None = None

    @property
    def heading(self) -> str:
        return str(self.title or self.model._meta.verbose_name_plural)


_registered: dict[str, HouseholdData] = {}
_exempted: dict[str, str] = {}


def register(
    model: type[models.Model], *, household_path: str, plan_path: str | None, erasure: str, title=None
) -> None:
    label = model._meta.label_lower
    if label in _exempted:
        raise ValueError(f"{label} is exempted from the export and cannot be registered too")
    _registered[label] = HouseholdData(label, model, household_path, plan_path, erasure, title)


def exempt(model: type[models.Model], *, reason: str) -> None:
    """Declare a model with a path to a household that holds no personal data, with the reason."""
    label = model._meta.label_lower
    if label in _registered:
        raise ValueError(f"{label} is registered for the export and cannot be exempted too")
    if not reason.strip():
        raise ValueError("an exemption needs a reason")
    _exempted[label] = reason


def household_data() -> list[HouseholdData]:
    """Every registered model, in the order the apps registered them (the order of INSTALLED_APPS)."""
    return list(_registered.values())


def exemptions() -> dict[str, str]:
    return dict(_exempted)


# The two ways a row leaves the database under the retention job (doorbraak/privacy/retention.py).
DELETED_WITH_PLAN = "Verwijderd met het plan zodra de bewaartermijn na afsluiten of evalueren voorbij is."
DELETED_WITH_HOUSEHOLD = "Verwijderd met het huishouden, zodra het geen plan meer heeft en de bewaartermijn voorbij is."


def register_plan_data(*plan_models: type[models.Model], title=None) -> None:
    """Models with a ``plan`` key: their rows belong to one plan and go with it."""
    for model in plan_models:
        register(model, household_path="plan__household", plan_path="plan", erasure=DELETED_WITH_PLAN, title=title)


def register_household_data(*household_models: type[models.Model]) -> None:
    """Models with a ``household`` key that belong to no single plan: they go with the household."""
    for model in household_models:
        register(model, household_path="household", plan_path=None, erasure=DELETED_WITH_HOUSEHOLD)
