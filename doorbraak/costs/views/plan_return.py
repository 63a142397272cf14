"""The plan's return page (the professional): the rekensom with its results, the line forms (their own pages
without JavaScript, in place with HTMX) and the changes to whole scenarios and the sheet. Permission checks
happen here and in the selectors, never only in templates."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from doorbraak.core.access import role_required
from doorbraak.core.autosave import AutosaveForm, autosave
from doorbraak.core.exceptions import ConflictError
from doorbraak.core.forms import add_service_errors
from doorbraak.organisations.constants import PLAN_ROLES
from doorbraak.plans.selectors import can_edit_plan, plan_for_editing, plan_for_user
from doorbraak.plans.services import plan_record_read

from .. import presentation
from ..constants import PLAN_SCENARIOS, Scenario
from ..forms import LineForm, NoteForm, PriceSearchForm, SheetForm, SuggestionAddForm, VersionForm
from ..selectors import plan_return as selectors
from ..selectors.pricing import sheet_info
from ..services import plan_return as services

PAGE = "costs/plan_return.html"
EDIT_AUTO_ID = "id_edit_%s"  # the edit form can open inside the return page, next to the add form


def _results_context(plan, lines, result) -> dict:
    """What the results block needs: totals per scenario, savings, the wrong-pocket table and its chart."""
    present = {line["scenario"] for line in lines}
    wrong_pocket = result.wrong_pocket()
    streams = presentation.stream_labels()
    chart = {
        "scenarios": [str(s.label) for s in PLAN_SCENARIOS],
        "totals": [str(result.totals[s.value]) for s in PLAN_SCENARIOS],
        "streams": [streams.get(r["stream"], r["stream"]) for r in wrong_pocket],
        "direct": [str(r["direct"]) for r in wrong_pocket],
        "avoided": [str(r["avoided"]) for r in wrong_pocket],
        "labels": {"direct": _("Directe besparing"), "avoided": _("Vermeden kosten"), "total": _("Totaal")},
    }
    scenarios = [
        {
            "code": s.value,
            "label": s.label,
            "total": result.totals[s.value],
            "low": result.totals_low[s.value],
            "high": result.totals_high[s.value],
        }
        for s in Scenario
        if s in PLAN_SCENARIOS or s.value in present
    ]
    return {
        "plan": plan,
        "scenarios": scenarios,
        "result": result,
        "wrong_pocket": wrong_pocket,
        "chart": chart,
        "estimate_count": sum(1 for line in lines if line["is_estimate"]),
    }


def _note_form(action: str, prefix: str, note: str, version: int, data=None, label=None) -> AutosaveForm:
    """A free-text note that autosaves (the return sum's or one line's), with its own version."""
    if data is None:
        form = NoteForm(initial={"note": note, "version": version}, prefix=prefix, label=label)
    else:
        form = NoteForm(data, prefix=prefix, label=label)
    return AutosaveForm(form=form, prefix=prefix, action=action, key="note")


def _sheet_note_form(plan, data=None) -> AutosaveForm:
    note, version = selectors.sheet_note_for_plan(plan=plan)
    action = reverse("costs:sheet_note", args=[plan.pk])
    return _note_form(action, "toelichting", note, version, data, label=_("Toelichting bij de rekensom"))


def _line_note_form(plan, line, data=None) -> AutosaveForm:
    action = reverse("costs:line_note", args=[plan.pk, line.pk])
    return _note_form(action, f"regel-toelichting-{line.pk}", line.note, line.note_version, data)


def _workspace_context(
    request, plan, *, status_message="", error_messages=None, sheet_form=None, note_form=None
) -> dict:
    lines = selectors.line_values_for_plan(plan=plan)
    result = selectors.plan_results(plan=plan, lines=lines)
    context = _results_context(plan, lines, result)
    info = sheet_info(plan=plan)
    may_edit = can_edit_plan(user=request.user, plan=plan)
    editable_scenarios = {s.value for s in Scenario if may_edit and services.scenario_editable(plan, s.value)}
    editable = Scenario.PLAN.value in editable_scenarios  # the draft stage: add lines, suggestions, settings
    rows = presentation.line_rows(
        lines,
        amounts=result.line_amounts,
        editable_scenarios=editable_scenarios,
        edit_url=reverse("costs:line_edit", args=[plan.pk, presentation.UUID_PLACEHOLDER]),
    )
    for scenario in context["scenarios"]:
        scenario["editable"] = scenario["code"] in editable_scenarios
        scenario["rows"] = [row for row in rows if row["scenario"] == scenario["code"]]
        scenario["rows_html"] = presentation.rows_html(
            scenario["rows"], with_actions=scenario["editable"], csrf_token=get_token(request)
        )
    context.update(
        {
            "info": info,
            "editable": editable,
            "sheet_form": sheet_form  # the bound form when it came back with errors
            if sheet_form is not None
            else SheetForm(
                initial={
                    "reference_date": info.reference_date,
                    "horizon_months": info.horizon_months,
                    "version": info.version,
                }
            )
            if editable
            else None,
            "suggestions": selectors.suggestions_for_plan(
                plan=plan, have={(line["scenario"], line["item_id"]) for line in lines if line["item_id"]}
            )
            if editable
            else [],
            "has_helpers": selectors.plan_has_helpers(plan=plan) if editable else False,
            "note_form": note_form or _sheet_note_form(plan),
            "status_message": status_message,
            "error_messages": error_messages or [],
        }
    )
    return context


def _render_workspace(request, plan, status=200, **kwargs):
    context = _workspace_context(request, plan, **kwargs)
    template = f"{PAGE}#workspace" if request.htmx else PAGE
    return render(request, template, context, status=status)


@role_required(*PLAN_ROLES)
def plan_return(request, plan_id):
    plan = plan_for_user(user=request.user, plan_id=plan_id)
    plan_record_read(actor=request.user, plan=plan)
    if request.htmx and request.GET.get("partial") == "results":
        lines = selectors.line_values_for_plan(plan=plan)
        result = selectors.plan_results(plan=plan, lines=lines)
        return render(request, f"{PAGE}#results", _results_context(plan, lines, result))
    if request.htmx and request.GET.get("partial") == "workspace":
        return render(request, f"{PAGE}#workspace", _workspace_context(request, plan))
    return render(request, PAGE, _workspace_context(request, plan))


def _after_change(request, plan, message):
    if request.htmx:
        return _render_workspace(request, plan, status_message=message)
    messages.success(request, message)
    return redirect("costs:plan_return", plan_id=plan.pk)


def _failed(request, plan, exc: ValidationError, **forms):
    errors = exc.messages
    if request.htmx:
        return _render_workspace(request, plan, error_messages=errors, **forms)
    return _render_workspace(request, plan, status=400, error_messages=errors, **forms)


def _render_add_form(request, plan, form, status=200, search=None, match_count=None):
    """The add form: its own page without JavaScript; with HTMX it opens under the scenario's table (and
    comes back there with its errors, as 200 because htmx 2 does not swap error responses)."""
    context = {
        "plan": plan,
        "form": form,
        "search": search or PriceSearchForm(),
        "match_count": match_count,
        "editable": services.scenario_editable(plan, Scenario.PLAN),
    }
    if request.htmx:
        response = render(request, "costs/line_add.html#add_form", {**context, "inline": True})
        return reswap(retarget(response, "#line-add-form"), "outerHTML") if request.method == "POST" else response
    return render(request, "costs/line_add.html", context, status=status)


@role_required(*PLAN_ROLES)
@require_http_methods(["GET", "POST"])
def line_add(request, plan_id):
    """GET: the empty form, its price list narrowed by ?q= (the search without JavaScript); POST: add."""
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    if request.method == "GET":
        scenario = request.GET.get("scenario")
        search = PriceSearchForm(request.GET)
        query = search.cleaned_data["q"] if search.is_valid() else ""
        initial = {"creation_token": uuid.uuid4(), "scenario": scenario if scenario in Scenario.values else None}
        options = selectors.price_options(plan=plan, query=query)
        if query and len(options) == 1:
            initial["item"] = options[0].value  # the one post the search found
        form = LineForm(organisation=plan.organisation, options=options, initial=initial)
        return _render_add_form(request, plan, form, search=search, match_count=len(options))
    form = LineForm(request.POST, organisation=plan.organisation, options=selectors.price_options(plan=plan))
    if form.is_valid():
        try:
            services.line_add(
                actor=request.user,
                plan=plan,
                data=form.line_data(),
                manual_price=form.cleaned_data.get("manual_price"),
                manual_reason=form.cleaned_data.get("manual_reason") or "",
                creation_token=form.cleaned_data.get("creation_token"),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return _after_change(request, plan, _("Regel toegevoegd."))
    return _render_add_form(request, plan, form, status=400)


@role_required(*PLAN_ROLES)
@require_http_methods(["GET", "POST"])
def line_edit(request, plan_id, line_id):
    """One line: its own page without JavaScript; with HTMX the same form opens in place of the table row.
    A line whose scenario is locked by the plan's status is shown read-only (and a POST is refused)."""
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    line = selectors.line_for_plan(plan=plan, line_id=line_id)
    editable = services.scenario_editable(plan, line.scenario)
    conflict = None
    form = None
    if request.method == "POST":
        if not editable:
            return _failed(request, plan, ValidationError(_("Deze regel kan in deze fase niet meer worden gewijzigd.")))
        form = LineForm(
            request.POST,
            organisation=plan.organisation,
            options=selectors.price_options(plan=plan),
            allow_realised=True,
            auto_id=EDIT_AUTO_ID,
        )
        if form.is_valid():
            try:
                services.line_update(
                    actor=request.user,
                    line=line,
                    data=form.line_data(),
                    version=form.cleaned_data.get("version") or 0,
                    manual_price=form.cleaned_data.get("manual_price"),
                    manual_reason=form.cleaned_data.get("manual_reason") or "",
                )
            except ConflictError:
                conflict = _(
                    "Deze regel is intussen door iemand anders gewijzigd. Bekijk de opgeslagen waarden "
                    "hieronder en sla opnieuw op."
                )
                line.refresh_from_db()
                form = _edit_form(plan, line)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return _after_change(request, plan, _("Regel opgeslagen."))
    elif editable:
        form = _edit_form(plan, line)
    context = {"plan": plan, "line": line, "form": form, "conflict": conflict, "editable": editable}
    context["note_form"] = _line_note_form(plan, line)
    if request.htmx:
        # htmx 2 does not swap error responses: answer 200 and put the form back in place of the row.
        context["inline"] = True
        response = render(request, "costs/line_edit.html#line_row_form", context)
        return reswap(retarget(response, f"#line-{line.pk}"), "outerHTML")
    status = 409 if conflict else (400 if request.method == "POST" else 200)
    return render(request, "costs/line_edit.html", context, status=status)


@require_POST
@role_required(*PLAN_ROLES)
def sheet_note(request, plan_id):
    """Autosave (or the button) of the explanation under the return sum: saved, 400 or 409."""
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    af = _sheet_note_form(plan, data=request.POST)

    def write(version: int) -> int:
        note = af.form.cleaned_data["note"]
        return services.sheet_note_update(actor=request.user, plan=plan, note=note, version=version).note_version

    return autosave(
        request,
        af,
        write=write,
        saved_url=f"{reverse('costs:plan_return', args=[plan.pk])}#costs-note",
        page=lambda bound, status: render(
            request, PAGE, _workspace_context(request, plan, note_form=bound), status=status
        ),
    )


@require_POST
@role_required(*PLAN_ROLES)
def line_note(request, plan_id, line_id):
    """Autosave (or the button) of one line's note: saved, 400 or 409 (its own version, not the line's)."""
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    line = selectors.line_for_plan(plan=plan, line_id=line_id)
    af = _line_note_form(plan, line, data=request.POST)

    def write(version: int) -> int:
        note = af.form.cleaned_data["note"]
        return services.line_note_update(actor=request.user, line=line, note=note, version=version).note_version

    def page(bound, status):
        editable = services.scenario_editable(plan, line.scenario)
        form = _edit_form(plan, line) if editable else None
        context = {"plan": plan, "line": line, "form": form, "editable": editable, "note_form": bound}
        return render(request, "costs/line_edit.html", context, status=status)

    return autosave(
        request,
        af,
        write=write,
        saved_url=reverse("costs:line_edit", args=[plan.pk, line.pk]),
        page=page,
    )


def _edit_form(plan, line):
    manual = line.price_origin in ("manual", "free")
    return LineForm(
        organisation=plan.organisation,
        options=selectors.price_options(plan=plan),
        allow_realised=True,
        auto_id=EDIT_AUTO_ID,
        initial={
            "scenario": line.scenario,
            "item": f"{selectors.OWN_PREFIX}{line.tariff_id}" if line.tariff_id else line.item_id,
            "description": line.description,
            "quantity": line.quantity,
            "quantity_low": line.quantity_low,
            "quantity_high": line.quantity_high,
            "probability": line.probability,
            "manual_price": line.unit_price if manual else None,
            "manual_reason": line.manual_reason,
            "funding_stream": line.funding_stream,
            "cashable": "1" if line.cashable else "0",
            "paid_from_budget": line.paid_from_budget,
            "version": line.version,
        },
    )


def _versioned_line_action(request, plan_id, line_id, action, done: str):
    """POST {version} -> ``action(actor=, line=, version=)`` on one line of an editable plan."""
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    line = selectors.line_for_plan(plan=plan, line_id=line_id)
    form = VersionForm(request.POST)
    if not form.is_valid():
        return _failed(request, plan, ValidationError(_("Ongeldig verzoek.")))
    try:
        action(actor=request.user, line=line, version=form.cleaned_data["version"])
    except ConflictError:
        return _failed(request, plan, ValidationError(_("Deze regel is intussen gewijzigd; bekijk hem opnieuw.")))
    except ValidationError as exc:
        return _failed(request, plan, exc)
    return _after_change(request, plan, done)


@role_required(*PLAN_ROLES)
@require_POST
def line_delete(request, plan_id, line_id):
    return _versioned_line_action(request, plan_id, line_id, services.line_delete, _("Regel verwijderd."))


@role_required(*PLAN_ROLES)
@require_POST
def line_reprice(request, plan_id, line_id):
    return _versioned_line_action(request, plan_id, line_id, services.line_reprice, _("Prijs opnieuw bepaald."))


@role_required(*PLAN_ROLES)
@require_POST
def scenario_prefill(request, plan_id):
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    try:
        result = services.scenario_prefill_current(actor=request.user, plan=plan)
    except ValidationError as exc:
        return _failed(request, plan, exc)
    message = _("%(n)s regels overgenomen uit de hulpverleners; ze zijn een schatting: controleer ze.") % {
        "n": result.created
    }
    if result.without_quantity:
        message += " " + _("Vul bij %(n)s regels het aantal in.") % {"n": result.without_quantity}
    if result.unmatched:
        message += " " + _("Geen passende post voor: %(names)s; voeg die zelf toe als ze kosten maken.") % {
            "names": ", ".join(result.unmatched)
        }
    return _after_change(request, plan, message)


@role_required(*PLAN_ROLES)
@require_POST
def scenario_copy(request, plan_id):
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    try:
        count = services.scenario_copy(
            actor=request.user, plan=plan, source=Scenario.CURRENT, target=Scenario.THREATENING
        )
    except ValidationError as exc:
        return _failed(request, plan, exc)
    return _after_change(request, plan, _("%(n)s regels gekopieerd naar de dreigende situatie.") % {"n": count})


@role_required(*PLAN_ROLES)
@require_POST
def line_confirm(request, plan_id, line_id):
    return _versioned_line_action(request, plan_id, line_id, services.line_confirm, _("Regel bevestigd."))


@role_required(*PLAN_ROLES)
@require_POST
def suggestion_add(request, plan_id):
    """The suggestions form: "Toevoegen" on one line (add=KEY) or "Geselecteerde toevoegen" (the ticked
    selected=KEY boxes), all or nothing. The lines are the suggestions the plan has now, never posted values."""
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    offered = {suggestion.key: suggestion for suggestion in selectors.suggestions_for_plan(plan=plan)}
    form = SuggestionAddForm(request.POST, keys=offered)
    if not form.is_valid():
        message = _("Een gekozen suggestie hoort niet (meer) bij dit plan; bekijk de voorgestelde regels opnieuw.")
        return _failed(request, plan, ValidationError(message))
    keys = form.chosen()
    try:
        count = services.suggestions_accept(actor=request.user, plan=plan, suggestions=[offered[k] for k in keys])
    except ValidationError as exc:
        return _failed(request, plan, exc)
    if count == 1:
        return _after_change(request, plan, _("Voorgestelde regel toegevoegd."))
    return _after_change(request, plan, _("%(n)s voorgestelde regels toegevoegd.") % {"n": count})


@role_required(*PLAN_ROLES)
@require_POST
def sheet_update(request, plan_id):
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    form = SheetForm(request.POST)
    if not form.is_valid():
        return _failed(request, plan, ValidationError(_("Controleer de peildatum en de horizon.")), sheet_form=form)
    try:
        services.sheet_update(actor=request.user, plan=plan, **form.cleaned_data)
    except ConflictError:
        return _failed(request, plan, ValidationError(_("De instellingen zijn intussen gewijzigd; probeer opnieuw.")))
    except ValidationError as exc:
        return _failed(request, plan, exc)
    return _after_change(request, plan, _("Instellingen opgeslagen. Nieuwe regels gebruiken de nieuwe peildatum."))
