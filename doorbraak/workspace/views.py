"""The plan's workspace: the plan page, where block 1 is edited next to the state of the three sides.

Thin views: selectors decide who sees what and load the page's data, services write, ``editor`` holds the
forms and the answers to a save.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from doorbraak.core.access import role_required
from doorbraak.core.exceptions import ConflictError, TransitionError
from doorbraak.core.forms import add_service_errors
from doorbraak.engagement.selectors import value_triangle_summary
from doorbraak.organisations.constants import PLAN_ROLES
from doorbraak.plans import services
from doorbraak.plans.constants import PlanStatus, TagKind
from doorbraak.plans.forms import ITEM_FORMS, SECTION_FORMS, TransitionForm
from doorbraak.plans.models import Plan
from doorbraak.plans.selectors import (
    DECISIONS,
    available_transitions,
    block1_editable,
    can_edit_plan,
    may_request_transition,
    plan_for_editing,
    plan_for_user,
    plan_item,
    plan_items,
    status_changes_for_plan,
    steps_editable,
    tag_choices_for_plan,
)

from . import editor
from .parts import missing_items, plan_parts

TRANSITION_LABELS = {
    PlanStatus.SUBMITTED: gettext_lazy("Indienen"),
    PlanStatus.CONCEPT: gettext_lazy("Terug naar concept"),
    PlanStatus.APPROVED: gettext_lazy("Goedkeuren"),
    PlanStatus.REJECTED: gettext_lazy("Afwijzen"),
    PlanStatus.IN_PROGRESS: gettext_lazy("Uitvoering starten"),
    PlanStatus.EVALUATED: gettext_lazy("Evaluatie afronden"),
    PlanStatus.CLOSED: gettext_lazy("Plan afsluiten"),
}


def _section_of(key) -> str:
    """The section an editor form sits in, from its key: a section, "tags", (kind, item id) or ("add", kind)."""
    if isinstance(key, str):
        return key
    return key[1] if key[0] == "add" else key[0]


def page_context(request, plan: Plan, overrides: dict | None = None) -> dict:
    """Everything the plan page shows. ``overrides`` replaces a form by a bound one (errors, conflict)."""
    user = request.user
    tags, current_tag_ids = tag_choices_for_plan(plan=plan)
    transitions = [
        {"to": to, "label": TRANSITION_LABELS.get(to, to)} for to in available_transitions(user=user, plan=plan)
    ]
    may_edit = can_edit_plan(user=user, plan=plan)
    items = plan_items(plan=plan)
    triangle = value_triangle_summary(plan=plan)
    context = editor.editor_context(
        plan,
        may_edit=may_edit,
        block1_editable=block1_editable(plan),
        steps_editable=steps_editable(plan),
        items=items,
        tags=tags,
        current_tag_ids=current_tag_ids,
        overrides=overrides or {},
    )
    return {
        **context,
        "plan": plan,
        "household": plan.household,
        "triangle": triangle,
        "parts": plan_parts(plan=plan, triangle=triangle, items=items, tag_count=len(current_tag_ids)),
        "missing": missing_items(plan=plan, triangle=triangle, fields_on_page=context["edit_block1"]),
        "open_sections": {_section_of(key) for key in overrides or {}},
        "tag_kinds": TagKind,
        "transitions": transitions,
        "status_changes": status_changes_for_plan(plan=plan),
        "active_minutes": plan.active_editing_seconds // 60,
        "idle_minutes": settings.ACTIVE_EDITING_IDLE_SECONDS // 60,
    }


# ---------------------------------------------------------------------------------------------- the page


@role_required(*PLAN_ROLES)
def plan_detail(request, plan_id):
    plan = plan_for_user(user=request.user, plan_id=plan_id)
    services.plan_record_read(actor=request.user, plan=plan)
    return render(request, editor.TEMPLATE, page_context(request, plan))


NAV_PARTS = {"plan", "engagement", "return", "legitimacy", "followup"}


@role_required(*PLAN_ROLES)
def plan_nav(request, plan_id):
    """The plan's navigation with the state of each part, as a fragment: the side pages (in apps below this one)
    load it with HTMX; their plain links are the fallback. Same access as the plan page; no personal data."""
    plan = plan_for_user(user=request.user, plan_id=plan_id)
    tags, current_tag_ids = tag_choices_for_plan(plan=plan)
    triangle = value_triangle_summary(plan=plan)
    parts = plan_parts(plan=plan, triangle=triangle, items=plan_items(plan=plan), tag_count=len(current_tag_ids))
    current = request.GET.get("deel", "")
    context = {"plan": plan, "parts": parts, "current": current if current in NAV_PARTS else ""}
    return render(request, "workspace/_plan_nav.html", context)


# ---------------------------------------------------------------------------------------------- saving


@require_POST
@role_required(*PLAN_ROLES)
def plan_section_save(request, plan_id, section):
    if section not in SECTION_FORMS:
        raise Http404
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    ef = editor.section_form(plan, section, data=request.POST)
    fields = services.SECTIONS[section]

    def write(version: int) -> int:
        data = {f: ef.form.cleaned_data[f] for f in fields}
        saved = services.plan_update_section(actor=request.user, plan=plan, section=section, data=data, version=version)
        return getattr(saved, f"{section}_version")

    return editor.save(request, plan, ef, write=write, page=page_context)


@require_POST
@role_required(*PLAN_ROLES)
def plan_tags_save(request, plan_id):
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    tags, current_ids = tag_choices_for_plan(plan=plan)
    ef = editor.tags_form(plan, tags=tags, current_ids=current_ids, data=request.POST)

    def write(version: int) -> int:
        selected = ef.form.selected_tags()
        return services.plan_set_tags(actor=request.user, plan=plan, tags=selected, version=version).tags_version

    return editor.save(request, plan, ef, write=write, page=page_context, rows=editor.tags_conflict_rows)


def _check_kind(kind: str) -> None:
    if kind not in ITEM_FORMS:
        raise Http404


@require_POST
@role_required(*PLAN_ROLES)
def plan_item_add(request, plan_id, kind):
    _check_kind(kind)
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    ef = editor.add_form(plan, kind, data=request.POST)
    form = ef.form
    if form.is_valid():
        try:
            services.plan_item_add(
                actor=request.user,
                plan=plan,
                kind=kind,
                data=form.item_data(),
                creation_token=form.cleaned_data.get("creation_token"),
            )
        except ValidationError as err:
            add_service_errors(form, err)
        else:
            if not request.htmx:
                messages.success(request, _("Toegevoegd."))
            return editor.list_response(request, plan, kind, page=page_context)
    return editor.list_response(request, plan, kind, page=page_context, overrides={ef.key: ef}, status=400)


@require_POST
@role_required(*PLAN_ROLES)
def plan_item_change(request, plan_id, kind, item_id):
    """Save or (with the 'delete' button) remove one helper, need or step."""
    _check_kind(kind)
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    item = plan_item(plan=plan, kind=kind, item_id=item_id)

    if "delete" in request.POST:
        if item is not None:  # already gone: a repeated click, nothing to do
            try:
                version = int(request.POST.get(f"{editor.item_prefix(kind, item_id)}-version", ""))
                services.plan_item_delete(actor=request.user, item=item, version=version)
            except (ConflictError, ValueError):
                messages.error(request, _("Iemand anders heeft dit onderdeel intussen gewijzigd; bekijk het opnieuw."))
            except ValidationError as err:
                messages.error(request, " ".join(err.messages))
        return editor.list_response(request, plan, kind, page=page_context)
    if item is None:
        messages.error(request, _("Dit onderdeel is intussen door iemand anders verwijderd."))
        return editor.list_response(request, plan, kind, page=page_context)

    ef = editor.item_form(plan, kind, item, data=request.POST)
    if ef.form.is_valid() and ef.form.cleaned_data.get("version") is None:
        ef.form.add_error(None, _("Het formulier is onvolledig verstuurd; laad de pagina opnieuw."))

    def write(version: int) -> int:
        data = ef.form.item_data()
        return services.plan_item_update(actor=request.user, item=item, data=data, version=version).version

    return editor.save(request, plan, ef, write=write, page=page_context, rows=editor.item_conflict_rows)


# ---------------------------------------------------------------------------------------------- workflow


def _transition(request, plan: Plan, to_status: str, reason: str = ""):
    if not may_request_transition(user=request.user, plan=plan, to_status=to_status):
        raise PermissionDenied
    try:
        plan = services.plan_transition(actor=request.user, plan=plan, to_status=to_status, reason=reason)
    except TransitionError as err:
        messages.error(request, " ".join(err.messages))
    else:
        messages.success(request, _("De status is nu: %(status)s.") % {"status": plan.get_status_display()})
    return redirect(editor.anchor_url(plan, "status"))


@require_POST
@role_required(*PLAN_ROLES)
def plan_status_change(request, plan_id):
    """Every status move other than submitting and deciding: withdraw, start, evaluate, close.

    Submitting has one way in, ``followup:plan_submit`` (the plan page's Indienen button posts there); approve
    and reject are decisions taken on the follow-up page, along the escalation matrix."""
    plan = plan_for_user(user=request.user, plan_id=plan_id)
    form = TransitionForm(request.POST)
    to_status = form.cleaned_data["to_status"] if form.is_valid() else None
    if to_status in (None, PlanStatus.SUBMITTED):  # submitting is not a move this view makes
        messages.error(request, _("Onbekende statuswijziging."))
        return redirect(editor.anchor_url(plan, "status"))
    if to_status in DECISIONS:
        messages.info(
            request, _("Over een ingediend plan wordt besloten op de pagina Opvolging, langs de escalatiematrix.")
        )
        return redirect("followup:plan_followup", plan_id=plan.pk)
    return _transition(request, plan, to_status, form.cleaned_data["reason"])
