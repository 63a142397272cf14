"""Functional admin: the municipality's teams, districts, users and look. National admin: the tenants.

Every object is fetched through a selector that takes the admin's organisation, so another municipality's
ids give 404; other roles get 403 from ``role_required``. The stylesheet with the municipality's colour
(``branding_css``) is the one view here for everyone: every page links it.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from doorbraak.accounts import mfa
from doorbraak.accounts import services as account_services
from doorbraak.core.access import national_admin_required, role_required
from doorbraak.core.forms import add_service_errors

from . import selectors, services
from .constants import Role
from .contrast import white_text_contrast
from .forms import (
    DistrictForm,
    MembershipForm,
    OrganisationCreateForm,
    OrganisationSettingsForm,
    TeamForm,
    UserCreateForm,
)

admin_required = role_required(Role.FUNCTIONAL_ADMIN)


@admin_required
def overview(request):
    organisation = request.membership.organisation
    return render(
        request,
        "organisations/overview.html",
        {
            "organisation": organisation,
            "teams": selectors.teams_for_organisation(organisation=organisation),
            "districts": selectors.districts_for_organisation(organisation=organisation),
            "memberships": selectors.memberships_for_organisation(organisation=organisation),
            "contrast": f"{white_text_contrast(organisation.primary_colour):.2f}".replace(".", ","),
        },
    )


# --- Teams ---------------------------------------------------------------------------------------------


def _team_form_page(request, form, team=None):
    return render(request, "organisations/team_form.html", {"form": form, "team": team})


@admin_required
def team_create(request):
    organisation = request.membership.organisation
    districts = selectors.districts_for_organisation(organisation=organisation)
    form = TeamForm(request.POST or None, districts=districts)
    if request.method == "POST" and form.is_valid():
        try:
            team = services.team_create(actor=request.user, organisation=organisation, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Team '%(name)s' is aangemaakt.") % {"name": team.name})
            return redirect("organisations:overview")
    return _team_form_page(request, form)


@admin_required
def team_edit(request, team_id):
    organisation = request.membership.organisation
    team = selectors.team_for_organisation(organisation=organisation, team_id=team_id)
    districts = selectors.districts_for_organisation(organisation=organisation)
    form = TeamForm(request.POST or None, districts=districts, initial={"name": team.name, "district": team.district})
    if request.method == "POST" and form.is_valid():
        try:
            services.team_update(actor=request.user, team=team, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Team '%(name)s' is opgeslagen.") % {"name": team.name})
            return redirect("organisations:overview")
    return _team_form_page(request, form, team)


# --- Districts -----------------------------------------------------------------------------------------


@admin_required
def district_create(request):
    organisation = request.membership.organisation
    form = DistrictForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            district = services.district_create(actor=request.user, organisation=organisation, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Wijk '%(name)s' is aangemaakt.") % {"name": district.name})
            return redirect("organisations:overview")
    return render(request, "organisations/district_form.html", {"form": form, "district": None})


@admin_required
def district_edit(request, district_id):
    organisation = request.membership.organisation
    district = selectors.district_for_organisation(organisation=organisation, district_id=district_id)
    form = DistrictForm(request.POST or None, initial={"name": district.name})
    if request.method == "POST" and form.is_valid():
        try:
            services.district_update(actor=request.user, district=district, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Wijk '%(name)s' is opgeslagen.") % {"name": district.name})
            return redirect("organisations:overview")
    return render(request, "organisations/district_form.html", {"form": form, "district": district})


# --- Users ---------------------------------------------------------------------------------------------


@admin_required
def user_create(request):
    organisation = request.membership.organisation
    teams = selectors.teams_for_organisation(organisation=organisation)
    form = UserCreateForm(request.POST or None, teams=teams)
    if request.method == "POST" and form.is_valid():
        chose_password = bool(form.cleaned_data["password"])
        try:
            membership, password = services.user_create(
                actor=request.user, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            # Shown once, in this response only: it is never stored in plain text nor put in a URL.
            return render(
                request,
                "organisations/password_once.html",
                {"member": membership, "password": None if chose_password else password, "created": True},
            )
    return render(request, "organisations/user_form.html", {"form": form})


@admin_required
def user_edit(request, membership_id):
    organisation = request.membership.organisation
    member = selectors.membership_for_organisation(organisation=organisation, membership_id=membership_id)
    teams = selectors.teams_for_organisation(organisation=organisation)
    form = MembershipForm(request.POST or None, teams=teams, initial={"role": member.role, "team": member.team})
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_update(actor=request.user, membership=member, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De gegevens van %(email)s zijn opgeslagen.") % {"email": member.user.email})
            return redirect("organisations:overview")
    return render(
        request,
        "organisations/user_edit.html",
        {
            "form": form,
            "member": member,
            "is_self": member.user == request.user,
            "has_mfa": mfa.has_confirmed_device(member.user),
        },
    )


def _set_active(request, membership_id, active: bool):
    organisation = request.membership.organisation
    member = selectors.membership_for_organisation(organisation=organisation, membership_id=membership_id)
    try:
        services.membership_set_active(actor=request.user, membership=member, active=active)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("organisations:user_edit", membership_id=member.pk)
    if active:
        messages.success(request, _("%(email)s is weer actief.") % {"email": member.user.email})
    else:
        messages.success(
            request, _("%(email)s is gedeactiveerd en kan niet meer inloggen.") % {"email": member.user.email}
        )
    return redirect("organisations:overview")


@admin_required
@require_POST
def user_deactivate(request, membership_id):
    return _set_active(request, membership_id, active=False)


@admin_required
@require_POST
def user_activate(request, membership_id):
    return _set_active(request, membership_id, active=True)


@admin_required
@require_POST
def user_reset_password(request, membership_id):
    organisation = request.membership.organisation
    member = selectors.membership_for_organisation(organisation=organisation, membership_id=membership_id)
    password = services.membership_reset_password(actor=request.user, membership=member)
    return render(
        request, "organisations/password_once.html", {"member": member, "password": password, "created": False}
    )


@admin_required
@require_POST
def user_reset_mfa(request, membership_id):
    """A lost phone: remove the user's app and recovery codes; they link a new app at their next sign-in."""
    organisation = request.membership.organisation
    member = selectors.membership_for_organisation(organisation=organisation, membership_id=membership_id)
    account_services.mfa_reset(actor=request.user, user=member.user)
    messages.success(
        request,
        _(
            "De tweestapsverificatie van %(email)s is verwijderd. Bij de volgende keer inloggen koppelt hij of zij "
            "een nieuwe app."
        )
        % {"email": member.user.email},
    )
    return redirect("organisations:user_edit", membership_id=member.pk)


# --- Look and settings ---------------------------------------------------------------------------------


@admin_required
def settings_edit(request):
    organisation = request.membership.organisation
    form = OrganisationSettingsForm(
        request.POST or None,
        initial={
            "display_name": organisation.display_name,
            "primary_colour": organisation.primary_colour,
            "plan_horizon_months": organisation.plan_horizon_months,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update_settings(actor=request.user, organisation=organisation, **form.cleaned_data)
        except ValidationError as exc:
            organisation.refresh_from_db()
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De instellingen zijn opgeslagen."))
            return redirect("organisations:overview")
    return render(request, "organisations/settings_form.html", {"form": form, "organisation": organisation})


# --- National admin ------------------------------------------------------------------------------------


@national_admin_required
def organisation_list(request):
    return render(
        request, "organisations/organisation_list.html", {"organisations": selectors.organisations_overview()}
    )


@national_admin_required
def organisation_create(request):
    form = OrganisationCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation, membership, password = services.organisation_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return render(
                request,
                "organisations/organisation_created.html",
                {"organisation": organisation, "member": membership, "password": password},
            )
    return render(request, "organisations/organisation_form.html", {"form": form})


@require_GET
def branding_css(request):
    """The municipality's local look as a stylesheet (a strict CSP forbids inline styles)."""
    membership = getattr(request, "membership", None)
    colour = membership.organisation.primary_colour if membership else "#1a5f8c"
    response = render(request, "organisations/branding.css", {"colour": colour}, content_type="text/css")
    response["Cache-Control"] = "private, max-age=300"
    return response
