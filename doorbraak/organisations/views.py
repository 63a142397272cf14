from django.shortcuts import render

from doorbraak.core.access import role_required

from .constants import Role
from .selectors import memberships_for_organisation, teams_for_organisation


@role_required(Role.FUNCTIONAL_ADMIN)
def overview(request):
    organisation = request.membership.organisation
    return render(
        request,
        "organisations/overview.html",
        {
            "teams": teams_for_organisation(organisation=organisation),
            "memberships": memberships_for_organisation(organisation=organisation),
        },
    )
