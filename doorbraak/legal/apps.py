from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "doorbraak.legal"
    label = "legal"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, pre_delete

        from doorbraak.plans.models import Plan

        from . import coselection

        # Co-selection counts follow a plan's tags and its deletion in the same transaction.
        m2m_changed.connect(coselection.on_plan_tags_changed, sender=Plan.tags.through, dispatch_uid="legal_coselect")
        pre_delete.connect(coselection.on_plan_deleted, sender=Plan, dispatch_uid="legal_coselect_plan")
