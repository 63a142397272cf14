"""Writes to organisations, teams, districts and memberships. Each function is one transaction that also
writes its audit event (ids and codes only)."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from doorbraak.accounts import throttle
from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record, processing_activities_seed

from .constants import Role
from .contrast import MINIMUM_TEXT_CONTRAST, white_text_contrast
from .models import District, Membership, Organisation, Team, hex_colour

PLAN_HORIZON_MIN_MONTHS = 1
PLAN_HORIZON_MAX_MONTHS = 24

# Letters and digits that cannot be mistaken for each other when read from a screen.
_UNAMBIGUOUS_CHARS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789"


def generate_one_time_password() -> str:
    """A random first password such as ``kX7m-Qp3a-Zt9w-Hc4e`` to hand over once."""
    chars = "".join(secrets.choice(_UNAMBIGUOUS_CHARS) for _ in range(16))
    return "-".join(chars[i : i + 4] for i in range(0, 16, 4))


def _require_same_organisation(organisation: Organisation, *objects) -> None:
    for obj in objects:
        if obj is not None and obj.organisation_id != organisation.pk:
            raise ValidationError(_("Dit onderdeel hoort niet bij uw organisatie."))


def _name_taken(model, organisation: Organisation, name: str, exclude_pk=None) -> bool:
    qs = model.objects.filter(organisation=organisation, name__iexact=name.strip())
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    return qs.exists()


# --- Teams and districts -------------------------------------------------------------------------------


@transaction.atomic
def team_create(*, actor, organisation: Organisation, name: str, district: District | None = None) -> Team:
    _require_same_organisation(organisation, district)
    name = name.strip()
    if _name_taken(Team, organisation, name):
        raise ValidationError({"name": _("Er bestaat al een team met de naam '%(name)s'.") % {"name": name}})
    team = Team(organisation=organisation, name=name, district=district)
    team.full_clean()
    team.save()
    audit_record(
        actor=actor,
        organisation=organisation,
        action=AuditAction.TEAM_CREATE,
        obj=team,
        district=district and district.pk,
    )
    return team


@transaction.atomic
def team_update(*, actor, team: Team, name: str, district: District | None) -> Team:
    """Rename a team and/or link it to a district (``None`` unlinks it)."""
    _require_same_organisation(team.organisation, district)
    name = name.strip()
    if _name_taken(Team, team.organisation, name, exclude_pk=team.pk):
        raise ValidationError({"name": _("Er bestaat al een team met de naam '%(name)s'.") % {"name": name}})
    team.name = name
    team.district = district
    team.full_clean()
    team.save()
    audit_record(
        actor=actor,
        organisation=team.organisation,
        action=AuditAction.TEAM_UPDATE,
        obj=team,
        district=district and district.pk,
    )
    return team


@transaction.atomic
def district_create(*, actor, organisation: Organisation, name: str) -> District:
    name = name.strip()
    if _name_taken(District, organisation, name):
        raise ValidationError({"name": _("Er bestaat al een wijk met de naam '%(name)s'.") % {"name": name}})
    district = District(organisation=organisation, name=name)
    district.full_clean()
    district.save()
    audit_record(actor=actor, organisation=organisation, action=AuditAction.DISTRICT_CREATE, obj=district)
    return district


@transaction.atomic
def district_update(*, actor, district: District, name: str) -> District:
    name = name.strip()
    if _name_taken(District, district.organisation, name, exclude_pk=district.pk):
        raise ValidationError({"name": _("Er bestaat al een wijk met de naam '%(name)s'.") % {"name": name}})
    district.name = name
    district.full_clean()
    district.save()
    audit_record(actor=actor, organisation=district.organisation, action=AuditAction.DISTRICT_UPDATE, obj=district)
    return district


# --- Users and memberships -----------------------------------------------------------------------------


@transaction.atomic
def user_create(
    *,
    actor,
    organisation: Organisation,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    team: Team | None = None,
    password: str = "",
) -> tuple[Membership, str]:
    """Create a user with a membership. Returns the membership and the password to hand over: ``password``
    when given (it must pass the password rules), otherwise a generated one-time password."""
    User = get_user_model()  # noqa: N806
    _require_same_organisation(organisation, team)
    email = User.objects.normalize_email(email.strip()).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("Er bestaat al een account met dit e-mailadres.")})
    if role not in Role.values:
        raise ValidationError({"role": _("Kies een bestaande rol.")})
    user = User(email=email, first_name=first_name.strip(), last_name=last_name.strip())
    if password:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ValidationError({"password": exc.messages}) from None
    else:
        password = generate_one_time_password()
    user.set_password(password)
    user.full_clean(exclude=["password", "username"])
    user.save()
    membership = Membership(user=user, organisation=organisation, role=role, team=team)
    membership.full_clean()
    membership.save()
    audit_record(
        actor=actor,
        organisation=organisation,
        action=AuditAction.MEMBERSHIP_CREATE,
        obj=membership,
        user=user.pk,
        role=role,
        team=team and team.pk,
    )
    return membership, password


@transaction.atomic
def membership_update(*, actor, membership: Membership, role: str, team: Team | None) -> Membership:
    """Change a user's role and/or team. An admin cannot take away their own admin role (no lock-out)."""
    _require_same_organisation(membership.organisation, team)
    if role not in Role.values:
        raise ValidationError({"role": _("Kies een bestaande rol.")})
    if membership.user_id == actor.pk and role != membership.role:
        raise ValidationError({"role": _("U kunt uw eigen rol niet wijzigen. Vraag een andere beheerder.")})
    old_role, old_team = membership.role, membership.team_id
    membership.role = role
    membership.team = team
    membership.full_clean()
    membership.save(update_fields=["role", "team"])
    audit_record(
        actor=actor,
        organisation=membership.organisation,
        action=AuditAction.MEMBERSHIP_UPDATE,
        obj=membership,
        user=membership.user_id,
        from_role=old_role,
        role=role,
        from_team=old_team,
        team=team and team.pk,
    )
    return membership


@transaction.atomic
def membership_set_active(*, actor, membership: Membership, active: bool) -> Membership:
    """(De)activate a user. Users are never deleted: audit events keep pointing at them. A deactivated
    user cannot log in and any open session ends."""
    if membership.user_id == actor.pk and not active:
        raise ValidationError(_("U kunt uw eigen account niet deactiveren."))
    user = membership.user
    membership.is_active = active
    membership.save(update_fields=["is_active"])
    user.is_active = active
    user.save(update_fields=["is_active"])
    audit_record(
        actor=actor,
        organisation=membership.organisation,
        action=AuditAction.MEMBERSHIP_ACTIVATE if active else AuditAction.MEMBERSHIP_DEACTIVATE,
        obj=membership,
        user=user.pk,
    )
    return membership


@transaction.atomic
def membership_reset_password(*, actor, membership: Membership) -> str:
    """Give the user a new one-time password (returned once, to show on screen; never stored in plain). A sign-in
    back-off for the account ends: the new password works right away."""
    password = generate_one_time_password()
    user = membership.user
    user.set_password(password)
    user.save(update_fields=["password"])
    throttle.reset_account(user.email)
    audit_record(
        actor=actor,
        organisation=membership.organisation,
        action=AuditAction.MEMBERSHIP_PASSWORD_RESET,
        obj=membership,
        user=user.pk,
    )
    return password


# --- The organisation itself ---------------------------------------------------------------------------


def validate_primary_colour(colour: str) -> str:
    """A ``#rrggbb`` colour on which white text has enough contrast (WCAG 1.4.3, 4.5:1)."""
    colour = colour.strip().lower()
    hex_colour(colour)
    ratio = white_text_contrast(colour)
    if ratio < MINIMUM_TEXT_CONTRAST:
        raise ValidationError(
            _(
                "Witte tekst op kleur %(colour)s heeft een contrast van %(ratio)s:1; dat moet minstens 4,5:1 zijn "
                "om goed leesbaar te zijn. Kies een donkerdere kleur."
            )
            % {"colour": colour, "ratio": f"{ratio:.2f}".replace(".", ",")}
        )
    return colour


def validate_plan_horizon(months: int) -> None:
    if not PLAN_HORIZON_MIN_MONTHS <= months <= PLAN_HORIZON_MAX_MONTHS:
        raise ValidationError(
            _("Kies een termijn tussen %(min)s en %(max)s maanden.")
            % {"min": PLAN_HORIZON_MIN_MONTHS, "max": PLAN_HORIZON_MAX_MONTHS}
        )


@transaction.atomic
def organisation_update_settings(
    *, actor, organisation: Organisation, display_name: str, primary_colour: str, plan_horizon_months: int
) -> Organisation:
    errors: dict[str, list[str]] = {}
    try:
        primary_colour = validate_primary_colour(primary_colour)
    except ValidationError as exc:
        errors["primary_colour"] = exc.messages
    try:
        validate_plan_horizon(plan_horizon_months)
    except ValidationError as exc:
        errors["plan_horizon_months"] = exc.messages
    if errors:
        raise ValidationError(errors)
    organisation.display_name = display_name.strip()
    organisation.primary_colour = primary_colour
    organisation.plan_horizon_months = plan_horizon_months
    organisation.full_clean()
    organisation.save(update_fields=["display_name", "primary_colour", "plan_horizon_months"])
    audit_record(
        actor=actor,
        organisation=organisation,
        action=AuditAction.ORGANISATION_UPDATE,
        obj=organisation,
        primary_colour=primary_colour,
        plan_horizon_months=plan_horizon_months,
    )
    return organisation


@transaction.atomic
def organisation_create(
    *,
    actor,
    name: str,
    slug: str = "",
    display_name: str = "",
    primary_colour: str = "#1a5f8c",
    admin_email: str,
    admin_first_name: str,
    admin_last_name: str,
    admin_password: str = "",
) -> tuple[Organisation, Membership, str]:
    """National admin: a new tenant with its first functional admin. Returns the organisation, the admin's
    membership and the admin's (one-time) password."""
    if not getattr(actor, "is_national_admin", False):
        raise ValidationError(_("Alleen een landelijk beheerder kan een organisatie aanmaken."))
    name = name.strip()
    slug = slugify(slug or name)
    if Organisation.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": _("De korte naam '%(slug)s' is al in gebruik.") % {"slug": slug}})
    try:
        primary_colour = validate_primary_colour(primary_colour)
    except ValidationError as exc:
        raise ValidationError({"primary_colour": exc.messages}) from None
    organisation = Organisation(name=name, slug=slug, display_name=display_name.strip(), primary_colour=primary_colour)
    organisation.full_clean()
    organisation.save()
    audit_record(actor=actor, organisation=organisation, action=AuditAction.ORGANISATION_CREATE, obj=organisation)
    processing_activities_seed(organisation=organisation)
    try:
        membership, password = user_create(
            actor=actor,
            organisation=organisation,
            email=admin_email,
            first_name=admin_first_name,
            last_name=admin_last_name,
            role=Role.FUNCTIONAL_ADMIN,
            password=admin_password,
        )
    except ValidationError as exc:
        # Report the admin's fields under the names the national admin's form uses.
        if hasattr(exc, "error_dict"):
            raise ValidationError({f"admin_{k}": v for k, v in exc.error_dict.items()}) from None
        raise
    return organisation, membership, password
