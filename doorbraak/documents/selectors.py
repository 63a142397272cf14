"""What goes into a plan document, gathered from the apps that own each part.

The plan passed in has been fetched through ``plans.selectors`` (tenant and role checked) or, on the
command line, through ``plan_for_reference`` within one organisation. The legal, costs, engagement and
follow-up apps are asked through their selectors.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doorbraak.costs.constants import FundingStream, Scenario
from doorbraak.costs.selectors import plan_results
from doorbraak.engagement.charts import radar_chart
from doorbraak.engagement.constants import PLAIN_DIMENSION_LABELS, HealthDimension
from doorbraak.engagement.selectors import engagement_for_plan, scores_for_plan
from doorbraak.followup.constants import SharingPart
from doorbraak.followup.models import ContactPerson
from doorbraak.followup.selectors import consents_for_household, visible_parts_by_partner
from doorbraak.legal.selectors import citations_for_plan, closed_arguments, legal_basis_for_plan
from doorbraak.plans.constants import NeedKind, StepPhase
from doorbraak.plans.models import Plan

from . import plain

# Parts of a plan: the follow-up app's SharingPart (consent per partner and part).
SITUATION = SharingPart.SITUATION.value
PERSPECTIVE_NEEDS = SharingPart.PERSPECTIVE_NEEDS.value
BREAKTHROUGH_STEPS = SharingPart.BREAKTHROUGH_STEPS.value
LEGAL = SharingPart.LEGAL.value
COSTS = SharingPart.COSTS.value
ENGAGEMENT = SharingPart.ENGAGEMENT.value
ALL_PARTS = frozenset(SharingPart.values)


@dataclass
class ExportOptions:
    plain: bool = False  # the plain-language (B1) version for the household
    include_costs: bool | None = None  # None: yes in the full version, no in the plain version
    closed_arguments: bool = False  # print the closed arguments with their answers (full version)
    partner: ContactPerson | None = None  # only the parts the household shares with this partner
    partner_until: date | None = None
    parts: frozenset[str] = field(default_factory=lambda: ALL_PARTS)

    @property
    def variant(self) -> str:
        return "plain" if self.plain else "full"

    @property
    def shows_costs(self) -> bool:
        wanted = (not self.plain) if self.include_costs is None else self.include_costs
        return wanted and COSTS in self.parts


# --- partners (consent per partner and part, kept by the follow-up app) -----------------------------------


@dataclass(frozen=True)
class PartnerChoice:
    partner: ContactPerson
    parts: frozenset[str]
    valid_until: date | None


def partners_for_export(*, plan: Plan, on: date | None = None) -> list[PartnerChoice]:
    """Partners the household currently shares at least one part of this plan with."""
    on = on or timezone.localdate()
    consents = [c for c in consents_for_household(household=plan.household) if c.is_valid_on(on)]
    visible = visible_parts_by_partner(plan=plan, on=on)
    choices = []
    for partner_id in dict.fromkeys(c.partner_id for c in consents):
        partner = next(c.partner for c in consents if c.partner_id == partner_id)
        parts = frozenset(visible.get(partner_id, ())) & ALL_PARTS
        if parts:
            until = max(c.valid_until for c in consents if c.partner_id == partner_id)
            choices.append(PartnerChoice(partner, parts, until))
    return choices


def partner_choice(*, plan: Plan, partner_id) -> PartnerChoice:
    """One partner with current consent for this plan, or 404."""
    for choice in partners_for_export(plan=plan):
        if str(choice.partner.pk) == str(partner_id):
            return choice
    raise Http404


# --- command line -------------------------------------------------------------------------------------------


def plan_for_reference(*, reference: str, organisation=None) -> Plan:
    """A plan by its UUID or its household's reference (the newest plan of that household).

    With ``organisation`` the search stays inside that municipality. Raises Plan.DoesNotExist."""
    plans = Plan.objects.select_related("organisation", "household", "team")
    if organisation is not None:
        plans = plans.filter(organisation=organisation)
    condition = Q(household__reference__iexact=reference.strip())
    try:
        condition |= Q(pk=uuid.UUID(reference.strip()))
    except ValueError:
        pass
    plan = plans.filter(condition).order_by("-created_at").first()
    if plan is None:
        raise Plan.DoesNotExist(reference)
    return plan


# --- the document ------------------------------------------------------------------------------------------


PLAIN_NEED_HEADINGS = {
    NeedKind.SELF: _("Dit doet u zelf"),
    NeedKind.SUPPORT: _("Hierbij krijgt u hulp"),
    NeedKind.TREATMENT: _("Hiervoor krijgt u behandeling"),
}
PLAIN_PHASE_HEADINGS = {
    StepPhase.FIRST_NEED: _("Eerst: wat nu moet gebeuren"),
    StepPhase.STABILISE: _("Daarna: rust en overzicht"),
    StepPhase.HOPE: _("Dan: vooruitkijken"),
}


def _grouped(items, key: str, order) -> list[tuple[str, list]]:
    groups = []
    for code in order:
        members = [item for item in items if getattr(item, key) == code]
        if members:
            groups.append((code, members))
    return groups


def _costs(plan: Plan) -> dict:
    result = plan_results(plan=plan)
    if not result.line_count:
        return {"result": result, "empty": True}
    labels = dict(FundingStream.choices)
    scenario_labels = dict(Scenario.choices)
    scenarios = [
        (code, scenario_labels.get(code, code), result.totals.get(code))
        for code in ("current", "threatening", "plan", "realised")
        if code != "realised" or result.totals.get(code)
    ]
    streams = [dict(row, label=labels.get(row["stream"], row["stream"])) for row in result.wrong_pocket()]
    return {"result": result, "empty": False, "scenarios": scenarios, "streams": streams}


def _legal(plan: Plan, *, with_closed_arguments: bool) -> dict:
    return {
        "citations": list(citations_for_plan(plan=plan)),
        "basis": legal_basis_for_plan(plan=plan),
        "closed_arguments": closed_arguments() if with_closed_arguments else (),
    }


@dataclass(frozen=True)
class PlainStep:
    description: str
    owner: str
    due_date: date | None
    done: bool


def _cited_plain_language(citation) -> str:
    """The article's plain-language sentence as the law base (or the municipality) has it now."""
    article = citation.national_article or citation.local_article
    return article.plain_language if article is not None else ""


def _plain(plan: Plan, context: dict) -> dict:
    """The household's version (B1): the professional's words in everyday language (``documents.plain``), the
    household's own words as they are, and one plain sentence per cited article instead of its code."""
    parts = context["parts"]
    version: dict = {}
    if SITUATION in parts:
        domains = [n.life_domain for n in context.get("needs", ())] + [h.life_domain for h in context["helpers"]]
        version["situation"] = plain.plain_text(plan.situation)
        version["domains"] = plain.domains_sentence(domains)
        version["helpers"] = list(dict.fromkeys(plain.plain_words(h.agency) for h in context["helpers"] if h.agency))
    if PERSPECTIVE_NEEDS in parts:
        version["need_groups"] = [
            (heading, [plain.plain_text(need.description) for need in members])
            for heading, members in context["plain_need_groups"]
        ]
    if BREAKTHROUGH_STEPS in parts:
        version["breakthrough"] = plain.breakthrough_paragraph(
            description=plan.breakthrough_description,
            obstacle=plan.breakthrough_obstacle,
            exception=plan.breakthrough_exception,
            grantor=plan.breakthrough_grantor,
        )
        version["step_groups"] = [
            (
                plain_phase,
                [
                    PlainStep(plain.plain_text(s.description), plain.plain_words(s.owner), s.due_date, s.done)
                    for s in steps
                ],
            )
            for _phase, plain_phase, steps in context["step_groups"]
        ]
    if LEGAL in parts:
        version["articles"] = plain.article_sentences(
            (_cited_plain_language(c), c.kind) for c in context["legal"]["citations"]
        )
    return version


def document_context(*, plan: Plan, options: ExportOptions) -> dict:
    """Everything the document templates need; parts the options exclude are left out entirely."""
    parts = options.parts
    organisation = plan.organisation
    context: dict = {
        "plan": plan,
        "organisation": organisation,
        "colour": organisation.primary_colour,
        "options": options,
        "parts": parts,
        "generated_on": timezone.localdate(),
        "partner": options.partner,
        "partner_until": options.partner_until,
    }
    if SITUATION in parts:
        context["helpers"] = list(plan.helpers.all())
    if PERSPECTIVE_NEEDS in parts:
        needs = list(plan.needs.all())
        context["needs"] = needs
        context["plain_need_groups"] = [
            (PLAIN_NEED_HEADINGS[code], members) for code, members in _grouped(needs, "kind", NeedKind.values)
        ]
    if BREAKTHROUGH_STEPS in parts:
        steps = list(plan.steps.all())
        context["step_groups"] = [
            (StepPhase(code).label, PLAIN_PHASE_HEADINGS[code], members)
            for code, members in _grouped(steps, "phase", StepPhase.values)
        ]
    if ENGAGEMENT in parts:
        scores = scores_for_plan(plan=plan)
        context["engagement"] = engagement_for_plan(plan=plan)
        context["scores"] = scores
        context["chart"] = radar_chart(scores, colour=organisation.primary_colour)
        context["plain_score_rows"] = [
            (PLAIN_DIMENSION_LABELS[HealthDimension(row.code)], row.now, row.expected) for row in scores.rows
        ]
    if LEGAL in parts:
        context["legal"] = _legal(plan, with_closed_arguments=options.closed_arguments and not options.plain)
    if options.shows_costs:
        context["costs"] = _costs(plan)
    if options.plain:
        context["plain"] = _plain(plan, context)
    return context
