import factory

from doorbraak.engagement.constants import Measurement
from doorbraak.engagement.models import Engagement, HealthScoreSet
from doorbraak.plans.tests.factories import PlanFactory


class EngagementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Engagement

    plan = factory.SubFactory(PlanFactory)
    organisation = factory.SelfAttribute("plan.organisation")
    own_words = "Ik wil gewoon rust in mijn hoofd en dat de kinderen thuis kunnen blijven."
    goals = "Over een half jaar een vaste woning en geen deurwaarder meer aan de deur."
    motivation = "Als de ontruiming van tafel is, kan moeder zelf weer regelen wat nodig is."


class HealthScoreSetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HealthScoreSet

    plan = factory.SubFactory(PlanFactory)
    organisation = factory.SelfAttribute("plan.organisation")
    measurement = Measurement.NOW
    body_functions = 5
    mental_wellbeing = 3
    meaning = 4
    quality_of_life = 3
    participation = 2
    daily_functioning = 4


NOW_SCORES = {
    "body_functions": 5,
    "mental_wellbeing": 3,
    "meaning": 4,
    "quality_of_life": 3,
    "participation": 2,
    "daily_functioning": 4,
}
EXPECTED_SCORES = {
    "body_functions": 6,
    "mental_wellbeing": 6,
    "meaning": 6,
    "quality_of_life": 7,
    "participation": 5,
    "daily_functioning": 7,
}


def complete_engagement(plan):
    """Fill the engagement side of ``plan`` completely."""
    EngagementFactory(plan=plan)
    HealthScoreSetFactory(plan=plan, measurement=Measurement.NOW, **NOW_SCORES)
    HealthScoreSetFactory(plan=plan, measurement=Measurement.EXPECTED, **EXPECTED_SCORES)
