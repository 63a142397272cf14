"""Reads of the law base, local regulations and a plan's legal side.

Contract for other apps (plan document / PDF, follow-up):
- ``citations_for_plan(*, plan)``: the plan's citations, each with its snapshot (label, heading, url,
  validity, application, motivation).
- ``legal_missing(*, plan)``: what the legal side still lacks, as Dutch sentences (empty: complete): at least
  one cited article with how it applies in this case (its own motivation), and the motivation paragraph.
- ``legal_side_complete(*, plan)``: ``not legal_missing(plan=plan)``.
- ``legal_basis_for_plan(*, plan)``: the motivation paragraph object or None.
- ``closed_arguments()``: the ten conversation stoppers with answers.
- Template includes (the view passes their data): ``legal/_closed_arguments.html`` (needs
  ``closed_arguments``) and ``legal/_legal_basis.html`` (needs ``plan``, ``citations``, ``legal_basis``).
"""

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from .closed_arguments import CLOSED_ARGUMENTS, ClosedArgument
from .models import Citation, LegalArticle, LocalArticle, LocalImport, PlanLegalBasis


def citations_for_plan(*, plan) -> QuerySet[Citation]:
    return Citation.objects.filter(plan=plan, organisation_id=plan.organisation_id).select_related(
        "national_article", "local_article"
    )


CITATION_MISSING = _(
    "Kies de wetsartikelen die ruimte geven voor de uitzondering en beschrijf bij minstens één artikel hoe het "
    "in deze situatie van toepassing is."
)
MOTIVATION_MISSING = _("Schrijf de motivering van de uitzondering (de alinea onder 'Motivering').")


def legal_missing(*, plan) -> list[str]:
    """What the legal side of ``plan`` still lacks, as Dutch sentences; empty when complete. The one definition
    of a complete legal side: the value triangle and the submit check both come here."""
    missing = []
    citations = Citation.objects.filter(plan=plan, organisation_id=plan.organisation_id).order_by()
    if not any(text.strip() for text in citations.values_list("motivation", flat=True)):
        missing.append(str(CITATION_MISSING))
    basis = legal_basis_for_plan(plan=plan)
    if basis is None or not basis.motivation.strip():
        missing.append(str(MOTIVATION_MISSING))
    return missing


def legal_side_complete(*, plan) -> bool:
    return not legal_missing(plan=plan)


def legal_basis_for_plan(*, plan) -> PlanLegalBasis | None:
    return PlanLegalBasis.objects.filter(plan=plan, organisation_id=plan.organisation_id).first()


def closed_arguments() -> tuple[ClosedArgument, ...]:
    return CLOSED_ARGUMENTS


def citation_for_plan(*, plan, citation_id) -> Citation:
    try:
        return citations_for_plan(plan=plan).get(pk=citation_id)
    except (Citation.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


# National law base -------------------------------------------------------------------------------


def national_articles(*, include_retired: bool = True) -> QuerySet[LegalArticle]:
    qs = LegalArticle.objects.all()
    return qs if include_retired else qs.filter(retired_at__isnull=True)


def national_article(*, article_id) -> LegalArticle:
    try:
        return LegalArticle.objects.get(pk=article_id)
    except (LegalArticle.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


# Local regulations (tenant data) ---------------------------------------------------------------


def local_articles_for_organisation(*, organisation, include_retired: bool = True) -> QuerySet[LocalArticle]:
    qs = LocalArticle.objects.filter(organisation=organisation)
    return qs if include_retired else qs.filter(retired_at__isnull=True)


def local_article_for_organisation(*, organisation, article_id) -> LocalArticle:
    """One local article of this municipality, or 404 (another municipality's is not revealed)."""
    try:
        return local_articles_for_organisation(organisation=organisation).get(pk=article_id)
    except (LocalArticle.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def local_import_for_organisation(*, organisation, import_id) -> LocalImport:
    try:
        return LocalImport.objects.get(organisation=organisation, pk=import_id)
    except (LocalImport.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
