"""Views of the plan lists, starting a plan and the national tag vocabulary. Thin: selectors decide who sees
what, services write. The plan page itself (block 1 editor) lives in ``doorbraak.workspace``."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from doorbraak.core.access import national_admin_required, role_required
from doorbraak.core.forms import add_service_errors
from doorbraak.organisations.constants import PLAN_ROLES, Role

from . import services
from .constants import TagKind
from .forms import PlanFilterForm, TagCreateForm
from .models import Tag
from .selectors import household_for_editing, plan_list_for_user, tags_by_kind

PAGE_SIZE = 25

# ---------------------------------------------------------------------------------------------- pages


@role_required(*PLAN_ROLES)
@require_http_methods(["GET", "POST"])
def plan_list(request):
    """Mijn plannen / the team's plans / submitted plans. Search and filter arrive by POST (no reference in
    the URL); a plain GET may carry only the status and the page number."""
    form = PlanFilterForm(request.POST if request.method == "POST" else request.GET)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    reference = data.get("reference", "") if request.method == "POST" else ""
    plans = plan_list_for_user(user=request.user, status=data.get("status") or "", reference=reference)
    page = Paginator(plans, PAGE_SIZE).get_page(data.get("page") or 1)
    services.plans_record_shown(actor=request.user, organisation=request.membership.organisation, plans=page)
    role = request.membership.role
    titles = {
        Role.PROFESSIONAL: _("Mijn plannen"),
        Role.TEAM_LEAD: _("Plannen van het team"),
        Role.DOORBRAAKTEAM: _("Ingediende plannen"),
    }
    return render(
        request,
        "plans/plan_list.html",
        {
            "form": form,
            "page": page,
            "title": titles[role],
            "show_owner": role != Role.PROFESSIONAL,
            "may_create": role in {Role.PROFESSIONAL, Role.TEAM_LEAD},
            "searched": bool(reference),
        },
    )


@require_POST
@role_required(Role.PROFESSIONAL, Role.TEAM_LEAD)
def plan_start(request, household_id):
    """Start a (new) plan for a household. A repeated submit of the same form starts it only once."""
    household = household_for_editing(user=request.user, household_id=household_id)
    try:
        token = uuid.UUID(request.POST.get("creation_token", ""))
    except ValueError:
        token = None
    plan = services.plan_create(actor=request.user, household=household, creation_token=token)
    return redirect("workspace:plan", plan.pk)


# ---------------------------------------------------------------------------------------------- vocabulary


@national_admin_required
@require_http_methods(["GET", "POST"])
def tag_list(request):
    """The national admin extends the controlled vocabulary: list per kind, add, (de)activate."""
    form = TagCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            tag = services.tag_create(actor=request.user, **form.cleaned_data)
        except ValidationError as err:
            add_service_errors(form, err)
        else:
            messages.success(request, _("Label '%(label)s' toegevoegd.") % {"label": tag.label})
            return redirect("plans:tags_admin")
    groups = [(TagKind(kind).label, tags) for kind, tags in tags_by_kind().items()]
    status = 400 if request.method == "POST" else 200
    return render(request, "plans/tag_list.html", {"form": form, "groups": groups}, status=status)


@require_POST
@national_admin_required
def tag_toggle(request, tag_id):
    tag = get_object_or_404(Tag, pk=tag_id)
    services.tag_set_active(actor=request.user, tag=tag, is_active=request.POST.get("is_active") == "1")
    return redirect(f"{reverse('plans:tags_admin')}#label-{tag.pk}")
