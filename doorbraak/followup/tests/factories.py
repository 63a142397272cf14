"""Test data for follow-up, and a helper that makes a plan complete enough to submit."""

from decimal import Decimal

import factory
from django.utils import timezone

from doorbraak.costs.models import CostLine
from doorbraak.engagement.tests.factories import complete_engagement
from doorbraak.followup.constants import ContactDomain
from doorbraak.followup.models import ContactPerson, EscalationLevel
from doorbraak.legal.models import Citation, LegalArticle, PlanLegalBasis


class EscalationLevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EscalationLevel

    position = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Niveau {n}")
    decider_role = "doorbraakteam"


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    domain = ContactDomain.HOUSING_CORPORATION
    partner_organisation = "Woonstichting De Linde"
    function = "Consulent huurachterstanden"
    email = "consulent@delinde.example"


# The forecast of the test plan, per scenario: (description, quantity, unit price, funding stream, cashable).
FORECAST_LINES = {
    "current": [("Ambulante begeleiding", "52", "61.25", "wmo", True)],
    "threatening": [
        ("Maatschappelijke opvang gezin", "90", "118.40", "wmo", True),
        ("Uithuisplaatsing kind", "0.5", "61000.00", "jeugdwet", False),
    ],
    "plan": [
        ("Huurachterstand ineens betalen", "1", "3000.00", "participatiewet", True),
        ("Ambulante begeleiding", "26", "61.25", "wmo", True),
    ],
}
# What it really cost (the realised scenario of an evaluation).
REALISED_LINES = [
    ("Huurachterstand ineens betalen", "1", "3150.00", "participatiewet", True),
    ("Ambulante begeleiding", "39", "61.25", "wmo", True),
]


def add_cost_lines(plan, scenario: str, lines) -> None:
    for description, quantity, price, stream, cashable in lines:
        CostLine.objects.create(
            plan=plan,
            organisation=plan.organisation,
            scenario=scenario,
            description=description,
            quantity=Decimal(quantity),
            unit_price=Decimal(price),
            price_origin="free",
            funding_stream=stream,
            cashable=cashable,
        )


LEGAL_MOTIVATION = "De huurachterstand wordt ineens betaald uit bijzondere bijstand; de wet laat dat hier toe."


def make_complete(plan, user) -> None:
    """Fill all three sides of the value triangle of ``plan`` (engagement, return, legitimacy)."""
    complete_engagement(plan)
    for scenario, lines in FORECAST_LINES.items():
        add_cost_lines(plan, scenario, lines)
    article = LegalArticle.objects.first()
    Citation.objects.create(
        plan=plan,
        organisation=plan.organisation,
        national_article=article,
        application="may",
        motivation="De wet geeft ruimte voor maatwerk in dit geval.",
        article_version=1,
        law_short=article.law_short,
        article=article.article,
        heading="Maatwerk",
        kind=article.kind,
        created_by=user,
        valid_from=timezone.localdate(),
    )
    PlanLegalBasis.objects.create(plan=plan, organisation=plan.organisation, motivation=LEGAL_MOTIVATION)
