"""Default national data: price list, index figures and suggestion rules. Idempotent; never changes a price
that already exists (a new year's price is a new row). Accepts historical models so migrations can use it."""

from decimal import Decimal

from .pricelist import read_price_list

CPI_SOURCE = "CBS StatLine, Consumentenprijzen; jaarmutatie CPI alle bestedingen"
# CBS CPI yearly change, all households. 2022-2024 as in price-list-notes.md (same factors as the
# Kostenhandleiding/tatooheene); 2012-2021 from the same CBS series; 2025 from CBS' news release of
# 13 January 2026 ("Inflatie 3,3 procent in 2025").
CPI_FIGURES = {
    2012: "2.5",
    2013: "2.5",
    2014: "1.0",
    2015: "0.6",
    2016: "0.3",
    2017: "1.4",
    2018: "1.7",
    2019: "2.6",
    2020: "1.3",
    2021: "2.7",
    2022: "10.0",
    2023: "3.8",
    2024: "3.3",
    2025: "3.3",
}
CPI_2025_SOURCE = "CBS, nieuwsbericht 13 januari 2026: inflatie 3,3 procent in 2025 (jaargemiddelde CPI)"

# (tag codes that must all be on the plan, item code, scenario, quantity, probability, explanation)
SUGGESTION_RULES = [
    ("dreigende_ontruiming", "wc_huisuitzetting_verhuurder", "threatening", "1", "0.6", "Kosten ontruiming verhuurder"),
    ("dreigende_ontruiming", "wmo_maatschappelijke_opvang_24uurs", "threatening", "90", "0.5", "Opvangnachten"),
    ("dreigende_ontruiming", "pw_bewind_ontruiming", "threatening", "1", "0.5", "Extra bewind bij ontruiming"),
    ("huurachterstand", "wc_huurderving", "threatening", "3", "0.5", "Oplopende huurachterstand"),
    ("opvoedproblemen ongeschikte_woning", "jw_ots", "threatening", "1", "0.5", "Ondertoezichtstelling"),
    ("opvoedproblemen ongeschikte_woning", "jw_pleegzorg", "threatening", "180", "0.3", "Pleegzorg"),
    ("opvoedproblemen dreigende_ontruiming", "jw_ots", "threatening", "1", "0.5", "Ondertoezichtstelling"),
    ("opvoedproblemen dreigende_ontruiming", "jw_pleegzorg", "threatening", "180", "0.3", "Pleegzorg"),
    ("dreigende_uithuisplaatsing", "jus_rvdk_beschermingsonderzoek", "threatening", "1", "0.5", "Raadsonderzoek"),
    ("dreigende_uithuisplaatsing", "jw_ots", "threatening", "1", "0.5", "Ondertoezichtstelling"),
    ("dreigende_uithuisplaatsing", "jw_pleegzorg", "threatening", "180", "0.4", "Pleegzorg"),
    ("problematische_schulden", "sh_traject", "threatening", "1", "0.7", "Schuldhulptraject"),
    ("problematische_schulden", "pw_bewind_schulden", "threatening", "12", "0.5", "Bewind bij schulden"),
    ("crisis_ggz", "zvw_ggz_acute_opname", "threatening", "14", "0.4", "Crisisopname"),
    ("crisis_ggz", "jus_wvggz_crisismaatregel", "threatening", "1", "0.3", "Crisismaatregel Wvggz"),
    ("verslaving_alcohol_drugs", "zvw_seh_bezoek", "threatening", "4", "0.5", "Bezoeken spoedeisende hulp"),
    ("dakloos", "wmo_nachtopvang", "current", "300", "1", "Nachtopvang"),
    ("huiselijk_geweld", "wmo_veilig_thuis_onderzoek", "threatening", "1", "0.5", "Onderzoek Veilig Thuis"),
    ("huiselijk_geweld", "wmo_vrouwenopvang", "threatening", "60", "0.3", "Vrouwenopvang"),
    ("justitie_contact", "jus_politie_inzet", "threatening", "20", "0.5", "Politie-inzet"),
    ("schooluitval", "ond_voortijdig_schoolverlaten", "threatening", "1", "0.3", "Voortijdig schoolverlaten"),
    ("budgetbeheer", "sh_budgetbeheer", "plan", "12", "1", "Budgetbeheer"),
    ("schuldregeling", "sh_traject", "plan", "1", "1", "Schuldregeling"),
    ("begeleiding_thuis", "wmo_begeleiding_individueel", "plan", "52", "1", "Begeleiding thuis"),
    ("dagbesteding", "wmo_dagbesteding", "plan", "100", "1", "Dagbesteding"),
]


def load_price_list(PriceItem, ItemPrice) -> tuple[int, int]:  # noqa: N803 - historical models
    """Create missing items and missing (item, year) prices. Returns (items created, prices created)."""
    items_created = prices_created = 0
    for row in read_price_list():
        item, created = PriceItem.objects.get_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "unit": row["unit"],
                "funding_stream": row["funding_stream"],
                "life_domain": row["life_domain"],
                "cashable": row["cashable"],
                "index_type": row["index_type"],
            },
        )
        items_created += created
        _, created = ItemPrice.objects.get_or_create(
            item=item,
            year=row["price_year"],
            defaults={
                "amount": row["price"],
                "source": row["source"][:400],
                "source_url": row["source_url"][:500],
                "notes": row["notes"],
                "is_estimate": row["is_estimate"],
            },
        )
        prices_created += created
    return items_created, prices_created


def load_index_figures(IndexFigure) -> int:  # noqa: N803
    created = 0
    for year, pct in CPI_FIGURES.items():
        _, was_created = IndexFigure.objects.get_or_create(
            index_type="cpi",
            year=year,
            defaults={"percentage": Decimal(pct), "source": CPI_2025_SOURCE if year == 2025 else CPI_SOURCE},
        )
        created += was_created
    return created


def load_suggestion_rules(SuggestionRule, PriceItem) -> int:  # noqa: N803
    created = 0
    items = {i.code: i for i in PriceItem.objects.all()}
    for tags, code, scenario, quantity, probability, explanation in SUGGESTION_RULES:
        if code not in items:
            continue
        _, was_created = SuggestionRule.objects.get_or_create(
            tag_codes=tags,
            item=items[code],
            scenario=scenario,
            defaults={"quantity": Decimal(quantity), "probability": Decimal(probability), "explanation": explanation},
        )
        created += was_created
    return created
