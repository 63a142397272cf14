"""Writes of the legal side. Each function is one transaction that records its audit event."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record
from doorbraak.core.exceptions import ConflictError
from doorbraak.core.tabular import TableFileError
from doorbraak.plans.models import Plan
from doorbraak.plans.services import plan_record_edit
from doorbraak.plans.workflow import BLOCK1_EDITABLE

from . import coselection, local_csv
from .constants import LOCAL_IMPORT_TTL_HOURS, MOTIVATION_REQUIRED
from .drafting import DraftItem, draft_motivation
from .local_csv import parse_local_csv
from .models import Citation, LegalArticle, LocalArticle, LocalImport, PlanLegalBasis

ARTICLE_FIELDS = (
    "article",
    "heading",
    "kind",
    "life_domains",
    "keywords",
    "valid_from",
    "valid_until",
    "situations",
    "plain_language",
)
NATIONAL_FIELDS = (
    *ARTICLE_FIELDS,
    "law_short",
    "law_title",
    "bwb_id",
    "paragraph",
    "room_for_maatwerk",
    "source_url",
    "verified",
)
LOCAL_FIELDS = (*ARTICLE_FIELDS, "regulation_title", "regulation_type", "cvdr_id", "summary")


# Citations -------------------------------------------------------------------------------------

# The legal basis belongs to the plan as submitted: like block 1 it is fixed once the plan leaves 'concept'.
LEGAL_EDITABLE = BLOCK1_EDITABLE


def legal_side_editable(plan) -> bool:
    return plan.status in LEGAL_EDITABLE


def _require_legal_editable(plan) -> Plan:
    """Re-read the plan with a row lock (a status change cannot interleave) and refuse unless it is a concept."""
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    if not legal_side_editable(locked):
        raise ValidationError(
            _(
                "Dit plan heeft de status '%(status)s'; de gekozen artikelen en de motivering liggen vast en "
                "kunnen niet meer worden gewijzigd."
            )
            % {"status": locked.get_status_display()}
        )
    return locked


def _snapshot(article) -> dict:
    if isinstance(article, LegalArticle):
        return {
            "national_article": article,
            "law_short": article.law_short,
            "law_title": article.law_title,
            "paragraph": article.paragraph,
            "summary": article.room_for_maatwerk,
            "source_id": article.bwb_id,
        }
    return {
        "local_article": article,
        "law_short": article.regulation_title,
        "law_title": article.get_regulation_type_display(),
        "paragraph": "",
        "summary": article.summary,
        "source_id": article.cvdr_id,
    }


@transaction.atomic
def citation_add(
    *, actor, plan, article, application: str, motivation: str = "", from_template: bool = False
) -> Citation:
    """Cite an article in a plan, storing a snapshot of the article version used. ``from_template`` marks a
    citation copied from a plan template (doorbraak.prefab) until someone edits it."""
    _require_legal_editable(plan)
    if isinstance(article, LocalArticle) and article.organisation_id != plan.organisation_id:
        raise ValidationError(_("Dit artikel hoort niet bij uw gemeente."))
    lookup = {"national_article": article} if isinstance(article, LegalArticle) else {"local_article": article}
    existing = Citation.objects.filter(plan=plan, **lookup).first()
    if existing:
        return existing
    citation = Citation(
        plan=plan,
        organisation_id=plan.organisation_id,
        application=application,
        motivation=motivation,
        article_version=article.version,
        article=article.article,
        heading=article.heading,
        kind=article.kind,
        url=article.canonical_url,
        valid_from=article.valid_from,
        valid_until=article.valid_until,
        retired_at=article.retired_at,
        created_by=actor,
        from_template=from_template,
        **_snapshot(article),
    )
    citation.full_clean()
    before = coselection.plan_state(plan.pk)
    try:
        with transaction.atomic():
            citation.save()
    except IntegrityError:  # a double submit raced us
        return Citation.objects.get(plan=plan, **lookup)
    coselection.plan_sync(plan.pk, before)
    audit_record(
        actor=actor,
        organisation=plan.organisation,
        action=AuditAction.LEGAL_CITE,
        obj=plan,
        citation=citation.pk,
        op="add",
    )
    plan_record_edit(plan=plan)
    return citation


@transaction.atomic
def citation_update(*, actor, citation: Citation, application: str, motivation: str, version: int) -> Citation:
    _require_legal_editable(citation.plan)
    stored = Citation.objects.select_for_update().get(pk=citation.pk)
    if stored.version != version:
        raise ConflictError({"application": stored.application, "motivation": stored.motivation}, stored.version)
    stored.application = application
    stored.motivation = motivation
    stored.from_template = False  # edited: no longer the template's motivation
    stored.version += 1
    stored.full_clean()
    stored.save()
    audit_record(
        actor=actor,
        organisation=stored.organisation,
        action=AuditAction.LEGAL_CITE,
        obj=stored.plan,
        citation=stored.pk,
        op="update",
    )
    plan_record_edit(plan=stored.plan)
    return stored


@transaction.atomic
def citation_delete(*, actor, citation: Citation) -> None:
    plan = _require_legal_editable(citation.plan)
    pk = citation.pk
    before = coselection.plan_state(plan.pk)
    Citation.objects.filter(pk=pk).delete()
    coselection.plan_sync(plan.pk, before)
    audit_record(
        actor=actor, organisation=plan.organisation, action=AuditAction.LEGAL_CITE, obj=plan, citation=pk, op="delete"
    )
    plan_record_edit(plan=plan)


def motivation_draft(*, plan, citations) -> str:
    items = [DraftItem(c.label, c.heading, c.application, c.motivation) for c in citations]
    return draft_motivation(items, exception=plan.breakthrough_exception or plan.breakthrough_description)


@transaction.atomic
def motivation_save(*, actor, plan, motivation: str, version: int) -> PlanLegalBasis:
    """Save the motivation paragraph if ``version`` is still the stored one (optimistic locking).

    The motivation is required for submission, so an empty (or blank) text is refused with a field error on
    ``motivation``; it is never stored nor reported as saved."""
    _require_legal_editable(plan)
    if not motivation.strip():
        raise ValidationError({"motivation": MOTIVATION_REQUIRED})
    basis, _created = PlanLegalBasis.objects.get_or_create(
        plan=plan, defaults={"organisation_id": plan.organisation_id}
    )
    basis = PlanLegalBasis.objects.select_for_update().get(pk=basis.pk)
    if basis.version != version:
        raise ConflictError({"motivation": basis.motivation}, basis.version)
    if basis.motivation == motivation:
        return basis
    basis.motivation = motivation
    basis.version += 1
    basis.full_clean()
    basis.save()
    audit_record(actor=actor, organisation=plan.organisation, action=AuditAction.LEGAL_MOTIVATION, obj=plan)
    plan_record_edit(plan=plan)
    return basis


# National law base (national admin) ----------------------------------------------------------


def _apply(obj, data: dict, fields: tuple[str, ...]) -> list[str]:
    changed = [f for f in fields if f in data and getattr(obj, f) != data[f]]
    for f in changed:
        setattr(obj, f, data[f])
    return changed


@transaction.atomic
def national_article_save(*, actor, data: dict, article: LegalArticle | None = None) -> LegalArticle:
    """Create or edit a national article. An edit raises the version; citations keep their snapshot."""
    # Re-read: a ModelForm may already have changed the instance in memory.
    article = LegalArticle.objects.select_for_update().get(pk=article.pk) if article else LegalArticle()
    changed = _apply(article, data, NATIONAL_FIELDS)
    if article.pk and not changed:
        return article
    if article.pk:
        article.version += 1
    article.full_clean()
    article.save()
    audit_record(
        actor=actor, organisation=None, action=AuditAction.LEGAL_ARTICLE_SAVE, obj=article, version=article.version
    )
    return article


@transaction.atomic
def national_article_retire(*, actor, article: LegalArticle, on=None) -> LegalArticle:
    """Retire: no longer suggested or citable; plans that cited it keep showing their snapshot."""
    if article.retired_at is None:
        article.retired_at = on or timezone.localdate()
        article.version += 1
        article.save()
        audit_record(actor=actor, organisation=None, action=AuditAction.LEGAL_ARTICLE_RETIRE, obj=article)
    return article


# Local regulations (functional admin, per municipality) ----------------------------------------


@transaction.atomic
def local_article_save(*, actor, organisation, data: dict, article: LocalArticle | None = None) -> LocalArticle:
    if article is not None:
        article = LocalArticle.objects.select_for_update().get(pk=article.pk)
    else:
        article = LocalArticle(organisation=organisation)
    if article.organisation_id != organisation.pk:
        raise ValidationError(_("Dit artikel hoort niet bij uw gemeente."))
    changed = _apply(article, data, LOCAL_FIELDS)
    if article.pk and not changed:
        return article
    if article.pk:
        article.version += 1
    article.full_clean()
    article.save()
    audit_record(actor=actor, organisation=organisation, action=AuditAction.LEGAL_LOCAL_SAVE, obj=article)
    return article


@transaction.atomic
def local_article_retire(*, actor, organisation, article: LocalArticle, on=None) -> LocalArticle:
    if article.organisation_id != organisation.pk:
        raise ValidationError(_("Dit artikel hoort niet bij uw gemeente."))
    if article.retired_at is None:
        article.retired_at = on or timezone.localdate()
        article.version += 1
        article.save()
        audit_record(actor=actor, organisation=organisation, action=AuditAction.LEGAL_LOCAL_RETIRE, obj=article)
    return article


@transaction.atomic
def local_import_stage(*, actor, organisation, content: bytes, filename: str = "import.csv") -> LocalImport:
    """Parse an uploaded CSV and keep it server-side for the preview. Old staged uploads are removed.
    A file that cannot be read at all raises ValidationError (Dutch) and nothing is staged."""
    LocalImport.objects.filter(created_at__lt=timezone.now() - timedelta(hours=LOCAL_IMPORT_TTL_HOURS)).delete()
    existing = set(LocalArticle.objects.filter(organisation=organisation).values_list("regulation_title", "article"))
    try:
        rows, errors = parse_local_csv(content, filename=filename, existing=existing)
    except TableFileError as exc:
        raise ValidationError(str(exc)) from exc
    staged = LocalImport.objects.create(organisation=organisation, created_by=actor, rows=rows, errors=errors)
    audit_record(
        actor=actor, organisation=organisation, action=AuditAction.LEGAL_LOCAL_IMPORT_STAGE, obj=staged, rows=len(rows)
    )
    return staged


@transaction.atomic
def local_import_confirm(*, actor, organisation, staged: LocalImport) -> dict[str, int]:
    """Store all rows of a staged import. All or nothing: a staged file with any error is refused. Single-use:
    the staged import is claimed (deleted) first, so a second confirm of it stores nothing."""
    if staged.organisation_id != organisation.pk:
        raise ValidationError(_("Deze import hoort niet bij uw gemeente."))
    if staged.errors:
        raise ValidationError(_("Het bestand bevat fouten; verbeter het bestand en laad het opnieuw."))
    staged_pk = staged.pk
    claimed, _deleted = LocalImport.objects.filter(pk=staged_pk).delete()
    if not claimed:
        raise ValidationError(_("Deze import is al opgeslagen; er is niets dubbel opgeslagen."), code="replayed")
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for row in staged.rows:
        cleaned = local_csv.clean_staged_row(row)  # the same check as the preview; errors name the row
        data = {k: cleaned[k] for k in LOCAL_FIELDS if k in cleaned}
        article = LocalArticle.objects.filter(
            organisation=organisation, regulation_title=data["regulation_title"], article=data["article"]
        ).first()
        if article is None:
            article = LocalArticle(organisation=organisation)
            counts["created"] += 1
        elif not [f for f in LOCAL_FIELDS if f in data and getattr(article, f) != data[f]]:
            counts["unchanged"] += 1
            continue
        else:
            counts["updated"] += 1
            article.version += 1
        _apply(article, data, LOCAL_FIELDS)
        try:
            article.full_clean()
        except ValidationError as exc:
            raise ValidationError(
                [_("Regel %(n)s: %(message)s") % {"n": row.get("line", "?"), "message": m} for m in exc.messages]
            ) from exc
        article.save()
    audit_record(
        actor=actor,
        organisation=organisation,
        action=AuditAction.LEGAL_LOCAL_IMPORT,
        obj=organisation,
        staged=staged_pk,
        **counts,
    )
    return counts
