"""Plan lists per role, filter, search by reference (POST only), pagination, query count; vocabulary admin."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from doorbraak.audit.models import AuditEvent
from doorbraak.households.tests.factories import HouseholdFactory
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.models import Tag
from doorbraak.plans.tests.factories import PlanFactory

LIST = "/plannen/"
PLAN_LINK = re.compile(r'href="/plannen/[0-9a-f-]{36}/"')


def make_plans(owner, team, n, **kwargs):
    return [PlanFactory(household=HouseholdFactory(team=team), owner=owner, **kwargs) for _ in range(n)]


def test_professional_sees_only_own_plans(plan, professional, colleague, team, login):
    (theirs,) = make_plans(colleague, team, 1)
    response = login(professional).get(LIST)
    html = response.content.decode()
    assert response.status_code == 200 and "Mijn plannen" in html
    assert plan.household.reference in html and theirs.household.reference not in html
    assert "Eigenaar" not in html and "Nieuw huishouden" in html


def test_team_lead_sees_team_plans_with_owner_column(plan, team_lead, other_team, colleague, team, login):
    (colleagues,) = make_plans(colleague, team, 1)
    (elsewhere,) = make_plans(colleague, other_team, 1)
    html = login(team_lead).get(LIST).content.decode()
    assert "Plannen van het team" in html and "Eigenaar" in html
    assert plan.household.reference in html and colleagues.household.reference in html
    assert elsewhere.household.reference not in html


def test_doorbraakteam_sees_submitted_and_later(plan, professional, team, doorbraakteam, login):
    (submitted,) = make_plans(professional, team, 1, status=PlanStatus.SUBMITTED)
    (closed,) = make_plans(professional, team, 1, status=PlanStatus.CLOSED)
    html = login(doorbraakteam).get(LIST).content.decode()
    assert submitted.household.reference in html and closed.household.reference in html
    assert plan.household.reference not in html  # concept


@pytest.mark.parametrize("persona", ["manager", "policy_analyst", "functional_admin"])
def test_list_403_for_roles_without_plans(persona, login, request):
    assert login(request.getfixturevalue(persona)).get(LIST).status_code == 403


def test_other_municipality_sees_none_of_our_plans(plan, outsider, outsider_plan, login):
    html = login(outsider).get(LIST).content.decode()
    assert outsider_plan.household.reference in html and plan.household.reference not in html


def test_filter_by_status(plan, professional, team, login):
    (submitted,) = make_plans(professional, team, 1, status=PlanStatus.SUBMITTED)
    html = login(professional).get(LIST, {"status": "submitted"}).content.decode()
    assert submitted.household.reference in html and plan.household.reference not in html


def test_search_by_reference_is_posted_not_in_the_url(plan, professional, team, login):
    (other,) = make_plans(professional, team, 1)
    client = login(professional)
    html = client.post(LIST, {"reference": plan.household.reference.lower()[3:]}).content.decode()
    assert plan.household.reference in html and other.household.reference not in html
    assert '<form id="plan-filter" method="post"' in html
    # A reference in the query string is ignored: the list never filters on personal references from URLs.
    html = client.get(LIST, {"reference": plan.household.reference}).content.decode()
    assert other.household.reference in html


def test_pagination_by_post_keeps_the_filter(professional, team, login):
    make_plans(professional, team, 27, status=PlanStatus.SUBMITTED)
    make_plans(professional, team, 2)
    client = login(professional)
    html = client.post(LIST, {"status": "submitted"}).content.decode()
    assert "Pagina 1 van 2" in html and len(PLAN_LINK.findall(html)) == 25
    html = client.post(LIST, {"status": "submitted", "page": "2"}).content.decode()
    assert len(PLAN_LINK.findall(html)) == 2


def test_list_query_count_does_not_grow_with_plans(team_lead, professional, colleague, team, login):
    client = login(team_lead)
    make_plans(professional, team, 2)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST)
    make_plans(colleague, team, 15)
    with CaptureQueriesContext(connection) as many:
        client.get(LIST)
    assert len(few) == len(many)


def test_list_query_count(team_lead, professional, team, login, django_assert_num_queries):
    make_plans(professional, team, 12)
    client = login(team_lead)
    client.get(LIST)  # warm up caches (content types, etc.)
    # session, user, the device that verified the second step (MFA middleware), membership (middleware),
    # user.membership (selector), count for the paginator, one query for the page of plans with household, team and
    # owner joined in, and one insert of the processing-log rows (one per plan shown, in bulk)
    with django_assert_num_queries(8):
        assert client.get(LIST).status_code == 200


# ---------------------------------------------------------------------------------------- vocabulary

TAGS = "/plannen/labels/"


def test_national_admin_lists_adds_and_deactivates_tags(national_admin, plan, professional, login):
    client = login(national_admin)
    response = client.get(TAGS)
    assert response.status_code == 200 and "Huurachterstand" in response.content.decode()
    response = client.post(
        TAGS, {"kind": "problem", "label": "Energiearmoede", "code": "energiearmoede", "life_domain": "wonen"}
    )
    assert response.status_code == 302
    tag = Tag.objects.get(kind="problem", code="energiearmoede")
    assert AuditEvent.objects.filter(action="tag.create", object_id=str(tag.pk)).exists()
    assert "Energiearmoede" in login(professional).get(reverse("workspace:plan", args=[plan.pk])).content.decode()
    plan.tags.add(tag)
    login(national_admin).post(reverse("plans:tag_toggle", args=[tag.pk]), {"is_active": "0"})
    tag.refresh_from_db()
    assert not tag.is_active
    # Still shown on the plan that carries it, no longer offered to a plan that does not.
    assert "Energiearmoede" in login(professional).get(reverse("workspace:plan", args=[plan.pk])).content.decode()
    other = PlanFactory(household=plan.household, owner=professional)
    assert "Energiearmoede" not in login(professional).get(reverse("workspace:plan", args=[other.pk])).content.decode()


def test_tag_kind_select_has_a_dutch_placeholder_and_is_required(national_admin, login):
    client = login(national_admin)
    page = client.get(TAGS).content.decode()
    assert "---------" not in page and "— kies —" in page
    response = client.post(TAGS, {"kind": "", "label": "Zonder soort", "code": "zonder_soort"})
    assert response.status_code == 400
    assert not Tag.objects.filter(code="zonder_soort").exists()


def test_duplicate_tag_code_is_refused(national_admin, login):
    response = login(national_admin).post(TAGS, {"kind": "problem", "label": "Dubbel", "code": "huurachterstand"})
    assert response.status_code == 400
    assert Tag.objects.filter(code="huurachterstand").count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["professional", "functional_admin", "outsider_admin", "manager"])
def test_tag_admin_is_national_admin_only(persona, login, request):
    """National data: no municipality owns it, so there is no 404 case; every municipal role gets 403."""
    client = login(request.getfixturevalue(persona))
    tag = Tag.objects.first()
    assert client.get(TAGS).status_code == 403
    assert client.post(reverse("plans:tag_toggle", args=[tag.pk]), {"is_active": "0"}).status_code == 403
    tag.refresh_from_db()
    assert tag.is_active
