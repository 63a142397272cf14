import factory

from doorbraak.core.constants import LifeDomain
from doorbraak.households.tests.factories import HouseholdFactory
from doorbraak.organisations.tests.factories import UserFactory
from doorbraak.plans.constants import NeedKind, StepPhase
from doorbraak.plans.models import Helper, Need, Plan, Step


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    household = factory.SubFactory(HouseholdFactory)
    organisation = factory.SelfAttribute("household.organisation")
    team = factory.SelfAttribute("household.team")
    owner = factory.SubFactory(UserFactory)
    situation = "Moeder met twee kinderen, huurachterstand van 3.000 euro, ontruiming aangezegd."
    breakthrough_description = "Huurachterstand in één keer betalen zodat de ontruiming wordt ingetrokken."


class HelperFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Helper

    plan = factory.SubFactory(PlanFactory)
    agency = "Wijkteam"
    role = "Ambulante begeleiding"
    life_domain = LifeDomain.ZORG_ONDERSTEUNING


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    plan = factory.SubFactory(PlanFactory)
    life_domain = LifeDomain.SCHULDEN
    kind = NeedKind.SUPPORT
    description = "Hulp bij het openen en ordenen van de post."


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Step

    plan = factory.SubFactory(PlanFactory)
    description = "Huurachterstand betalen via bijzondere bijstand."
    phase = StepPhase.FIRST_NEED
