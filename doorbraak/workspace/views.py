"""The plan's workspace: the plan page, where block 1 is edited next to the state of the three sides.

Thin views: selectors decide who sees what, services write.

The editor is one page; every section is its own form. The same view answers a plain POST (redirect back
to the section: post/redirect/get) and an HTMX autosave (a small fragment that updates the save status
and the hidden version field, so the text the user is typing is never replaced).
"""

import uuid
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from doorbraak.core.access import role_required
from doorbraak.core.exceptions import ConflictError, TransitionError
from doorbraak.core.forms import add_service_errors
from doorbraak.followup.services import plan_submit as followup_plan_submit
from doorbraak.organisations.constants import PLAN_ROLES
from doorbraak.plans import services
from doorbraak.plans.constants import PlanStatus, StepPhase, TagKind
from doorbraak.plans.forms import ITEM_FORMS, SECTION_FORMS, TAG_FIELDS, TagsForm, TransitionForm
from doorbraak.plans.models import Plan, Tag
from doorbraak.plans.selectors import (
    DECISIONS,
    available_transitions,
    block1_editable,
    can_edit_plan,
    may_request_transition,
    plan_for_editing,
    plan_for_user,
    steps_editable,
)

TEMPLATE = "workspace/plan_detail.html"

# Stable element ids (anchors) and form prefixes per section; browser tests and links rely on them.
ANCHORS = {
    "situation": "sectie-situatie",
    "helper": "sectie-hulpverleners",
    "perspective": "sectie-perspectief",
    "need": "sectie-behoeften",
    "breakthrough": "sectie-doorbraak",
    "step": "sectie-stappen",
    "tags": "sectie-labels",
    "status": "sectie-status",
}
PREFIXES = {"situation": "situatie", "perspective": "perspectief", "breakthrough": "doorbraak", "tags": "labels"}
ITEM_PREFIXES = {"helper": "hulpverlener", "need": "behoefte", "step": "stap"}


def conflict_message() -> str:
    return _(
        "Iemand anders heeft dit onderdeel intussen gewijzigd. Uw tekst is niet opgeslagen en staat nog in het "
        "formulier. Vergelijk hieronder en kies of u uw eigen tekst over de nieuwe versie wilt opslaan."
    )


@dataclass
class EditorForm:
    """One form on the editor page with what the template needs around it."""

    form: object
    prefix: str
    action: str
    conflict: list = field(default_factory=list)  # [(label, stored value as text)]
    conflict_version: int | None = None
    message: str = ""
    item: object = None
    autosave: bool = True
    legend: str = ""

    @property
    def form_id(self) -> str:
        return f"form-{self.prefix}"

    @property
    def status_id(self) -> str:
        return f"status-{self.prefix}"

    @property
    def conflict_id(self) -> str:
        return f"conflict-{self.prefix}"


def _anchor_url(plan: Plan, key: str) -> str:
    return f"{reverse('workspace:plan', args=[plan.pk])}#{ANCHORS[key]}"


def _as_text(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "—"
    if hasattr(value, "isoformat"):
        return date_format(value, "j F Y")
    return str(value)


def _requested_version(request, form) -> int:
    """The version a save is based on: the form's, or the newer one the user explicitly chose to save over."""
    overwrite = request.POST.get("overwrite_version", "")
    if overwrite.isdigit():
        return int(overwrite)
    return form.cleaned_data["version"]


def _section_form(plan: Plan, section: str) -> EditorForm:
    form_class = SECTION_FORMS[section]
    initial = {name: getattr(plan, name) for name in form_class.base_fields if name != "version"}
    initial["version"] = getattr(plan, f"{section}_version")
    return EditorForm(
        form=form_class(prefix=PREFIXES[section], initial=initial),
        prefix=PREFIXES[section],
        action=reverse("workspace:section", args=[plan.pk, section]),
    )


def _tags_form(plan: Plan, tags: list[Tag], current_ids: list[int]) -> EditorForm:
    initial = {"version": plan.tags_version}
    by_pk = {t.pk: t for t in tags}
    for kind, name in TAG_FIELDS.items():
        initial[name] = [str(pk) for pk in current_ids if pk in by_pk and by_pk[pk].kind == kind]
    return EditorForm(
        form=TagsForm(prefix=PREFIXES["tags"], initial=initial, tags=tags),
        prefix=PREFIXES["tags"],
        action=reverse("workspace:tags", args=[plan.pk]),
    )


def _item_form(plan: Plan, kind: str, item) -> EditorForm:
    prefix = f"{ITEM_PREFIXES[kind]}-{item.pk}"
    return EditorForm(
        form=ITEM_FORMS[kind](instance=item, prefix=prefix, initial={"version": item.version}),
        prefix=prefix,
        action=reverse("workspace:item", args=[plan.pk, kind, item.pk]),
        item=item,
    )


def _add_form(plan: Plan, kind: str) -> EditorForm:
    prefix = f"nieuw-{ITEM_PREFIXES[kind]}"
    return EditorForm(
        form=ITEM_FORMS[kind](prefix=prefix, initial={"creation_token": uuid.uuid4(), "phase": StepPhase.FIRST_NEED}),
        prefix=prefix,
        action=reverse("workspace:item_add", args=[plan.pk, kind]),
        autosave=False,
    )


def _editor_context(request, plan: Plan, overrides: dict | None = None) -> dict:
    """Everything the editor page shows. ``overrides`` replaces a form by a bound one (errors, conflict)."""
    overrides = overrides or {}
    user = request.user
    may_edit = can_edit_plan(user=user, plan=plan)
    edit_block1 = may_edit and block1_editable(plan)
    edit_steps = may_edit and steps_editable(plan)

    sections = {s: overrides.get(s) or _section_form(plan, s) for s in SECTION_FORMS}
    current_ids = list(plan.tags.values_list("pk", flat=True))
    tags = list(Tag.objects.filter(is_active=True) | Tag.objects.filter(pk__in=current_ids))
    sections["tags"] = overrides.get("tags") or _tags_form(plan, tags, current_ids)
    current_tags = [t for t in tags if t.pk in set(current_ids)]

    items = {}
    for kind, manager in (("helper", plan.helpers), ("need", plan.needs), ("step", plan.steps)):
        rows = [overrides.get((kind, item.pk)) or _item_form(plan, kind, item) for item in manager.all()]
        for number, row in enumerate(rows, start=1):
            row.legend = f"{ITEM_LEGENDS[kind]} {number}"
        items[kind] = {"rows": rows, "add": overrides.get(("add", kind)) or _add_form(plan, kind)}

    step_groups = [
        {"phase": value, "label": label, "rows": [r for r in items["step"]["rows"] if r.item.phase == value]}
        for value, label in StepPhase.choices
    ]
    transitions = [
        {"to": to, "label": TRANSITION_LABELS.get(to, to)} for to in available_transitions(user=user, plan=plan)
    ]
    return {
        "error_summary": _error_summary(overrides.values()),
        "plan": plan,
        "household": plan.household,
        "may_edit": may_edit,
        "edit_block1": edit_block1,
        "edit_steps": edit_steps,
        "sections": sections,
        "current_tags": current_tags,
        "tag_kinds": TagKind,
        "items": items,
        "step_groups": step_groups,
        "transitions": transitions,
        "status_changes": plan.status_changes.select_related("actor"),
        "active_minutes": plan.active_editing_seconds // 60,
        "anchors": ANCHORS,
    }


def _error_summary(editor_forms) -> list[tuple[str, str]]:
    """(link target, message) per error of the forms that came back invalid, for the summary at the top."""
    entries = []
    for ef in editor_forms:
        form = ef.form
        if not form.is_bound or not form.errors:
            continue
        for error in form.non_field_errors():
            entries.append((ef.form_id, error))
        for bound_field in form:
            for error in bound_field.errors:
                entries.append((bound_field.auto_id, f"{bound_field.label}: {error}"))
    return entries


ITEM_LEGENDS = {"helper": gettext_lazy("Hulpverlener"), "need": gettext_lazy("Behoefte"), "step": gettext_lazy("Stap")}

TRANSITION_LABELS = {
    PlanStatus.SUBMITTED: gettext_lazy("Indienen"),
    PlanStatus.CONCEPT: gettext_lazy("Terug naar concept"),
    PlanStatus.APPROVED: gettext_lazy("Goedkeuren"),
    PlanStatus.REJECTED: gettext_lazy("Afwijzen"),
    PlanStatus.IN_PROGRESS: gettext_lazy("Uitvoering starten"),
    PlanStatus.EVALUATED: gettext_lazy("Evaluatie afronden"),
    PlanStatus.CLOSED: gettext_lazy("Plan afsluiten"),
}


# ---------------------------------------------------------------------------------------------- responses


def _saved_response(request, plan: Plan, key: str, ef: EditorForm, version: int):
    """A section or item was saved: HTMX gets the status text plus the new version (out of band)."""
    message = _("Opgeslagen om %(time)s") % {"time": timezone.localtime().strftime("%H:%M")}
    if request.htmx:
        ef.message = message
        return render(request, "workspace/_save_result.html", {"ef": ef, "saved": True, "version": version})
    messages.success(request, message)
    return redirect(_anchor_url(plan, key))


def _unsaved_response(request, plan: Plan, key, ef: EditorForm, status: int):
    """Not saved (conflict or invalid input). HTMX: 200 with the fragment (HTMX ignores 4xx bodies by default);
    without JavaScript: the whole page again, with the user's own input still in the form."""
    if request.htmx:
        return render(request, "workspace/_save_result.html", {"ef": ef, "saved": False})
    return render(request, TEMPLATE, _editor_context(request, plan, {key: ef}), status=status)


def _section_response(request, plan: Plan, kind: str, overrides: dict | None = None, status: int = 400):
    """A list section changed shape (item added or removed): HTMX gets the whole section again."""
    if request.htmx:
        response = render(request, f"{TEMPLATE}#section-{kind}", _editor_context(request, plan, overrides))
        return reswap(retarget(response, f"#{ANCHORS[kind]}"), "outerHTML")
    if overrides:
        return render(request, TEMPLATE, _editor_context(request, plan, overrides), status=status)
    return redirect(_anchor_url(plan, kind))


# ---------------------------------------------------------------------------------------------- the page


@role_required(*PLAN_ROLES)
def plan_detail(request, plan_id):
    plan = plan_for_user(user=request.user, plan_id=plan_id)
    services.plan_record_read(actor=request.user, plan=plan)
    return render(request, TEMPLATE, _editor_context(request, plan))


# ---------------------------------------------------------------------------------------------- saving


@require_POST
@role_required(*PLAN_ROLES)
def plan_section_save(request, plan_id, section):
    if section not in SECTION_FORMS:
        raise Http404
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    form = SECTION_FORMS[section](request.POST, prefix=PREFIXES[section])
    ef = EditorForm(form=form, prefix=PREFIXES[section], action=request.path)
    if form.is_valid():
        fields = services.SECTIONS[section]
        try:
            plan = services.plan_update_section(
                actor=request.user,
                plan=plan,
                section=section,
                data={f: form.cleaned_data[f] for f in fields},
                version=_requested_version(request, form),
            )
        except ConflictError as err:
            ef.conflict = [
                (form.fields[f].label, _as_text(err.current[f]), _as_text(form.cleaned_data[f])) for f in fields
            ]
            ef.conflict_version = err.version
            ef.message = _("Niet opgeslagen: iemand anders heeft dit onderdeel intussen gewijzigd.")
            return _unsaved_response(request, plan, section, ef, status=409)
        except ValidationError as err:
            add_service_errors(form, err)
        else:
            return _saved_response(request, plan, section, ef, getattr(plan, f"{section}_version"))
    ef.message = _("Niet opgeslagen: controleer de invoer.")
    return _unsaved_response(request, plan, section, ef, status=400)


@require_POST
@role_required(*PLAN_ROLES)
def plan_tags_save(request, plan_id):
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    current_ids = list(plan.tags.values_list("pk", flat=True))
    form = TagsForm(request.POST, prefix=PREFIXES["tags"], current_ids=current_ids)
    ef = EditorForm(form=form, prefix=PREFIXES["tags"], action=request.path)
    if form.is_valid():
        try:
            plan = services.plan_set_tags(
                actor=request.user,
                plan=plan,
                tags=form.selected_tags(),
                version=_requested_version(request, form),
            )
        except ConflictError as err:
            ef.conflict = [
                (
                    _("Labels"),
                    _as_text(sorted(t.label for t in err.current["tags"])),
                    _as_text(sorted(t.label for t in form.selected_tags())),
                )
            ]
            ef.conflict_version = err.version
            ef.message = _("Niet opgeslagen: iemand anders heeft dit onderdeel intussen gewijzigd.")
            return _unsaved_response(request, plan, "tags", ef, status=409)
        except ValidationError as err:
            add_service_errors(form, err)
        else:
            return _saved_response(request, plan, "tags", ef, plan.tags_version)
    ef.message = _("Niet opgeslagen: controleer de invoer.")
    return _unsaved_response(request, plan, "tags", ef, status=400)


def _check_kind(kind: str) -> None:
    if kind not in ITEM_FORMS:
        raise Http404


@require_POST
@role_required(*PLAN_ROLES)
def plan_item_add(request, plan_id, kind):
    _check_kind(kind)
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    prefix = f"nieuw-{ITEM_PREFIXES[kind]}"
    form = ITEM_FORMS[kind](request.POST, prefix=prefix)
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
            return _section_response(request, plan, kind)
    ef = EditorForm(form=form, prefix=prefix, action=request.path, autosave=False)
    return _section_response(request, plan, kind, {("add", kind): ef}, status=400)


@require_POST
@role_required(*PLAN_ROLES)
def plan_item_change(request, plan_id, kind, item_id):
    """Save or (with the 'delete' button) remove one helper, need or step."""
    _check_kind(kind)
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    model = services.ITEM_MODELS[kind]
    item = model.objects.filter(plan=plan, pk=item_id).first()
    prefix = f"{ITEM_PREFIXES[kind]}-{item_id}"

    if "delete" in request.POST:
        if item is not None:  # already gone: a repeated click, nothing to do
            try:
                version = int(request.POST.get(f"{prefix}-version", ""))
                services.plan_item_delete(actor=request.user, item=item, version=version)
            except (ConflictError, ValueError):
                messages.error(request, _("Iemand anders heeft dit onderdeel intussen gewijzigd; bekijk het opnieuw."))
            except ValidationError as err:
                messages.error(request, " ".join(err.messages))
        return _section_response(request, plan, kind)
    if item is None:
        messages.error(request, _("Dit onderdeel is intussen door iemand anders verwijderd."))
        return _section_response(request, plan, kind)

    form = ITEM_FORMS[kind](request.POST, prefix=prefix, instance=item)
    ef = EditorForm(form=form, prefix=prefix, action=request.path, item=item)
    if form.is_valid() and form.cleaned_data.get("version") is not None:
        try:
            item = services.plan_item_update(
                actor=request.user, item=item, data=form.item_data(), version=_requested_version(request, form)
            )
        except ConflictError as err:
            ef.conflict = [
                (
                    form.fields[f].label,
                    _display_item_value(item, f, v),
                    _display_item_value(item, f, form.cleaned_data[f]),
                )
                for f, v in err.current.items()
            ]
            ef.conflict_version = err.version
            ef.message = _("Niet opgeslagen: iemand anders heeft dit onderdeel intussen gewijzigd.")
            return _unsaved_response(request, plan, (kind, item.pk), ef, status=409)
        except ValidationError as err:
            add_service_errors(form, err)
        else:
            return _saved_response(request, plan, kind, ef, item.version)
    elif form.is_valid():
        form.add_error(None, _("Het formulier is onvolledig verstuurd; laad de pagina opnieuw."))
    ef.message = _("Niet opgeslagen: controleer de invoer.")
    return _unsaved_response(request, plan, (kind, item.pk), ef, status=400)


def _display_item_value(item, name: str, value) -> str:
    """Stored value of an item field as text, using the choice label where there is one."""
    model_field = type(item)._meta.get_field(name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    return _as_text(value)


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
    return redirect(_anchor_url(plan, "status"))


@require_POST
@role_required(*PLAN_ROLES)
def plan_submit(request, plan_id):
    """Submit the plan through follow-up: value-triangle check, then the first level of the escalation matrix."""
    plan = plan_for_user(user=request.user, plan_id=plan_id)
    if not may_request_transition(user=request.user, plan=plan, to_status=PlanStatus.SUBMITTED):
        raise PermissionDenied
    try:
        followup_plan_submit(actor=request.user, plan=plan)
    except TransitionError:
        # Back to the top of the page: the message and, right below it, the value triangle's list of what is
        # missing are both in view (the status section further down would hide them).
        messages.error(
            request,
            _("Het plan kan nog niet worden ingediend. Wat nog ontbreekt, staat hieronder bij de waardendriehoek."),
        )
        return redirect("workspace:plan", plan_id=plan.pk)
    messages.success(request, _("Het plan is ingediend en ligt nu voor bij het eerste niveau."))
    return redirect(_anchor_url(plan, "status"))


@require_POST
@role_required(*PLAN_ROLES)
def plan_status_change(request, plan_id):
    """Every other status move: withdraw, start, evaluate, close. Decisions live in follow-up."""
    plan = plan_for_user(user=request.user, plan_id=plan_id)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Onbekende statuswijziging."))
        return redirect(_anchor_url(plan, "status"))
    to_status = form.cleaned_data["to_status"]
    if to_status == PlanStatus.SUBMITTED:
        return plan_submit(request, plan_id)
    if to_status in DECISIONS:
        messages.info(
            request, _("Over een ingediend plan wordt besloten op de pagina Opvolging, langs de escalatiematrix.")
        )
        return redirect("followup:plan_followup", plan_id=plan.pk)
    return _transition(request, plan, to_status, form.cleaned_data["reason"])
