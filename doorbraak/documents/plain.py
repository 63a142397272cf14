"""The household's version of the plan (B1, plain Dutch), written from the plan's structured fields. Pure Python,
no Django imports.

Where the professional's own words are reused (situation, needs, steps, the breakthrough), ``plain_text``
swaps the jargon of the social domain for everyday words (``JARGON``, written for Doorbraak), cuts a sentence
at its semicolons and drops nothing else. The household's own words (perspective, own words, goals) are never
touched. Cited articles are never shown by their code: each gets its plain-language sentence from the law base
(``plain_language``), or a sentence for its kind of room when the article has none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Jargon → everyday words, matched case-insensitively on whole words (the longest first); a capital at the start
# of the jargon stays a capital. A replacement keeps the jargon's grammatical gender ("het vonnis" → "het
# besluit van de rechter", "de intake" → "de kennismaking"), so the sentence around it still reads.
JARGON: tuple[tuple[str, str], ...] = (
    # housing
    ("ontruimingsvonnis", "besluit van de rechter dat u uw huis uit moet"),
    ("ontruimingsprocedure", "procedure om iemand uit huis te zetten"),
    ("ontbindingsprocedure", "procedure om het huurcontract op te zeggen"),
    ("ontbinding van het huurcontract", "opzeggen van het huurcontract"),
    ("het huurcontract te ontbinden", "het huurcontract op te zeggen"),
    ("ontbinding", "opzegging"),
    ("vonnis", "besluit van de rechter"),
    ("ontruiming", "huisuitzetting"),
    ("intrekt", "stopt"),
    ("opschorten", "uitstellen"),
    ("aanhouden", "stilzetten"),
    ("huurachterstand", "huurschuld"),
    ("achterstanden", "schulden"),
    ("achterstand", "schuld"),
    ("urgentieaanvraag", "aanvraag voor voorrang op een huis"),
    ("urgentieverklaring", "voorrang op een huis"),
    ("urgentie", "voorrang"),
    ("toewijzingsbeleid", "beleid voor het verdelen van huizen"),
    ("maatwerktoewijzing", "toewijzing van een huis dat past"),
    ("inschrijfduur", "hoe lang iemand ingeschreven staat"),
    ("overbewoning", "te veel mensen in een te klein huis"),
    ("huisvestingsverordening", "woonregeling van de gemeente"),
    ("briefadres", "postadres"),
    # money and debts
    ("bijzondere bijstand", "extra geld van de gemeente"),
    ("schuldhulpverlening", "hulp bij schulden"),
    ("schuldregeling", "regeling voor de schulden"),
    ("schuldsanering", "wettelijke regeling voor de schulden"),
    ("schuldeisers", "mensen en bedrijven die nog geld krijgen"),
    ("schuldeiser", "partij die nog geld krijgt"),
    ("beslagvrije voet", "ondergrens van uw inkomen"),
    ("legt beslag op", "houdt geld in van"),
    ("bestaansminimum", "minimum om van te leven"),
    ("kwijtschelding", "vrijstelling van betalen"),
    ("kwijtschelden", "laten vervallen"),
    ("vorderingen", "rekeningen"),
    ("vordert", "vraagt"),
    ("invorderingsroutine", "vaste manier van geld innen"),
    ("draagkracht", "wat u kunt betalen"),
    ("terugbetaalafspraak", "afspraak over terugbetalen"),
    ("automatische incasso's", "automatische betalingen"),
    ("automatische incasso", "automatische betaling"),
    ("wanbetalersregeling", "regeling voor wie de zorgpremie niet betaalt"),
    ("zorgnota's", "rekeningen voor zorg"),
    ("leges", "kosten"),
    ("budgetcoach", "geldcoach"),
    ("formulierenbrigade", "hulp bij formulieren"),
    ("herberekenen", "opnieuw uitrekenen"),
    ("met terugwerkende kracht", "ook voor de tijd die al voorbij is"),
    ("terugwerkende kracht", "geldig vanaf het begin"),
    # rules and decisions
    ("hardheidsclausule", "regel die een uitzondering toestaat"),
    ("beleidsregel", "regel van de gemeente"),
    ("verordening", "regeling van de gemeente"),
    ("beschikking", "beslissing"),
    ("maatwerkvoorziening", "hulp op maat"),
    ("inkoopafspraken", "afspraken van de gemeente met zorgaanbieders"),
    ("ontheffing", "vrijstelling"),
    ("ontheffen", "vrijstellen"),
    ("arbeidsplicht", "plicht om te werken"),
    ("sollicitatieplicht", "plicht om te solliciteren"),
    ("zoektermijn", "zoektijd"),
    ("mandaat", "recht om te beslissen"),
    ("onder voorbehoud", "alvast"),
    ("parallel aan", "tegelijk met"),
    ("in afwachting van", "terwijl we wachten op"),
    ("ambtshalve", "zonder aanvraag"),
    ("afwikkelen", "afhandelen"),
    ("proces-verbaal", "rapport voor justitie"),
    ("werkgeversservicepunt", "werkloket"),
    # care
    ("praktijkondersteuner GGZ", "praktijkondersteuner voor psychische klachten"),
    ("GGZ-instelling", "praktijk voor psychische hulp"),
    ("GGZ-behandelaar", "behandelaar voor psychische klachten"),
    ("Jeugd-GGZ", "psychische hulp voor jongeren"),
    ("FACT-team", "team dat thuis helpt bij psychische klachten"),
    ("GGZ", "psychische hulp"),
    ("intake", "kennismaking"),
    ("klinische opname", "opname in een kliniek"),
    ("ambulante nazorg", "hulp thuis daarna"),
    ("medicatie", "medicijnen"),
    ("respijtzorg", "tijdelijke zorg zodat de mantelzorger even rust heeft"),
    ("valpreventie", "hulp om vallen te voorkomen"),
    ("zorgmelding", "melding van zorgen"),
    ("ondertoezichtstelling", "beslissing van de kinderrechter over toezicht op het gezin"),
    ("casemanager", "vaste hulpverlener"),
    ("professional", "hulpverlener"),
    # school
    ("leerplichtambtenaar", "medewerker leerplicht"),
    ("verzuimt school", "gaat niet naar school"),
    ("schoolverzuim", "wegblijven van school"),
    ("verzuim", "wegblijven van school"),
    ("tussenvoorziening", "tijdelijke school"),
    ("detentie", "tijd in de gevangenis"),
)

_PATTERN = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(j) for j, _ in sorted(JARGON, key=lambda p: -len(p[0]))) + r")(?![\w-])",
    re.IGNORECASE,
)
_PLAIN = {jargon.lower(): plain for jargon, plain in JARGON}


def _swap(match: re.Match) -> str:
    found = match.group(0)
    plain = _PLAIN[found.lower()]
    before = match.string[: match.start()].rstrip()
    starts_sentence = not before or before[-1] in ".!?:"
    # "Ontruiming" → "Huisuitzetting"; an abbreviation ("GGZ") keeps a capital only at the start of a sentence
    capital = found[:1].isupper() and (starts_sentence or not found[:2].isupper())
    return plain[:1].upper() + plain[1:] if capital else plain


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    return text if text[-1] in ".!?\"'”" else f"{text}."


def plain_words(text: str) -> str:
    """A name or a short phrase (a helper, who does a step) with its jargon swapped; no sentence made of it."""
    return _PATTERN.sub(_swap, " ".join((text or "").split()))


def plain_text(text: str) -> str:
    """The professional's text in everyday words: jargon swapped, a semicolon ends the sentence."""
    text = plain_words(text)
    return " ".join(_sentence(part) for part in re.split(r"\s*;\s*", text) if part.strip())


def jargon_left(text: str) -> list[str]:
    """The jargon words still in ``text`` (for tests and checks)."""
    return [match.group(0) for match in _PATTERN.finditer(text or "")]


def enumerate_nl(items: Iterable[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} en {items[-1]}"


# What a life domain is about, in words a household uses ("Het gaat over: uw huis, geld en schulden").
PLAIN_LIFE_DOMAINS = {
    "inkomen": "uw inkomen",
    "schulden": "schulden",
    "wonen": "uw huis",
    "psychische_gezondheid": "hoe u zich voelt",
    "lichamelijke_gezondheid": "uw gezondheid",
    "verslaving": "verslaving",
    "opvoeden_opgroeien": "de kinderen en de opvoeding",
    "zorg_ondersteuning": "zorg en hulp thuis",
    "werk_dagbesteding": "werk of dagbesteding",
    "onderwijs": "school",
    "veiligheid_justitie": "veiligheid",
    "verblijfsstatus": "uw verblijfsvergunning",
    "sociaal_netwerk": "mensen om u heen",
}


def domains_sentence(domains: Iterable[str]) -> str:
    phrases = list(dict.fromkeys(PLAIN_LIFE_DOMAINS[d] for d in domains if d in PLAIN_LIFE_DOMAINS))
    if not phrases:
        return ""
    return f"Het gaat over {enumerate_nl(phrases)}."


def breakthrough_paragraph(*, description: str, obstacle: str, exception: str, grantor: str) -> list[str]:
    """The breakthrough as one plain paragraph of short sentences (a list of them; empty parts left out)."""
    sentences = []
    if description:
        sentences += ["Eén stap maakt de rest mogelijk.", plain_text(description)]
    if obstacle:
        sentences += ["Maar er is een probleem.", plain_text(obstacle)]
    if exception:
        sentences += ["Daarom vragen we om een uitzondering.", plain_text(exception)]
    if grantor:
        sentences.append(f"Dat besluit ligt bij: {plain_words(grantor).rstrip('.')}.")
    return sentences


# One sentence per kind of room, for a cited article whose law-base row has no plain-language text yet.
KIND_SENTENCES = {
    "plicht_tot_maatwerk": "De gemeente moet kijken naar uw eigen situatie en hulp geven die daarbij past.",
    "hardheidsclausule": "De gemeente mag van de regel afwijken als die voor u te hard uitpakt.",
    "bevoegdheid": "De gemeente mag hier zelf een keuze maken die bij uw situatie past.",
    "voorziening": "Er is een regeling waardoor u hier hulp of geld voor kunt krijgen.",
    "beginsel": "De gemeente moet eerlijk en zorgvuldig met u omgaan.",
    "grondrecht": "Dit is een recht dat iedereen in Nederland heeft.",
    "verdrag": "Nederland heeft met andere landen afgesproken dat dit recht voor iedereen geldt.",
    "gegevensdeling": "Hulpverleners mogen alleen gegevens over u delen als dat mag en nodig is.",
}
DEFAULT_KIND_SENTENCE = "Deze regel geeft ruimte voor de oplossing in uw plan."


def article_sentences(articles: Iterable[tuple[str, str]]) -> list[str]:
    """One plain sentence per cited article, from (plain_language, kind) pairs; the same sentence once."""
    sentences = []
    for plain_language, kind in articles:
        sentence = _sentence(" ".join((plain_language or "").split())) or KIND_SENTENCES.get(kind, "")
        sentences.append(sentence or DEFAULT_KIND_SENTENCE)
    return list(dict.fromkeys(sentences))
