"""Views of the return side, one module per audience: ``plan_return`` (the professional's rekensom of a
plan), ``price_list`` (the national admin), ``tariffs`` (the functional admin: local tariffs and the
Doorbraakbudget) and ``ledger`` (the Doorbraakbudget ledger). The URL names are in costs/urls.py."""
