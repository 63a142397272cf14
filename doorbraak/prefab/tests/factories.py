"""A published template with one part of every kind, built through the service as an admin would."""

from decimal import Decimal

from doorbraak.costs.models import PriceItem
from doorbraak.legal.models import LegalArticle
from doorbraak.plans.models import Tag
from doorbraak.prefab import services


def make_template(*, actor, organisation=None, title="Schulden en wonen", tags=("huurachterstand",), publish=True):
    template = services.template_save(
        actor=actor,
        organisation=organisation,
        data={"title": title, "description": "Huurachterstand met dreigende ontruiming."},
        tags=list(Tag.objects.filter(code__in=tags)),
        parts={
            "helpers": [{"agency": "Woningcorporatie", "role": "incasso huurachterstand", "life_domain": "wonen"}],
            "needs": [{"life_domain": "schulden", "kind": "support", "description": "Overzicht van de schulden"}],
            "steps": [{"phase": "first_need", "description": "Ontruiming opschorten", "owner": "Professional"}],
            "cost_lines": [
                {
                    "scenario": "threatening",
                    "item": PriceItem.objects.get(code="wc_huisuitzetting_verhuurder"),
                    "description": "",
                    "quantity": Decimal("1"),
                    "probability": Decimal("0.6"),
                    "unit_price": None,
                    "funding_stream": "",
                },
                {
                    "scenario": "plan",
                    "item": None,
                    "description": "Huurachterstand ineens betalen",
                    "quantity": Decimal("1"),
                    "probability": Decimal("1"),
                    "unit_price": Decimal("3200.00"),
                    "funding_stream": "participatiewet",
                },
            ],
            "articles": [
                {
                    "national_article": LegalArticle.objects.get(law_short="Awb", article="4:84", paragraph=""),
                    "local_article": None,
                    "application": "hardship",
                    "motivation": "De beleidsregel sluit huurschulden uit; hier heeft dat onevenredige gevolgen.",
                }
            ],
        },
    )
    if publish:
        template = services.template_publish(actor=actor, template=template)
    return template
