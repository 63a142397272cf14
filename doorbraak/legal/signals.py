"""Co-selection counts follow a plan's tags and its deletion, in the same transaction (see coselection.py).

Connected once the app registry is ready: ``LegalConfig.ready()`` imports this module.
"""

from django.db.models.signals import m2m_changed, pre_delete

from doorbraak.plans.models import Plan

from . import coselection

m2m_changed.connect(coselection.on_plan_tags_changed, sender=Plan.tags.through, dispatch_uid="legal_coselect")
pre_delete.connect(coselection.on_plan_deleted, sender=Plan, dispatch_uid="legal_coselect_plan")
