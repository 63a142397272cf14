"""Plan templates: saving a draft, publishing, retiring, and copying into a plan (complete, atomic, marked)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from doorbraak.audit.models import AuditEvent
from doorbraak.costs import services as costs
from doorbraak.costs.models import CostLine, PriceItem
from doorbraak.legal import services as legal
from doorbraak.legal.models import Citation
from doorbraak.plans import services as plans
from doorbraak.plans.models import Helper, Need, Step, Tag
from doorbraak.prefab import services
from doorbraak.prefab.constants import TemplateStatus
from doorbraak.prefab.models import TemplateUse

from .factories import make_template

pytestmark = pytest.mark.django_db


def test_applying_a_template_copies_every_part_marked_from_template(national_admin, professional, plan):
    template = make_template(actor=national_admin)
    services.template_apply(actor=professional, template=template, plan=plan)

    helper = Helper.objects.get(plan=plan)
    assert (helper.agency, helper.life_domain, helper.from_template) == ("Woningcorporatie", "wonen", True)
    assert Need.objects.get(plan=plan).description == "Overzicht van de schulden"
    assert Step.objects.get(plan=plan).phase == "first_need"
    assert list(plan.tags.values_list("code", flat=True)) == ["huurachterstand"]
    lines = {line.scenario: line for line in CostLine.objects.filter(plan=plan)}
    assert lines["threatening"].item.code == "wc_huisuitzetting_verhuurder"
    assert lines["threatening"].probability == Decimal("0.6")
    assert lines["threatening"].price_origin == "national"  # priced from the list when copied
    assert lines["plan"].unit_price == Decimal("3200.00") and lines["plan"].price_origin == "free"
    assert all(line.from_template for line in lines.values())
    citation = Citation.objects.get(plan=plan)
    assert citation.application == "hardship" and citation.motivation.startswith("De beleidsregel")
    assert citation.from_template
    assert TemplateUse.objects.filter(plan=plan, template=template, actor=professional).exists()
    assert AuditEvent.objects.filter(action="prefab.apply", object_id=str(plan.pk)).count() == 1


def test_a_template_goes_into_a_plan_once(national_admin, professional, plan):
    template = make_template(actor=national_admin)
    services.template_apply(actor=professional, template=template, plan=plan)
    with pytest.raises(ValidationError, match="al in dit plan"):
        services.template_apply(actor=professional, template=template, plan=plan)
    assert Helper.objects.filter(plan=plan).count() == 1


def test_the_copy_is_all_or_nothing(national_admin, professional, plan):
    """A price item without a price fails the copy of its line: nothing of the template is stored."""
    template = make_template(actor=national_admin)
    item = PriceItem.objects.get(code="wc_huisuitzetting_verhuurder")
    item.prices.all().delete()
    with pytest.raises(ValidationError, match="Kostenregel"):
        services.template_apply(actor=professional, template=template, plan=plan)
    assert not Helper.objects.filter(plan=plan).exists()
    assert not CostLine.objects.filter(plan=plan).exists()
    assert not Citation.objects.filter(plan=plan).exists()
    assert not plan.tags.exists()
    assert not TemplateUse.objects.exists()


def test_editing_an_item_removes_the_mark(national_admin, professional, plan):
    template = make_template(actor=national_admin)
    services.template_apply(actor=professional, template=template, plan=plan)
    helper = Helper.objects.get(plan=plan)
    plans.plan_item_update(actor=professional, item=helper, data={"role": "huurincasso"}, version=helper.version)
    assert not Helper.objects.get(pk=helper.pk).from_template
    assert Need.objects.get(plan=plan).from_template  # the others keep theirs

    line = CostLine.objects.get(plan=plan, scenario="threatening")
    costs.line_update(actor=professional, line=line, data={"quantity": Decimal("1")}, version=line.version)
    assert not CostLine.objects.get(pk=line.pk).from_template

    citation = Citation.objects.get(plan=plan)
    legal.citation_update(
        actor=professional, citation=citation, application="hardship", motivation="Eigen tekst.", version=0
    )
    assert not Citation.objects.get(pk=citation.pk).from_template


def test_only_a_published_template_of_the_plans_municipality_is_applied(
    national_admin, functional_admin, outsider_admin, professional, plan
):
    draft = make_template(actor=national_admin, publish=False)
    with pytest.raises(ValidationError, match="niet \\(meer\\) gepubliceerd"):
        services.template_apply(actor=professional, template=draft, plan=plan)
    other = make_template(actor=outsider_admin, organisation=outsider_admin.membership.organisation)
    with pytest.raises(ValidationError, match="hoort niet bij uw gemeente"):
        services.template_apply(actor=professional, template=other, plan=plan)
    retired = services.template_retire(actor=national_admin, template=make_template(actor=national_admin, title="B"))
    with pytest.raises(ValidationError):
        services.template_apply(actor=professional, template=retired, plan=plan)
    assert not Helper.objects.filter(plan=plan).exists()


def test_a_published_template_no_longer_changes(national_admin):
    template = make_template(actor=national_admin)
    assert template.status == TemplateStatus.PUBLISHED and template.published_by == national_admin
    with pytest.raises(ValidationError, match="kan niet meer worden gewijzigd"):
        services.template_save(
            actor=national_admin, organisation=None, template=template, data={"title": "X"}, tags=[], parts={}
        )


def test_publishing_needs_tags_and_content(national_admin):
    template = services.template_save(
        actor=national_admin, organisation=None, data={"title": "Leeg", "description": "Nog niets."}, tags=[], parts={}
    )
    with pytest.raises(ValidationError, match="label"):
        services.template_publish(actor=national_admin, template=template)
    template.tags.set(Tag.objects.filter(code="huurachterstand"))
    with pytest.raises(ValidationError, match="hulpverlener, behoefte of stap"):
        services.template_publish(actor=national_admin, template=template)


def test_a_stale_version_is_refused(national_admin):
    template = make_template(actor=national_admin, publish=False)
    kwargs = {"actor": national_admin, "organisation": None, "template": template, "tags": [], "parts": {}}
    services.template_save(**kwargs, data={"title": "Nieuw"}, version=0)
    with pytest.raises(ValidationError, match="intussen gewijzigd"):
        services.template_save(**kwargs, data={"title": "Ander"}, version=0)


def test_a_national_template_cannot_cite_a_local_article(national_admin, functional_admin, org):
    local = legal.local_article_save(
        actor=functional_admin,
        organisation=org,
        data={
            "regulation_title": "Beleidsregels bijzondere bijstand",
            "regulation_type": "beleidsregel",
            "article": "5",
            "heading": "Huurschulden",
            "kind": "bevoegdheid",
            "summary": "Huurschulden in bijzondere gevallen.",
        },
    )
    row = {"national_article": None, "local_article": local, "application": "may", "motivation": ""}
    with pytest.raises(ValidationError, match="alleen landelijke"):
        services.template_save(
            actor=national_admin,
            organisation=None,
            data={"title": "T", "description": "D"},
            tags=[],
            parts={"articles": [row]},
        )
    template = services.template_save(
        actor=functional_admin,
        organisation=org,
        data={"title": "T", "description": "D"},
        tags=[],
        parts={"articles": [row]},
    )
    assert template.articles.get().local_article == local
