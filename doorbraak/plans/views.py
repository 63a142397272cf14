from django.shortcuts import render

from doorbraak.core.access import role_required
from doorbraak.organisations.constants import PLAN_ROLES

from .selectors import plan_for_user, plans_for_user
from .services import plan_record_read


@role_required(*PLAN_ROLES)
def plan_list(request):
    return render(request, "plans/plan_list.html", {"plans": plans_for_user(user=request.user)})


@role_required(*PLAN_ROLES)
def plan_detail(request, plan_id):
    plan = plan_for_user(user=request.user, plan_id=plan_id)
    plan_record_read(actor=request.user, plan=plan)
    return render(request, "plans/plan_detail.html", {"plan": plan})
