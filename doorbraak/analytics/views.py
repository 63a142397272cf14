"""Dashboards: protected figures of the latest refresh, per period and cut; CSV/XLSX of what is shown."""

import csv
import io

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record
from doorbraak.core.access import role_required
from doorbraak.organisations.constants import Role

from . import selectors, services

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _context(request):
    membership = request.membership
    run = selectors.latest_run(organisation=membership.organisation)
    cut = selectors.chosen_cut(membership=membership, param=request.GET.get("indeling"))
    periods = selectors.periods_of(run)
    period = request.GET.get("periode") or (periods[0] if periods else "")
    if periods and period not in periods:
        raise Http404
    tab = request.GET.get("tab") if request.GET.get("tab") in selectors.TABS else selectors.TABS[0]
    data = selectors.dashboard(membership=membership, run=run, period=period, cut=cut, tab=tab) if periods else None
    return {
        "run": run,
        "cut": cut,
        "cuts": selectors.cuts_for(membership=membership),
        "period": period,
        "period_label": selectors.period_label(period) if period else "",
        "periods": [(p, selectors.period_label(p)) for p in periods],
        "tab": tab,
        "tabs": [("algemeen", _("Algemeen")), ("leefgebieden", _("Leefgebieden"))],
        "data": data,
        "chart": selectors.chart_data(data) if data else None,
    }


@role_required(*selectors.DASHBOARD_ROLES)
def dashboard(request):
    return render(request, "analytics/dashboard.html", _context(request))


@role_required(*selectors.DASHBOARD_ROLES)
def dashboard_export(request):
    """The tab as shown, as CSV (semicolons, for Dutch spreadsheet programs) or XLSX."""
    context = _context(request)
    if context["data"] is None:
        raise Http404
    rows = selectors.export_rows(context["data"])
    audit_record(
        actor=request.user,
        organisation=request.membership.organisation,
        action=AuditAction.ANALYTICS_EXPORT,
        obj=context["run"],
    )
    name = f"doorbraak-{context['tab']}-{context['period']}-{context['cut'].cut}"
    if request.GET.get("formaat") == "xlsx":
        book = Workbook()
        sheet = book.active
        sheet.title = context["tab"]
        for row in rows:
            sheet.append(row)
        out = io.BytesIO()
        book.save(out)
        response = HttpResponse(out.getvalue(), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    text = io.StringIO()
    csv.writer(text, delimiter=";").writerows(rows)
    response = HttpResponse(text.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


@role_required(Role.FUNCTIONAL_ADMIN)
def refresh_status(request):
    run = selectors.latest_run(organisation=request.membership.organisation)
    return render(request, "analytics/refresh.html", {"run": run})


@require_POST
@role_required(Role.FUNCTIONAL_ADMIN)
def refresh(request):
    run = services.refresh_aggregates(organisation=request.membership.organisation, actor=request.user)
    messages.success(
        request, _("De dashboardcijfers zijn ververst: %(plans)s plannen meegeteld.") % {"plans": run.plans}
    )
    return redirect("analytics:refresh_status")
