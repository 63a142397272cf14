"""The seeded controlled vocabulary. The national admin can extend it in the app; this is the start.

(code, label, life domain). Problem codes follow the stacking patterns of BRIEF.md §4.
"""

from doorbraak.core.constants import LifeDomain

PROBLEMS = [
    ("huurachterstand", "Huurachterstand", "wonen"),
    ("dreigende_ontruiming", "Dreigende ontruiming", "wonen"),
    ("dakloos", "Dakloos of zonder vaste woonplek", "wonen"),
    ("ongeschikte_woning", "Ongeschikte of te kleine woning", "wonen"),
    ("problematische_schulden", "Problematische schulden", "schulden"),
    ("beslag", "Beslag op inkomen", "schulden"),
    ("betalingsachterstanden", "Betalingsachterstanden vaste lasten", "schulden"),
    ("terugvordering_toeslagen", "Terugvordering toeslagen", "schulden"),
    ("geen_inkomen", "Geen inkomen of geen toegang tot een voorziening", "inkomen"),
    ("maatregel_uitkering", "Verlaging of maatregel op uitkering", "inkomen"),
    ("psychische_klachten", "Psychische klachten", "psychische_gezondheid"),
    ("crisis_ggz", "Dreigende psychiatrische crisis", "psychische_gezondheid"),
    ("trauma", "Trauma", "psychische_gezondheid"),
    ("verslaving_alcohol_drugs", "Verslaving aan alcohol of drugs", "verslaving"),
    ("chronische_ziekte", "Chronische ziekte of beperking", "lichamelijke_gezondheid"),
    ("opvoedproblemen", "Opvoedproblemen", "opvoeden_opgroeien"),
    ("dreigende_uithuisplaatsing", "Dreigende uithuisplaatsing", "opvoeden_opgroeien"),
    ("alleenstaand_ouderschap", "Alleenstaand ouderschap", "opvoeden_opgroeien"),
    ("jongvolwassene_18min_18plus", "Overgang 18-/18+", "opvoeden_opgroeien"),
    ("schooluitval", "Schooluitval of verzuim", "onderwijs"),
    ("huiselijk_geweld", "Huiselijk geweld", "veiligheid_justitie"),
    ("justitie_contact", "Contact met politie of justitie", "veiligheid_justitie"),
    ("statushouder_start", "Statushouder in opstartfase", "verblijfsstatus"),
    ("eenzaamheid", "Eenzaamheid, klein netwerk", "sociaal_netwerk"),
    ("ontoereikende_ondersteuning", "Passende ondersteuning ontbreekt", "zorg_ondersteuning"),
    ("werkloosheid", "Werkloos of geen dagbesteding", "werk_dagbesteding"),
]

SOLUTIONS = [
    ("achterstand_betalen", "Achterstand in één keer betalen", "schulden"),
    ("schuldregeling", "Schuldregeling of saneringskrediet", "schulden"),
    ("budgetbeheer", "Budgetbeheer of beschermingsbewind", "schulden"),
    ("kwijtschelding", "Kwijtschelding of bevriezen van vorderingen", "schulden"),
    ("urgentie_woning", "Urgentie of andere woning", "wonen"),
    ("briefadres", "Briefadres", "wonen"),
    ("uitkering_versneld", "Uitkering versneld of zonder wachttijd", "inkomen"),
    ("bijzondere_bijstand", "Bijzondere bijstand", "inkomen"),
    ("maatregel_terugdraaien", "Maatregel terugdraaien of ontheffing", "inkomen"),
    ("behandeling_starten", "Behandeling of opname starten", "psychische_gezondheid"),
    ("begeleiding_thuis", "Begeleiding thuis", "zorg_ondersteuning"),
    ("kinderopvang", "Kinderopvang als ondersteuning", "opvoeden_opgroeien"),
    ("jeugdhulp_verlengen", "Jeugdhulp verlengen na 18", "opvoeden_opgroeien"),
    ("dagbesteding", "Dagbesteding of werk", "werk_dagbesteding"),
    ("netwerk_versterken", "Netwerk versterken", "sociaal_netwerk"),
]

BREAKTHROUGHS = [
    ("uitzondering_regel", "Uitzondering op een regel", ""),
    ("uitzondering_routine", "Uitzondering op een werkwijze of routine", ""),
    ("budgetgrens", "Over een budgetgrens heen", ""),
    ("doorbraakbudget", "Betaling uit het Doorbraakbudget", ""),
    ("volgorde_omdraaien", "Volgorde van stappen omdraaien", ""),
]


def seed_vocabulary(Tag) -> int:  # noqa: N803 - accepts the historical model in migrations
    """Create missing tags (idempotent). Returns how many were created."""
    rows = [("life_domain", value, str(label), value) for value, label in LifeDomain.choices]
    rows += [("problem", c, label, d) for c, label, d in PROBLEMS]
    rows += [("solution", c, label, d) for c, label, d in SOLUTIONS]
    rows += [("breakthrough", c, label, d) for c, label, d in BREAKTHROUGHS]
    created = 0
    for kind, code, label, domain in rows:
        _, was_created = Tag.objects.get_or_create(
            kind=kind, code=code, defaults={"label": label, "life_domain": domain}
        )
        created += was_created
    return created
