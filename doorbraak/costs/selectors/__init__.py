"""Reads of the return side, one module per audience:

- ``plan_return``: the plan's lines, their result, suggestions (the professional's return page);
- ``price_list``: the national price list, index figures and suggestion rules (the national admin);
- ``tariffs``: the municipality's tariff sets and Doorbraakbudget (the functional admin);
- ``ledger``: the Doorbraakbudget ledger (Doorbraakteam, team leads, managers, policy analysts);
- ``pricing``: how a line gets its price, for the line services.

Other apps read the costs side through the names below, their contract (docs/costs.md); code inside costs
imports the module it needs."""

from .plan_return import costs_side_complete, lines_for_plan, plan_results

__all__ = ["costs_side_complete", "lines_for_plan", "plan_results"]
