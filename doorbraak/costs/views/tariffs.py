"""The functional admin's pages for the municipality: local tariff sets (upload, preview, confirm, switch on
or off) and the Doorbraakbudget per year."""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from doorbraak.core.access import role_required
from doorbraak.organisations.constants import Role

from ..forms import BudgetForm, TariffConfirmForm, TariffUploadForm
from ..selectors import tariffs as selectors
from ..services import tariffs as services
from ..tariffs_import import MAX_UPLOAD_BYTES, preview_tariff_file

SIGNING_SALT = "doorbraak.costs.tariff-import"


@role_required(Role.FUNCTIONAL_ADMIN)
def tariff_sets(request):
    organisation = request.membership.organisation
    return render(
        request,
        "costs/tariff_sets.html",
        {"sets": selectors.tariff_sets_for_organisation(organisation=organisation)},
    )


@role_required(Role.FUNCTIONAL_ADMIN)
def tariff_set_detail(request, set_id):
    tariff_set = selectors.tariff_set_for_organisation(organisation=request.membership.organisation, set_id=set_id)
    tariffs = selectors.tariffs_in_set(tariff_set=tariff_set)
    return render(request, "costs/tariff_set.html", {"tariff_set": tariff_set, "tariffs": tariffs})


@role_required(Role.FUNCTIONAL_ADMIN)
@require_POST
def tariff_set_toggle(request, set_id):
    tariff_set = selectors.tariff_set_for_organisation(organisation=request.membership.organisation, set_id=set_id)
    services.tariff_set_toggle(actor=request.user, tariff_set=tariff_set)
    return redirect("costs:tariff_set", set_id=tariff_set.pk)


@role_required(Role.FUNCTIONAL_ADMIN)
@require_http_methods(["GET", "POST"])
def tariff_upload(request):
    """Step 1: upload and preview. Nothing is stored; the validated rows travel signed to the confirm step."""
    form = TariffUploadForm(request.POST or None, request.FILES or None)
    preview = None
    payload = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            preview = preview_tariff_file(
                organisation=request.membership.organisation,
                filename=upload.name,
                content=upload.read(MAX_UPLOAD_BYTES + 1),  # a larger file is refused, not read into memory
                kind=form.cleaned_data["kind"],
                name=form.cleaned_data["name"],
                default_from=form.cleaned_data["default_valid_from"],
            )
        except ValueError as exc:
            form.add_error("file", str(exc))
        else:
            if preview.ok:
                payload = signing.dumps(
                    {
                        "kind": form.cleaned_data["kind"],
                        "name": form.cleaned_data["name"],
                        "filename": upload.name,
                        "rows": preview.rows,
                        "org": request.membership.organisation_id,
                        "token": preview.token,
                    },
                    salt=SIGNING_SALT,
                    compress=True,
                )
    status = 400 if (form.errors or (preview and not preview.ok)) else 200
    return render(
        request,
        "costs/tariff_upload.html",
        {
            "form": form,
            "preview": preview,
            "confirm_form": TariffConfirmForm(initial={"payload": payload}) if payload else None,
        },
        status=status,
    )


@role_required(Role.FUNCTIONAL_ADMIN)
@require_POST
def tariff_confirm(request):
    """Step 2: store the previewed rows, all or nothing."""
    form = TariffConfirmForm(request.POST)
    organisation = request.membership.organisation
    try:
        if not form.is_valid():
            raise signing.BadSignature
        data = signing.loads(form.cleaned_data["payload"], salt=SIGNING_SALT, max_age=3600)
    except signing.BadSignature:
        messages.error(request, _("De voorvertoning is verlopen of ongeldig. Upload het bestand opnieuw."))
        return redirect("costs:tariff_upload")
    if data.get("org") != organisation.pk:
        raise PermissionDenied
    try:
        tariff_set = services.tariff_set_import(
            actor=request.user,
            organisation=organisation,
            kind=data["kind"],
            name=data["name"],
            rows=data["rows"],
            filename=data.get("filename", ""),
            token=data.get("token", ""),
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("costs:tariff_upload")
    messages.success(request, _("%(n)s tarieven opgeslagen.") % {"n": len(data["rows"])})
    return redirect("costs:tariff_set", set_id=tariff_set.pk)


@role_required(Role.FUNCTIONAL_ADMIN)
@require_http_methods(["GET", "POST"])
def budget(request):
    organisation = request.membership.organisation
    form = BudgetForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        services.budget_set(actor=request.user, organisation=organisation, **form.cleaned_data)
        messages.success(request, _("Doorbraakbudget opgeslagen."))
        return redirect("costs:budget")
    budgets = selectors.budgets_for_organisation(organisation=organisation)
    return render(request, "costs/budget.html", {"form": form, "budgets": budgets}, status=400 if form.errors else 200)
