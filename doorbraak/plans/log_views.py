"""The processing log (Logboek Dataverwerkingen, NEN 7513) for the functional admin and the privacy officer:
"Wie heeft dit dossier ingezien?" per household, and an export of the log for a period.

They live in plans, beside the household screens, because choosing a household by its reference is a
household lookup; the rows themselves come from ``doorbraak.audit``. These roles see who processed what, never
the case itself: no plan text, no household members.
"""

import csv
from datetime import date, datetime, time, timedelta

from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from doorbraak.audit.constants import AuditAction, AuditOutcome, ProcessingActivityCode
from doorbraak.audit.selectors import events_for_household, events_for_period, processing_activities
from doorbraak.core.access import role_required
from doorbraak.organisations.constants import LOG_ROLES, Role

from .forms import LogHouseholdForm, LogPeriodForm
from .selectors import household_by_reference, household_for_log, household_references
from .services import household_log_record_read, log_export_record

PAGE_SIZE = 50
CSV_CHUNK = 2000
# A spreadsheet runs a cell that starts with one of these as a formula; the export quotes them.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _role_label(code: str) -> str:
    if code in Role.values:
        return Role(code).label
    return _("Landelijk beheerder") if code == "national_admin" else "—"


def _label(choices, code: str) -> str:
    return choices(code).label if code in choices.values else code


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _period(form: LogPeriodForm) -> tuple[datetime | None, datetime | None]:
    """The period as [start of the first day, start of the day after the last day)."""
    if not form.is_valid():
        return None, None
    since, until = form.cleaned_data.get("since"), form.cleaned_data.get("until")
    return (
        _day_start(since) if since else None,
        _day_start(until + timedelta(days=1)) if until else None,
    )


def _overview(request, *, household_form=None, period_form=None, status=200):
    organisation = request.membership.organisation
    today = timezone.localdate()
    return render(
        request,
        "plans/log_overview.html",
        {
            "household_form": household_form or LogHouseholdForm(),
            "period_form": period_form or LogPeriodForm(initial={"since": today.replace(day=1), "until": today}),
            "activities": processing_activities(organisation=organisation),
        },
        status=status,
    )


@role_required(*LOG_ROLES)
@require_http_methods(["GET", "POST"])
def overview(request):
    """Choose a household by its reference (POST, so the reference never lands in a URL) or export a period."""
    if request.method == "POST":
        form = LogHouseholdForm(request.POST)
        if form.is_valid():
            household = household_by_reference(
                organisation=request.membership.organisation, reference=form.cleaned_data["reference"]
            )
            if household is not None:
                return redirect("logbook:household", household.pk)
            form.add_error("reference", _("Uw gemeente heeft geen huishouden met deze referentie."))
        return _overview(request, household_form=form, status=400)
    return _overview(request)


@role_required(*LOG_ROLES)
def household_log(request, household_id):
    """Who processed this household's data: who (name, role), when, what, for which activity, with what outcome."""
    organisation = request.membership.organisation
    household = household_for_log(organisation=organisation, household_id=household_id)
    form = LogPeriodForm(request.GET or None, required=False)
    since, until = _period(form)
    household_log_record_read(actor=request.user, household=household)
    events = events_for_household(organisation=organisation, household_id=household.pk, since=since, until=until)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("pagina") or 1)
    rows = [
        {
            "at": event.at,
            "who": event.actor.get_full_name() if event.actor else _("(niet ingelogd)"),
            "role": _role_label(event.role),
            "action": _label(AuditAction, event.action),
            "activity": _label(ProcessingActivityCode, event.activity),
            "outcome": _label(AuditOutcome, event.outcome),
            "refused": event.outcome == AuditOutcome.REFUSED,
        }
        for event in page
    ]
    query = form.data.copy() if form.is_bound else None
    if query is not None:
        query.pop("pagina", None)
    return render(
        request,
        "plans/log_household.html",
        {
            "household": household,
            "form": form,
            "page": page,
            "rows": rows,
            "period_query": query.urlencode() if query else "",
        },
    )


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


class _Echo:
    """A file-like object whose write returns the line, for csv.writer into a streamed response."""

    def write(self, value):
        return value


def _csv_lines(events, references):
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow(
        [
            _("tijdstip"),
            _("verzoek-id"),
            _("gebruiker"),
            _("gebruiker-id"),
            _("rol"),
            _("handeling"),
            _("code"),
            _("verwerkingsactiviteit"),
            _("uitkomst"),
            _("huishouden"),
            _("huishouden-id"),
            _("soort object"),
            _("object-id"),
        ]
    )
    for event in events.iterator(chunk_size=CSV_CHUNK):
        yield writer.writerow(
            [
                _cell(timezone.localtime(event.at).isoformat(timespec="seconds")),
                _cell(event.request_id),
                _cell(event.actor.get_full_name() if event.actor else ""),
                _cell(event.actor_id),
                _cell(_role_label(event.role)),
                _cell(_label(AuditAction, event.action)),
                _cell(event.action),
                _cell(_label(ProcessingActivityCode, event.activity)),
                _cell(_label(AuditOutcome, event.outcome)),
                _cell(references.get(event.household_id, "")),
                _cell(event.household_id),
                _cell(event.object_type),
                _cell(event.object_id),
            ]
        )


@require_POST
@role_required(*LOG_ROLES)
def export(request):
    """The organisation's processing log for a period as CSV, streamed; the export itself is logged first."""
    organisation = request.membership.organisation
    form = LogPeriodForm(request.POST)
    if not form.is_valid():
        return _overview(request, period_form=form, status=400)
    since, until = _period(form)
    events = events_for_period(organisation=organisation, since=since, until=until)
    household_ids = set(events.exclude(household_id=None).order_by().values_list("household_id", flat=True).distinct())
    log_export_record(
        actor=request.user,
        organisation=organisation,
        household_ids=sorted(household_ids, key=str),
        since=form.cleaned_data["since"],
        until=form.cleaned_data["until"],
    )
    references = household_references(organisation=organisation, household_ids=household_ids)
    response = StreamingHttpResponse(_csv_lines(events, references), content_type="text/csv; charset=utf-8")
    name = f"logboek-{organisation.slug}-{form.cleaned_data['since']:%Y%m%d}-{form.cleaned_data['until']:%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store, private"
    return response
