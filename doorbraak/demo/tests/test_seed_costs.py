"""The demo's Rendement: every story has its own three scenarios. That the demo as a whole tells numbers that
look like practice (BRIEF §7: avoided costs of about €20,000-30,000 per plan, a direct saving of a few
thousand, with spread) is checked on the seeded demo, in test_seed_demo.py."""

from decimal import Decimal

import pytest

from doorbraak.costs.constants import FundingStream, Scenario
from doorbraak.costs.models import PriceItem
from doorbraak.demo.seeds.cases import CASES
from doorbraak.demo.seeds.cost_stories import AMOUNT, STORIES, lines_for, story_amount


def test_every_story_has_its_own_three_scenarios():
    assert set(STORIES) == {case["key"] for case in CASES}
    sums = set()
    for key, scenarios in STORIES.items():
        assert set(scenarios) == {Scenario.CURRENT, Scenario.THREATENING, Scenario.PLAN}, key
        threatening = scenarios[Scenario.THREATENING]
        # escalations come with a probability below 1
        assert any(Decimal(spec.get("probability", "1")) < 1 for spec in threatening), key
        # the plan pays for its exception: a free line (or a price-list item named after the exception)
        assert any("code" not in spec or "description" in spec for spec in scenarios[Scenario.PLAN]), key
        # plan lines carry no range: the evaluation scales their quantities freely (seeds/workflow.py)
        assert not any("low" in spec or "high" in spec for spec in scenarios[Scenario.PLAN]), key
        sums.add(repr(scenarios))
    assert len(sums) == len(STORIES)
    assert sum(spec.get("paid_from_budget", False) for s in STORIES.values() for spec in s[Scenario.PLAN]) >= 5


@pytest.mark.django_db
def test_stories_use_price_list_codes_and_known_funding_streams():
    codes = set(PriceItem.objects.values_list("code", flat=True))
    for key, scenarios in STORIES.items():
        for spec in (spec for lines in scenarios.values() for spec in lines):
            if "code" in spec:
                assert spec["code"] in codes, (key, spec["code"])
            if "funding_stream" in spec:
                assert spec["funding_stream"] in FundingStream.values, (key, spec)


def test_the_household_amount_prices_the_exception_and_the_volume_varies():
    assert story_amount("Een achterstand van ongeveer € 3.650 en meer", "") == Decimal("3650")
    assert story_amount("Geen bedrag", "het pension (ongeveer € 1450), zodat") == Decimal("1450")
    assert story_amount("Geen bedrag") is None
    specs = lines_for("huurachterstand-ontruiming", amount=Decimal("3650"), scale=Decimal("1.1"))
    exception = next(s for s in specs if "description" in s and s["scenario"] == Scenario.PLAN)
    assert exception["price"] == "3650" and exception["paid_from_budget"]
    plain = {(s["scenario"], s.get("code")): s for s in lines_for("huurachterstand-ontruiming", amount=None)}
    scaled = {(s["scenario"], s.get("code")): s for s in specs}
    # hours scale with the household, single events (an eviction, a supervision order) do not
    assert scaled[("current", "jw_ambulant_hbo")]["quantity"] == 132 > plain[("current", "jw_ambulant_hbo")]["quantity"]
    assert scaled[("threatening", "jw_ots")]["quantity"] == plain[("threatening", "jw_ots")]["quantity"] == 1
    shelter = scaled[("threatening", "wmo_maatschappelijke_opvang_24uurs")]
    assert (shelter["low"], shelter["quantity"], shelter["high"]) == (99, 198, 297)
    # without the household's amount the AMOUNT line is left out instead of guessed
    assert not any(s.get("price") == AMOUNT for s in lines_for("hond-en-opname", amount=None))
