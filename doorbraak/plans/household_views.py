"""Household screens: register a household (and go straight on to its plan), and its own page.

They live in plans, not in doorbraak.households: registering starts the household's plan, and who may see
a household follows from who may see its plans. The URL names stay ``households:*`` (household_urls.py).
"""

import uuid

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from doorbraak.core.access import role_required
from doorbraak.households import services
from doorbraak.households.constants import ConsentScope
from doorbraak.households.forms import ConsentForm, HouseholdForm, MemberForm, MemberFormSet
from doorbraak.organisations.constants import PLAN_ROLES, Role
from doorbraak.organisations.selectors import teams_for_organisation

from .selectors import can_edit_household, household_for_editing, household_for_user, plans_for_user
from .services import plan_create

EDITOR_ROLES = (Role.PROFESSIONAL, Role.TEAM_LEAD)
# A plan started together with a household gets a token derived from the household's, so a double submit
# of the registration form returns the same household *and* the same plan.
PLAN_TOKEN_NAMESPACE = uuid.UUID("2f1c3a52-6a2e-4a8e-9f7e-6b1f0d6c2a10")


@role_required(*EDITOR_ROLES)
@require_http_methods(["GET", "POST"])
def household_create(request):
    membership = request.membership
    teams = teams_for_organisation(organisation=membership.organisation)
    if request.method == "POST":
        form = HouseholdForm(request.POST, teams=teams)
        formset = MemberFormSet(request.POST, prefix="leden")
        if form.is_valid() and formset.is_valid():
            token = form.cleaned_data["creation_token"]
            household = services.household_create(
                actor=request.user,
                team=form.cleaned_data["team"],
                members=formset.members(),
                consent_given_on=form.cleaned_data["consent_given_on"],
                consent_scope=form.cleaned_data["consent_scope"],
                creation_token=token,
            )
            plan = plan_create(
                actor=request.user, household=household, creation_token=uuid.uuid5(PLAN_TOKEN_NAMESPACE, str(token))
            )
            messages.success(
                request,
                _("Huishouden %(reference)s is aangemaakt. U kunt nu het plan opstellen.")
                % {"reference": household.reference},
            )
            return redirect("workspace:plan", plan.pk)
        status = 400
    else:
        form = HouseholdForm(
            teams=teams,
            initial={
                "team": membership.team_id,
                "consent_given_on": timezone.localdate(),
                "consent_scope": ConsentScope.PLAN,
                "creation_token": uuid.uuid4(),
            },
        )
        formset = MemberFormSet(prefix="leden")
        status = 200
    return render(request, "households/household_form.html", {"form": form, "formset": formset}, status=status)


def _detail_context(request, household, *, member_form=None, consent_form=None) -> dict:
    return {
        "household": household,
        "members": household.members.all(),
        "consents": household.consents.select_related("recorded_by"),
        "plans": plans_for_user(user=request.user).filter(household=household),
        "may_edit": can_edit_household(user=request.user, household=household),
        "member_form": member_form or MemberForm(prefix="lid"),
        "consent_form": consent_form
        or ConsentForm(prefix="toestemming", initial={"given_on": timezone.localdate(), "scope": ConsentScope.PLAN}),
        "plan_token": uuid.uuid4(),
    }


@role_required(*PLAN_ROLES)
def household_detail(request, household_id):
    household = household_for_user(user=request.user, household_id=household_id)
    services.household_record_read(actor=request.user, household=household)
    return render(request, "households/household_detail.html", _detail_context(request, household))


@require_POST
@role_required(*EDITOR_ROLES)
def member_add(request, household_id):
    household = household_for_editing(user=request.user, household_id=household_id)
    form = MemberForm(request.POST, prefix="lid")
    if form.is_valid():
        services.member_add(actor=request.user, household=household, **form.cleaned_data)
        messages.success(request, _("Gezinslid toegevoegd."))
        return redirect(reverse("households:detail", args=[household.pk]) + "#gezinsleden")
    return render(
        request,
        "households/household_detail.html",
        _detail_context(request, household, member_form=form),
        status=400,
    )


@require_POST
@role_required(*EDITOR_ROLES)
def consent_add(request, household_id):
    household = household_for_editing(user=request.user, household_id=household_id)
    form = ConsentForm(request.POST, prefix="toestemming")
    if form.is_valid():
        services.consent_record(
            actor=request.user,
            household=household,
            given_on=form.cleaned_data["given_on"],
            scope=form.cleaned_data["scope"],
        )
        messages.success(request, _("Toestemming vastgelegd."))
        return redirect(reverse("households:detail", args=[household.pk]) + "#toestemming")
    return render(
        request,
        "households/household_detail.html",
        _detail_context(request, household, consent_form=form),
        status=400,
    )
