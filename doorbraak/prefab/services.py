"""Writes of plan templates: save a draft, publish, retire (the national admin for national templates, a
functional admin for the municipality's own), and copy a published template into a plan (the professional).
Each function is one transaction with its audit event."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record
from doorbraak.costs import services as costs
from doorbraak.legal import services as legal
from doorbraak.plans import services as plans
from doorbraak.plans.models import Plan

from .constants import TemplateStatus
from .models import (
    PlanTemplate,
    TemplateArticle,
    TemplateCostLine,
    TemplateHelper,
    TemplateNeed,
    TemplateStep,
    TemplateUse,
)

PART_MODELS = {
    "helpers": TemplateHelper,
    "needs": TemplateNeed,
    "steps": TemplateStep,
    "cost_lines": TemplateCostLine,
    "articles": TemplateArticle,
}
TEMPLATE_FIELDS = ("title", "description", "code")


def _locked(template: PlanTemplate) -> PlanTemplate:
    return PlanTemplate.objects.select_for_update().get(pk=template.pk)


def _check_part(template: PlanTemplate, kind: str, part) -> None:
    if kind == "cost_lines":
        if part.item_id is None and (part.unit_price is None or not part.description or not part.funding_stream):
            raise ValidationError(
                _("Een vrije kostenregel heeft een omschrijving, een prijs per eenheid en een financieringsstroom.")
            )
    if kind == "articles" and part.local_article_id is not None:
        if template.organisation_id is None:
            raise ValidationError(_("Een landelijk sjabloon kan alleen landelijke wetsartikelen bevatten."))
        if part.local_article.organisation_id != template.organisation_id:
            raise ValidationError(_("Dit lokale artikel hoort niet bij uw gemeente."))


def _audit(actor, template: PlanTemplate, action: AuditAction) -> None:
    audit_record(actor=actor, organisation=template.organisation, action=action, obj=template)


@transaction.atomic
def template_save(
    *,
    actor,
    organisation,
    data: dict,
    tags,
    parts: dict[str, list[dict]],
    template: PlanTemplate | None = None,
    version: int = 0,
) -> PlanTemplate:
    """Create or change a draft template of ``organisation`` (None: national) with all its parts; the parts
    given replace the stored ones. A published or retired template cannot change."""
    if template is None:
        template = PlanTemplate(organisation=organisation, created_by=actor)
    else:
        template = _locked(template)
        if template.status != TemplateStatus.DRAFT:
            raise ValidationError(_("Een gepubliceerd of ingetrokken sjabloon kan niet meer worden gewijzigd."))
        if template.version != version:
            raise ValidationError(_("Iemand anders heeft dit sjabloon intussen gewijzigd. Laad de pagina opnieuw."))
        template.version += 1
    for field in TEMPLATE_FIELDS:
        if field in data:
            setattr(template, field, (data[field] or "").strip())
    template.full_clean()
    template.save()
    template.tags.set(tags)
    for kind, model in PART_MODELS.items():
        if kind not in parts:
            continue
        model.objects.filter(template=template).delete()
        for position, row in enumerate(parts[kind]):
            part = model(template=template, position=position, **row)
            part.full_clean(exclude=["template"])
            _check_part(template, kind, part)
            part.save()
    _audit(actor, template, AuditAction.PREFAB_SAVE)
    return template


@transaction.atomic
def template_publish(*, actor, template: PlanTemplate) -> PlanTemplate:
    template = _locked(template)
    if template.status != TemplateStatus.DRAFT:
        raise ValidationError(_("Alleen een concept kan worden gepubliceerd."))
    if not template.tags.exists():
        raise ValidationError(_("Geef het sjabloon minstens één label, zodat het bij de juiste huishoudens komt."))
    if not (template.helpers.exists() or template.needs.exists() or template.steps.exists()):
        raise ValidationError(_("Een sjabloon heeft minstens één hulpverlener, behoefte of stap."))
    retired = [a for a in template.articles.all() if a.article.is_retired]
    if retired:
        raise ValidationError(
            _("Het artikel %(article)s is vervallen; haal het uit het sjabloon.") % {"article": retired[0].article}
        )
    template.status = TemplateStatus.PUBLISHED
    template.published_by = actor
    template.published_at = timezone.now()
    template.save(update_fields=["status", "published_by", "published_at"])
    _audit(actor, template, AuditAction.PREFAB_PUBLISH)
    return template


@transaction.atomic
def template_retire(*, actor, template: PlanTemplate) -> PlanTemplate:
    """A retired template is no longer offered; plans filled from it keep what they got."""
    template = _locked(template)
    if template.status == TemplateStatus.RETIRED:
        return template
    template.status = TemplateStatus.RETIRED
    template.retired_at = timezone.now()
    template.save(update_fields=["status", "retired_at"])
    _audit(actor, template, AuditAction.PREFAB_RETIRE)
    return template


@transaction.atomic
def template_apply(*, actor, template: PlanTemplate, plan: Plan) -> Plan:
    """Copy a published template into a draft plan: helpers, needs, steps, tags, cost lines and cited articles,
    each marked "uit sjabloon" until edited. All or nothing; a template goes into a plan only once."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if template.status != TemplateStatus.PUBLISHED:
        raise ValidationError(_("Dit sjabloon is niet (meer) gepubliceerd."))
    if template.organisation_id not in (None, plan.organisation_id):
        raise ValidationError(_("Dit sjabloon hoort niet bij uw gemeente."))
    if TemplateUse.objects.filter(plan=plan, template=template).exists():
        raise ValidationError(_("Dit sjabloon is al in dit plan overgenomen."))
    for kind, parts, fields in (
        ("helper", template.helpers.all(), ("agency", "role", "life_domain")),
        ("need", template.needs.all(), ("life_domain", "kind", "description")),
        ("step", template.steps.all(), ("phase", "description", "owner")),
    ):
        for part in parts:
            data = {f: getattr(part, f) for f in fields}
            plans.plan_item_add(actor=actor, plan=plan, kind=kind, data=data, from_template=True)
    new_tags = [t for t in template.tags.filter(is_active=True) if not plan.tags.filter(pk=t.pk).exists()]
    if new_tags:
        plan.refresh_from_db(fields=["tags_version"])
        plans.plan_set_tags(actor=actor, plan=plan, tags=[*plan.tags.all(), *new_tags], version=plan.tags_version)
    for line in template.cost_lines.select_related("item"):
        data = {"scenario": line.scenario, "item": line.item, "quantity": line.quantity}
        data |= {"probability": line.probability, "description": line.description}
        if line.funding_stream:
            data["funding_stream"] = line.funding_stream
        try:
            costs.line_add(
                actor=actor,
                plan=plan,
                data=data,
                manual_price=line.unit_price if line.item_id is None else None,
                from_template=True,
            )
        except ValidationError as err:
            raise ValidationError(
                _("Kostenregel '%(line)s' uit het sjabloon: %(error)s")
                % {"line": line.description or line.item, "error": " ".join(err.messages)}
            ) from err
    for article in template.articles.select_related("national_article", "local_article"):
        legal.citation_add(
            actor=actor,
            plan=plan,
            article=article.article,
            application=article.application,
            motivation=article.motivation,
            from_template=True,
        )
    TemplateUse.objects.create(plan=plan, template=template, organisation_id=plan.organisation_id, actor=actor)
    audit_record(
        actor=actor, organisation=plan.organisation, action=AuditAction.PREFAB_APPLY, obj=plan, template=template.pk
    )
    return plan
