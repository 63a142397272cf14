"""Screens of plan templates: the national admin and a municipality's functional admin make, edit, publish and
retire templates; a professional picks one for a draft plan. Thin: selectors decide what is visible (another
municipality's template is a 404), services write."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from doorbraak.core.access import role_required
from doorbraak.core.forms import add_service_errors
from doorbraak.organisations.constants import Role
from doorbraak.plans.selectors import block1_editable, plan_for_editing

from . import services
from .constants import TemplateStatus
from .forms import TemplateForm, part_formsets, parts_from, template_tags_form
from .selectors import (
    template_for_admin,
    template_offered_for_plan,
    template_parts,
    templates_for_admin,
    templates_offered_for_plan,
)

PICK_ROLES = (Role.PROFESSIONAL, Role.TEAM_LEAD)


def template_admin_required(view):
    """The national admin (national templates) or a functional admin (the municipality's own); 403 otherwise.
    The view gets the scope as ``organisation`` (None: national)."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.user.is_national_admin:
            organisation = None
        elif getattr(request, "membership", None) and request.membership.role == Role.FUNCTIONAL_ADMIN:
            organisation = request.membership.organisation
        else:
            raise PermissionDenied
        return view(request, *args, organisation=organisation, **kwargs)

    return wrapped


@template_admin_required
def template_list(request, organisation):
    return render(
        request,
        "prefab/template_list.html",
        {"templates": templates_for_admin(organisation=organisation), "national": organisation is None},
    )


@template_admin_required
@require_http_methods(["GET", "POST"])
def template_edit(request, organisation, template_id=None):
    """Make a new template or change a draft (a published template is shown read-only)."""
    template = template_for_admin(organisation=organisation, template_id=template_id) if template_id else None
    if template is not None and template.status != TemplateStatus.DRAFT:
        return render(
            request,
            "prefab/template_detail.html",
            {"template": template},
        )
    stored_parts = template_parts(template=template) if template else {}
    if request.method == "POST":
        form = TemplateForm(request.POST, instance=template)
        tags_form = template_tags_form(template=template, data=request.POST)
        formsets = part_formsets(organisation=organisation, data=request.POST, parts=stored_parts)
        valid = [form.is_valid(), tags_form.is_valid(), *(fs.is_valid() for fs in formsets.values())]
        if all(valid):
            try:
                template = services.template_save(
                    actor=request.user,
                    organisation=organisation,
                    template=template,
                    version=form.cleaned_data["version"],
                    data=form.cleaned_data,
                    tags=tags_form.selected_tags(),
                    parts=parts_from(formsets),
                )
            except ValidationError as err:
                add_service_errors(form, err)
            else:
                messages.success(request, _("Sjabloon '%(title)s' opgeslagen.") % {"title": template.title})
                return redirect("prefab:edit", template.pk)
        status = 400
    else:
        form = TemplateForm(instance=template, initial={"version": template.version} if template else {})
        tags_form = template_tags_form(template=template)
        formsets = part_formsets(organisation=organisation, parts=stored_parts)
        status = 200
    return render(
        request,
        "prefab/template_form.html",
        {
            "template": template,
            "form": form,
            "tags_form": tags_form,
            "formsets": formsets.values(),
            "national": organisation is None,
        },
        status=status,
    )


@require_POST
@template_admin_required
def template_publish(request, organisation, template_id):
    template = template_for_admin(organisation=organisation, template_id=template_id)
    try:
        services.template_publish(actor=request.user, template=template)
    except ValidationError as err:
        for message in err.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Sjabloon '%(title)s' is gepubliceerd.") % {"title": template.title})
    return redirect("prefab:edit", template.pk)


@require_POST
@template_admin_required
def template_retire(request, organisation, template_id):
    template = template_for_admin(organisation=organisation, template_id=template_id)
    services.template_retire(actor=request.user, template=template)
    messages.success(request, _("Sjabloon '%(title)s' is ingetrokken.") % {"title": template.title})
    return redirect("prefab:list")


@role_required(*PICK_ROLES)
def template_choose(request, plan_id):
    """The templates a professional can start this plan from, those sharing the household's tags first."""
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    return render(
        request,
        "prefab/template_choose.html",
        {"plan": plan, "offers": templates_offered_for_plan(plan=plan), "editable": block1_editable(plan)},
    )


@require_POST
@role_required(*PICK_ROLES)
def template_apply(request, plan_id, template_id):
    plan = plan_for_editing(user=request.user, plan_id=plan_id)
    template = template_offered_for_plan(plan=plan, template_id=template_id)
    try:
        services.template_apply(actor=request.user, template=template, plan=plan)
    except ValidationError as err:
        for message in err.messages:
            messages.error(request, message)
        return redirect("prefab:choose", plan.pk)
    messages.success(
        request,
        _("Het plan is gevuld vanuit het sjabloon '%(title)s'. Pas aan wat voor dit huishouden anders is.")
        % {"title": template.title},
    )
    return redirect("workspace:plan", plan.pk)
