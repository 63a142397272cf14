from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record
from doorbraak.core.access import role_required
from doorbraak.core.exceptions import ConflictError
from doorbraak.organisations.constants import PLAN_ROLES
from doorbraak.plans.selectors import can_edit_plan, plan_for_editing, plan_for_user

from .charts import radar_chart
from .forms import EngagementTextForm, ForecastScoresForm
from .selectors import engagement_for_plan, engagement_missing, scores_for_plan
from .services import FORECAST_EDITABLE, engagement_save_forecast, engagement_update

TEMPLATE = "engagement/plan_engagement.html"


def _text_form(plan, data=None) -> EngagementTextForm:
    engagement = engagement_for_plan(plan=plan)
    initial = {"version": 0}
    if engagement:
        initial = {
            "own_words": engagement.own_words,
            "goals": engagement.goals,
            "motivation": engagement.motivation,
            "version": engagement.version,
        }
    return EngagementTextForm(data=data, initial=initial)


def _scores_form(plan, scores, data=None) -> ForecastScoresForm:
    initial = ForecastScoresForm.initial_for(
        scores, scores.now.version if scores.now else 0, scores.expected.version if scores.expected else 0
    )
    return ForecastScoresForm(data=data, initial=initial)


def _context(request, plan, **overrides) -> dict:
    scores = scores_for_plan(plan=plan)
    editable = can_edit_plan(user=request.user, plan=plan) and plan.status in FORECAST_EDITABLE
    context = {
        "plan": plan,
        "engagement": engagement_for_plan(plan=plan),
        "scores": scores,
        "chart": radar_chart(scores, colour=plan.organisation.primary_colour),
        "missing": engagement_missing(plan=plan),
        "editable": editable,
        "text_form": _text_form(plan) if editable else None,
        "scores_form": _scores_form(plan, scores) if editable else None,
    }
    context.update(overrides)
    return context


def _respond(request, plan, partial: str, **overrides):
    """HTMX gets the changed section; a plain form post gets the whole page back (or a redirect)."""
    context = _context(request, plan, **overrides)
    if request.htmx:
        return render(request, f"{TEMPLATE}#{partial}", context)
    return render(request, TEMPLATE, context)


@require_GET
@role_required(*PLAN_ROLES)
def plan_engagement(request, plan_id):
    plan = plan_for_user(user=request.user, plan_id=plan_id)
    audit_record(
        actor=request.user, organisation=plan.organisation, action=AuditAction.PLAN_READ, obj=plan, section="engagement"
    )
    return render(request, TEMPLATE, _context(request, plan))


@require_POST
@role_required(*PLAN_ROLES)
def engagement_texts_save(request, plan_id):
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    form = EngagementTextForm(data=request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            engagement_update(
                actor=request.user,
                plan=plan,
                own_words=data["own_words"],
                goals=data["goals"],
                motivation=data["motivation"],
                version=data["version"],
            )
        except ConflictError as conflict:
            # Keep what the user typed, show what is stored now, and let a new save overwrite deliberately.
            post = request.POST.copy()
            post["version"] = conflict.version
            return _respond(
                request, plan, "texts", text_form=EngagementTextForm(data=post), text_conflict=conflict.current
            )
        except ValidationError as error:
            form.add_error(None, error)
            return _respond(request, plan, "texts", text_form=form)
        if not request.htmx:
            messages.success(request, _("De betrokkenheid is opgeslagen."))
            return redirect("engagement:plan_engagement", plan_id=plan.pk)
        return _respond(request, plan, "texts", text_status=_("Opgeslagen."))
    return _respond(request, plan, "texts", text_form=form)


@require_POST
@role_required(*PLAN_ROLES)
def engagement_scores_save(request, plan_id):
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    form = ForecastScoresForm(data=request.POST)
    if form.is_valid():
        try:
            engagement_save_forecast(
                actor=request.user,
                plan=plan,
                now=form.scores("now"),
                expected=form.scores("expected"),
                now_version=form.cleaned_data["now_version"],
                expected_version=form.cleaned_data["expected_version"],
            )
        except ConflictError as conflict:
            post = request.POST.copy()
            post["now_version"] = conflict.current["now_version"]
            post["expected_version"] = conflict.current["expected_version"]
            return _respond(request, plan, "scores", scores_form=ForecastScoresForm(data=post), scores_conflict=True)
        except ValidationError as error:
            form.add_error(None, error)
            return _respond(request, plan, "scores", scores_form=form)
        if not request.htmx:
            messages.success(request, _("De scores zijn opgeslagen."))
            return redirect("engagement:plan_engagement", plan_id=plan.pk)
        return _respond(request, plan, "scores", scores_status=_("Scores opgeslagen."))
    return _respond(request, plan, "scores", scores_form=form)
