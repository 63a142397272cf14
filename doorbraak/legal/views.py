from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record
from doorbraak.core.access import national_admin_required, role_required
from doorbraak.core.autosave import AutosaveForm, autosave
from doorbraak.core.forms import add_service_errors
from doorbraak.organisations.constants import PLAN_ROLES, Role
from doorbraak.plans.selectors import can_edit_plan, plan_for_editing, plan_for_user

from . import selectors, services
from .constants import DEFAULT_APPLICATION, Application
from .forms import (
    CitationForm,
    CitationUpdateForm,
    LocalArticleForm,
    LocalImportForm,
    MotivationForm,
    NationalArticleForm,
)
from .models import LocalArticle
from .ranking import MINOR_GROUND_KEYS
from .suggestions import domain_labels, suggestions_for_plan

TEMPLATE = "legal/plan_legitimacy.html"
CONFIRMED_IMPORTS_KEY = "legal.confirmed_local_imports"  # staged imports this session stored (replay message)

# Legitimacy side of a plan ----------------------------------------------------------------------


def _motivation_form(plan, basis=None, data=None, initial=None) -> AutosaveForm:
    """The motivation paragraph's form, autosaving like block 1 (status line ``status-motivering``)."""
    if data is None and initial is None:
        initial = {"motivation": basis.motivation if basis else "", "version": basis.version if basis else 0}
    form = MotivationForm(data, initial=initial) if data is not None else MotivationForm(initial=initial)
    action = reverse("legal:motivation", args=[plan.pk])
    return AutosaveForm(form=form, prefix="motivering", action=action, key="motivation")


def _citation_form(plan, citation, data=None) -> AutosaveForm:
    """One cited article's "how it applies" and motivation, autosaving (status line ``status-artikel-<id>``)."""
    prefix = f"c{citation.pk}"
    if data is None:
        form = CitationUpdateForm(initial=_citation_initial(citation), prefix=prefix)
    else:
        form = CitationUpdateForm(data, prefix=prefix)
    action = reverse("legal:citation_update", args=[plan.pk, citation.pk])
    return AutosaveForm(form=form, prefix=f"artikel-{citation.pk}", action=action, key=citation.pk, item=citation)


def _legitimacy_context(request, plan, *, motivation_form=None, citation_form=None):
    citations = list(selectors.citations_for_plan(plan=plan))
    basis = selectors.legal_basis_for_plan(plan=plan)
    cited_refs = {f"n:{c.national_article_id}" for c in citations if c.national_article_id} | {
        f"l:{c.local_article_id}" for c in citations if c.local_article_id
    }
    result = suggestions_for_plan(plan=plan)
    suggestions = []
    for s in result.suggestions:
        rows = [result.articles[ref] for ref in s.refs if ref in result.articles]
        suggestions.append(
            {
                "s": s,
                "domain_labels": domain_labels(s.domains),
                "rows": rows,
                "cited": any(ref in cited_refs for ref in s.refs),
                "default_application": DEFAULT_APPLICATION.get(s.kind, Application.MAY),
            }
        )
    general_grounds = [_general_ground(key, rows, cited_refs) for key, rows in result.general]
    if motivation_form is None:
        motivation_form = _motivation_form(plan, basis)
    bound = {citation_form.key: citation_form} if citation_form else {}
    may_edit = can_edit_plan(user=request.user, plan=plan)
    return {
        "plan": plan,
        # Editing needs the right role AND a plan that is still a concept (the legal basis then lies fixed).
        "can_edit": may_edit and services.legal_side_editable(plan),
        "locked": may_edit and not services.legal_side_editable(plan),
        "citations": [(c, bound.get(c.pk) or _citation_form(plan, c)) for c in citations],
        "suggestions": suggestions,
        "general_grounds": general_grounds,
        "minors": result.minors,
        "applications": Application.choices,
        "motivation_form": motivation_form,
        "legal_basis": basis,
        "closed_arguments": selectors.closed_arguments(),
    }


def _general_ground(key, rows, cited_refs) -> dict:
    """One article of the always-shown general grounds panel, citable in one click (its first row)."""
    first = rows[0]
    prefix = "l" if isinstance(first, LocalArticle) else "n"
    return {
        "key": key,
        "article": first,
        "ref": f"{prefix}:{first.pk}",
        "local": prefix == "l",
        "cited": any(f"{prefix}:{row.pk}" in cited_refs for row in rows),
        "application": DEFAULT_APPLICATION.get(first.kind, Application.PRINCIPLE),
        "for_children": key in MINOR_GROUND_KEYS,
    }


def _citation_initial(citation):
    return {"application": citation.application, "motivation": citation.motivation, "version": citation.version}


@role_required(*PLAN_ROLES)
def plan_legitimacy(request, plan_id):
    """The legitimacy step: suggestions (recomputed from block 1 on every load), citations, motivation."""
    plan = plan_for_user(user=request.user, plan_id=plan_id)
    audit_record(actor=request.user, organisation=plan.organisation, action=AuditAction.LEGAL_READ, obj=plan)
    context = _legitimacy_context(request, plan)
    template = TEMPLATE
    if request.htmx and request.GET.get("partial") == "suggestions":
        template += "#suggestions"
    return render(request, template, context)


def _article_from_ref(plan, ref: str):
    kind, _sep, pk = ref.partition(":")
    if kind == "n":
        article = selectors.national_article(article_id=pk)
    else:
        article = selectors.local_article_for_organisation(organisation=plan.organisation, article_id=pk)
    if article.retired_at is not None:
        raise Http404
    return article


def _back(plan):
    return redirect(reverse("legal:plan_legitimacy", args=[plan.pk]))


@require_POST
@role_required(*PLAN_ROLES)
def citation_add(request, plan_id):
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    form = CitationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een artikel en hoe het van toepassing is."))
        return _back(plan)
    article = _article_from_ref(plan, form.cleaned_data["article_ref"])
    try:
        services.citation_add(
            actor=request.user,
            plan=plan,
            article=article,
            application=form.cleaned_data["application"],
            motivation=form.cleaned_data["motivation"],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Artikel %(label)s is toegevoegd aan de onderbouwing.") % {"label": article.label})
    return _back(plan)


@require_POST
@role_required(*PLAN_ROLES)
def citation_update(request, plan_id, citation_id):
    """Autosave (or the button) of how one cited article applies: saved, refused (400) or a conflict (409)."""
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    citation = selectors.citation_for_plan(plan=plan, citation_id=citation_id)
    if not services.legal_side_editable(plan):
        messages.error(request, _("Dit plan is niet meer in concept; de gekozen artikelen liggen vast."))
        return _back(plan)
    af = _citation_form(plan, citation, data=request.POST)

    def write(version: int) -> int:
        data = af.form.cleaned_data
        return services.citation_update(
            actor=request.user,
            citation=citation,
            application=data["application"],
            motivation=data["motivation"],
            version=version,
        ).version

    return autosave(
        request,
        af,
        write=write,
        saved_url=_legitimacy_url(plan, "cited-title"),
        page=lambda bound, status: render(
            request, TEMPLATE, _legitimacy_context(request, plan, citation_form=bound), status=status
        ),
    )


@require_POST
@role_required(*PLAN_ROLES)
def citation_delete(request, plan_id, citation_id):
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    citation = selectors.citation_for_plan(plan=plan, citation_id=citation_id)
    try:
        services.citation_delete(actor=request.user, citation=citation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("De verwijzing is verwijderd."))
    return _back(plan)


def _legitimacy_url(plan, anchor: str) -> str:
    return f"{reverse('legal:plan_legitimacy', args=[plan.pk])}#{anchor}"


@require_POST
@role_required(*PLAN_ROLES)
def motivation(request, plan_id):
    """Autosave (or the button) of the motivation paragraph, or (action=draft) a draft put into the form.

    An empty motivation is refused (a field error, 400), never reported as saved. A draft is not stored: the form
    comes back marked unsaved (``draft``), so leaving the page warns until it is saved."""
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    if not services.legal_side_editable(plan):
        messages.error(request, _("Dit plan is niet meer in concept; de motivering ligt vast."))
        return _back(plan)
    if request.POST.get("action") == "draft":
        return _motivation_draft(request, plan)
    af = _motivation_form(plan, data=request.POST)

    def write(version: int) -> int:
        text = af.form.cleaned_data["motivation"]
        return services.motivation_save(actor=request.user, plan=plan, motivation=text, version=version).version

    return autosave(
        request,
        af,
        write=write,
        saved_url=_legitimacy_url(plan, "legal-motivation"),
        page=lambda bound, status: render(
            request, TEMPLATE, _legitimacy_context(request, plan, motivation_form=bound), status=status
        ),
    )


def _motivation_draft(request, plan):
    """'Maak een concept': the draft from the cited articles goes into the text box, not into the database."""
    form = MotivationForm(request.POST, draft=True)
    version = form.cleaned_data["version"] if form.is_valid() else 0
    draft = services.motivation_draft(plan=plan, citations=selectors.citations_for_plan(plan=plan))
    if not draft:  # nothing to draft from: the text box keeps what the user had, nothing becomes "unsaved"
        af = _motivation_form(plan, initial={"motivation": form.data.get("motivation", ""), "version": version})
        af.message = _("Kies eerst een of meer artikelen; daaruit wordt het concept gemaakt.")
    else:
        af = _motivation_form(plan, initial={"motivation": draft, "version": version})
        af.message = _(
            "Er staat een concept in het tekstvak. Nog niet opgeslagen: pas het aan; het wordt opgeslagen zodra u "
            "typt of op Opslaan klikt."
        )
    context = _legitimacy_context(request, plan, motivation_form=af)
    context["motivation_draft"] = bool(draft)
    template = f"{TEMPLATE}#motivation" if request.htmx else TEMPLATE
    return render(request, template, context)


# National law base (national admin) -----------------------------------------------------------


@national_admin_required
def national_list(request):
    articles = selectors.national_articles()
    query = request.GET.get("q", "").strip()
    if query:
        articles = articles.filter(law_short__icontains=query) | articles.filter(heading__icontains=query)
    return render(request, "legal/national_list.html", {"articles": articles, "q": query})


@national_admin_required
def national_edit(request, article_id=None):
    article = selectors.national_article(article_id=article_id) if article_id else None
    form = NationalArticleForm(request.POST or None, instance=article)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.national_article_save(actor=request.user, data=form.cleaned_data, article=article)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Artikel %(label)s is opgeslagen.") % {"label": saved.label})
            return redirect("legal:national_list")
    return render(request, "legal/article_form.html", {"form": form, "article": article, "scope": "national"})


@require_POST
@national_admin_required
def national_retire(request, article_id):
    article = selectors.national_article(article_id=article_id)
    services.national_article_retire(actor=request.user, article=article)
    messages.success(request, _("Artikel %(label)s is ingetrokken.") % {"label": article.label})
    return redirect("legal:national_list")


# Local regulations (functional admin) ----------------------------------------------------------


@role_required(Role.FUNCTIONAL_ADMIN)
def local_list(request):
    articles = selectors.local_articles_for_organisation(organisation=request.membership.organisation)
    return render(request, "legal/local_list.html", {"articles": articles})


@role_required(Role.FUNCTIONAL_ADMIN)
def local_edit(request, article_id=None):
    organisation = request.membership.organisation
    article = (
        selectors.local_article_for_organisation(organisation=organisation, article_id=article_id)
        if article_id
        else None
    )
    form = LocalArticleForm(request.POST or None, instance=article, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        saved = services.local_article_save(
            actor=request.user, organisation=organisation, data=form.cleaned_data, article=article
        )
        messages.success(request, _("Artikel %(label)s is opgeslagen.") % {"label": saved.label})
        return redirect("legal:local_list")
    return render(request, "legal/article_form.html", {"form": form, "article": article, "scope": "local"})


@require_POST
@role_required(Role.FUNCTIONAL_ADMIN)
def local_retire(request, article_id):
    organisation = request.membership.organisation
    article = selectors.local_article_for_organisation(organisation=organisation, article_id=article_id)
    services.local_article_retire(actor=request.user, organisation=organisation, article=article)
    messages.success(request, _("Artikel %(label)s is ingetrokken.") % {"label": article.label})
    return redirect("legal:local_list")


@role_required(Role.FUNCTIONAL_ADMIN)
def local_import(request):
    form = LocalImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            staged = services.local_import_stage(
                actor=request.user,
                organisation=request.membership.organisation,
                content=upload.read(),
                filename=upload.name,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("legal:local_import_preview", import_id=staged.pk)
    return render(request, "legal/local_import.html", {"form": form}, status=400 if form.errors else 200)


@role_required(Role.FUNCTIONAL_ADMIN)
def local_import_preview(request, import_id):
    organisation = request.membership.organisation
    confirmed = request.session.get(CONFIRMED_IMPORTS_KEY, [])
    try:
        staged = selectors.local_import_for_organisation(organisation=organisation, import_id=import_id)
    except Http404:
        if import_id in confirmed:  # the back button or a second click after the import was stored
            messages.info(request, _("Deze import is al opgeslagen; er is niets dubbel opgeslagen."))
            return redirect("legal:local_list")
        raise
    if staged.created_by_id != request.user.pk:
        raise PermissionDenied
    if request.method == "POST":
        try:
            counts = services.local_import_confirm(actor=request.user, organisation=organisation, staged=staged)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            request.session[CONFIRMED_IMPORTS_KEY] = [*confirmed[-19:], staged.pk]
            messages.success(
                request,
                _("Import opgeslagen: %(created)s nieuw, %(updated)s bijgewerkt, %(unchanged)s ongewijzigd.") % counts,
            )
            return redirect("legal:local_list")
    return render(request, "legal/local_import_preview.html", {"staged": staged})
