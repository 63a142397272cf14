"""apply_retention: what is past its term goes, everything within it stays (travelling in time)."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from doorbraak.audit.constants import AuditAction
from doorbraak.audit.models import AuditEvent
from doorbraak.audit.services import audit_record
from doorbraak.core.privacy import household_data
from doorbraak.households.models import Household
from doorbraak.households.tests.factories import HouseholdFactory
from doorbraak.organisations.constants import Role
from doorbraak.organisations.tests.factories import TeamFactory, make_member
from doorbraak.plans.models import Plan, StatusChange
from doorbraak.privacy.models import RetentionPolicy

from .conftest import fill_household

AMS = ZoneInfo("Europe/Amsterdam")


def at(*args):
    return datetime(*args, tzinfo=AMS)


def end(plan, status, when, actor):
    """Move ``plan`` to ``status`` at ``when``, with the timeline row the workflow writes."""
    with time_machine.travel(when, tick=False):
        StatusChange.objects.create(plan=plan, from_status=plan.status, to_status=status, actor=actor)
        plan.status = status
        plan.save(update_fields=["status"])


def rows_of(*, households=(), plans=()):
    """How many rows every registered model holds for these households and plans."""
    counts = {}
    household_ids, plan_ids = [h.pk for h in households], [p.pk for p in plans]
    for holding in household_data():
        rows = holding.model.objects
        counts[holding.label] = rows.filter(**{f"{holding.household_path}__in": household_ids}).count()
        if holding.plan_path is not None:
            counts[f"{holding.label}@plan"] = rows.filter(**{f"{holding.plan_path}__in": plan_ids}).count()
    return counts


def run(*args):
    out = io.StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def world(org, other_org, team, professional):
    """Several households and plans in two municipalities, built over the years as the demo builds them."""
    RetentionPolicy.objects.create(organisation=org, case_file_years=10, audit_years=5)
    RetentionPolicy.objects.create(organisation=other_org, case_file_years=30, audit_years=30)
    other_team = TeamFactory(organisation=other_org, name="Wijkteam Anderstad")
    outsider = make_member(other_org, Role.PROFESSIONAL, team=other_team, email="p@anderstad.nl")
    w = {}
    with time_machine.travel(at(2026, 1, 10, 9), tick=False):
        for name in ("old", "recent", "boundary", "rejected", "reopened"):
            w[name], w[f"{name}_plans"] = fill_household(team=team, user=professional)
        w["mixed"], w["mixed_plans"] = fill_household(team=team, user=professional, plans=2)
        w["empty"] = HouseholdFactory(team=team, created_by=professional)
        w["other"], w["other_plans"] = fill_household(team=other_team, user=outsider)
        audit_record(actor=professional, organisation=org, action=AuditAction.PLAN_READ, obj=w["old_plans"][0])
        audit_record(actor=outsider, organisation=other_org, action=AuditAction.PLAN_READ, obj=w["other_plans"][0])
    end(w["old_plans"][0], "closed", at(2026, 2, 1), professional)
    end(w["mixed_plans"][0], "evaluated", at(2026, 2, 1), professional)
    end(w["recent_plans"][0], "closed", at(2030, 6, 1), professional)
    end(w["boundary_plans"][0], "closed", at(2026, 6, 2), professional)  # one day within the term on 2036-06-01
    end(w["rejected_plans"][0], "rejected", at(2026, 2, 1), professional)
    end(w["reopened_plans"][0], "evaluated", at(2026, 2, 1), professional)
    end(w["reopened_plans"][0], "in_progress", at(2027, 1, 1), professional)
    end(w["other_plans"][0], "closed", at(2026, 2, 1), outsider)
    for year in (2030, 2032):
        with time_machine.travel(at(year, 1, 1), tick=False):
            audit_record(actor=professional, organisation=org, action=AuditAction.PLAN_READ, obj=w["recent_plans"][0])
    return w


def test_retention_deletes_exactly_what_is_past_its_term(world):
    gone_households = [world["old"], world["empty"]]
    gone_plans = [world["old_plans"][0], world["mixed_plans"][0]]
    kept_households = [world[n] for n in ("mixed", "recent", "boundary", "rejected", "reopened", "other")]
    kept_plans = [p for n in ("recent", "boundary", "rejected", "reopened", "other") for p in world[f"{n}_plans"]]
    kept_plans.append(world["mixed_plans"][1])
    steady = [h for h in kept_households if h != world["mixed"]]  # the mixed household loses a plan
    kept_before = rows_of(households=steady, plans=kept_plans)
    assert all(kept_before.values())
    other_events = AuditEvent.objects.filter(organisation=world["other"].organisation).count()

    with time_machine.travel(at(2036, 6, 1, 3), tick=False):
        output = run()

    assert "voorbeeldstad: 2 plannen en 2 huishoudens geëindigd vóór 2026-06-01" in output
    assert "auditregels van vóór 2031-06-01: verwijderd." in output
    assert "anderstad: 0 plannen en 0 huishoudens" in output
    # Nothing past its term remains, in any model that holds household data.
    assert all(v == 0 for v in rows_of(households=gone_households, plans=gone_plans).values())
    assert not Household.objects.filter(pk__in=[h.pk for h in gone_households]).exists()
    # Everything within its term is untouched, row for row, also in the other municipality.
    assert rows_of(households=steady, plans=kept_plans) == kept_before
    # Audit detail older than its own term is gone; newer rows and the other municipality's stay.
    org = world["old"].organisation
    assert (
        not AuditEvent.objects.filter(organisation=org, at__lt=at(2031, 6, 1))
        .exclude(action__startswith="privacy.retention")
        .exists()
    )
    assert AuditEvent.objects.filter(organisation=org, at__year=2032, action=AuditAction.PLAN_READ).count() == 1
    assert AuditEvent.objects.filter(organisation=world["other"].organisation).count() == other_events + 1
    # The run is logged with ids only.
    deleted = AuditEvent.objects.filter(action=AuditAction.PRIVACY_RETENTION_DELETE)
    assert {(e.object_type, e.object_id) for e in deleted} == {
        *(("plans.plan", str(p.pk)) for p in gone_plans),
        *(("households.household", str(h.pk)) for h in gone_households),
    }


def test_kept_households_keep_every_row(world):
    """Row for row per household: the mixed household keeps its other plan and all household-level data."""
    kept = {n: rows_of(households=[world[n]]) for n in ("recent", "boundary", "rejected", "reopened", "other")}
    mixed_plan = world["mixed_plans"][1]
    mixed_before = rows_of(plans=[mixed_plan])
    with time_machine.travel(at(2036, 6, 1, 3), tick=False):
        run()
    assert {n: rows_of(households=[world[n]]) for n in kept} == kept
    assert rows_of(plans=[mixed_plan]) == mixed_before
    assert Plan.objects.filter(household=world["mixed"]).get() == mixed_plan
    assert world["mixed"].members.exists() and world["mixed"].consents.exists()


def test_dry_run_changes_nothing_and_a_second_run_finds_nothing(world):
    events, plans, households = AuditEvent.objects.count(), Plan.objects.count(), Household.objects.count()
    with time_machine.travel(at(2036, 6, 1, 3), tick=False):
        output = run("--dry-run")
        assert "voorbeeldstad: 2 plannen en 2 huishoudens" in output and "zou verwijderen" in output
        assert "Proefdraai: er is niets verwijderd." in output
        assert (AuditEvent.objects.count(), Plan.objects.count(), Household.objects.count()) == (
            events,
            plans,
            households,
        )
        run()
        after = (AuditEvent.objects.count(), Plan.objects.count(), Household.objects.count())
        second = run("--organisation", "voorbeeldstad")
    assert "voorbeeldstad: 0 plannen en 0 huishoudens" in second and ", 0 auditregels van" in second
    assert "anderstad" not in second
    # The second run only logged itself.
    assert (AuditEvent.objects.count(), Plan.objects.count(), Household.objects.count()) == (
        after[0] + 1,
        after[1],
        after[2],
    )
    last = AuditEvent.objects.order_by("-id").first()
    assert (last.action, last.extra["plans"], last.extra["households"]) == (AuditAction.PRIVACY_RETENTION_RUN, 0, 0)


def test_nothing_goes_before_the_term(world):
    plans, households = Plan.objects.count(), Household.objects.count()
    # The oldest plan ended on 2026-02-01 and the household without a plan was registered on 2026-01-10.
    with time_machine.travel(at(2036, 1, 9, 12), tick=False):
        output = run()
    assert "voorbeeldstad: 0 plannen en 0 huishoudens" in output
    assert (Plan.objects.count(), Household.objects.count()) == (plans, households)


def test_unknown_organisation_is_an_error(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Geen gemeente"):
        run("--organisation", "nergens")
