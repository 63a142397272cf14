from django.db import models
from django.utils.translation import gettext_lazy as _

from doorbraak.audit.constants import AuditAction

# Writes that make someone a co-author of a plan (four eyes: they may not decide about it). Status changes are
# left out on purpose: a decider's own earlier decision changes the status too. Submitters are found through the
# plan's status changes instead.
PLAN_EDIT_ACTIONS = frozenset(
    {
        AuditAction.PLAN_CREATE,
        AuditAction.PLAN_UPDATE,
        AuditAction.LEGAL_CITE,
        AuditAction.LEGAL_MOTIVATION,
        AuditAction.COSTS_LINE_ADD,
        AuditAction.COSTS_LINE_UPDATE,
        AuditAction.COSTS_LINE_DELETE,
        AuditAction.COSTS_LINE_REPRICE,
        AuditAction.COSTS_SCENARIO_COPY,
        AuditAction.COSTS_SHEET_UPDATE,
        AuditAction.COSTS_SEED,
        AuditAction.ENGAGEMENT_UPDATE,
        AuditAction.ENGAGEMENT_SCORES,
    }
)


class ContactDomain(models.TextChoices):
    """The domains for which a municipality keeps fixed contact persons (BRIEF §3, Follow-up)."""

    INCOME = "income", _("Inkomen")
    DEBTS = "debts", _("Schulden")
    SPECIAL_ASSISTANCE = "special_assistance", _("Bijzondere bijstand")
    WMO = "wmo", _("Wmo")
    YOUTH = "youth", _("Jeugd")
    HOUSING_URGENCY = "housing_urgency", _("Wonen / urgentie")
    HOUSING_CORPORATION = "housing_corporation", _("Woningcorporatie")
    INSURER = "insurer", _("Zorgverzekeraar")
    UWV = "uwv", _("UWV")
    CJIB = "cjib", _("CJIB")
    TAX_OFFICE = "tax_office", _("Belastingdienst")


class DecisionState(models.TextChoices):
    OPEN = "open", _("Wacht op besluit")
    APPROVED = "approved", _("Goedgekeurd")
    REJECTED = "rejected", _("Afgewezen")
    ESCALATED = "escalated", _("Doorgezet naar volgend niveau")
    WITHDRAWN = "withdrawn", _("Vervallen")
    SKIPPED = "skipped", _("Overgeslagen")


class ActionState(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Gedaan")
    CANCELLED = "cancelled", _("Vervallen")


class BreakthroughOutcome(models.TextChoices):
    YES = "yes", _("Ja, de doorbraak is gelukt")
    PARTLY = "partly", _("Gedeeltelijk")
    NO = "no", _("Nee")


class SharingPart(models.TextChoices):
    """Parts of a plan a partner may be allowed to see (consent per partner and data item)."""

    SITUATION = "situation", _("Situatieschets")
    PERSPECTIVE_NEEDS = "perspective_needs", _("Perspectief en wat nodig is")
    BREAKTHROUGH_STEPS = "breakthrough_steps", _("Doorbraak en stappen")
    LEGAL = "legal", _("Wettelijke grondslag")
    COSTS = "costs", _("Kosten en baten")
    ENGAGEMENT = "engagement", _("Scores betrokkenheid")


# Evaluations are due this many months after approval.
EVALUATION_MONTHS = (6, 12)

# The default escalation matrix for a municipality that has not set one up yet (BRIEF §3).
DEFAULT_LEVELS = (
    (_("Teamleider"), "team_lead"),
    (_("Doorbraakteam"), "doorbraakteam"),
    (_("Manager / directeur"), "manager"),
    (_("Bestuurder"), "manager"),
)

# Roles that can decide at a level.
DECIDER_ROLES = ("team_lead", "doorbraakteam", "manager")
