from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record
from doorbraak.core.access import role_required
from doorbraak.core.autosave import AutosaveForm, autosave
from doorbraak.core.exceptions import ConflictError
from doorbraak.organisations.constants import PLAN_ROLES
from doorbraak.plans.selectors import can_edit_plan, plan_for_editing, plan_for_user

from .charts import radar_chart
from .forms import EngagementTextForm, ForecastScoresForm
from .selectors import engagement_for_plan, engagement_missing, scores_for_plan
from .services import FORECAST_EDITABLE, engagement_save_forecast, engagement_update

TEMPLATE = "engagement/plan_engagement.html"


def _text_form(plan, data=None) -> AutosaveForm:
    """The household's own words, goals and the motivation: one form that autosaves (``status-eigen-woorden``)."""
    initial = {"version": 0}
    if data is None:
        engagement = engagement_for_plan(plan=plan)
        if engagement:
            initial = {f: getattr(engagement, f) for f in ("own_words", "goals", "motivation")}
            initial["version"] = engagement.version
    form = EngagementTextForm(data=data, initial=initial)
    action = reverse("engagement:texts_save", args=[plan.pk])
    return AutosaveForm(form=form, prefix="eigen-woorden", action=action, key="texts")


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
    """Autosave (or the button) of the texts: saved (the "what is missing" panel updated along), 400 or 409."""
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    if plan.status not in FORECAST_EDITABLE:  # the page shows the texts read-only: say why nothing was saved
        messages.error(request, _("Dit plan is niet meer in concept; de betrokkenheid ligt vast."))
        return redirect("engagement:plan_engagement", plan_id=plan.pk)
    af = _text_form(plan, data=request.POST)

    def write(version: int) -> int:
        data = af.form.cleaned_data
        texts = {f: data[f] for f in ("own_words", "goals", "motivation")}
        return engagement_update(actor=request.user, plan=plan, version=version, **texts).version

    return autosave(
        request,
        af,
        write=write,
        saved_url=f"{reverse('engagement:plan_engagement', args=[plan.pk])}#engagement-texts",
        page=lambda bound, status: render(request, TEMPLATE, _context(request, plan, text_form=bound), status=status),
        also=lambda: (f"{TEMPLATE}#missing", {"missing": engagement_missing(plan=plan)}),
    )


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
