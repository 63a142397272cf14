from django.shortcuts import render
from django.utils.translation import gettext as _

from doorbraak.core.access import role_required
from doorbraak.organisations.constants import PLAN_ROLES
from doorbraak.plans.selectors import plan_for_user


@role_required(*PLAN_ROLES)
def plan_return(request, plan_id):
    """Placeholder until this side of the value triangle is built."""
    plan = plan_for_user(user=request.user, plan_id=plan_id)
    return render(request, "plans/_side_placeholder.html", {"plan": plan, "side_title": _("Rendement")})
