"""Thin views: permission via decorators and selectors, writes via services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from doorbraak.audit.constants import AuditAction
from doorbraak.core.access import role_required
from doorbraak.core.autosave import AutosaveForm, autosave
from doorbraak.core.exceptions import ConflictError
from doorbraak.engagement.constants import HealthDimension
from doorbraak.engagement.selectors import submission_blockers
from doorbraak.organisations.constants import PLAN_ROLES, Role
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.selectors import can_edit_plan, plan_for_editing, plan_for_user
from doorbraak.plans.services import plan_record_read, plans_record_shown

from . import basis, costs_bridge, selectors, services
from .constants import ActionState
from .costs_bridge import forecast_vs_realised
from .forms import (
    ActionForm,
    ActionStateForm,
    ConsentForm,
    ContactForm,
    DecisionForm,
    EscalationLevelForm,
    EvaluationDraftForm,
    EvaluationForm,
    RealisedLineAddForm,
    RealisedLineForm,
)

FOLLOWUP_ROLES = (*PLAN_ROLES, Role.MANAGER)
EVALUATION_ROLES = (Role.PROFESSIONAL, Role.TEAM_LEAD)


def _messages(error: ValidationError) -> list[str]:
    return [str(m) for m in error.messages]


def _flash(request, error: ValidationError) -> None:
    for message in _messages(error):
        messages.error(request, message)


# --- the follow-up page of a plan ------------------------------------------------------------------------------


def _followup_context(request, plan, *, decision_form=None, action_form=None, decision_errors=None) -> dict:
    user = request.user
    current = selectors.open_request(plan=plan)
    can_decide = current is not None and selectors.is_decider(user=user, level=current.level, plan=plan)
    can_edit = can_edit_plan(user=user, plan=plan)
    can_actions = selectors.can_manage_actions(user=user, plan=plan)
    evaluations = list(selectors.evaluations_for_plan(plan=plan))
    today = timezone.localdate()
    for evaluation in evaluations:
        evaluation.due_now = selectors.evaluation_is_due(evaluation, today)
    actions = list(selectors.actions_for_plan(plan=plan))
    for action in actions:
        action.can_change = action.owner_id == user.pk or can_edit
    return {
        "plan": plan,
        "current_request": current,
        "can_decide": can_decide,
        "can_edit": can_edit,
        "can_see_plan_pages": request.membership.role in PLAN_ROLES,
        "is_last_level": current is not None and selectors.next_level(level=current.level) is None,
        "blockers": submission_blockers(plan=plan) if can_edit and plan.status == PlanStatus.CONCEPT else [],
        "decision_form": decision_form or (DecisionForm() if can_decide else None),
        "decision_errors": decision_errors or [],
        "timeline": selectors.timeline_for_plan(plan=plan),
        "actions": actions,
        "action_form": action_form or (_action_form(plan) if can_actions else None),
        "evaluations": evaluations,
        "comparison": forecast_vs_realised(plan=plan),
        "levels": list(selectors.escalation_levels(organisation=plan.organisation)),
        "ActionState": ActionState,
    }


@role_required(*FOLLOWUP_ROLES)
def plan_followup(request, plan_id):
    plan = selectors.plan_for_decider(user=request.user, plan_id=plan_id)
    plan_record_read(actor=request.user, plan=plan)
    return render(request, "followup/plan_followup.html", _followup_context(request, plan))


@require_GET
@role_required(*FOLLOWUP_ROLES)
def plan_basis(request, plan_id):
    """The plan's basis, read-only, for whoever decides about it (and whoever sees the plan anyway): the cited
    articles with how they apply and the motivation, the return with who pays and who benefits, the engagement
    scores. Who may open it is the follow-up page's rule (``plan_for_decider``); each read is logged."""
    plan = selectors.plan_for_decider(user=request.user, plan_id=plan_id)
    current = selectors.open_request(plan=plan)
    services.basis_record_read(
        actor=request.user, plan=plan, request=selectors.request_read_for(user=request.user, plan=plan)
    )
    context = {
        "plan": plan,
        "basis": basis.plan_basis(plan=plan),
        "current_request": current,
        "can_decide": current is not None and selectors.is_decider(user=request.user, level=current.level, plan=plan),
        "can_see_plan_pages": request.membership.role in PLAN_ROLES,
    }
    return render(request, "followup/plan_basis.html", context)


# The submit button on the plan page sends return_to=plan: the user comes back to the plan page.
RETURN_TO_PLAN_PAGE = "plan"


@require_POST
@role_required(*PLAN_ROLES)
def plan_submit(request, plan_id):
    """The one way to submit a plan, from this page and from the plan page. A plan the user cannot see is 404;
    who may submit a visible one is decided by ``services.plan_submit`` (403 otherwise)."""
    plan = plan_for_user(user=request.user, plan_id=plan_id)
    from_plan_page = request.POST.get("return_to") == RETURN_TO_PLAN_PAGE
    try:
        services.plan_submit(actor=request.user, plan=plan)
    except ValidationError as error:
        if from_plan_page:
            # Back to the top of the plan page: the message and, right below it, the value triangle's list of
            # what is missing are both in view (the status section further down would hide them).
            messages.error(
                request,
                _("Het plan kan nog niet worden ingediend. Wat nog ontbreekt, staat hieronder bij de waardendriehoek."),
            )
            return redirect("workspace:plan", plan_id=plan.pk)
        messages.error(request, _("Het plan kan nog niet worden ingediend:"))
        _flash(request, error)
        return redirect("followup:plan_followup", plan_id=plan.pk)
    messages.success(request, _("Het plan is ingediend en ligt nu voor bij het eerste niveau."))
    if from_plan_page:
        return redirect(f"{reverse('workspace:plan', args=[plan.pk])}#sectie-status")
    return redirect("followup:plan_followup", plan_id=plan.pk)


@require_POST
@role_required(*FOLLOWUP_ROLES)
def plan_decide(request, plan_id):
    plan = selectors.plan_for_decider(user=request.user, plan_id=plan_id)
    current = selectors.open_request(plan=plan)
    if current is None:
        messages.error(request, _("Over dit plan hoeft op dit moment niet te worden besloten."))
        return redirect("followup:plan_followup", plan_id=plan.pk)
    if not selectors.is_decider(user=request.user, level=current.level, plan=plan):
        raise PermissionDenied
    form = DecisionForm(request.POST)
    if form.is_valid():
        outcome, reason = form.cleaned_data["outcome"], form.cleaned_data["reason"]
        try:
            if outcome == "approve":
                services.decision_approve(actor=request.user, request=current, reason=reason)
                messages.success(request, _("Het plan is goedgekeurd."))
            elif outcome == "reject":
                services.decision_reject(actor=request.user, request=current, reason=reason)
                messages.success(request, _("Het plan is afgewezen; de reden is vastgelegd."))
            else:
                new = services.decision_escalate(actor=request.user, request=current, note=reason)
                messages.success(request, _("Het plan ligt nu voor bij: %(level)s.") % {"level": new.level.name})
        except ValidationError as error:
            context = _followup_context(request, plan, decision_form=form, decision_errors=_messages(error))
            return render(request, "followup/plan_followup.html", context, status=400)
        return redirect("followup:plan_followup", plan_id=plan.pk)
    context = _followup_context(request, plan, decision_form=form)
    return render(request, "followup/plan_followup.html", context, status=400)


# --- actions ---------------------------------------------------------------------------------------------------


def _action_form(plan, data=None) -> ActionForm:
    return ActionForm(data, owners=selectors.action_owner_candidates(plan=plan))


@require_POST
@role_required(*FOLLOWUP_ROLES)
def action_add(request, plan_id):
    plan = selectors.plan_for_decider(user=request.user, plan_id=plan_id)
    if not selectors.can_manage_actions(user=request.user, plan=plan):
        raise PermissionDenied
    form = _action_form(plan, request.POST)
    if form.is_valid():
        try:
            services.action_create(actor=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De vervolgactie is toegevoegd."))
            return redirect("followup:plan_followup", plan_id=plan.pk)
    return render(
        request, "followup/plan_followup.html", _followup_context(request, plan, action_form=form), status=400
    )


@require_POST
@role_required(*FOLLOWUP_ROLES)
def action_state(request, plan_id, action_id):
    plan = selectors.plan_for_decider(user=request.user, plan_id=plan_id)
    action = selectors.action_for_user(user=request.user, plan=plan, action_id=action_id)
    if action.owner_id != request.user.pk and not can_edit_plan(user=request.user, plan=plan):
        raise PermissionDenied
    form = ActionStateForm(request.POST)
    if form.is_valid():
        services.action_set_state(actor=request.user, action=action, state=form.cleaned_data["state"])
        messages.success(request, _("De stand van de actie is bijgewerkt."))
    next_url = request.POST.get("next")
    if next_url == "inbox":
        return redirect("followup:inbox")
    return redirect("followup:plan_followup", plan_id=plan.pk)


# --- evaluations -----------------------------------------------------------------------------------------------


@role_required(*EVALUATION_ROLES)
def evaluation_list(request):
    evaluations = list(selectors.evaluations_for_user(user=request.user))
    plans_record_shown(
        actor=request.user,
        organisation=request.membership.organisation,
        plans=[evaluation.plan for evaluation in evaluations],
        action=AuditAction.EVALUATION_LISTED,
    )
    today = timezone.localdate()
    for evaluation in evaluations:
        evaluation.due_now = selectors.evaluation_is_due(evaluation, today)
    return render(request, "followup/evaluation_list.html", {"evaluations": evaluations})


@role_required(*PLAN_ROLES)
def evaluation_record(request, plan_id, evaluation_id):
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    evaluation = selectors.evaluation_for_plan(plan=plan, evaluation_id=evaluation_id)
    plan_record_read(actor=request.user, plan=plan)
    initial = {"explanation": evaluation.explanation, "breakthrough_achieved": evaluation.breakthrough_achieved}
    form = EvaluationForm(request.POST or None, initial=initial, dimensions=HealthDimension.choices)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluation_record(
                actor=request.user,
                evaluation=evaluation,
                breakthrough_achieved=form.cleaned_data["breakthrough_achieved"],
                explanation=form.cleaned_data["explanation"],
                scores=form.scores(),
            )
        except ValidationError as error:
            errors = _messages(error)
        else:
            messages.success(request, _("De evaluatie is vastgelegd."))
            return redirect("followup:plan_followup", plan_id=plan.pk)
    context = _evaluation_context(plan, evaluation, form=form, errors=errors)
    status = 400 if request.method == "POST" else 200
    return render(request, "followup/evaluation_form.html", context, status=status)


def _evaluation_draft_form(plan, evaluation, data=None) -> AutosaveForm:
    """The autosave of the evaluation being written (status line ``status-evaluatie-<id>``)."""
    form = EvaluationDraftForm(data, initial={"version": evaluation.version}) if data else None
    form = form or EvaluationDraftForm(initial={"version": evaluation.version})
    action = reverse("followup:evaluation_draft", args=[plan.pk, evaluation.pk])
    return AutosaveForm(form=form, prefix=f"evaluatie-{evaluation.pk}", action=action, key="draft")


@require_POST
@role_required(*PLAN_ROLES)
def evaluation_draft(request, plan_id, evaluation_id):
    """Autosave of the evaluation's text before it is recorded: saved, 400 (empty) or 409 (someone else saved)."""
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    evaluation = selectors.evaluation_for_plan(plan=plan, evaluation_id=evaluation_id)
    af = _evaluation_draft_form(plan, evaluation, data=request.POST)

    def write(version: int) -> int:
        data = af.form.cleaned_data
        return services.evaluation_save_draft(
            actor=request.user,
            evaluation=evaluation,
            explanation=data["explanation"],
            breakthrough_achieved=data["breakthrough_achieved"],
            version=version,
        ).version

    def page(bound, status):
        form = EvaluationForm(request.POST, dimensions=HealthDimension.choices)
        context = _evaluation_context(plan, evaluation, form=form, draft=bound)
        return render(request, "followup/evaluation_form.html", context, status=status)

    return autosave(
        request,
        af,
        write=write,
        saved_url=reverse("followup:evaluation_record", args=[plan.pk, evaluation.pk]),
        page=page,
    )


def _evaluation_context(plan, evaluation, *, form=None, errors=(), add_form=None, line_forms=None, draft=None) -> dict:
    comparison = forecast_vs_realised(plan=plan)
    lines = comparison.realised_lines if comparison else []
    line_forms = line_forms or {}
    return {
        "plan": plan,
        "evaluation": evaluation,
        "due_now": selectors.evaluation_is_due(evaluation),
        "form": form or EvaluationForm(dimensions=HealthDimension.choices),
        "draft": draft or _evaluation_draft_form(plan, evaluation),
        "errors": list(errors),
        "comparison": comparison,
        "realised_rows": [
            (
                line,
                line_forms.get(
                    line.pk,
                    RealisedLineForm(
                        initial={"quantity": line.quantity, "unit_price": line.unit_price, "version": line.version},
                        prefix=f"r{line.pk.hex[:8]}",
                    ),
                ),
            )
            for line in lines
        ],
        "add_form": add_form or RealisedLineAddForm(prefix="nieuw"),
    }


def _evaluation_for_costs(request, plan_id, evaluation_id):
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    evaluation = selectors.evaluation_for_plan(plan=plan, evaluation_id=evaluation_id)
    if evaluation.is_recorded or not selectors.evaluation_is_due(evaluation):
        raise PermissionDenied
    return plan, evaluation


@require_POST
@role_required(*PLAN_ROLES)
def realised_copy(request, plan_id, evaluation_id):
    plan, evaluation = _evaluation_for_costs(request, plan_id, evaluation_id)
    try:
        count = costs_bridge.realised_copy_from_plan(actor=request.user, plan=plan)
    except ValidationError as error:
        _flash(request, error)
    else:
        messages.success(request, _("%(count)s regels van het plan overgenomen als gerealiseerd.") % {"count": count})
    return redirect("followup:evaluation_record", plan_id=plan.pk, evaluation_id=evaluation.pk)


@require_POST
@role_required(*PLAN_ROLES)
def realised_line(request, plan_id, evaluation_id, line_id):
    plan, evaluation = _evaluation_for_costs(request, plan_id, evaluation_id)
    line = costs_bridge.realised_line_for_plan(plan=plan, line_id=line_id)
    form = RealisedLineForm(request.POST, prefix=f"r{line.pk.hex[:8]}")
    if form.is_valid():
        try:
            costs_bridge.realised_line_update(actor=request.user, line=line, **form.cleaned_data)
        except ConflictError:
            messages.error(request, _("Iemand anders heeft deze regel intussen gewijzigd. Bekijk de regel opnieuw."))
        except ValidationError as error:
            _flash(request, error)
        else:
            messages.success(request, _("De gerealiseerde kosten zijn opgeslagen."))
        return redirect("followup:evaluation_record", plan_id=plan.pk, evaluation_id=evaluation.pk)
    context = _evaluation_context(plan, evaluation, line_forms={line.pk: form})
    return render(request, "followup/evaluation_form.html", context, status=400)


@require_POST
@role_required(*PLAN_ROLES)
def realised_add(request, plan_id, evaluation_id):
    plan, evaluation = _evaluation_for_costs(request, plan_id, evaluation_id)
    form = RealisedLineAddForm(request.POST, prefix="nieuw")
    if form.is_valid():
        try:
            costs_bridge.realised_line_add(actor=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De regel is toegevoegd aan de gerealiseerde kosten."))
            return redirect("followup:evaluation_record", plan_id=plan.pk, evaluation_id=evaluation.pk)
    context = _evaluation_context(plan, evaluation, add_form=form)
    return render(request, "followup/evaluation_form.html", context, status=400)


# --- inbox -----------------------------------------------------------------------------------------------------


@role_required(*FOLLOWUP_ROLES)
def inbox(request):
    inbox = selectors.inbox_for_user(user=request.user)
    plans_record_shown(
        actor=request.user,
        organisation=request.membership.organisation,
        plans=[row.plan for row in (*inbox.decisions, *inbox.actions, *inbox.evaluations)],
        action=AuditAction.INBOX_LISTED,
    )
    return render(request, "followup/inbox.html", {"inbox": inbox})


# --- consent and sharing ---------------------------------------------------------------------------------------


@role_required(*PLAN_ROLES)
def sharing(request, plan_id):
    if request.method == "POST":
        plan = plan_for_editing(user=request.user, plan_id=plan_id)
    else:
        plan = plan_for_user(user=request.user, plan_id=plan_id)
    plan_record_read(actor=request.user, plan=plan)
    form = ConsentForm(request.POST or None, organisation=plan.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.consent_record(actor=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De toestemming is vastgelegd."))
            return redirect("followup:sharing", plan_id=plan.pk)
    today = timezone.localdate()
    consents = list(selectors.consents_for_household(household=plan.household))
    for consent in consents:
        consent.valid_now = consent.is_valid_on(today)
    context = {
        "plan": plan,
        "form": form if can_edit_plan(user=request.user, plan=plan) else None,
        "consents": consents,
        "can_edit": can_edit_plan(user=request.user, plan=plan),
        "partners": selectors.contacts(organisation=plan.organisation, active_only=True),
    }
    return render(request, "followup/sharing.html", context, status=400 if request.method == "POST" else 200)


@require_POST
@role_required(*PLAN_ROLES)
def consent_withdraw(request, plan_id, consent_id):
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    consent = selectors.consent_for_plan(plan=plan, consent_id=consent_id)
    services.consent_withdraw(actor=request.user, consent=consent)
    messages.success(request, _("De toestemming is ingetrokken."))
    return redirect("followup:sharing", plan_id=plan.pk)


@role_required(*PLAN_ROLES)
def partner_timeline(request, plan_id, contact_id):
    """What this partner may see of the timeline today: a check before anything is shared."""
    plan = plan_for_user(user=request.user, plan_id=plan_id)
    try:
        partner = selectors.contacts(organisation=plan.organisation).get(pk=contact_id)
    except Exception:  # noqa: BLE001 - DoesNotExist or a bad id: both are 404
        raise Http404 from None
    plan_record_read(actor=request.user, plan=plan)
    parts = selectors.visible_parts_for_partner(plan=plan, partner=partner)
    context = {
        "plan": plan,
        "partner": partner,
        "parts": sorted(parts),
        "timeline": selectors.timeline_for_partner(plan=plan, partner=partner),
    }
    return render(request, "followup/partner_timeline.html", context)


# --- escalation matrix and contacts (functional admin) ---------------------------------------------------------


@role_required(Role.FUNCTIONAL_ADMIN)
def matrix(request):
    organisation = request.membership.organisation
    form = EscalationLevelForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.escalation_level_create(actor=request.user, organisation=organisation, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het niveau is toegevoegd."))
            return redirect("followup:matrix")
    context = {
        "levels": selectors.escalation_levels(organisation=organisation),
        "contacts": selectors.contacts(organisation=organisation),
        "form": form,
    }
    return render(request, "followup/matrix.html", context, status=400 if request.method == "POST" else 200)


@require_POST
@role_required(Role.FUNCTIONAL_ADMIN)
def matrix_defaults(request):
    services.escalation_matrix_seed_defaults(actor=request.user, organisation=request.membership.organisation)
    messages.success(request, _("De standaard escalatiematrix is klaargezet."))
    return redirect("followup:matrix")


@role_required(Role.FUNCTIONAL_ADMIN)
def level_edit(request, level_id):
    level = selectors.escalation_level_for_admin(user=request.user, level_id=level_id)
    form = EscalationLevelForm(request.POST or None, instance=level, organisation=level.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.escalation_level_update(actor=request.user, level=level, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het niveau is opgeslagen."))
            return redirect("followup:matrix")
    return render(
        request,
        "followup/level_form.html",
        {"form": form, "level": level},
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@role_required(Role.FUNCTIONAL_ADMIN)
def level_move(request, level_id):
    level = selectors.escalation_level_for_admin(user=request.user, level_id=level_id)
    services.escalation_level_move(actor=request.user, level=level, up=request.POST.get("direction") == "up")
    return redirect("followup:matrix")


@require_POST
@role_required(Role.FUNCTIONAL_ADMIN)
def level_delete(request, level_id):
    level = selectors.escalation_level_for_admin(user=request.user, level_id=level_id)
    try:
        services.escalation_level_delete(actor=request.user, level=level)
    except ValidationError as error:
        _flash(request, error)
    else:
        messages.success(request, _("Het niveau is verwijderd."))
    return redirect("followup:matrix")


@role_required(Role.FUNCTIONAL_ADMIN)
def contact_edit(request, contact_id=None):
    organisation = request.membership.organisation
    contact = selectors.contact_for_admin(user=request.user, contact_id=contact_id) if contact_id else None
    form = ContactForm(request.POST or None, instance=contact, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in services.CONTACT_FIELDS}
        try:
            if contact is None:
                services.contact_create(actor=request.user, organisation=organisation, data=data)
            else:
                services.contact_update(actor=request.user, contact=contact, data=data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De contactpersoon is opgeslagen."))
            return redirect("followup:matrix")
    return render(
        request,
        "followup/contact_form.html",
        {"form": form, "contact": contact},
        status=400 if request.method == "POST" else 200,
    )
