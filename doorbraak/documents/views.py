from django.http import HttpResponse

from doorbraak.core.access import role_required
from doorbraak.organisations.constants import PLAN_ROLES
from doorbraak.plans.selectors import plan_for_user


@role_required(*PLAN_ROLES)
def plan_export(request, plan_id):
    plan_for_user(user=request.user, plan_id=plan_id)
    return HttpResponse("")
