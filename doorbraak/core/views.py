from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from doorbraak.organisations.constants import PLAN_ROLES, Role
from doorbraak.plans.selectors import plan_counts_for_organisation


@login_required
def home(request):
    """Send each role to where its work is; roles without plans get an overview with their links."""
    membership = request.membership
    if membership and membership.role in PLAN_ROLES:
        return redirect("plans:list")
    if membership and membership.role == Role.FUNCTIONAL_ADMIN:
        return redirect("organisations:overview")
    context = {}
    if membership and membership.role in (Role.MANAGER, Role.POLICY_ANALYST):
        context["counts"] = plan_counts_for_organisation(organisation=membership.organisation)
    return render(request, "core/home.html", context)


@require_GET
def branding_css(request):
    """The municipality's local look as a stylesheet (a strict CSP forbids inline styles)."""
    membership = getattr(request, "membership", None)
    colour = membership.organisation.primary_colour if membership else "#1a5f8c"
    response = render(request, "core/branding.css", {"colour": colour}, content_type="text/css")
    response["Cache-Control"] = "private, max-age=300"
    return response
