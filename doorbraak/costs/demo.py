"""Demo cost lines per demo story (magnitudes in line with BRIEF §7: avoided costs of tens of thousands of
euros per case, direct savings of a few thousand). Used by doorbraak/demo/seeds/costs.py."""

from .services import seed_plan_lines

EXCEPTION = "participatiewet"

STORIES: dict[str, list[dict]] = {
    "huurachterstand-ontruiming": [
        {"scenario": "current", "code": "wmo_begeleiding_individueel", "quantity": 104},
        {"scenario": "current", "code": "jw_ambulant_hbo", "quantity": 120},
        {"scenario": "current", "code": "pw_bewind_standaard", "quantity": 12},
        {"scenario": "threatening", "code": "wmo_begeleiding_individueel", "quantity": 104},
        {"scenario": "threatening", "code": "jw_ambulant_hbo", "quantity": 120},
        {
            "scenario": "threatening",
            "code": "wmo_maatschappelijke_opvang_24uurs",
            "quantity": 180,
            "probability": "0.6",
            "low": 90,
            "high": 270,
        },
        {"scenario": "threatening", "code": "jw_ots", "quantity": 1, "probability": "0.5"},
        {"scenario": "threatening", "code": "jw_pleegzorg", "quantity": 360, "probability": "0.3", "low": 180},
        {"scenario": "threatening", "code": "wc_huisuitzetting_verhuurder", "quantity": 1, "probability": "0.6"},
        {
            "scenario": "plan",
            "description": "Huurachterstand in één keer betalen (bijzondere bijstand)",
            "quantity": 1,
            "price": "3200.00",
            "funding_stream": EXCEPTION,
            "paid_from_budget": True,
        },
        {"scenario": "plan", "code": "wmo_begeleiding_individueel", "quantity": 52},
        {"scenario": "plan", "code": "jw_ambulant_hbo", "quantity": 60},
    ],
    "hond-en-opname": [
        {"scenario": "current", "code": "wmo_nachtopvang", "quantity": 300},
        {"scenario": "current", "code": "zvw_seh_bezoek", "quantity": 6},
        {"scenario": "current", "code": "jus_politie_inzet", "quantity": 20},
        {"scenario": "threatening", "code": "wmo_nachtopvang", "quantity": 365},
        {"scenario": "threatening", "code": "zvw_seh_bezoek", "quantity": 8, "low": 4, "high": 12},
        {"scenario": "threatening", "code": "zvw_ziekenhuis_ligdag", "quantity": 10, "probability": "0.4"},
        {
            "scenario": "plan",
            "description": "Hondenpension tijdens opname",
            "quantity": 60,
            "price": "22.50",
            "funding_stream": EXCEPTION,
            "paid_from_budget": True,
        },
        {"scenario": "plan", "code": "zvw_verslavingszorg_opname", "quantity": 60},
        {"scenario": "plan", "code": "wmo_nachtopvang", "quantity": 30},
    ],
}
GENERIC = [
    {"scenario": "current", "code": "gem_wijkteam_uur", "quantity": 52},
    {"scenario": "current", "code": "sh_budgetbeheer", "quantity": 12},
    {"scenario": "threatening", "code": "gem_wijkteam_uur", "quantity": 80},
    {"scenario": "threatening", "code": "sh_traject", "quantity": 1, "probability": "0.7"},
    {"scenario": "threatening", "code": "jw_ots", "quantity": 1, "probability": "0.3"},
    {
        "scenario": "threatening",
        "code": "wmo_maatschappelijke_opvang_24uurs",
        "quantity": 120,
        "probability": "0.3",
        "low": 60,
        "high": 180,
    },
    {
        "scenario": "plan",
        "description": "Kosten van de uitzondering",
        "quantity": 1,
        "price": "1500.00",
        "funding_stream": EXCEPTION,
        "paid_from_budget": True,
    },
    {"scenario": "plan", "code": "gem_wijkteam_uur", "quantity": 40},
    {"scenario": "plan", "code": "sh_budgetbeheer", "quantity": 12},
]


def seed_demo_lines(*, actor, plan, story: str) -> int:
    return seed_plan_lines(actor=actor, plan=plan, lines=STORIES.get(story, GENERIC))
