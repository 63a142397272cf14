"""Reads of plan templates. Every function gets the user's scope or the plan: a municipality's template is
never offered to, or editable by, another municipality (404); national templates are offered everywhere."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from doorbraak.plans.models import Plan, Tag

from .constants import TemplateStatus
from .models import PlanTemplate


def templates_for_admin(*, organisation) -> QuerySet[PlanTemplate]:
    """The templates an admin manages: the national ones (``organisation`` None, the national admin) or those
    of one municipality (its functional admin)."""
    scope = Q(organisation__isnull=True) if organisation is None else Q(organisation=organisation)
    return PlanTemplate.objects.filter(scope).prefetch_related("tags").order_by("status", "title")


def template_for_admin(*, organisation, template_id) -> PlanTemplate:
    template = templates_for_admin(organisation=organisation).filter(pk=template_id).first()
    if template is None:
        raise Http404
    return template


def template_parts(*, template: PlanTemplate) -> dict[str, list]:
    return {
        "helpers": list(template.helpers.all()),
        "needs": list(template.needs.all()),
        "steps": list(template.steps.all()),
        "cost_lines": list(template.cost_lines.select_related("item")),
        "articles": list(template.articles.select_related("national_article", "local_article")),
    }


PART_PREFETCH = (
    "tags",
    "helpers",
    "needs",
    "steps",
    "cost_lines__item",
    "articles__national_article",
    "articles__local_article",
)


def _offered(*, organisation) -> QuerySet[PlanTemplate]:
    return PlanTemplate.objects.filter(
        Q(organisation__isnull=True) | Q(organisation=organisation), status=TemplateStatus.PUBLISHED
    )


@dataclass(frozen=True)
class Offer:
    template: PlanTemplate
    shared_tags: list[Tag]


def household_tags(*, plan: Plan) -> set[int]:
    """The tags of this plan and of the household's other plans (same municipality)."""
    return set(
        Tag.objects.filter(plans__household_id=plan.household_id, plans__organisation_id=plan.organisation_id)
        .values_list("pk", flat=True)
        .distinct()
    )


def templates_offered_for_plan(*, plan: Plan) -> list[Offer]:
    """Published templates for this plan's municipality: those sharing most tags with the household first (each
    with the shared tags, to show why), then the rest by title; a municipality's own before a national one."""
    wanted = household_tags(plan=plan)
    offers = []
    for template in _offered(organisation=plan.organisation_id).prefetch_related(*PART_PREFETCH):
        shared = sorted((t for t in template.tags.all() if t.pk in wanted), key=lambda t: t.label)
        offers.append(Offer(template=template, shared_tags=shared))
    offers.sort(key=lambda o: (-len(o.shared_tags), o.template.is_national, o.template.title))
    return offers


def template_offered_for_plan(*, plan: Plan, template_id) -> PlanTemplate:
    template = _offered(organisation=plan.organisation_id).filter(pk=template_id).first()
    if template is None:
        raise Http404
    return template
