"""The start page (`/`): each role on to where its work is; managers and analysts get their links (figures on the
dashboards)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from doorbraak.organisations.constants import PLAN_ROLES, Role


@login_required
def home(request):
    """Send each role to where its work is; roles without plans get an overview with their links."""
    membership = request.membership
    if membership and membership.role in PLAN_ROLES:
        return redirect("plans:list")
    if membership and membership.role == Role.FUNCTIONAL_ADMIN:
        return redirect("organisations:overview")
    if membership and membership.role == Role.PRIVACY_OFFICER:
        return redirect("logbook:overview")
    context = {}
    if membership and membership.role in (Role.MANAGER, Role.POLICY_ANALYST):
        # their figures are on the dashboards, protected there (no group under 10); nothing raw here
        context["overview"] = True
    return render(request, "plans/home.html", context)
