"""The Doorbraakbudget ledger: totals per year and team for everyone with a ledger role, rows per plan for
those who may see the plan; the Doorbraakteam marks lines as paid."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.core.access import role_required
from doorbraak.organisations.constants import Role

from ..forms import MarkPaidForm
from ..selectors import ledger as selectors
from ..services import ledger as services


@role_required(*selectors.LEDGER_ROLES)
def ledger(request):
    try:
        year = int(request.GET.get("jaar") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    data = selectors.ledger(user=request.user, organisation=request.membership.organisation, year=year)
    can_pay = request.membership.role == Role.DOORBRAAKTEAM
    return render(
        request,
        "costs/ledger.html",
        {
            "ledger": data,
            "year": year,
            "years": [year - 1, year, year + 1],
            "can_pay": can_pay,
            "pay_form": MarkPaidForm(initial={"paid_at": timezone.localdate()}),
        },
    )


@role_required(Role.DOORBRAAKTEAM)
@require_POST
def ledger_mark_paid(request, line_id):
    line = selectors.budget_line_for_payment(
        user=request.user, organisation=request.membership.organisation, line_id=line_id
    )
    form = MarkPaidForm(request.POST)
    paid_at: date = form.cleaned_data["paid_at"] if form.is_valid() else timezone.localdate()
    try:
        services.line_mark_paid(actor=request.user, line=line, paid_at=paid_at)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Gemarkeerd als betaald."))
    return redirect(f"{reverse('costs:ledger')}?jaar={paid_at.year}")
