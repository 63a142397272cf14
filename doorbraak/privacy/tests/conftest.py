from datetime import date

import pytest
from django.utils import timezone

from doorbraak.costs.models import CostSheet
from doorbraak.documents.tests.conftest import pdf_text  # noqa: F401 - the same PDF reader as the plan document
from doorbraak.followup.models import DecisionRequest, Evaluation, FollowUpAction, SharingConsent
from doorbraak.followup.tests.factories import ContactPersonFactory, EscalationLevelFactory, make_complete
from doorbraak.households.models import Consent
from doorbraak.households.tests.factories import HouseholdFactory, HouseholdMemberFactory
from doorbraak.plans.models import StatusChange, Tag
from doorbraak.plans.tests.factories import HelperFactory, NeedFactory, PlanFactory, StepFactory
from doorbraak.prefab.models import PlanTemplate, TemplateUse


def fill_household(*, team, user, plans: int = 1):
    """A household with a row in every model that holds household data, as the demo has them."""
    household = HouseholdFactory(team=team, created_by=user)
    HouseholdMemberFactory(household=household, label="moeder")
    Consent.objects.create(household=household, given_on=date(2026, 1, 5), scope="plan", recorded_by=user)
    organisation = household.organisation
    partner = ContactPersonFactory(organisation=organisation)
    SharingConsent.objects.create(
        organisation=organisation,
        household=household,
        partner=partner,
        parts=["situation"],
        given_on=date(2026, 1, 5),
        valid_until=date(2026, 12, 31),
        recorded_by=user,
        recorded_at=timezone.now(),
    )
    level = EscalationLevelFactory(organisation=organisation)
    template = PlanTemplate.objects.create(
        organisation=organisation, title="Schulden en wonen", description="Huurachterstand.", created_by=user
    )
    made = []
    for _ in range(plans):
        plan = PlanFactory(household=household, owner=user)
        make_complete(plan, user)
        plan.tags.add(Tag.objects.filter(kind="problem").first())
        HelperFactory(plan=plan, agency="Woonstichting De Linde")
        NeedFactory(plan=plan, description="Hulp bij de post.")
        StepFactory(plan=plan, description="Huurachterstand betalen.")
        StatusChange.objects.create(plan=plan, from_status="concept", to_status="submitted", actor=user)
        CostSheet.objects.create(plan=plan, organisation=organisation, reference_date=date(2026, 1, 5))
        DecisionRequest.objects.create(
            organisation=organisation, plan=plan, level=level, opened_by=user, opened_at=timezone.now()
        )
        FollowUpAction.objects.create(
            organisation=organisation,
            plan=plan,
            description="Bellen met de woningcorporatie",
            owner=user,
            due_date=date(2026, 3, 1),
            created_by=user,
            created_at=timezone.now(),
        )
        Evaluation.objects.create(organisation=organisation, plan=plan, months=6, due_on=date(2026, 7, 1))
        TemplateUse.objects.create(plan=plan, template=template, organisation=organisation, actor=user)
        made.append(plan)
    return household, made


@pytest.fixture
def full_household(professional, team):
    household, _ = fill_household(team=team, user=professional)
    return household
