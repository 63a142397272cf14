"""The Rendement side of each demo story: three scenarios over the first twelve months, in price-list codes.

- ``current``: what the helpers in the story spend now, continued over the year at today's intensity.
- ``threatening``: what happens without the plan (the null alternative): the current help goes on, usually
  heavier, and the escalations the story warns about come with a probability below 1 (eviction, shelter,
  out-of-home placement, crisis admission, recidivism, dropping out of school, ...).
- ``plan``: the plan, including the cost of the exception itself (a free line, e.g. "Huurachterstand in één
  keer betalen"); some of those are paid from the Doorbraakbudget.

Codes and units are those of ``doorbraak/costs/data/price-list.csv`` (prices resolve through the costs app, so
they are indexed to the plan's price level). Magnitudes follow BRIEF §7 (numbers from practice): avoided costs
of roughly €20,000-30,000 per plan on average, a direct saving of a few thousand, with spread: some plans cost
more than what is spent now (a clinical admission, a longer stay in the gezinshuis) and still avoid more.

``AMOUNT`` as a price means the euro amount in the household's own story (e.g. the rent arrears in its
situation text), so two households following the same story pay a different exception. No Django here.
"""

import re
from decimal import Decimal

AMOUNT = "amount"  # price placeholder: the household's own amount from its story text

# Funding streams of the free lines (codes of doorbraak.costs.constants.FundingStream).
PW, GEM, WMO, JW, ZVW, WC, OND = (
    "participatiewet",
    "gemeente_overig",
    "wmo",
    "jeugdwet",
    "zvw",
    "woningcorporatie",
    "onderwijs",
)


def line(code: str, quantity, probability=None, *, low=None, high=None, **extra) -> dict:
    spec = {"code": code, "quantity": quantity, **extra}
    if probability is not None:
        spec["probability"] = str(probability)
    if low is not None:
        spec["low"] = low
    if high is not None:
        spec["high"] = high
    return spec


def free(description: str, price, stream: str, *, quantity=1, budget: bool = False, cashable: bool = True) -> dict:
    """A line without a price-list item: the exception itself or something the list does not know."""
    return {
        "description": description,
        "quantity": quantity,
        "price": price,
        "funding_stream": stream,
        "cashable": cashable,
        "paid_from_budget": budget,
    }


STORIES: dict[str, dict[str, list[dict]]] = {
    "huurachterstand-ontruiming": {
        "current": [
            line("wmo_begeleiding_individueel", 104),
            line("jw_ambulant_hbo", 120),
            line("pw_bewind_standaard", 12),
            line("gem_wijkteam_uur", 40),
            line("zvw_huisarts_consult", 6),
        ],
        "threatening": [
            line("wmo_begeleiding_individueel", 104),
            line("jw_ambulant_hbo", 120),
            line("pw_bewind_standaard", 12),
            line("gem_wijkteam_uur", 60),
            line("wmo_maatschappelijke_opvang_24uurs", 180, "0.6", low=90, high=270),
            line("jw_ots", 1, "0.5"),
            line("jw_pleegzorg", 360, "0.3", low=180),
            line("wc_huisuitzetting_verhuurder", 1, "0.6"),
            line("pw_bewind_ontruiming", 1, "0.6"),
            line("zvw_ggz_basis_contact", 8, "0.5"),
        ],
        "plan": [
            free("Huurachterstand in één keer betalen (bijzondere bijstand)", AMOUNT, PW, budget=True),
            line("wmo_begeleiding_individueel", 52),
            line("jw_ambulant_hbo", 60),
            line("pw_bewind_standaard", 12),
            line("gem_wijkteam_uur", 24),
            line("zvw_poh_ggz_consult", 6),
        ],
    },
    "hond-en-opname": {
        "current": [
            line("wmo_nachtopvang", 300),
            line("zvw_seh_bezoek", 6),
            line("zvw_ambulance_spoed", 3),
            line("jus_politie_inzet", 20),
            line("zvw_ggz_specialistisch_contact", 12),
        ],
        "threatening": [
            line("wmo_nachtopvang", 365),
            line("zvw_seh_bezoek", 8, low=4, high=12),
            line("zvw_ambulance_spoed", 4),
            line("jus_politie_inzet", 30),
            line("zvw_ggz_specialistisch_contact", 12),
            line("zvw_ziekenhuis_ligdag", 10, "0.4"),
            line("zvw_ic_ligdag", 3, "0.15"),
            line("zvw_ggz_acute_opname", 14, "0.3"),
            line("jus_wvggz_crisismaatregel", 1, "0.3"),
            line("jus_delict_openbare_orde", 1, "0.5"),
        ],
        "plan": [
            free("Hondenpension tijdens de opname (Doorbraakbudget)", AMOUNT, GEM, budget=True),
            line("zvw_verslavingszorg_opname", 42),
            line("wmo_begeleiding_individueel", 80),
            line("wmo_nachtopvang", 30),
            line("zvw_ggz_specialistisch_contact", 10),
        ],
    },
    "achttien-uit-jeugdzorg": {
        "current": [
            line("jw_ambulant_hbo", 20),
            line("gem_wijkteam_uur", 30),
            line("gem_maatschappelijk_werk_contact", 6),
        ],
        "threatening": [
            line("gem_wijkteam_uur", 60),
            line("gem_maatschappelijk_werk_contact", 10),
            line("ond_voortijdig_schoolverlaten", 1, "0.5"),
            line("wmo_maatschappelijke_opvang_24uurs", 180, "0.6", low=90, high=365),
            line("wmo_begeleiding_specialistisch", 150, "0.6"),
            line("sh_problematische_schulden_jaar", 1, "0.4"),
            line("jus_delict_diefstal", 2, "0.3"),
            line("zvw_ggz_acute_opname", 10, "0.15"),
        ],
        "plan": [
            line("jw_gezinshuis", 45, description="Verlengd verblijf in het gezinshuis tot de eigen kamer (18+)"),
            free("Bijstand zonder zoektermijn: vier weken eerder inkomen", "332.17", PW),
            line("jw_ambulant_hbo", 40),
            line("gem_wijkteam_uur", 20),
        ],
    },
    "toeslagen-beslag": {
        "current": [
            line("gem_wijkteam_uur", 52),
            line("gem_maatschappelijk_werk_contact", 10),
            line("sh_vroegsignalering_contact", 3),
            line("jw_ambulant_hbo", 60),
            line("zvw_poh_ggz_consult", 6),
            line("zvw_huisarts_consult", 4),
        ],
        "threatening": [
            line("gem_wijkteam_uur", 80),
            line("gem_maatschappelijk_werk_contact", 10),
            line("jw_ambulant_hbo", 60),
            line("zvw_ggz_basis_contact", 8, "0.6"),
            line("sh_traject", 1, "0.8"),
            line("pw_bewind_intake", 1, "0.5"),
            line("pw_bewind_tweepersoons", 12, "0.5"),
            line("jus_wsnp_traject", 1, "0.3"),
            line("sh_problematische_schulden_jaar", 1, "0.7"),
            line("wc_huurderving", 4, "0.5"),
            line("wc_huisuitzetting_verhuurder", 1, "0.2"),
        ],
        "plan": [
            free("Kwijtschelding gemeentelijke belastingen en betaalpauze invordering", "950.00", GEM),
            line("gem_wijkteam_uur", 30),
            line("sh_vroegsignalering_contact", 2),
            line("sh_budgetbeheer", 6),
            line("jw_ambulant_hbo", 10),
            line("zvw_poh_ggz_consult", 6),
        ],
    },
    "maatregel-psychiatrie": {
        "current": [
            line("zvw_ggz_specialistisch_contact", 12),
            line("zvw_huisarts_consult", 6),
            line("pw_reintegratie_traject", 1),
            line("gem_wijkteam_uur", 24),
            line("sh_vroegsignalering_contact", 2),
        ],
        "threatening": [
            line("zvw_ggz_specialistisch_contact", 20),
            line("zvw_huisarts_consult", 8),
            line("pw_reintegratie_traject", 1),
            line("gem_wijkteam_uur", 40),
            line("zvw_ggz_acute_contact", 3, "0.5"),
            line("zvw_ggz_acute_opname", 21, "0.4", low=10, high=42),
            line("zvw_ggz_opname", 30, "0.25"),
            line("jus_wvggz_crisismaatregel", 1, "0.3"),
            line("jus_wvggz_zorgmachtiging", 1, "0.15"),
            line("sh_traject", 1, "0.5"),
            line("wc_huurderving", 3, "0.3"),
            line("wc_huisuitzetting_verhuurder", 1, "0.1"),
            line("jus_politie_inzet", 8, "0.5"),
        ],
        "plan": [
            free("Verlaging terugdraaien: twee maanden 30% bijstand nabetalen", "807.27", PW),
            line("zvw_ggz_specialistisch_contact", 24),
            line("zvw_huisarts_consult", 6),
            line("gem_wijkteam_uur", 16),
            line("sh_vroegsignalering_contact", 1),
        ],
    },
    "kinderopvang-in-plaats-van-opvoedhulp": {
        "current": [
            line("gem_wijkteam_uur", 40),
            line("gem_maatschappelijk_werk_contact", 8),
            line("zvw_huisarts_consult", 6),
            line("zvw_ggz_basis_contact", 12),
            line("jw_ambulant_groep_mbo", 20),
        ],
        "threatening": [
            line("gem_wijkteam_uur", 60),
            line("gem_maatschappelijk_werk_contact", 8),
            line("zvw_huisarts_consult", 8),
            line("zvw_ggz_basis_contact", 12),
            line("jw_ambulant_hbo", 60),
            line("jw_intensief_ambulant_traject", 1, "0.4"),
            line("wmo_veilig_thuis_onderzoek", 1, "0.25"),
            line("jus_rvdk_beschermingsonderzoek", 1, "0.2"),
            line("jw_ots", 1, "0.15"),
            line("jw_crisisopvang", 14, "0.2"),
            line("jw_pleegzorg", 180, "0.15", low=90, high=365),
        ],
        "plan": [
            line(
                "bd_kinderopvang_dagopvang",
                330,
                funding_stream=JW,
                paid_from_budget=True,
                description="Kinderopvang drie dagdelen per week tot de opvoedhulp start (maatwerk Jeugd)",
            ),
            line("jw_ambulant_hbo", 20),
            line("zvw_poh_ggz_consult", 6),
            line("zvw_ggz_basis_contact", 8),
            line("gem_wijkteam_uur", 16),
        ],
    },
    "statushouder-start": {
        "current": [
            line("gem_maatschappelijk_werk_contact", 20),
            line("gem_wijkteam_uur", 30),
            line("zvw_huisarts_consult", 10),
            line("sh_vroegsignalering_contact", 3),
            line("zvw_seh_bezoek", 2),
            line("zvw_ggz_basis_contact", 10),
        ],
        "threatening": [
            line("gem_maatschappelijk_werk_contact", 24),
            line("zvw_ggz_basis_contact", 10),
            line("gem_wijkteam_uur", 40),
            line("zvw_huisarts_consult", 12),
            line("zvw_seh_bezoek", 3),
            line("sh_traject", 1, "0.6"),
            line("pw_bewind_tweepersoons", 12, "0.4"),
            line("sh_problematische_schulden_jaar", 1, "0.6"),
            line("wc_huurderving", 3, "0.3"),
            line("zvw_ggz_specialistisch_contact", 20, "0.5"),
            line("zvw_ggz_acute_opname", 14, "0.15"),
            line("jw_ambulant_hbo", 40, "0.5"),
        ],
        "plan": [
            free("Kwijtschelding zorgnota's en CAK-boete, zorgverzekering met terugwerkende kracht", AMOUNT, ZVW),
            line("zvw_ggz_specialistisch_contact", 12),
            line("gem_maatschappelijk_werk_contact", 16),
            line("gem_wijkteam_uur", 12),
            line("zvw_huisarts_consult", 6),
        ],
    },
    "huiselijk-geweld-verhuizen": {
        "current": [
            line("wmo_vrouwenopvang", 180),
            line("wmo_veilig_thuis_onderzoek", 1),
            line("jus_politie_inzet", 10),
            line("jw_ggz_hbo", 10),
            line("jw_ambulant_hbo", 80),
            line("gem_wijkteam_uur", 30),
        ],
        "threatening": [
            line("wmo_vrouwenopvang", 270, low=210, high=365),
            line("wmo_veilig_thuis_onderzoek", 1),
            line("jus_politie_inzet", 20),
            line("jw_ggz_wo", 30),
            line("jw_ambulant_hbo", 80),
            line("gem_wijkteam_uur", 40),
            line("ond_remedial_teaching", 40),
            line("jw_ots", 1, "0.2"),
            line("jus_delict_mishandeling", 1, "0.15"),
        ],
        "plan": [
            free("Inrichting van de urgentiewoning (Doorbraakbudget)", "2500.00", GEM, budget=True),
            line("wmo_vrouwenopvang", 60),
            line("wmo_veilig_thuis_onderzoek", 1),
            line("jus_politie_inzet", 6),
            line("jw_ggz_hbo", 16),
            line("jw_ambulant_hbo", 30),
            line("wmo_begeleiding_individueel", 24),
            line("gem_wijkteam_uur", 30),
        ],
    },
    "mantelzorg-oudere": {
        "current": [
            line("zvw_persoonlijke_verzorging", 156),
            line("zvw_wijkverpleging", 26),
            line("wlz_pgb_begeleiding", 208),
            line("zvw_seh_bezoek", 2),
            line("zvw_ambulance_spoed", 2),
            line("wmo_kortdurend_verblijf", 12),
            line("ov_informele_zorg", 1040),
        ],
        "threatening": [
            line("zvw_persoonlijke_verzorging", 156),
            line("zvw_wijkverpleging", 26),
            line("wlz_pgb_begeleiding", 208),
            line("zvw_seh_bezoek", 3),
            line("zvw_ambulance_spoed", 3),
            line("ov_informele_zorg", 1040),
            line("zvw_ziekenhuis_ligdag", 7, "0.5"),
            line("wlz_verpleeghuis", 120, "0.35", low=60, high=240),
            line("wmo_kortdurend_verblijf", 12),
            line("wmo_kortdurend_verblijf", 14, "0.5", description="Extra logeeropvang als moeder uitvalt"),
            line("wlz_vg_wonen", 180, "0.2"),
        ],
        "plan": [
            free("Verhuiskosten naar de gelijkvloerse woning (Doorbraakbudget)", "3000.00", GEM, budget=True),
            line("zvw_persoonlijke_verzorging", 104),
            line("zvw_wijkverpleging", 26),
            line("wlz_pgb_begeleiding", 104),
            line("wmo_dagbesteding", 192),
            line("ov_informele_zorg", 520),
        ],
    },
    "zzp-schulden-depressie": {
        "current": [
            line("gem_wijkteam_uur", 52),
            line("gem_maatschappelijk_werk_contact", 12),
            line("zvw_huisarts_consult", 10),
            line("zvw_poh_ggz_consult", 8),
            line("jw_ambulant_hbo", 40),
            line("pw_bewind_schulden", 12),
        ],
        "threatening": [
            line("gem_wijkteam_uur", 60),
            line("gem_maatschappelijk_werk_contact", 12),
            line("zvw_huisarts_consult", 10),
            line("jw_ambulant_hbo", 40),
            line("pw_bewind_schulden", 12),
            line("sh_problematische_schulden_jaar", 1, "0.6"),
            line("jus_wsnp_traject", 1, "0.4"),
            line("wc_huurderving", 4, "0.4"),
            line("wc_huisuitzetting_verhuurder", 1, "0.15"),
            line("zvw_ggz_specialistisch_contact", 16, "0.6"),
            line("zvw_verslavingszorg_opname", 21, "0.15"),
            line("ond_voortijdig_schoolverlaten", 1, "0.4"),
        ],
        "plan": [
            free("Vrijwillige boekhouder: oude aangiftes afwikkelen (Doorbraakbudget)", "600.00", GEM, budget=True),
            line("sh_traject", 1),
            line("sh_budgetbeheer", 12),
            line("zvw_ggz_basis_contact", 8),
            line("gem_wijkteam_uur", 24),
            line("jw_ambulant_hbo", 12),
            line("zvw_huisarts_consult", 6),
        ],
    },
    "schooluitval-jongere": {
        "current": [
            line("jw_ambulant_hbo", 104),
            line("gem_wijkteam_uur", 30),
            line("jus_politie_inzet", 6),
            line("zvw_huisarts_consult", 3),
        ],
        "threatening": [
            line("jw_ambulant_hbo", 104),
            line("gem_wijkteam_uur", 40),
            line("jus_politie_inzet", 10),
            line("jw_ggz_wo", 20),
            line("jw_ambulant_hbo", 30, "0.5", description="Ambulante jeugdhulp voor de jongste broer"),
            line("jw_dagbehandeling", 120, "0.5"),
            line("jw_residentieel", 180, "0.2", low=90, high=270),
            line("jw_jeugdreclassering", 1, "0.3"),
            line("jus_delict_mishandeling", 1, "0.15"),
            line("jus_delict_vernieling", 1, "0.2"),
            line("ond_voortijdig_schoolverlaten", 1, "0.5"),
        ],
        "plan": [
            free("Voorlopige plaatsing tussenvoorziening met onderzoek ter plekke", "4500.00", OND, cashable=False),
            line("jw_ggz_wo", 16),
            line("jw_ambulant_hbo", 40),
            line("gem_wijkteam_uur", 15),
        ],
    },
    "ex-gedetineerde": {
        "current": [
            line("gem_wijkteam_uur", 40),
            line("gem_maatschappelijk_werk_contact", 8),
            line("jus_politie_inzet", 6),
            free("Toezicht reclassering na detentie", "5500.00", "justitie", cashable=False),
        ],
        "threatening": [
            line("gem_wijkteam_uur", 40),
            line("gem_maatschappelijk_werk_contact", 8),
            line("jus_politie_inzet", 20),
            free("Toezicht reclassering na detentie", "5500.00", "justitie", cashable=False),
            line("jus_detentie_volwassene", 90, "0.35", low=45, high=240),
            line("jus_delict_diefstal", 2, "0.5"),
            line("jus_delict_diefstal_geweld", 1, "0.15"),
            line("wmo_nachtopvang", 200, "0.5"),
            line("sh_problematische_schulden_jaar", 1, "0.6"),
            line("zvw_seh_bezoek", 2, "0.3"),
        ],
        "plan": [
            free("Leges ID-kaart uit bijzondere bijstand", "77.55", PW),
            free("Toezicht reclassering na detentie", "5500.00", "justitie", cashable=False),
            line("wmo_begeleiding_individueel", 52),
            line("gem_wijkteam_uur", 16),
            line("sh_vroegsignalering_contact", 1),
        ],
    },
    "eenzame-oudere-schulden": {
        "current": [
            line("wmo_huishoudelijke_ondersteuning", 104),
            line("gem_wijkteam_uur", 20),
            line("gem_maatschappelijk_werk_contact", 6),
            line("zvw_huisarts_consult", 6),
            line("zvw_poh_ggz_consult", 4),
            line("zvw_wijkverpleging", 26),
        ],
        "threatening": [
            line("wmo_huishoudelijke_ondersteuning", 156),
            line("gem_wijkteam_uur", 30),
            line("gem_maatschappelijk_werk_contact", 10),
            line("zvw_huisarts_consult", 10),
            line("zvw_wijkverpleging", 26),
            line("zvw_wijkverpleging", 52, "0.5", description="Wijkverpleging bij verdere achteruitgang"),
            line("sh_traject", 1, "0.5"),
            line("pw_bewind_intake", 1, "0.4"),
            line("pw_bewind_schulden", 12, "0.4"),
            line("zvw_seh_bezoek", 2, "0.4"),
            line("zvw_ziekenhuis_ligdag", 7, "0.3"),
            line("wlz_verpleeghuis", 90, "0.2", low=30, high=180),
        ],
        "plan": [
            free("Eerste termijnen betalingsregeling voorgeschoten (Doorbraakbudget)", "300.00", GEM, budget=True),
            line("wmo_huishoudelijke_ondersteuning", 104),
            line("gem_wijkteam_uur", 12),
            line("sh_budgetbeheer", 12),
            line("gem_maatschappelijk_werk_contact", 4),
            line("zvw_huisarts_consult", 6),
            line("zvw_wijkverpleging", 12),
        ],
    },
    "ots-dreigt-woning": {
        "current": [
            line("jw_ambulant_hbo", 156),
            line("jus_rvdk_beschermingsonderzoek", 1),
            line("gem_wijkteam_uur", 40),
            line("gem_maatschappelijk_werk_contact", 6),
            line("zvw_polikliniek_bezoek", 4),
            line("zvw_seh_bezoek", 3),
        ],
        "threatening": [
            line("jw_ambulant_hbo", 156),
            line("jus_rvdk_beschermingsonderzoek", 1),
            line("gem_wijkteam_uur", 50),
            line("gem_maatschappelijk_werk_contact", 6),
            line("zvw_polikliniek_bezoek", 6),
            line("zvw_seh_bezoek", 4),
            line("zvw_ziekenhuis_ligdag", 4, "0.4"),
            line("jw_ots", 1, "0.6"),
            line("jw_intensief_ambulant_traject", 1, "0.5"),
            line("jw_crisisopvang", 14, "0.2"),
            line("jw_pleegzorg", 365, "0.3", low=180, high=730),
            line("wc_huurderving", 6, "0.4"),
            line("wc_huisuitzetting_verhuurder", 1, "0.2"),
        ],
        "plan": [
            free(
                "Verhuizing en schimmelvrije inrichting bij de woningruil (Doorbraakbudget)",
                "1800.00",
                GEM,
                budget=True,
            ),
            line("jw_ambulant_hbo", 104),
            line("jus_rvdk_beschermingsonderzoek", 1),
            line("sh_budgetbeheer", 12),
            line("gem_wijkteam_uur", 30),
            line("zvw_polikliniek_bezoek", 3),
        ],
    },
    "verward-gedrag-overlast": {
        "current": [
            line("zvw_wijkverpleging", 104),
            line("jus_politie_inzet", 24),
            line("zvw_ggz_specialistisch_contact", 6),
            line("zvw_ggz_acute_contact", 2),
            line("gem_wijkteam_uur", 30),
        ],
        "threatening": [
            line("zvw_wijkverpleging", 104),
            line("jus_politie_inzet", 40),
            line("zvw_ggz_acute_contact", 4),
            line("gem_wijkteam_uur", 40),
            line("wc_huisuitzetting_verhuurder", 1, "0.6"),
            line("wmo_maatschappelijke_opvang_24uurs", 180, "0.4", low=90, high=365),
            line("zvw_ggz_acute_opname", 21, "0.5", low=10, high=42),
            line("jus_wvggz_crisismaatregel", 1, "0.4"),
            line("jus_wvggz_zorgmachtiging", 1, "0.3"),
            line("wmo_beschermd_wonen", 180, "0.2"),
            line("jus_delict_openbare_orde", 2, "0.4"),
        ],
        "plan": [
            free("Laatste-kansovereenkomst: extra huurdersbegeleiding door de corporatie", "1200.00", WC),
            line("zvw_ggz_specialistisch_contact", 30),
            line("zvw_wijkverpleging", 52),
            line("jus_politie_inzet", 8),
            line("gem_wijkteam_uur", 24),
        ],
    },
}

_EURO = re.compile(r"€\s?(\d{1,3}(?:\.\d{3})+|\d+)")


def story_amount(*texts: str) -> Decimal | None:
    """The first euro amount in a household's story texts ('€ 3.650' -> 3650), or None."""
    for text in texts:
        found = _EURO.search(text or "")
        if found:
            return Decimal(found.group(1).replace(".", ""))
    return None


def lines_for(story: str, *, amount: Decimal | None, scale: Decimal = Decimal("1")) -> list[dict]:
    """The specs for ``seeds.costs.seed_plan_lines`` of one household following ``story``.

    ``amount`` fills the ``AMOUNT`` prices (without one those lines are left out); ``scale`` varies the
    volume of help per household (hours, days, contacts: quantities above 4), so households sharing a story
    still differ. Single events (a trajectory, an eviction, a year of supervision) keep their quantity."""
    specs = []
    for scenario, lines in STORIES[story].items():
        for spec in lines:
            spec = {"scenario": scenario, **spec}
            if spec.get("price") == AMOUNT:
                if amount is None:
                    continue
                spec["price"] = str(amount)
            if "code" in spec and spec["quantity"] > 4:
                for key in ("quantity", "low", "high"):
                    if key in spec:
                        spec[key] = int((Decimal(spec[key]) * scale).to_integral_value())
            specs.append(spec)
    return specs
