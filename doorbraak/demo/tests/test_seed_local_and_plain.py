"""What the demo shows of issue 9, points 7 and 10, read from the seeded demo (built once for this module):

- Voorbeeldstad's own tariffs and local rules: Rendement prices lines from a "Lokaal tarief", Legitimiteit
  suggests and cites local rules (local before national);
- the household's version (B1) of every demo plan, rendered as the real PDF and read back: no bare codes, no
  jargon, and Dutch Flesch–Douma at least 60 (README "De versie in eenvoudige taal").

Run with ``-s`` to see the measured readability per demo plan."""

import io
import re
import statistics

import pytest
import textstat
from django.urls import reverse

from doorbraak.accounts.tests.mfa_support import verified_login
from doorbraak.costs.constants import PriceOrigin
from doorbraak.costs.models import CostLine, Tariff
from doorbraak.demo.seeds.local_rules import RULES, TARIFF_SET_NAME, TARIFFS
from doorbraak.documents.plain import jargon_left
from doorbraak.documents.selectors import ExportOptions
from doorbraak.documents.services import plan_export
from doorbraak.legal.models import Citation, LocalArticle
from doorbraak.legal.suggestions import suggestions_for_plan
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.models import Plan

pytestmark = [pytest.mark.django_db, pytest.mark.slow, pytest.mark.xdist_group("seeded-demo-local-plain")]

B1_THRESHOLD = 60  # Flesch–Douma "normaal" and easier (Douma 1960); see README
BARE_CODE = re.compile(r"\b(?:art\.|artikel\s+\d|lid\s+\d|Pw|Awb|Wmo 2015|Jw|Fw|Zvw)\b")
RULE_TITLES = {rule["regulation_title"] for rule in RULES}


def _voorbeeldstad_plans():
    return Plan.objects.filter(organisation__slug="voorbeeldstad").select_related("owner", "household")


def test_the_tariffs_and_rules_are_seeded_once(seeded_demo):
    tariffs = Tariff.objects.filter(organisation__slug="voorbeeldstad", tariff_set__name=TARIFF_SET_NAME)
    assert tariffs.count() == len(TARIFFS) and all(t.item_id for t in tariffs)  # each maps to a price item
    assert LocalArticle.objects.filter(organisation__slug="voorbeeldstad").count() == len(RULES)
    assert not LocalArticle.objects.exclude(organisation__slug="voorbeeldstad").exists()
    assert all(a.plain_language for a in LocalArticle.objects.all())


def test_rendement_shows_lokaal_tarief(client, seeded_demo):
    line = CostLine.objects.filter(price_origin=PriceOrigin.TARIFF, plan__organisation__slug="voorbeeldstad").first()
    assert line is not None, "no demo cost line is priced from a local tariff"
    share = CostLine.objects.filter(price_origin=PriceOrigin.TARIFF).count() / CostLine.objects.count()
    assert share > 0.15  # the help the stories use most is bought locally
    verified_login(client, line.plan.owner)
    html = client.get(reverse("costs:plan_return", args=[line.plan.pk])).content.decode()
    assert "Lokaal tarief" in html and "Landelijke prijslijst" in html  # local before national, both visible


def test_legitimiteit_suggests_and_cites_local_rules(client, seeded_demo):
    concept = next(
        plan
        for plan in _voorbeeldstad_plans().filter(status=PlanStatus.CONCEPT)
        if any(ref.startswith("l:") for s in suggestions_for_plan(plan=plan, top=10).suggestions for ref in s.refs)
    )
    verified_login(client, concept.owner)
    html = client.get(reverse("legal:plan_legitimacy", args=[concept.pk])).content.decode()
    assert "lokale regeling" in html and any(title in html for title in RULE_TITLES)
    cited = Citation.objects.filter(local_article__isnull=False).select_related("plan__owner").first()
    assert cited is not None, "no demo plan cites a local rule"
    verified_login(client, cited.plan.owner)
    html = client.get(reverse("legal:plan_legitimacy", args=[cited.plan.pk])).content.decode()
    assert cited.local_article.regulation_title in html and "art. art." not in html


def _without_own_words(text: str, plan) -> str:
    """The text the document wrote itself: the household's own words (kept as they are) taken out."""
    from doorbraak.engagement.selectors import engagement_for_plan

    engagement = engagement_for_plan(plan=plan)
    own = [plan.perspective, getattr(engagement, "own_words", ""), getattr(engagement, "goals", "")]
    for words in own:
        text = text.replace(" ".join((words or "").split()), " ")
    return text


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _sections(text: str) -> list[str]:
    """The document cut at its questions/headings, for a score per part (running footer left out)."""
    text = re.sub(r"Doorbraak \S+ · HH-\S+ pagina \d+ van \d+", " ", text)
    parts = re.split(r"(?<=\?) |(?=Wat is er nodig\?|De belangrijkste stap|Mag dit wel\?)", text)
    return [part for part in parts if len(part.split()) >= 12]


def test_every_demo_plans_household_version_is_b1(seeded_demo):
    textstat.set_lang("nl")
    scores = {}
    for plan in _voorbeeldstad_plans().order_by("household__reference"):
        text = _pdf_text(plan_export(actor=plan.owner, plan=plan, options=ExportOptions(plain=True)))
        assert not BARE_CODE.search(text), (plan.household.reference, BARE_CODE.search(text).group(0))
        written = _without_own_words(text, plan)
        assert not jargon_left(written), (plan.household.reference, jargon_left(written))
        parts = [textstat.flesch_reading_ease(part) for part in _sections(text)]
        scores[plan.household.reference] = (textstat.flesch_reading_ease(text), min(parts), statistics.median(parts))
    print("\nFlesch–Douma of the household's version (whole document; min and median over its parts):")
    for reference, (whole, low, middle) in scores.items():
        print(f"  {reference}: {whole:5.1f}  (min {low:5.1f}, median {middle:5.1f})")
    wholes = [whole for whole, _low, _middle in scores.values()]
    print(f"  over {len(wholes)} demo plans: min {min(wholes):.1f}, median {statistics.median(wholes):.1f}")
    assert len(scores) >= 25
    assert min(wholes) >= B1_THRESHOLD, {r: round(s[0], 1) for r, s in scores.items() if s[0] < B1_THRESHOLD}
    # most of each document reads easily too (a part that lists organisation names may score lower)
    assert all(middle >= B1_THRESHOLD for _whole, _low, middle in scores.values())
