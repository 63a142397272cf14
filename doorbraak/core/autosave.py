"""Autosave for every free-text form of a plan, written once: the version a save is based on, the answer to a
save (saved, not saved: invalid input or an edit conflict) for HTMX and for a plain POST, and the conflict rows.

A form that autosaves is rendered with ``components/autosave_form_attrs.html`` (the HTMX attributes and
``data-autosave``), ``components/autosave_status.html`` (the status line, aria-live) and
``components/autosave_conflict.html`` (stored and own text side by side). ``static/js/autosave.js`` warns before
leaving a page with unsaved input; ``static/js/htmx-a11y.js`` marks the fields a refused save names.

The answers:
- saved: HTMX gets the status line and the new version (out of band), so the text being typed is never replaced;
  a plain POST is redirected back (post/redirect/get) with a flash message.
- invalid (e.g. an empty required text): 400, "Niet opgeslagen" with the field's Dutch error; never "saved".
- conflict (the form's version is not the stored one): 409, the stored and the user's values side by side and a
  button to save over the newer version on purpose. Nothing is overwritten silently.
Without JavaScript the caller's ``page`` renders the whole page again with the bound form (status 400 / 409).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .exceptions import ConflictError
from .forms import add_service_errors

RESULT_TEMPLATE = "components/autosave_result.html"
OVERWRITE_FIELD = "overwrite_version"


@dataclass
class AutosaveForm:
    """One form on a page with what the templates need around it (ids of its status line and conflict region)."""

    form: object
    prefix: str
    action: str
    key: object = None  # which form of the page this one replaces when it comes back bound
    anchor: str = ""  # where a plain POST returns to (the caller's meaning: a section key or an element id)
    conflict: list = field(default_factory=list)  # [(label, stored value as text, the user's value as text)]
    conflict_version: int | None = None
    message: str = ""
    item: object = None
    autosave: bool = True
    legend: str = ""

    @property
    def form_id(self) -> str:
        return f"form-{self.prefix}"

    @property
    def status_id(self) -> str:
        return f"status-{self.prefix}"

    @property
    def conflict_id(self) -> str:
        return f"conflict-{self.prefix}"

    @property
    def failed(self) -> bool:
        return bool(self.conflict) or bool(getattr(self.form, "is_bound", False) and self.form.errors)


def as_text(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "—"
    if hasattr(value, "isoformat"):
        return date_format(value, "j F Y")
    return str(value)


def requested_version(request: HttpRequest, form) -> int:
    """The version a save is based on: the form's, or the newer one the user explicitly chose to save over."""
    overwrite = request.POST.get(OVERWRITE_FIELD, "")
    if overwrite.isdigit():
        return int(overwrite)
    return form.cleaned_data["version"]


def conflict_rows(form, current: dict, display: Callable[[str, object], str] | None = None) -> list[tuple]:
    """(label, stored value, the user's value) per field of a refused save, both as text."""
    display = display or (lambda name, value: as_text(value))
    mine = form.cleaned_data
    return [(form.fields[f].label, display(f, stored), display(f, mine[f])) for f, stored in current.items()]


Page = Callable[[AutosaveForm, int], HttpResponse]


def autosave(
    request: HttpRequest,
    af: AutosaveForm,
    *,
    write: Callable[[int], int],
    saved_url: str,
    page: Page,
    rows: Callable[[object, dict], list[tuple]] = conflict_rows,
    also: Callable[[], tuple[str, dict]] | None = None,
) -> HttpResponse:
    """Save one form: ``write(version)`` stores the form's data on top of ``version`` and returns the new version
    (raising ConflictError or ValidationError). ``page(af, status)`` renders the whole page with ``af`` bound, for
    a refused save without JavaScript; ``saved_url`` is where a plain POST goes after a save. ``also()`` gives a
    template (with its context) that an HTMX save answer adds out of band, e.g. a "what is missing" panel."""
    form = af.form
    if form.is_valid():
        try:
            version = write(requested_version(request, form))
        except ConflictError as err:
            af.conflict = rows(form, err.current)
            af.conflict_version = err.version
            af.message = _("Niet opgeslagen: iemand anders heeft dit onderdeel intussen gewijzigd.")
            return _unsaved(request, af, status=409, page=page)
        except ValidationError as err:
            add_service_errors(form, err)
        else:
            return _saved(request, af, version, saved_url, also)
    af.message = _("Niet opgeslagen: controleer de invoer.")
    return _unsaved(request, af, status=400, page=page)


def _saved(request, af: AutosaveForm, version: int, saved_url: str, also) -> HttpResponse:
    message = _("Opgeslagen om %(time)s") % {"time": timezone.localtime().strftime("%H:%M")}
    if request.htmx:
        af.message = message
        context = {"af": af, "saved": True, "version": version}
        if also:
            also_template, also_context = also()
            context.update(also_context, also_template=also_template)
        return render(request, RESULT_TEMPLATE, context)
    messages.success(request, message)
    return redirect(saved_url)


def _unsaved(request, af: AutosaveForm, *, status: int, page: Page) -> HttpResponse:
    """409 or 400, also for HTMX (base.html tells HTMX to swap those answers in, so the fragment shows)."""
    if request.htmx:
        return render(request, RESULT_TEMPLATE, {"af": af, "saved": False}, status=status)
    return page(af, status)
