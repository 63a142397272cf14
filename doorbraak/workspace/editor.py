"""The block-1 editor's machinery: one small form per section or item, the version each save is based on, the
error summary, and the answers to a save (saved, not saved, edit conflict) for HTMX and for a plain POST.

Every section is its own form. The same view answers a plain POST (redirect back to the section:
post/redirect/get) and an HTMX autosave (a small fragment that updates the save status and the hidden version
field, so the text the user is typing is never replaced). Where an answer shows the whole page again (no
JavaScript, or a list section that changed shape), the view passes its ``page`` function: the page's data comes
from the view, this module only adds the forms.
"""

import uuid
from collections.abc import Callable, Iterable
from functools import partial

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_htmx.http import reswap, retarget

from doorbraak.core.autosave import AutosaveForm as EditorForm
from doorbraak.core.autosave import as_text, autosave, conflict_rows
from doorbraak.plans.constants import StepPhase
from doorbraak.plans.forms import ITEM_FORMS, SECTION_FORMS, TAG_FIELDS, TagsForm
from doorbraak.plans.models import Plan, Tag

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
ITEM_LEGENDS = {"helper": gettext_lazy("Hulpverlener"), "need": gettext_lazy("Behoefte"), "step": gettext_lazy("Stap")}

# page(request, plan, overrides) -> the whole page's context; ``overrides`` replaces forms by bound ones.
PageContext = Callable[[HttpRequest, Plan, dict], dict]


def anchor_url(plan: Plan, anchor: str) -> str:
    return f"{reverse('workspace:plan', args=[plan.pk])}#{ANCHORS[anchor]}"


# ---------------------------------------------------------------------------------------------- values as text


def item_value_as_text(item, name: str, value) -> str:
    """A value of an item field as text, using the choice label where there is one."""
    model_field = type(item)._meta.get_field(name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    return as_text(value)


# ---------------------------------------------------------------------------------------------- the forms


def section_form(plan: Plan, section: str, data=None) -> EditorForm:
    """A text section's form: filled from the plan, or bound to what the user sent (``data``)."""
    form_class = SECTION_FORMS[section]
    if data is None:
        initial = {name: getattr(plan, name) for name in form_class.base_fields if name != "version"}
        initial["version"] = getattr(plan, f"{section}_version")
        form = form_class(prefix=PREFIXES[section], initial=initial)
    else:
        form = form_class(data, prefix=PREFIXES[section])
    action = reverse("workspace:section", args=[plan.pk, section])
    return EditorForm(form=form, prefix=PREFIXES[section], action=action, key=section, anchor=section)


def tags_form(plan: Plan, *, tags: list[Tag], current_ids: list[int], data=None) -> EditorForm:
    """The tag checkboxes per kind; ``tags`` are the choices (active ones plus those the plan carries)."""
    if data is None:
        initial = {"version": plan.tags_version}
        by_pk = {t.pk: t for t in tags}
        for kind, name in TAG_FIELDS.items():
            initial[name] = [str(pk) for pk in current_ids if pk in by_pk and by_pk[pk].kind == kind]
        form = TagsForm(prefix=PREFIXES["tags"], initial=initial, tags=tags)
    else:
        form = TagsForm(data, prefix=PREFIXES["tags"], tags=tags)
    action = reverse("workspace:tags", args=[plan.pk])
    return EditorForm(form=form, prefix=PREFIXES["tags"], action=action, key="tags", anchor="tags")


def item_prefix(kind: str, item_id) -> str:
    return f"{ITEM_PREFIXES[kind]}-{item_id}"


def item_form(plan: Plan, kind: str, item, data=None) -> EditorForm:
    """The form of one existing helper, need or step; it carries the item's own version."""
    prefix = item_prefix(kind, item.pk)
    if data is None:
        form = ITEM_FORMS[kind](instance=item, prefix=prefix, initial={"version": item.version})
    else:
        form = ITEM_FORMS[kind](data, prefix=prefix, instance=item)
    action = reverse("workspace:item", args=[plan.pk, kind, item.pk])
    return EditorForm(form=form, prefix=prefix, action=action, key=(kind, item.pk), anchor=kind, item=item)


def add_form(plan: Plan, kind: str, data=None) -> EditorForm:
    """The form that adds a helper, need or step; a fresh creation token makes a double submit add it once."""
    prefix = f"nieuw-{ITEM_PREFIXES[kind]}"
    if data is None:
        initial = {"creation_token": uuid.uuid4(), "phase": StepPhase.FIRST_NEED}
        form = ITEM_FORMS[kind](prefix=prefix, initial=initial)
    else:
        form = ITEM_FORMS[kind](data, prefix=prefix)
    action = reverse("workspace:item_add", args=[plan.pk, kind])
    return EditorForm(form=form, prefix=prefix, action=action, key=("add", kind), anchor=kind, autosave=False)


def editor_context(
    plan: Plan,
    *,
    may_edit: bool,
    block1_editable: bool,
    steps_editable: bool,
    items: dict[str, list],
    tags: list[Tag],
    current_tag_ids: list[int],
    overrides: dict,
) -> dict:
    """The editor's part of the plan page: a form per section and item (or the bound one from ``overrides``)."""
    sections = {s: overrides.get(s) or section_form(plan, s) for s in SECTION_FORMS}
    sections["tags"] = overrides.get("tags") or tags_form(plan, tags=tags, current_ids=current_tag_ids)
    current = set(current_tag_ids)

    forms = {}
    for kind, rows in items.items():
        editor_forms = [overrides.get((kind, item.pk)) or item_form(plan, kind, item) for item in rows]
        for number, ef in enumerate(editor_forms, start=1):
            ef.legend = f"{ITEM_LEGENDS[kind]} {number}"
        forms[kind] = {
            "rows": editor_forms,
            "add": overrides.get(("add", kind)) or add_form(plan, kind),
            # items copied from a plan template and not edited since (shown next to the folded list)
            "from_template": sum(item.from_template for item in rows),
        }

    step_groups = [
        {"phase": value, "label": label, "rows": [r for r in forms["step"]["rows"] if r.item.phase == value]}
        for value, label in StepPhase.choices
    ]
    return {
        "error_summary": error_summary(overrides.values()),
        "may_edit": may_edit,
        "edit_block1": may_edit and block1_editable,
        "edit_steps": may_edit and steps_editable,
        "sections": sections,
        "current_tags": [t for t in tags if t.pk in current],
        "items": forms,
        "step_groups": step_groups,
        "anchors": ANCHORS,
    }


def error_summary(editor_forms: Iterable[EditorForm]) -> list[tuple[str, str]]:
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


# ---------------------------------------------------------------------------------------------- versions, conflicts


def item_conflict_rows(form, current: dict) -> list[tuple]:
    return conflict_rows(form, current, partial(item_value_as_text, form.instance))


def tags_conflict_rows(form, current: dict) -> list[tuple]:
    stored = sorted(t.label for t in current["tags"])
    mine = sorted(t.label for t in form.selected_tags())
    return [(_("Labels"), as_text(stored), as_text(mine))]


def save(
    request,
    plan: Plan,
    ef: EditorForm,
    *,
    write: Callable[[int], int],
    page: PageContext,
    rows: Callable[[object, dict], list[tuple]] = conflict_rows,
) -> HttpResponse:
    """Save one section or item through the shared autosave (``core.autosave``): saved, 400 or 409; without
    JavaScript a refused save shows the whole page again with the user's own input."""
    return autosave(
        request,
        ef,
        write=write,
        saved_url=anchor_url(plan, ef.anchor),
        page=lambda bound, status: render(request, TEMPLATE, page(request, plan, {bound.key: bound}), status=status),
        rows=rows,
    )


# ---------------------------------------------------------------------------------------------- responses


def list_response(
    request, plan: Plan, kind: str, *, page: PageContext, overrides: dict | None = None, status: int = 400
) -> HttpResponse:
    """A list section changed shape (item added or removed) or its add form came back: HTMX gets the whole
    section again; without JavaScript, the page (with the bound form) or a redirect back to the section."""
    if request.htmx:
        response = render(request, f"{TEMPLATE}#section-{kind}", page(request, plan, overrides or {}))
        return reswap(retarget(response, f"#{ANCHORS[kind]}"), "outerHTML")
    if overrides:
        return render(request, TEMPLATE, page(request, plan, overrides), status=status)
    return redirect(anchor_url(plan, kind))
