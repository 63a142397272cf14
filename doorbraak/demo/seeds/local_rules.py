"""Voorbeeldstad's own purchase tariffs and local rules, so the demo shows local before national: cost lines
priced from a "Lokaal tarief" on Rendement and local-rule suggestions on Legitimiteit.

Both are fictional but plausible (written for Doorbraak): tariffs a little above or below the national
price list, as a municipality's own purchase contracts are; rules as Dutch municipalities write them in a
verordening or beleidsregel (a hardship clause, room to pay a rent arrear despite an earlier refusal). They
are written the way the functional admin enters them: the tariffs as an uploaded file (preview, then confirm,
``costs.tariffs_import`` and ``costs.services.tariffs``), the rules through ``legal.services``. Runs after
``organisations`` and before ``costs`` and ``legal``, so the demo's cost lines resolve to these tariffs and
its suggestions include these rules. Idempotent: a tariff set or rule that exists is left alone.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from doorbraak.costs.constants import TariffKind
from doorbraak.costs.models import TariffSet
from doorbraak.costs.services.tariffs import tariff_set_import
from doorbraak.costs.tariffs_import import preview_tariff_file
from doorbraak.demo.constants import VOORBEELDSTAD
from doorbraak.legal.constants import ArticleKind, RegulationType
from doorbraak.legal.models import LocalArticle
from doorbraak.legal.services import local_article_save

TARIFF_SET_NAME = "Inkooptarieven sociaal domein Voorbeeldstad"

# (price-list code, euro per unit): the municipality's own contracts for the help the demo stories use most.
TARIFFS: tuple[tuple[str, str], ...] = (
    ("gem_wijkteam_uur", "84,50"),  # own integral cost price of the wijkteam
    ("gem_maatschappelijk_werk_contact", "118,00"),
    ("jw_ambulant_hbo", "81,20"),  # regional youth-care contract
    ("wmo_begeleiding_individueel", "69,40"),
    ("wmo_nachtopvang", "44,00"),
    ("sh_traject", "3200,00"),  # own Kredietbank: a little below the national figure
    ("sh_budgetbeheer", "72,00"),
    ("sh_vroegsignalering_contact", "135,00"),
)

BIJZONDERE_BIJSTAND = "Beleidsregels bijzondere bijstand Voorbeeldstad 2025"
WMO = "Verordening maatschappelijke ondersteuning Voorbeeldstad 2025"
HUISVESTING = "Huisvestingsverordening Voorbeeldstad 2024"
SCHULDHULP = "Beleidsregels schuldhulpverlening Voorbeeldstad 2025"
JEUGD = "Verordening jeugdhulp Voorbeeldstad 2025"
DOORBRAAKBUDGET = "Beleidsregel Doorbraakbudget Voorbeeldstad"

RULES: tuple[dict, ...] = (
    {
        "regulation_title": BIJZONDERE_BIJSTAND,
        "regulation_type": RegulationType.BELEIDSREGEL,
        "article": "12",
        "heading": "Huurachterstand bij dreigende ontruiming",
        "summary": (
            "Het college kan bijzondere bijstand verlenen om een huurachterstand in één keer te betalen als "
            "daarmee een ontruiming van een huishouden met kinderen wordt voorkomen, ook als een eerdere "
            "aanvraag is afgewezen. Het college maakt daarbij afspraken met de verhuurder over de lopende huur."
        ),
        "kind": ArticleKind.BEVOEGDHEID,
        "life_domains": ["wonen", "schulden", "inkomen"],
        "keywords": ["huurachterstand", "ontruiming", "ontruimingsvonnis", "bijzondere bijstand", "deurwaarder"],
        "situations": (
            "Een gezin dreigt zijn huis uit te moeten omdat de huur al maanden niet is betaald. De aanvraag "
            "voor bijzondere bijstand is eerder afgewezen omdat er schulden zijn. Betalen is goedkoper dan "
            "opvang voor moeder en kinderen."
        ),
        "plain_language": (
            "De gemeente mag uw huurschuld in één keer betalen als u anders uw huis uit moet, ook als zij eerder "
            "nee heeft gezegd."
        ),
    },
    {
        "regulation_title": BIJZONDERE_BIJSTAND,
        "regulation_type": RegulationType.BELEIDSREGEL,
        "article": "20",
        "heading": "Afwijken van deze beleidsregels",
        "summary": (
            "Het college kan afwijken van deze beleidsregels als toepassing ervan voor een of meer "
            "belanghebbenden gevolgen heeft die onevenredig zijn in verhouding tot het doel van de regels."
        ),
        "kind": ArticleKind.HARDHEIDSCLAUSULE,
        "life_domains": ["inkomen", "schulden", "algemeen"],
        "keywords": ["afwijken", "onevenredig", "schrijnend", "maatwerk", "eerdere afwijzing"],
        "situations": (
            "Een regel uit de beleidsregels pakt voor dit huishouden veel harder uit dan bedoeld. Een vaste "
            "grens of een eerdere weigering staat de oplossing in de weg."
        ),
        "plain_language": (
            "De gemeente mag anders beslissen dan haar eigen regels als die regels voor u veel te hard uitpakken."
        ),
    },
    {
        "regulation_title": WMO,
        "regulation_type": RegulationType.VERORDENING,
        "article": "2.8",
        "heading": "Hardheidsclausule",
        "summary": (
            "Het college kan in bijzondere gevallen afwijken van deze verordening als toepassing leidt tot een "
            "onbillijkheid van overwegende aard, mits dit past binnen de Wet maatschappelijke ondersteuning 2015."
        ),
        "kind": ArticleKind.HARDHEIDSCLAUSULE,
        "life_domains": ["zorg_ondersteuning", "psychische_gezondheid", "sociaal_netwerk"],
        "keywords": ["begeleiding", "wmo", "afwijken", "maatwerkvoorziening", "mantelzorg"],
        "situations": (
            "Iemand heeft begeleiding nodig die niet in het standaardaanbod past. De verordening sluit de hulp "
            "uit, terwijl zonder die hulp een opname of dakloosheid dreigt."
        ),
        "plain_language": (
            "De gemeente mag van haar regels voor hulp en begeleiding afwijken als die regels voor u niet eerlijk "
            "uitpakken."
        ),
    },
    {
        "regulation_title": HUISVESTING,
        "regulation_type": RegulationType.VERORDENING,
        "article": "2.5",
        "heading": "Urgentie in bijzondere omstandigheden",
        "summary": (
            "Burgemeester en wethouders kunnen een urgentieverklaring verlenen aan een woningzoekende die niet "
            "aan de voorwaarden voldoet, als het huishouden door bijzondere omstandigheden met kinderen dakloos "
            "dreigt te worden of door huiselijk geweld niet thuis kan blijven wonen."
        ),
        "kind": ArticleKind.HARDHEIDSCLAUSULE,
        "life_domains": ["wonen", "veiligheid_justitie", "opvoeden_opgroeien"],
        "keywords": ["urgentie", "woning", "dakloos", "huiselijk geweld", "verhuizen", "voorrang"],
        "situations": (
            "Een moeder met kinderen moet snel een andere woning hebben, maar voldoet niet aan de regels voor "
            "urgentie. Blijven is onveilig of het gezin staat binnenkort op straat."
        ),
        "plain_language": (
            "De gemeente mag u voorrang geven op een huis, ook als u niet aan alle regels voldoet, als u anders "
            "op straat komt of thuis niet veilig bent."
        ),
    },
    {
        "regulation_title": SCHULDHULP,
        "regulation_type": RegulationType.BELEIDSREGEL,
        "article": "4",
        "heading": "Toegang tot schuldhulp na eerdere uitval",
        "summary": (
            "Een inwoner die eerder uit een schuldhulptraject is gevallen, kan opnieuw worden toegelaten als "
            "de oorzaak van de uitval, zoals psychische klachten of een crisis, is weggenomen of wordt behandeld."
        ),
        "kind": ArticleKind.BEVOEGDHEID,
        "life_domains": ["schulden", "psychische_gezondheid", "inkomen"],
        "keywords": ["schuldhulp", "schuldregeling", "uitval", "wachttijd", "budgetbeheer", "beslag"],
        "situations": (
            "Iemand is eerder gestopt met schuldhulp toen het psychisch slecht ging. Nu mag hij een jaar lang "
            "niet opnieuw beginnen, terwijl de schulden verder oplopen."
        ),
        "plain_language": (
            "U mag opnieuw hulp krijgen bij uw schulden, ook als u eerder bent gestopt, als de reden daarvoor nu "
            "is opgelost of wordt behandeld."
        ),
    },
    {
        "regulation_title": JEUGD,
        "regulation_type": RegulationType.VERORDENING,
        "article": "9",
        "heading": "Doorlopende hulp na het achttiende jaar",
        "summary": (
            "Het college kan jeugdhulp die voor het achttiende jaar is begonnen laten doorlopen tot de jongere "
            "23 jaar is, als de hulp nodig is om de overgang naar volwassenheid te laten slagen en een "
            "voorziening voor volwassenen nog niet beschikbaar is."
        ),
        "kind": ArticleKind.BEVOEGDHEID,
        "life_domains": ["opvoeden_opgroeien", "wonen", "onderwijs", "zorg_ondersteuning"],
        "keywords": ["18-", "18+", "verlengde jeugdhulp", "jongere", "pleegzorg", "gezinshuis", "overgang"],
        "situations": (
            "Een jongere wordt achttien en moet uit de jeugdzorg, maar heeft nog geen woning, inkomen of "
            "begeleiding voor volwassenen. Zonder doorlopende hulp valt hij tussen wal en schip."
        ),
        "plain_language": (
            "De gemeente mag uw hulp laten doorgaan na uw achttiende verjaardag, tot u 23 bent, zodat u niet "
            "ineens zonder hulp staat."
        ),
    },
    {
        "regulation_title": DOORBRAAKBUDGET,
        "regulation_type": RegulationType.BELEIDSREGEL,
        "article": "3",
        "heading": "Inzet van het Doorbraakbudget",
        "summary": (
            "Uit het Doorbraakbudget kunnen kosten worden betaald die nodig zijn voor de doorbraak in een plan "
            "en die niet uit een wettelijke voorziening kunnen worden betaald, na besluit van het Doorbraakteam."
        ),
        "kind": ArticleKind.BEVOEGDHEID,
        "life_domains": ["algemeen", "schulden", "wonen"],
        "keywords": ["doorbraakbudget", "doorbraak", "maatwerk", "kosten", "uitzondering", "budget"],
        "situations": (
            "De doorbraak kost geld, maar geen regeling of loket betaalt het. Iedereen wijst naar een ander "
            "budget, terwijl het probleem zonder die betaling groter en duurder wordt."
        ),
        "plain_language": (
            "De gemeente heeft geld apart gezet om de belangrijkste stap in uw plan te betalen als geen andere "
            "regeling dat doet."
        ),
    },
)


def _tariff_file(valid_from: date) -> bytes:
    lines = ["code;tarief;geldig_vanaf"] + [f"{code};{amount};{valid_from:%d-%m-%Y}" for code, amount in TARIFFS]
    return ("\n".join(lines) + "\n").encode("utf-8")


def seed_local_tariffs(*, actor, organisation, valid_from: date) -> int:
    """Upload and confirm the tariff file as the functional admin would; nothing when the set exists."""
    if TariffSet.objects.filter(organisation=organisation, name=TARIFF_SET_NAME).exists():
        return 0
    content, filename = _tariff_file(valid_from), "inkooptarieven-voorbeeldstad.csv"
    preview = preview_tariff_file(
        organisation=organisation,
        filename=filename,
        content=content,
        kind=TariffKind.MUNICIPAL,
        name=TARIFF_SET_NAME,
        default_from=valid_from,
    )
    if preview.errors:
        raise ValueError(f"demo tariffs: {preview.errors}")
    tariff_set_import(
        actor=actor,
        organisation=organisation,
        kind=TariffKind.MUNICIPAL,
        name=TARIFF_SET_NAME,
        rows=preview.rows,
        filename=filename,
        token=preview.token,
    )
    return len(preview.rows)


def seed_local_rules(*, actor, organisation) -> int:
    existing = set(LocalArticle.objects.filter(organisation=organisation).values_list("regulation_title", "article"))
    created = 0
    for rule in RULES:
        if (rule["regulation_title"], rule["article"]) in existing:
            continue
        local_article_save(actor=actor, organisation=organisation, data=dict(rule))
        created += 1
    return created


def seed(ctx) -> None:
    organisation = ctx.organisations[VOORBEELDSTAD]
    admin = ctx.users["functional_admin"]
    # The municipality was set up 420 days ago (seeds/plans.py); its tariffs hold from the first of that year.
    valid_from = date(timezone.localdate(ctx.clock.real_now - timedelta(days=430)).year, 1, 1)
    tariffs = seed_local_tariffs(actor=admin, organisation=organisation, valid_from=valid_from)
    rules = seed_local_rules(actor=admin, organisation=organisation)
    if tariffs:
        ctx.count("local tariffs", tariffs)
    if rules:
        ctx.count("local rules", rules)
    ctx.log(f"local rules: {tariffs} tariffs, {rules} local articles")
