"""The demo's plan templates (seeds/prefab.py) without building the whole demo: four published national
templates for the commonest stacks, each complete and copyable into a plan of any municipality."""

from types import SimpleNamespace

import pytest

from doorbraak.costs.models import CostLine
from doorbraak.demo.seeds import prefab
from doorbraak.legal.models import Citation
from doorbraak.plans.models import Helper, Step
from doorbraak.prefab.constants import TemplateStatus
from doorbraak.prefab.models import PlanTemplate
from doorbraak.prefab.selectors import templates_offered_for_plan
from doorbraak.prefab.services import template_apply

pytestmark = pytest.mark.django_db


def _seed(national_admin):
    ctx = SimpleNamespace(users={"national_admin": national_admin}, log=lambda _m: None, count=lambda *_a: None)
    prefab.seed(ctx)


def test_four_published_national_templates_for_the_commonest_stacks(national_admin):
    _seed(national_admin)
    _seed(national_admin)  # idempotent
    templates = PlanTemplate.objects.filter(organisation__isnull=True, status=TemplateStatus.PUBLISHED)
    assert sorted(templates.values_list("code", flat=True)) == [
        "opvoeden-wonen",
        "overgang-18",
        "psyche-inkomen",
        "schulden-wonen",
    ]
    for template in templates:
        spec = next(s for s in prefab.TEMPLATES if s["code"] == template.code)
        assert template.tags.count() == len(spec["tags"]), template.code  # every tag code exists
        assert template.helpers.count() >= 4 and template.needs.count() >= 4 and template.steps.count() >= 4
        assert {line.scenario for line in template.cost_lines.all()} == {"current", "threatening", "plan"}
        assert template.articles.count() >= 4 and all(a.motivation for a in template.articles.all())


@pytest.mark.parametrize("code", [spec["code"] for spec in prefab.TEMPLATES])
def test_every_demo_template_copies_into_a_plan(code, national_admin, professional, plan):
    _seed(national_admin)
    template = PlanTemplate.objects.get(code=code)
    assert template in [offer.template for offer in templates_offered_for_plan(plan=plan)]
    template_apply(actor=professional, template=template, plan=plan)
    assert Helper.objects.filter(plan=plan, from_template=True).count() == template.helpers.count()
    assert Step.objects.filter(plan=plan, from_template=True).count() == template.steps.count()
    lines = CostLine.objects.filter(plan=plan, from_template=True)
    assert lines.count() == template.cost_lines.count() and all(line.unit_price > 0 for line in lines)
    assert Citation.objects.filter(plan=plan, from_template=True).count() == template.articles.count()
