"""The plan's workspace layout (issue 9, point 8): a navigation of the plan's parts with the state of each, the
value triangle as a status strip, the missing items listed once with links, and the navigation as a fragment
for the side pages (same access as the plan page, constant queries)."""

from datetime import date
from html import escape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from doorbraak.engagement.tests.factories import EngagementFactory
from doorbraak.followup.tests.factories import make_complete
from doorbraak.plans.constants import PlanStatus, StepPhase
from doorbraak.plans.models import Tag
from doorbraak.plans.tests.factories import HelperFactory, NeedFactory, StepFactory
from doorbraak.workspace.parts import COMPLETE, EMPTY, STARTED

pytestmark = pytest.mark.django_db

BLOCK1 = ["situation", "helper", "perspective", "need", "breakthrough", "step", "tags"]
SIDES = ["engagement", "return", "legitimacy", "followup"]


def nav_url(plan, part=""):
    return reverse("workspace:plan_nav", args=[plan.pk]) + (f"?deel={part}" if part else "")


def states(parts) -> dict[str, str]:
    return {p.code: p.state for p in parts.block1 + parts.sides}


def empty(plan):
    for name in ("situation", "perspective", "breakthrough_description", "breakthrough_obstacle"):
        setattr(plan, name, "")
    plan.breakthrough_exception = plan.breakthrough_grantor = ""
    plan.perspective_target_date = None
    plan.save()
    return plan


def complete_block1(plan, user):
    plan.perspective = "Over een half jaar wonen we nog in ons huis."
    plan.perspective_target_date = date(2027, 6, 1)
    plan.breakthrough_obstacle = "De corporatie wil pas praten na betaling."
    plan.breakthrough_exception = "Bijzondere bijstand voor een huurschuld."
    plan.breakthrough_grantor = "Doorbraakteam"
    plan.save()
    HelperFactory(plan=plan)
    NeedFactory(plan=plan)
    StepFactory(plan=plan, phase=StepPhase.FIRST_NEED)
    plan.tags.set(Tag.objects.filter(is_active=True)[:1])
    make_complete(plan, user)


def test_an_empty_plan_shows_every_part_empty(plan, professional, login):
    response = login(professional).get(reverse("workspace:plan", args=[empty(plan).pk]))
    assert states(response.context["parts"]) == dict.fromkeys(BLOCK1 + SIDES, EMPTY)
    page = response.content.decode()
    assert 'aria-label="Onderdelen van het plan"' in page
    assert page.count("utrecht-status-badge plan-badge plan-badge--empty") == len(BLOCK1) + len(SIDES) + 3


def test_a_started_plan_shows_started_and_complete_parts(plan, professional, login):
    """The factory's plan has a situation and a breakthrough description (of four breakthrough fields)."""
    plan.perspective = "Rust."  # without a target date: started
    plan.save()
    HelperFactory(plan=plan)
    EngagementFactory(plan=plan, goals="", motivation="")
    response = login(professional).get(reverse("workspace:plan", args=[plan.pk]))
    got = states(response.context["parts"])
    assert got["situation"] == COMPLETE
    assert got["helper"] == COMPLETE
    assert got["perspective"] == STARTED
    assert got["need"] == EMPTY
    assert got["breakthrough"] == STARTED
    assert got["engagement"] == STARTED
    assert got["return"] == got["legitimacy"] == got["followup"] == EMPTY


def test_a_complete_plan_shows_every_part_complete_but_the_follow_up(plan, professional, login):
    complete_block1(plan, professional)
    response = login(professional).get(reverse("workspace:plan", args=[plan.pk]))
    got = states(response.context["parts"])
    assert got == {**dict.fromkeys(BLOCK1 + SIDES, COMPLETE), "followup": EMPTY}
    assert "Het plan is onderbouwd en kan worden ingediend." in response.content.decode()


def test_follow_up_is_started_once_submitted_and_complete_once_closed(plan, professional, doorbraakteam, login):
    plan.status = PlanStatus.SUBMITTED
    plan.save()
    response = login(professional).get(nav_url(plan))
    assert states(response.context["parts"])["followup"] == STARTED
    plan.status = PlanStatus.CLOSED
    plan.save()
    assert states(login(professional).get(nav_url(plan)).context["parts"])["followup"] == COMPLETE


def test_missing_items_are_listed_once_each_a_link_to_where_it_is_fixed(plan, professional, login):
    plan.breakthrough_description = ""
    plan.save()
    response = login(professional).get(reverse("workspace:plan", args=[plan.pk]))
    page = response.content.decode()
    missing = response.context["missing"]
    assert [m.text for m in missing] == [str(b) for b in response.context["triangle"].blockers]
    assert missing[0].url.endswith("#id_doorbraak-breakthrough_description")
    assert 'id="id_doorbraak-breakthrough_description"' in page
    side_urls = {
        reverse("engagement:plan_engagement", args=[plan.pk]),
        reverse("costs:plan_return", args=[plan.pk]),
        reverse("legal:plan_legitimacy", args=[plan.pk]),
    }
    assert {m.url for m in missing[1:]} <= side_urls
    for item in missing:  # once, and as a link
        assert page.count(f">{escape(item.text)}</a>") == 1
        assert page.count(escape(item.text)) == 1


def test_the_value_triangle_is_a_compact_strip_not_three_boxes(plan, professional, login):
    page = login(professional).get(reverse("workspace:plan", args=[plan.pk])).content.decode()
    assert "value-triangle__side" not in page
    assert page.count("status-strip__side ") == 3


def test_long_lists_are_collapsible_and_open_after_an_htmx_update(plan, professional, login):
    HelperFactory(plan=plan)
    client = login(professional)
    page = client.get(reverse("workspace:plan", args=[plan.pk])).content.decode()
    assert '<details class="section-details">' in page
    assert "1 hulpverlener vastgelegd" in page
    url = reverse("workspace:item_add", args=[plan.pk, "helper"])
    data = {"nieuw-hulpverlener-agency": "GGZ", "nieuw-hulpverlener-life_domain": "zorg_ondersteuning"}
    fragment = client.post(url, data, HTTP_HX_REQUEST="true").content.decode()
    assert '<details class="section-details" open>' in fragment


def test_side_pages_carry_the_navigation_slot_with_plain_links(plan, professional, login):
    client = login(professional)
    for name, part in [
        ("engagement:plan_engagement", "engagement"),
        ("costs:plan_return", "return"),
        ("legal:plan_legitimacy", "legitimacy"),
        ("followup:plan_followup", "followup"),
    ]:
        page = client.get(reverse(name, args=[plan.pk])).content.decode()
        assert f'hx-get="{nav_url(plan, part)}"' in page, name
        assert 'hx-trigger="load"' in page
        assert f'href="{reverse("workspace:plan", args=[plan.pk])}"' in page


def test_the_fragment_marks_the_current_part(plan, professional, login):
    page = login(professional).get(nav_url(plan, "return")).content.decode()
    assert page.count('aria-current="page"') == 1
    assert f'href="{reverse("costs:plan_return", args=[plan.pk])}" aria-current="page"' in page
    assert "<html" not in page
    assert 'aria-current="page"' not in login(professional).get(nav_url(plan, "iets")).content.decode()


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("professional", 200),
        ("team_lead", 200),
        ("colleague", 404),
        ("outsider", 404),
        ("manager", 403),
        ("policy_analyst", 403),
        ("functional_admin", 403),
    ],
)
def test_fragment_access_is_that_of_the_plan_page(persona, status, plan, login, request):
    client = login(request.getfixturevalue(persona))
    assert client.get(nav_url(plan)).status_code == status
    assert client.get(reverse("workspace:plan", args=[plan.pk])).status_code == status


def test_fragment_needs_a_login(plan, client):
    assert client.get(nav_url(plan)).status_code == 302


def fragment_queries(client, plan) -> int:
    client.get(nav_url(plan))
    with CaptureQueriesContext(connection) as context:
        assert client.get(nav_url(plan)).status_code == 200
    return len(context.captured_queries)


def test_fragment_queries_do_not_grow_with_the_plan(plan, professional, login):
    client = login(professional)
    small = fragment_queries(client, plan)
    complete_block1(plan, professional)
    for _ in range(5):
        HelperFactory(plan=plan)
        NeedFactory(plan=plan)
        StepFactory(plan=plan, phase=StepPhase.FIRST_NEED)
    plan.tags.set(Tag.objects.filter(is_active=True)[:5])
    assert fragment_queries(client, plan) == small
