import factory

from doorbraak.legal.models import LocalArticle


class LocalArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocalArticle

    regulation_title = "Verordening sociaal domein Voorbeeldstad"
    regulation_type = "verordening"
    cvdr_id = factory.Sequence(lambda n: f"CVDR{700000 + n}")
    article = factory.Sequence(lambda n: str(n + 1))
    heading = "Hardheidsclausule urgentie"
    summary = "Het college kan afwijken van de urgentieregels als toepassing leidt tot onbillijkheid."
    kind = "hardheidsclausule"
    life_domains = factory.LazyFunction(lambda: ["wonen"])
    keywords = factory.LazyFunction(lambda: ["urgentie", "hardheidsclausule", "woning"])
