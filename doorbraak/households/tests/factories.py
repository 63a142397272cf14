import factory

from doorbraak.households.constants import HouseholdRole
from doorbraak.households.models import Household, HouseholdMember
from doorbraak.organisations.tests.factories import TeamFactory, UserFactory


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    team = factory.SubFactory(TeamFactory)
    organisation = factory.SelfAttribute("team.organisation")
    created_by = factory.SubFactory(UserFactory)


class HouseholdMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HouseholdMember

    household = factory.SubFactory(HouseholdFactory)
    role = HouseholdRole.PARENT
    birth_year = 1988
