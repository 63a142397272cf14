"""Reads for the household's rights: which household, what the access export holds, which terms apply."""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from doorbraak.audit.models import AuditEvent
from doorbraak.audit.selectors import events_about
from doorbraak.core.formatting import format_number
from doorbraak.core.privacy import household_data
from doorbraak.households.models import Household
from doorbraak.organisations.models import Organisation

from .models import RetentionPolicy

# A technical idempotency token, not information about the household.
NOT_EXPORTED = {"creation_token"}

# Dutch labels for the fields that have no verbose name of their own (Django then shows the English field name).
FIELD_LABELS = {
    "actor": _lazy("door"),
    "article": _lazy("artikel"),
    "article_version": _lazy("versie van het artikel"),
    "at": _lazy("tijdstip"),
    "breakthrough_version": _lazy("versie doorbraak"),
    "closed_at": _lazy("afgerond op"),
    "created_at": _lazy("aangemaakt op"),
    "created_by": _lazy("aangemaakt door"),
    "decided_by": _lazy("besloten door"),
    "from_status": _lazy("van status"),
    "heading": _lazy("opschrift"),
    "note_version": _lazy("versie van de notitie"),
    "template": _lazy("sjabloon"),
    "household": _lazy("huishouden"),
    "id": _lazy("nummer"),
    "kind": _lazy("soort"),
    "law_short": _lazy("wet"),
    "law_title": _lazy("titel van de wet"),
    "level": _lazy("niveau"),
    "local_article": _lazy("lokale regel"),
    "national_article": _lazy("wetsartikel"),
    "opened_by": _lazy("voorgelegd door"),
    "organisation": _lazy("gemeente"),
    "owner": _lazy("eigenaar"),
    "paragraph": _lazy("lid"),
    "partner": _lazy("partner"),
    "perspective_version": _lazy("versie perspectief"),
    "plan": _lazy("plan"),
    "price_source_url": _lazy("adres van de prijsbron"),
    "recorded_at": _lazy("vastgelegd op"),
    "recorded_by": _lazy("vastgelegd door"),
    "retired_at": _lazy("vervallen op"),
    "scenario": _lazy("scenario"),
    "situation_version": _lazy("versie situatie"),
    "status": _lazy("status"),
    "summary": _lazy("samenvatting"),
    "tags": _lazy("labels"),
    "tags_version": _lazy("versie labels"),
    "team": _lazy("team"),
    "to_status": _lazy("naar status"),
    "updated_at": _lazy("gewijzigd op"),
    "url": _lazy("adres"),
    "valid_from": _lazy("geldig vanaf"),
    "valid_until": _lazy("geldig tot"),
    "version": _lazy("versie"),
    "withdrawn_by": _lazy("ingetrokken door"),
}


def _label(f) -> str:
    """The field's Dutch name: its own verbose name, or ours when Django made one from the English field name."""
    if str(f.verbose_name) in {f.name.replace("_", " "), "ID"} and f.name in FIELD_LABELS:
        return str(FIELD_LABELS[f.name])
    return str(f.verbose_name)


def _organisation_of(user) -> Organisation:
    membership = getattr(user, "membership", None)
    if membership is None or not membership.is_active:
        raise Http404
    return membership.organisation


def household_by_reference(*, user, reference: str) -> Household | None:
    """The household with this reference in the user's own municipality; None for an unknown reference and for
    another municipality's (the answer is the same, so it reveals nothing)."""
    organisation = _organisation_of(user)
    return Household.objects.filter(organisation=organisation, reference=reference.strip().upper()).first()


def household_for_access_request(*, user, household_id) -> Household:
    """One household of the user's municipality, or 404 (also for another municipality's)."""
    organisation = _organisation_of(user)
    try:
        return Household.objects.select_related("organisation", "team").get(pk=household_id, organisation=organisation)
    except (Household.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def retention_policy_for(*, organisation: Organisation) -> RetentionPolicy:
    """The municipality's terms; an unsaved policy with the defaults when it never set them."""
    try:
        return organisation.retention_policy
    except RetentionPolicy.DoesNotExist:
        return RetentionPolicy(organisation=organisation)


# --- The access export (AVG art. 15) ----------------------------------------------------------------------


@dataclass
class ExportSection:
    """The rows of one model: ``records`` as stored (for JSON), ``shown`` as label/text pairs (for the PDF)."""

    model: str
    title: str
    records: list[dict] = field(default_factory=list)
    shown: list[list[tuple[str, str]]] = field(default_factory=list)


@dataclass
class AccessExport:
    household: Household
    generated_at: datetime
    sections: list[ExportSection]
    events: list[AuditEvent]

    @property
    def record_count(self) -> int:
        return sum(len(section.records) for section in self.sections)

    def as_json(self) -> dict:
        return {
            "soort": "inzageverzoek-avg-artikel-15",
            "gemeente": str(self.household.organisation),
            "huishouden": self.household.reference,
            "gemaakt_op": self.generated_at.isoformat(),
            "onderdelen": [
                {"model": section.model, "titel": section.title, "gegevens": section.records}
                for section in self.sections
            ],
            "verwerkingen": [_event_row(event) for event in self.events],
        }


def _stored(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    return value


def _shown(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value), "j F Y H:i")
    if isinstance(value, date):
        return date_format(value, "j F Y")
    if isinstance(value, Decimal):
        return format_number(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "—"
    return str(value)


def _user_model_label() -> str:
    return settings.AUTH_USER_MODEL.lower()


def _row(obj: models.Model) -> tuple[dict, list[tuple[str, str]]]:
    stored, shown = {}, []
    for f in obj._meta.concrete_fields:
        if f.name in NOT_EXPORTED:
            continue
        label = _label(f)
        if f.is_relation:
            related_id = getattr(obj, f.attname)
            stored[f.attname] = _stored(related_id)
            if related_id is None:
                text = "—"
            elif f.related_model._meta.label_lower == _user_model_label():
                # Employees are named by number: the household has a right to know what was done, not who
                # at the municipality is called what (the functional admin can tell them on request).
                text = _("medewerker %(id)s") % {"id": related_id}
            else:
                text = str(getattr(obj, f.name))
            shown.append((label, text))
            continue
        value = getattr(obj, f.attname)
        stored[f.attname] = _stored(value)
        shown.append((label, str(getattr(obj, f"get_{f.name}_display")()) if f.choices else _shown(value)))
    for f in obj._meta.many_to_many:
        related = list(getattr(obj, f.name).all())
        stored[f.name] = [str(r.pk) for r in related]
        shown.append((_label(f), ", ".join(str(r) for r in related) or "—"))
    return stored, shown


def _event_row(event) -> dict:
    membership = getattr(event.actor, "membership", None) if event.actor_id else None
    return {
        "tijdstip": timezone.localtime(event.at).isoformat(),
        "actie": event.action,
        "omschrijving": event.get_action_display(),
        "medewerker": event.actor_id,
        "rol": membership.get_role_display() if membership is not None else "",
        "object": event.object_type,
        "object_id": event.object_id,
        "details": event.extra,
    }


def access_export(*, household: Household) -> AccessExport:
    """Every record of every registered model (doorbraak/core/privacy.py) about ``household``, with the audit
    events about any of them: what the municipality holds and who read or changed it."""
    sections, about = [], {}
    for holding in household_data():
        queryset = holding.model.objects.filter(**{holding.household_path: household.pk})
        shown_related = [
            f.name
            for f in holding.model._meta.concrete_fields
            if f.is_relation and f.related_model._meta.label_lower != _user_model_label()
        ]
        queryset = queryset.select_related(*shown_related)
        if holding.model._meta.many_to_many:
            queryset = queryset.prefetch_related(*(f.name for f in holding.model._meta.many_to_many))
        section = ExportSection(model=holding.label, title=holding.heading)
        for obj in queryset:
            stored, shown = _row(obj)
            section.records.append(stored)
            section.shown.append(shown)
            about.setdefault(holding.label, []).append(str(obj.pk))
        sections.append(section)
    events = events_about(organisation=household.organisation, objects=about).order_by("at", "id")
    return AccessExport(
        household=household,
        generated_at=timezone.now(),
        sections=sections,
        events=list(events),
    )
