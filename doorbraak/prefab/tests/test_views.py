"""The template screens per role: the national admin and a functional admin manage templates (403 for other
roles, 404 for another municipality's template); a professional picks one for a draft plan, posting the forms
exactly as the pages render them."""

import pytest
from django.urls import reverse

from doorbraak.households.tests.factories import HouseholdFactory
from doorbraak.plans.models import Helper, Tag
from doorbraak.plans.tests.factories import PlanFactory
from doorbraak.prefab import services
from doorbraak.prefab.constants import TemplateStatus
from doorbraak.prefab.models import PlanTemplate
from tests.pageforms import rendered_form

from .factories import make_template

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["national_admin", "functional_admin"])
def test_admins_see_the_template_list(persona, request, login):
    response = login(request.getfixturevalue(persona)).get(reverse("prefab:list"))
    assert response.status_code == 200
    assert "Plansjablonen" in response.text


@pytest.mark.parametrize("persona", ["professional", "team_lead", "doorbraakteam", "manager", "policy_analyst"])
def test_other_roles_may_not_manage_templates(persona, request, login, national_admin):
    template = make_template(actor=national_admin, publish=False)
    client = login(request.getfixturevalue(persona))
    assert client.get(reverse("prefab:list")).status_code == 403
    assert client.get(reverse("prefab:edit", args=[template.pk])).status_code == 403
    assert client.post(reverse("prefab:publish", args=[template.pk])).status_code == 403
    assert client.post(reverse("prefab:retire", args=[template.pk])).status_code == 403


def test_a_municipality_never_sees_or_edits_another_ones_template(login, functional_admin, outsider_admin, org):
    own = make_template(actor=functional_admin, organisation=org, title="Eigen sjabloon", publish=False)
    client = login(outsider_admin)
    assert "Eigen sjabloon" not in client.get(reverse("prefab:list")).text
    assert client.get(reverse("prefab:edit", args=[own.pk])).status_code == 404
    assert client.post(reverse("prefab:publish", args=[own.pk])).status_code == 404
    assert client.post(reverse("prefab:retire", args=[own.pk])).status_code == 404
    assert PlanTemplate.objects.get(pk=own.pk).status == TemplateStatus.DRAFT


def test_national_and_municipal_templates_are_kept_apart(login, national_admin, functional_admin, org):
    national = make_template(actor=national_admin, title="Landelijk", publish=False)
    local = make_template(actor=functional_admin, organisation=org, title="Lokaal", publish=False)
    assert login(functional_admin).get(reverse("prefab:edit", args=[national.pk])).status_code == 404
    assert login(national_admin).get(reverse("prefab:edit", args=[local.pk])).status_code == 404


def test_the_functional_admin_makes_and_publishes_a_template_with_the_rendered_form(login, functional_admin, org):
    client = login(functional_admin)
    form = rendered_form(client.get(reverse("prefab:create")), action_contains="/sjablonen/nieuw/")
    tag = Tag.objects.get(code="schooluitval")
    response = form.submit(
        client,
        {
            "title": "Verzuim en opvoeden",
            "description": "Een tiener die niet naar school gaat.",
            "labels-problem_tags": [str(tag.pk)],
            "hulpverleners-0-agency": "Leerplicht",
            "hulpverleners-0-role": "leerplichtambtenaar",
            "hulpverleners-0-life_domain": "onderwijs",
            "stappen-0-phase": "stabilise",
            "stappen-0-description": "Gesprek op school met de leerplichtambtenaar",
        },
    )
    template = PlanTemplate.objects.get(title="Verzuim en opvoeden")
    assert list(template.tags.all()) == [tag]
    assert response.status_code == 302 and response.url == reverse("prefab:edit", args=[template.pk])
    assert template.organisation == org and template.status == TemplateStatus.DRAFT
    assert [h.agency for h in template.helpers.all()] == ["Leerplicht"]
    assert [s.description for s in template.steps.all()] == ["Gesprek op school met de leerplichtambtenaar"]
    assert not template.needs.exists()  # empty rows are skipped

    page = client.get(reverse("prefab:edit", args=[template.pk]))
    edit = rendered_form(page, action_contains=f"/sjablonen/{template.pk}/")
    edit.submit(
        client,
        {
            "hulpverleners-0-DELETE": "on",
            "behoeften-0-life_domain": "onderwijs",
            "behoeften-0-kind": "support",
            "behoeften-0-description": "Weer naar school",
        },
    )
    template.refresh_from_db()
    assert not template.helpers.exists() and template.needs.get().description == "Weer naar school"

    publish = rendered_form(client.get(reverse("prefab:edit", args=[template.pk])), action_contains="/publiceren/")
    response = publish.submit(client)
    assert response.status_code == 302
    assert PlanTemplate.objects.get(pk=template.pk).status == TemplateStatus.PUBLISHED
    page = client.get(reverse("prefab:edit", args=[template.pk]))
    assert "ligt het vast" not in page.text and "verandert niet meer" in page.text  # read-only now


def test_an_invalid_row_is_named_and_nothing_is_stored(login, national_admin):
    client = login(national_admin)
    tag = Tag.objects.get(code="beslag")
    form = rendered_form(client.get(reverse("prefab:create")), action_contains="/sjablonen/nieuw/")
    response = form.submit(
        client,
        {"title": "Half", "description": "D", "labels-problem_tags": [str(tag.pk)], "hulpverleners-0-role": "rol"},
    )
    assert response.status_code == 400
    assert "Dit veld is verplicht" in response.text
    assert not PlanTemplate.objects.exists()


def test_retiring_stops_the_offer(login, national_admin, professional, plan):
    template = make_template(actor=national_admin)
    client = login(national_admin)
    rendered_form(client.get(reverse("prefab:list")), action_contains="/intrekken/").submit(client)
    assert PlanTemplate.objects.get(pk=template.pk).status == TemplateStatus.RETIRED
    page = login(professional).get(reverse("prefab:choose", args=[plan.pk]))
    assert str(template.pk) not in page.text and "nog geen gepubliceerde sjablonen" in page.text


# ---------------------------------------------------------------------------------------- the professional


def test_the_professional_picks_a_template_and_the_plan_shows_the_mark(login, national_admin, professional, plan):
    template = make_template(actor=national_admin)
    client = login(professional)
    plan_page = client.get(reverse("workspace:plan", args=[plan.pk]))
    assert reverse("prefab:choose", args=[plan.pk]) in plan_page.text
    page = client.get(reverse("prefab:choose", args=[plan.pk]))
    assert page.status_code == 200 and template.title in page.text
    response = rendered_form(page, action_contains=f"/{template.pk}/").submit(client)
    assert response.status_code == 302 and response.url == reverse("workspace:plan", args=[plan.pk])
    assert Helper.objects.get(plan=plan).from_template
    assert "uit sjabloon" in client.get(reverse("workspace:plan", args=[plan.pk])).text
    assert "uit sjabloon" in client.get(reverse("legal:plan_legitimacy", args=[plan.pk])).text
    assert "uit sjabloon" in client.get(reverse("costs:plan_return", args=[plan.pk])).text


def test_the_mark_disappears_after_editing_the_item_on_the_plan_page(login, national_admin, professional, plan):
    services.template_apply(actor=professional, template=make_template(actor=national_admin), plan=plan)
    client = login(professional)
    helper = Helper.objects.get(plan=plan)
    page = client.get(reverse("workspace:plan", args=[plan.pk]))
    assert page.text.count("uit sjabloon") >= 3
    form = rendered_form(page, action_contains=f"/lijst/helper/{helper.pk}/")
    form.submit(client, {f"hulpverlener-{helper.pk}-role": "huurincasso en betalingsregeling"})
    helper.refresh_from_db()
    assert helper.role == "huurincasso en betalingsregeling" and not helper.from_template


def test_templates_matching_the_households_tags_come_first_with_the_reason(
    login, national_admin, functional_admin, org, professional, plan
):
    make_template(actor=national_admin, title="A: opvoeden", tags=("opvoedproblemen",))
    make_template(actor=national_admin, title="B: schulden en wonen", tags=("huurachterstand", "beslag"))
    make_template(actor=functional_admin, organisation=org, title="C: lokaal wonen", tags=("huurachterstand",))
    # An earlier plan of the same household carries the tags.
    earlier = PlanFactory(household=plan.household, owner=professional)
    earlier.tags.set(Tag.objects.filter(code__in=["huurachterstand", "beslag"]))
    page = login(professional).get(reverse("prefab:choose", args=[plan.pk])).text
    order = [page.index(t) for t in ("B: schulden en wonen", "C: lokaal wonen", "A: opvoeden")]
    assert order == sorted(order)
    assert "Past bij dit huishouden:" in page and "Beslag op inkomen" in page


def test_another_municipalitys_template_is_never_offered(login, outsider_admin, other_org, professional, plan):
    other = make_template(actor=outsider_admin, organisation=other_org, title="Anderstads sjabloon")
    client = login(professional)
    assert "Anderstads sjabloon" not in client.get(reverse("prefab:choose", args=[plan.pk])).text
    assert client.post(reverse("prefab:apply", args=[plan.pk, other.pk])).status_code == 404
    assert not Helper.objects.filter(plan=plan).exists()


def test_picking_is_for_who_may_edit_the_plan(login, national_admin, doorbraakteam, colleague, outsider, plan):
    template = make_template(actor=national_admin)
    assert login(doorbraakteam).get(reverse("prefab:choose", args=[plan.pk])).status_code == 403
    assert login(colleague).get(reverse("prefab:choose", args=[plan.pk])).status_code in (403, 404)
    client = login(outsider)
    assert client.get(reverse("prefab:choose", args=[plan.pk])).status_code == 404
    assert client.post(reverse("prefab:apply", args=[plan.pk, template.pk])).status_code == 404


def test_a_submitted_plan_gets_no_template(login, national_admin, professional, team):
    template = make_template(actor=national_admin)
    plan = PlanFactory(household=HouseholdFactory(team=team, created_by=professional), owner=professional)
    plan.status = "submitted"
    plan.save()
    client = login(professional)
    page = client.get(reverse("prefab:choose", args=[plan.pk]))
    assert "geen concept meer" in page.text and "Dit sjabloon gebruiken" not in page.text
    response = client.post(reverse("prefab:apply", args=[plan.pk, template.pk]), follow=True)
    assert "kan in dit onderdeel niet meer worden gewijzigd" in response.text
    assert not Helper.objects.filter(plan=plan).exists()
