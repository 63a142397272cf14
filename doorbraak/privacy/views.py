import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from doorbraak.core.access import role_required
from doorbraak.core.forms import add_service_errors

from . import selectors, services
from .constants import PRIVACY_ROLES
from .forms import AccessExportForm, ReferenceForm, RetentionForm


@require_http_methods(["GET", "POST"])
@role_required(*PRIVACY_ROLES)
def overview(request):
    """Find a household by its reference (a POST, so the reference stays out of URLs and logs)."""
    form = ReferenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        household = selectors.household_by_reference(user=request.user, reference=form.cleaned_data["reference"])
        if household is not None:
            return redirect("privacy:household_access", household_id=household.pk)
        form.add_error("reference", _("Er is in deze gemeente geen huishouden met deze referentie."))
    policy = selectors.retention_policy_for(organisation=request.membership.organisation)
    return render(request, "privacy/overview.html", {"form": form, "policy": policy})


@require_http_methods(["GET", "POST"])
@login_required
def household_access(request, household_id):
    """GET: what the municipality holds about the household; POST: download it as PDF or JSON.

    The municipality is checked before the role: another municipality's household does not exist for anyone
    (404, as on every household address); a colleague of the own municipality without the role gets 403."""
    household = selectors.household_for_access_request(user=request.user, household_id=household_id)
    if request.membership.role not in PRIVACY_ROLES:
        raise PermissionDenied
    export = selectors.access_export(household=household)
    form = AccessExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        file_format = form.cleaned_data["file_format"]
        content = services.access_export_record(actor=request.user, export=export, file_format=file_format)
        if file_format == "json":
            body, content_type = json.dumps(content, ensure_ascii=False, indent=2), "application/json"
        else:
            body, content_type = content, "application/pdf"
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = (
            f'attachment; filename="{services.access_export_filename(export, file_format)}"'
        )
        response["Cache-Control"] = "no-store, private"
        return response
    services.access_export_shown(actor=request.user, export=export)
    return render(request, "privacy/household_access.html", {"export": export, "form": form})


@require_http_methods(["GET", "POST"])
@role_required(*PRIVACY_ROLES)
def retention_edit(request):
    organisation = request.membership.organisation
    policy = selectors.retention_policy_for(organisation=organisation)
    form = RetentionForm(
        request.POST or None, initial={"case_file_years": policy.case_file_years, "audit_years": policy.audit_years}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.retention_policy_update(actor=request.user, organisation=organisation, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De bewaartermijnen zijn opgeslagen."))
            return redirect("privacy:overview")
    return render(request, "privacy/retention_form.html", {"form": form, "policy": policy})
