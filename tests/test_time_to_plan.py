"""Time-to-plan (issue 9, point 4): the active editing time counts edits on every side of the plan (block 1,
legitimacy, return, engagement) from the first edit to submission, with the idle cut-off; nothing after.

The clock is driven with time-machine; the figure is checked to the second, in the database and on the page.
"""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse

from doorbraak.costs.services.plan_return import line_add, sheet_note_update
from doorbraak.engagement.services import engagement_record_scores, engagement_save_forecast, engagement_update
from doorbraak.engagement.tests.factories import EXPECTED_SCORES, NOW_SCORES
from doorbraak.legal.models import LegalArticle
from doorbraak.legal.services import citation_add, citation_update, motivation_save
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.models import Plan
from doorbraak.plans.services import plan_item_add, plan_transition, plan_update_section

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
BREAKTHROUGH = {
    "breakthrough_description": "De gemeente betaalt de huurachterstand uit bijzondere bijstand.",
    "breakthrough_obstacle": "Eerdere afwijzing.",
    "breakthrough_exception": "Bijzondere bijstand ondanks de afwijzing.",
    "breakthrough_grantor": "Teamleider inkomen",
}


def at(hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2026, 3, 2, hour, minute, second, tzinfo=AMS)


def stored(plan) -> Plan:
    return Plan.objects.get(pk=plan.pk)


def test_edits_on_every_side_count_to_the_second_until_submission(plan, professional, time_machine):
    assert settings.ACTIVE_EDITING_IDLE_SECONDS == 300
    article = LegalArticle.objects.filter(law_short="Pw", article="35").first()

    time_machine.move_to(at(10, 0), tick=False)  # block 1: the first edit starts the clock
    plan_update_section(actor=professional, plan=plan, section="breakthrough", data=BREAKTHROUGH, version=0)
    assert stored(plan).active_editing_seconds == 0 and stored(plan).first_edited_at == at(10, 0)

    time_machine.move_to(at(10, 1, 30), tick=False)  # legitimacy: cite an article (+90 s)
    citation = citation_add(actor=professional, plan=plan, article=article, application="must")
    time_machine.move_to(at(10, 2, 10), tick=False)  # legitimacy: how it applies (+40 s)
    citation_update(actor=professional, citation=citation, application="must", motivation="Noodzakelijk.", version=0)
    time_machine.move_to(at(10, 3), tick=False)  # legitimacy: the motivation paragraph (+50 s)
    motivation_save(actor=professional, plan=plan, motivation="De wet laat dit toe.", version=0)
    assert stored(plan).active_editing_seconds == 180

    time_machine.move_to(at(10, 4, 10), tick=False)  # return: a cost line (+70 s)
    line_add(
        actor=professional,
        plan=plan,
        data={
            "scenario": "plan",
            "description": "Huurachterstand",
            "quantity": Decimal("1"),
            "funding_stream": "overig",
        },
        manual_price=Decimal("1500.00"),
        manual_reason="Offerte",
    )
    assert stored(plan).active_editing_seconds == 250

    time_machine.move_to(at(10, 9, 11), tick=False)  # engagement after a pause of 301 s: the pause does not count
    engagement_update(
        actor=professional, plan=plan, own_words="Rust.", goals="Een huis.", motivation="Regie.", version=0
    )
    assert stored(plan).active_editing_seconds == 250

    time_machine.move_to(at(10, 10), tick=False)  # return: the note under the sum (+49 s)
    sheet_note_update(actor=professional, plan=plan, note="Offerte van de verhuurder.", version=0)
    time_machine.move_to(at(10, 15), tick=False)  # engagement scores after exactly the cut-off: it counts (+300 s)
    engagement_save_forecast(
        actor=professional, plan=plan, now=NOW_SCORES, expected=EXPECTED_SCORES, now_version=0, expected_version=0
    )
    assert stored(plan).active_editing_seconds == 599

    time_machine.move_to(at(10, 16), tick=False)  # submission keeps the figure as it was submitted
    plan_transition(actor=professional, plan=stored(plan), to_status=PlanStatus.SUBMITTED)
    submitted = stored(plan)
    assert (submitted.active_editing_seconds, submitted.submitted_editing_seconds) == (599, 599)

    # After submission nothing counts: a step during execution, a realised measurement.
    plan_transition(actor=professional, plan=submitted, to_status=PlanStatus.APPROVED)
    time_machine.move_to(at(10, 17), tick=False)
    plan_item_add(
        actor=professional, plan=stored(plan), kind="step", data={"description": "Bellen", "phase": "first_need"}
    )
    time_machine.move_to(at(10, 18), tick=False)
    engagement_record_scores(
        actor=professional, plan=stored(plan), measurement="realised", scores=NOW_SCORES, reference="evaluation-6"
    )
    final = stored(plan)
    assert (final.active_editing_seconds, final.submitted_editing_seconds) == (599, 599)
    assert final.last_edited_at == at(10, 15)


def test_the_plan_page_shows_the_figure_to_the_second(plan, professional, login):
    Plan.objects.filter(pk=plan.pk).update(active_editing_seconds=9 * 60 + 59, submitted_editing_seconds=9 * 60 + 59)
    html = login(professional).get(reverse("workspace:plan", args=[plan.pk])).content.decode()
    assert "Actieve bewerkingstijd: 9 min 59 s; bij indienen: 9 min 59 s" in html
    nav = login(professional).get(reverse("workspace:plan_nav", args=[plan.pk]) + "?deel=legitimacy").content.decode()
    assert "Actieve bewerkingstijd: 9 min" in nav


def test_an_autosave_through_the_page_counts(plan, professional, login, time_machine):
    """The same through the views: two autosaves of the engagement texts 45 s apart."""
    client = login(professional)
    url = reverse("engagement:texts_save", args=[plan.pk])
    time_machine.move_to(at(11, 0), tick=False)
    client.post(url, {"own_words": "a", "goals": "", "motivation": "", "version": 0}, HTTP_HX_REQUEST="true")
    time_machine.move_to(at(11, 0, 45), tick=False)
    client.post(url, {"own_words": "ab", "goals": "", "motivation": "", "version": 1}, HTTP_HX_REQUEST="true")
    assert stored(plan).active_editing_seconds == 45
