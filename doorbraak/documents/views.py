from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from doorbraak.core.access import role_required
from doorbraak.followup.selectors import plan_for_decider
from doorbraak.organisations.constants import PLAN_ROLES, Role
from doorbraak.plans.selectors import can_edit_plan

from .forms import ExportForm
from .selectors import ExportOptions, partner_choice, partners_for_export
from .services import export_filename, plan_export, plan_export_page_record


@require_http_methods(["GET", "POST"])
@role_required(*PLAN_ROLES, Role.MANAGER)
def plan_export_view(request, plan_id):
    """GET: choose the version; POST: download the PDF. Options travel in the body, never in the URL.

    Who may export is who may read the plan's basis (``followup.selectors.plan_for_decider``): whoever sees the
    plan, and a manager who decides about it now or decided about it (403 for any other manager)."""
    plan = plan_for_decider(user=request.user, plan_id=plan_id)
    may_share = can_edit_plan(user=request.user, plan=plan)
    choices = partners_for_export(plan=plan) if may_share else []
    form = ExportForm(data=request.POST or None, partner_choices=choices)
    if request.method == "POST":
        if request.POST.get("partner") and not may_share:
            raise PermissionDenied  # only the owner and team lead share a plan with partners
        if form.is_valid():
            data = form.cleaned_data
            options = ExportOptions(
                plain=data["variant"] == "plain",
                include_costs=True if data["include_costs"] else None,
                closed_arguments=data["closed_arguments"],
            )
            if data.get("partner"):
                choice = partner_choice(plan=plan, partner_id=data["partner"])
                options.partner, options.parts, options.partner_until = choice.partner, choice.parts, choice.valid_until
            pdf = plan_export(actor=request.user, plan=plan, options=options)
            response = HttpResponse(pdf, content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="{export_filename(plan, options)}"'
            response["Cache-Control"] = "no-store, private"
            return response
    plan_export_page_record(actor=request.user, plan=plan)
    return render(
        request,
        "documents/export.html",
        {
            "plan": plan,
            "form": form,
            "may_share": may_share,
            # A manager has no plan pages: the way back is the basis they came from.
            "can_see_plan_pages": request.membership.role in PLAN_ROLES,
        },
    )
