"""Writes for the plan's return page (the professional): the sheet, the lines and whole scenarios. Each
function is one transaction that also writes its audit event; each checks that the scenario may still change
in the plan's status."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.services import audit_record
from doorbraak.core.exceptions import ConflictError
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.models import Plan
from doorbraak.plans.services import plan_record_edit

from ..constants import DEFAULT_HORIZON_MONTHS, BudgetStatus, PriceOrigin, Scenario
from ..models import CostLine, CostSheet, PriceItem
from ..selectors.pricing import resolve_item_price, resolve_tariff_price, sheet_info

# Lines of the three plan scenarios can change while the plan is a draft; realised lines during follow-up.
COSTS_EDITABLE = frozenset({PlanStatus.CONCEPT})
REALISED_EDITABLE = frozenset({PlanStatus.APPROVED, PlanStatus.IN_PROGRESS, PlanStatus.EVALUATED})

LINE_FIELDS = (
    "scenario",
    "item",
    "tariff",
    "description",
    "quantity",
    "quantity_low",
    "quantity_high",
    "probability",
    "funding_stream",
    "cashable",
    "paid_from_budget",
)


def scenario_editable(plan: Plan, scenario: str) -> bool:
    """Whether lines of this scenario may change in the plan's current status (the user's right to edit the
    plan is checked separately, by plans.selectors.can_edit_plan)."""
    return plan.status in (REALISED_EDITABLE if scenario == Scenario.REALISED else COSTS_EDITABLE)


def _require_editable(plan: Plan, scenario: str) -> None:
    if not scenario_editable(plan, scenario):
        raise ValidationError(
            _("Dit plan heeft de status '%(status)s'; dit scenario kan niet meer worden gewijzigd.")
            % {"status": plan.get_status_display()}
        )


def _locked_plan(plan: Plan) -> Plan:
    return Plan.objects.select_for_update().get(pk=plan.pk)


def ensure_sheet(*, plan: Plan) -> CostSheet:
    sheet = CostSheet.objects.filter(plan=plan).first()
    if sheet is None:
        sheet = CostSheet(
            plan=plan,
            organisation_id=plan.organisation_id,
            reference_date=timezone.localdate(plan.created_at),
            horizon_months=DEFAULT_HORIZON_MONTHS,
        )
        sheet.full_clean(exclude=["plan"])
        sheet.save()
    return sheet


@transaction.atomic
def sheet_update(*, actor, plan: Plan, reference_date: date, horizon_months: int, version: int) -> CostSheet:
    plan = _locked_plan(plan)
    _require_editable(plan, Scenario.PLAN)
    sheet = ensure_sheet(plan=plan)
    sheet = CostSheet.objects.select_for_update().get(pk=sheet.pk)
    if version != sheet.version:
        raise ConflictError(
            {"reference_date": sheet.reference_date, "horizon_months": sheet.horizon_months}, sheet.version
        )
    sheet.reference_date = reference_date
    sheet.horizon_months = horizon_months
    sheet.version += 1
    sheet.full_clean()
    sheet.save()
    audit_record(actor=actor, organisation=plan.organisation, action=AuditAction.COSTS_SHEET_UPDATE, obj=plan)
    plan_record_edit(plan=plan)
    return sheet


def _save_note(*, actor, plan: Plan, obj, note: str, version: int, action: AuditAction, **extra) -> None:
    """Store the free-text note of a sheet or line (``obj``, locked) on top of ``version`` (its own lock)."""
    if version != obj.note_version:
        raise ConflictError({"note": obj.note}, obj.note_version)
    if obj.note == note:
        return
    obj.note = note
    obj.note_version += 1
    obj.save(update_fields=["note", "note_version"])
    audit_record(actor=actor, organisation=plan.organisation, action=action, obj=plan, part="note", **extra)
    plan_record_edit(plan=plan)


@transaction.atomic
def sheet_note_update(*, actor, plan: Plan, note: str, version: int) -> CostSheet:
    """The explanation under the return sum, in the professional's words (autosaves)."""
    plan = _locked_plan(plan)
    _require_editable(plan, Scenario.PLAN)
    sheet = CostSheet.objects.select_for_update().get(pk=ensure_sheet(plan=plan).pk)
    _save_note(actor=actor, plan=plan, obj=sheet, note=note, version=version, action=AuditAction.COSTS_SHEET_UPDATE)
    return sheet


@transaction.atomic
def line_note_update(*, actor, line: CostLine, note: str, version: int) -> CostLine:
    """The note of one cost line (why this quantity, what it covers); its own version, not the line's."""
    plan = _locked_plan(line.plan)
    stored = CostLine.objects.select_for_update().filter(pk=line.pk).first()
    if stored is None:
        raise ValidationError(_("Deze regel bestaat niet meer."))
    _require_editable(plan, stored.scenario)
    _save_note(
        actor=actor,
        plan=plan,
        obj=stored,
        note=note,
        version=version,
        action=AuditAction.COSTS_LINE_UPDATE,
        line=str(stored.pk),
    )
    return stored


def apply_price(line: CostLine, *, plan: Plan, manual_price: Decimal | None, manual_reason: str) -> None:
    """Resolve the unit price of an unsaved or locked line: manual with a reason > local tariff on the
    reference date > national list. Saves nothing (the line services, and the demo's seeding, save)."""
    manual_reason = (manual_reason or "").strip()
    is_free = line.item_id is None and line.tariff_id is None
    if is_free:
        if manual_price is None:
            raise ValidationError({"manual_price": _("Vul bij een vrije regel een prijs per eenheid in.")})
        if not line.description.strip():
            raise ValidationError({"description": _("Geef een vrije regel een omschrijving.")})
    if manual_price is not None:
        if not is_free and not manual_reason:
            raise ValidationError({"manual_reason": _("Geef een reden voor de handmatige prijs.")})
        line.unit_price = manual_price
        line.price_origin = PriceOrigin.FREE if is_free else PriceOrigin.MANUAL
        line.manual_reason = manual_reason
        line.price_source = manual_reason if not is_free else _("eigen bedrag")
        line.price_source_url = ""
        line.price_year = None
        line.price_level_year = None
        line.indexed = False
        line.index_note = ""
        line.is_estimate = False
        if line.item_id and not line.unit:
            line.unit = line.item.unit
        return
    info = sheet_info(plan=plan)
    if line.tariff_id:
        resolution = resolve_tariff_price(tariff=line.tariff)
    else:
        resolution = resolve_item_price(
            organisation=plan.organisation,
            item=line.item,
            reference_date=info.reference_date,
            level_year=info.price_level_year,
        )
        if resolution is None:
            raise ValidationError({"item": _("Voor deze post is nog geen prijs bekend; vul een handmatige prijs in.")})
    line.unit_price = resolution.amount
    line.price_origin = resolution.origin
    line.price_source = resolution.source[:400]
    line.price_source_url = resolution.source_url[:500]
    line.price_year = resolution.year
    line.price_level_year = resolution.price_level_year
    line.indexed = resolution.indexed
    line.index_note = resolution.index_note[:300]
    line.is_estimate = resolution.is_estimate
    line.manual_reason = ""
    line.unit = resolution.unit


def _defaults_from_source(line: CostLine, data: dict) -> None:
    """Funding stream and cashable follow the item or tariff unless the form gave them."""
    source = line.tariff or line.item
    if source is not None:
        if not data.get("funding_stream"):
            line.funding_stream = source.funding_stream
        if data.get("cashable") is None:
            line.cashable = source.cashable


def _check_range(line: CostLine) -> None:
    errors = {}
    if line.quantity_low is not None and line.quantity_low > line.quantity:
        errors["quantity_low"] = _("Het lage aantal mag niet hoger zijn dan het aantal.")
    if line.quantity_high is not None and line.quantity_high < line.quantity:
        errors["quantity_high"] = _("Het hoge aantal mag niet lager zijn dan het aantal.")
    if line.paid_from_budget and line.scenario != Scenario.PLAN:
        errors["paid_from_budget"] = _("Alleen regels in het scenario 'met het plan' kunnen uit het Doorbraakbudget.")
    if errors:
        raise ValidationError(errors)


def _locked_line(line: CostLine, version: int, *, missing_ok: bool = False) -> tuple[Plan, CostLine | None]:
    """Lock the plan and the stored line, check that its scenario may change and that ``version`` is current.
    A line that no longer exists is refused, or returned as None with ``missing_ok``."""
    plan = _locked_plan(line.plan)
    stored = CostLine.objects.select_for_update().filter(pk=line.pk).first()
    if stored is None and not missing_ok:
        raise ValidationError(_("Deze regel bestaat niet meer."))
    if stored is not None:
        _require_editable(plan, stored.scenario)
        if version != stored.version:
            raise ConflictError({"quantity": stored.quantity, "unit_price": stored.unit_price}, stored.version)
    return plan, stored


def _save_line(*, actor, plan: Plan, line: CostLine, action: AuditAction) -> CostLine:
    line.full_clean(exclude=["plan", "organisation", "creation_token"])
    line.save()
    audit_record(
        actor=actor,
        organisation=plan.organisation,
        action=action,
        obj=plan,
        line=str(line.pk),
        scenario=line.scenario,
        origin=line.price_origin,
    )
    plan_record_edit(plan=plan)
    return line


@transaction.atomic
def line_add(
    *,
    actor,
    plan: Plan,
    data: dict,
    manual_price: Decimal | None = None,
    manual_reason: str = "",
    creation_token: uuid.UUID | None = None,
    from_template: bool = False,
) -> CostLine:
    """Add a line; ``from_template`` marks a line copied from a plan template until someone edits it."""
    if creation_token:
        existing = CostLine.objects.filter(creation_token=creation_token, plan=plan).first()
        if existing:
            return existing
    plan = _locked_plan(plan)
    _require_editable(plan, data["scenario"])
    ensure_sheet(plan=plan)
    line = CostLine(
        plan=plan, organisation_id=plan.organisation_id, creation_token=creation_token, from_template=from_template
    )
    for field in LINE_FIELDS:
        if field in data and data[field] is not None:
            setattr(line, field, data[field])
    line.description = (data.get("description") or "").strip()
    line.needs_confirmation = bool(data.get("needs_confirmation"))
    _defaults_from_source(line, data)
    if not line.funding_stream:
        raise ValidationError({"funding_stream": _("Kies een financieringsstroom.")})
    apply_price(line, plan=plan, manual_price=manual_price, manual_reason=manual_reason)
    _check_range(line)
    if line.paid_from_budget:
        line.budget_status = BudgetStatus.COMMITTED
    return _save_line(actor=actor, plan=plan, line=line, action=AuditAction.COSTS_LINE_ADD)


@transaction.atomic
def line_update(
    *, actor, line: CostLine, data: dict, version: int, manual_price: Decimal | None = None, manual_reason: str = ""
) -> CostLine:
    plan, stored = _locked_line(line, version)
    item_changed = ("item" in data and data["item"] != stored.item) or (
        "tariff" in data and data["tariff"] != stored.tariff
    )
    for field in LINE_FIELDS:
        if field in data and not (data[field] is None and field in ("funding_stream", "cashable")):
            setattr(stored, field, data[field])
    stored.description = (stored.description or "").strip()
    _require_editable(plan, stored.scenario)
    if item_changed:
        _defaults_from_source(stored, data)
    # A price stays as resolved unless the line's item changes or a manual price is given/removed.
    was_manual = stored.price_origin in (PriceOrigin.MANUAL, PriceOrigin.FREE)
    if manual_price is not None or item_changed or was_manual:
        apply_price(stored, plan=plan, manual_price=manual_price, manual_reason=manual_reason)
    _check_range(stored)
    if stored.paid_from_budget and not stored.budget_status:
        stored.budget_status = BudgetStatus.COMMITTED
    if not stored.paid_from_budget:
        stored.budget_status = ""
        stored.paid_at = None
    stored.needs_confirmation = False  # the professional has looked at the line and saved it
    stored.from_template = False  # edited: no longer the template's line
    stored.version += 1
    return _save_line(actor=actor, plan=plan, line=stored, action=AuditAction.COSTS_LINE_UPDATE)


@transaction.atomic
def line_confirm(*, actor, line: CostLine, version: int) -> CostLine:
    """The professional confirms a line the tool filled in ("klopt"); one without a quantity cannot be."""
    plan, stored = _locked_line(line, version)
    if not stored.needs_confirmation:
        return stored
    if not stored.quantity:
        raise ValidationError(
            {"quantity": _("Vul eerst het aantal in bij '%(label)s' (via Wijzigen).") % {"label": stored.label}}
        )
    stored.needs_confirmation = False
    stored.version += 1
    return _save_line(actor=actor, plan=plan, line=stored, action=AuditAction.COSTS_LINE_UPDATE)


@transaction.atomic
def line_reprice(*, actor, line: CostLine, version: int) -> CostLine:
    """Resolve the price again from the current tariffs and price list (explicit user action only)."""
    plan, stored = _locked_line(line, version)
    if stored.item_id is None and stored.tariff_id is None:
        return stored
    apply_price(stored, plan=plan, manual_price=None, manual_reason="")
    stored.from_template = False
    stored.version += 1
    return _save_line(actor=actor, plan=plan, line=stored, action=AuditAction.COSTS_LINE_REPRICE)


@transaction.atomic
def line_delete(*, actor, line: CostLine, version: int) -> None:
    plan, stored = _locked_line(line, version, missing_ok=True)
    if stored is None:
        return
    if stored.budget_status == BudgetStatus.PAID:
        raise ValidationError(_("Deze regel is al betaald uit het Doorbraakbudget en kan niet worden verwijderd."))
    pk, scenario = str(stored.pk), stored.scenario
    stored.delete()
    audit_record(
        actor=actor,
        organisation=plan.organisation,
        action=AuditAction.COSTS_LINE_DELETE,
        obj=plan,
        line=pk,
        scenario=scenario,
    )
    plan_record_edit(plan=plan)


# Helper inventory -> price item: a keyword in the helper's agency or role names the post. Nothing is guessed
# from the life domain alone, and no quantity is invented: only a post whose unit is a whole trajectory gets 1.
HELPER_KEYWORDS = [
    ("bewind", "pw_bewind_standaard"),
    ("budgetbeheer", "sh_budgetbeheer"),
    ("schuldhulp", "sh_traject"),
    ("wijkteam", "gem_wijkteam_uur"),
    ("maatschappelijk werk", "gem_maatschappelijk_werk_contact"),
    ("poh", "zvw_poh_ggz_consult"),
    ("huisarts", "zvw_huisarts_consult"),
    ("ggz", "zvw_ggz_specialistisch_contact"),
    ("verslaving", "zvw_ggz_specialistisch_contact"),
    ("jeugdhulp", "jw_ambulant_hbo"),
    ("veilig thuis", "wmo_veilig_thuis_onderzoek"),
    ("politie", "jus_politie_inzet"),
    ("dagbesteding", "wmo_dagbesteding"),
    ("thuiszorg", "zvw_wijkverpleging"),
    ("wijkverpleging", "zvw_wijkverpleging"),
    ("huishoudelijk", "wmo_huishoudelijke_ondersteuning"),
    ("begeleiding", "wmo_begeleiding_individueel"),
]

# Units that describe the whole service: one of them is the quantity, not a guess.
WHOLE_UNITS = frozenset({"traject"})


def helper_mapping(helper) -> str | None:
    """The code of the price item the helper's agency or role names, or None."""
    text = f"{helper.agency} {helper.role}".lower()
    for keyword, code in HELPER_KEYWORDS:
        if keyword in text:
            return code
    return None


@dataclass(frozen=True)
class PrefillResult:
    created: int
    without_quantity: int  # lines whose quantity the professional still has to fill in
    unmatched: list[str]  # agencies no post matched; no line was made for them


@transaction.atomic
def scenario_prefill_current(*, actor, plan: Plan) -> PrefillResult:
    """Fill 'current' from the helper inventory: a line for each helper whose agency or role names a post of
    the price list (priced as always: local tariff first). Each line is marked to be confirmed; its quantity is
    left at 0 for the professional, unless the post's unit is one whole trajectory. Helpers no post matches get
    no line. Only when 'current' is still empty."""
    plan = _locked_plan(plan)
    _require_editable(plan, Scenario.CURRENT)
    if CostLine.objects.filter(plan=plan, scenario=Scenario.CURRENT).exists():
        raise ValidationError(
            _("De huidige situatie heeft al regels; vullen uit de hulpverleners kan alleen als die leeg is.")
        )
    helpers = list(plan.helpers.all())
    if not helpers:
        raise ValidationError(_("Dit plan heeft nog geen betrokken hulpverleners om over te nemen."))
    items = PriceItem.objects.filter(is_active=True).in_bulk(field_name="code")
    created = without_quantity = 0
    unmatched = []
    for helper in helpers:
        code = helper_mapping(helper)
        item = items.get(code) if code else None
        if item is None:
            unmatched.append(helper.agency)
            continue
        quantity = Decimal("1") if item.unit in WHOLE_UNITS else Decimal("0")
        data = {
            "scenario": Scenario.CURRENT,
            "item": item,
            "description": helper.agency[:200],
            "quantity": quantity,
            "needs_confirmation": True,
        }
        line_add(actor=actor, plan=plan, data=data)
        created += 1
        without_quantity += not quantity
    if not created:
        raise ValidationError(
            _("Geen van de hulpverleners past bij een post uit de prijslijst; voeg de regels zelf toe.")
        )
    return PrefillResult(created, without_quantity, unmatched)


@transaction.atomic
def suggestions_accept(*, actor, plan: Plan, suggestions: list) -> int:
    """Add the chosen suggested lines, all or nothing: if one cannot be added, none is, and the error names
    that line. ``suggestions`` are selectors.plan_return.Suggestion objects the page offered."""
    if not suggestions:
        raise ValidationError(_("Kies eerst een of meer voorgestelde regels."))
    for suggestion in suggestions:
        data = {
            "scenario": suggestion.scenario,
            "item": suggestion.item,
            "quantity": suggestion.quantity,
            "probability": suggestion.probability,
        }
        try:
            line_add(actor=actor, plan=plan, data=data)
        except ValidationError as exc:
            raise ValidationError(
                _("'%(name)s' (%(scenario)s) kon niet worden toegevoegd: %(reason)s Er is niets toegevoegd.")
                % {
                    "name": suggestion.item.name,
                    "scenario": Scenario(suggestion.scenario).label,
                    "reason": " ".join(exc.messages),
                }
            ) from exc
    return len(suggestions)


@transaction.atomic
def scenario_copy(*, actor, plan: Plan, source: str, target: str) -> int:
    """Copy the lines of one scenario into an empty one (prices as stored; nothing is re-resolved)."""
    plan = _locked_plan(plan)
    _require_editable(plan, target)
    if CostLine.objects.filter(plan=plan, scenario=target).exists():
        raise ValidationError(_("Het doelscenario heeft al regels; kopiëren kan alleen naar een leeg scenario."))
    lines = list(CostLine.objects.filter(plan=plan, scenario=source))
    for line in lines:
        line.pk = uuid.uuid4()
        line._state.adding = True
        line.scenario = target
        line.version = 0
        line.creation_token = None
        line.paid_from_budget = line.paid_from_budget and target == Scenario.PLAN
        line.budget_status = BudgetStatus.COMMITTED if line.paid_from_budget else ""
        line.paid_at = None
    CostLine.objects.bulk_create(lines)  # one insert, however many lines the scenario has
    audit_record(
        actor=actor,
        organisation=plan.organisation,
        action=AuditAction.COSTS_SCENARIO_COPY,
        obj=plan,
        source=source,
        target=target,
        count=len(lines),
    )
    plan_record_edit(plan=plan)
    return len(lines)
