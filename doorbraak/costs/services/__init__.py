"""Writes of the return side, one module per audience (each function one transaction with its audit event):

- ``plan_return``: the plan's sheet, lines and scenarios (the professional; realised lines during follow-up);
- ``price_list``: price-list items and prices, index figures, suggestion rules (the national admin);
- ``tariffs``: the municipality's tariff sets and Doorbraakbudget (the functional admin);
- ``ledger``: marking a budget line as paid (the Doorbraakteam).

Other apps write the costs side through the names below, their contract (docs/costs.md); code inside costs
imports the module it needs."""

from .plan_return import line_add, line_update, scenario_copy

__all__ = ["line_add", "line_update", "scenario_copy"]
