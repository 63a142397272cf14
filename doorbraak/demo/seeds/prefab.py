"""Demo plan templates: four national templates for the commonest stacks of problems (BRIEF.md §4), published by
the national admin through doorbraak.prefab.services. Idempotent: a template whose code exists is left alone.

Cost lines use the national price list (codes of doorbraak/costs/data/price-list.csv); quantities are what such a
household typically needs in the first year, to be adapted per plan. Articles come from the national law base."""

from decimal import Decimal

from doorbraak.costs.models import PriceItem
from doorbraak.legal.models import LegalArticle
from doorbraak.plans.models import Tag
from doorbraak.prefab.models import PlanTemplate
from doorbraak.prefab.services import template_publish, template_save

# Each line: (scenario, price-item code or None, quantity, probability, free description, free unit price, stream)
TEMPLATES = [
    {
        "code": "schulden-wonen",
        "title": "Schulden en dreigende ontruiming",
        "description": (
            "Een huishouden met een huurachterstand en andere schulden; de verhuurder heeft een vonnis of dreigt "
            "ermee. De doorbraak is meestal dat de achterstand in één keer wordt betaald, zodat de ontruiming van "
            "tafel gaat en er rust komt voor een schuldregeling."
        ),
        "tags": [
            "wonen",
            "schulden",
            "huurachterstand",
            "dreigende_ontruiming",
            "problematische_schulden",
            "achterstand_betalen",
            "bijzondere_bijstand",
            "uitzondering_regel",
        ],
        "helpers": [
            ("Woningcorporatie", "huurconsulent, incasso van de huurachterstand", "wonen"),
            ("Deurwaarder", "namens de verhuurder, voert het vonnis uit", "schulden"),
            ("Schuldhulpverlening gemeente", "intake en stabilisatie", "schulden"),
            ("Wijkteam", "casemanager en regie", "algemeen"),
        ],
        "needs": [
            ("wonen", "support", "De ontruiming wordt opgeschort en er komt een betaalafspraak met de verhuurder."),
            ("schulden", "support", "Eén overzicht van alle schulden en één vast aanspreekpunt."),
            ("schulden", "self", "Elke week samen de post openen en rekeningen bijhouden."),
            ("inkomen", "support", "Toeslagen, kwijtschelding en de beslagvrije voet op orde."),
        ],
        "steps": [
            (
                "first_need",
                "Verhuurder en deurwaarder vragen de ontruiming op te schorten zolang het plan loopt.",
                "Professional",
            ),
            (
                "first_need",
                "Bijzondere bijstand aanvragen voor de huurachterstand, met dit plan als onderbouwing.",
                "Professional",
            ),
            (
                "stabilise",
                "Aanmelden bij schuldhulpverlening; de huur gaat voortaan automatisch.",
                "Schuldhulpverlening",
            ),
            ("stabilise", "Budgetbeheer of beschermingsbewind als het huishouden dat wil.", "Huishouden"),
            ("hope", "Een schuldregeling en weer ruimte om eigen plannen te maken.", "Schuldhulpverlening"),
        ],
        "cost_lines": [
            ("current", "gem_wijkteam_uur", "40", "1", "", None, ""),
            ("threatening", "wc_huisuitzetting_verhuurder", "1", "0.7", "", None, ""),
            ("threatening", "wmo_maatschappelijke_opvang_24uurs", "90", "0.5", "", None, ""),
            ("threatening", "sh_problematische_schulden_jaar", "1", "0.8", "", None, ""),
            (
                "plan",
                None,
                "1",
                "1",
                "Huurachterstand ineens betalen (bijzondere bijstand)",
                "3000.00",
                "participatiewet",
            ),
            ("plan", "sh_traject", "1", "1", "", None, ""),
            ("plan", "gem_wijkteam_uur", "26", "1", "", None, ""),
        ],
        "articles": [
            (
                "Pw",
                "35",
                "1",
                "must",
                "Bijzondere bijstand is er voor noodzakelijke kosten die uit bijzondere "
                "omstandigheden voortkomen. Zonder betaling van de achterstand verliest het gezin de woning; dat maakt "
                "deze kosten noodzakelijk.",
            ),
            (
                "Awb",
                "4:84",
                "",
                "hardship",
                "De beleidsregel sluit huurschulden uit van bijzondere bijstand. In dit "
                "geval zijn de gevolgen daarvan (ontruiming, opvang, schooluitval) onevenredig in verhouding tot het "
                "doel van de regel, dus wijkt het college ervan af.",
            ),
            (
                "Pw",
                "18",
                "1",
                "must",
                "De bijstand wordt afgestemd op de omstandigheden van dit huishouden; een "
                "eerdere afwijzing zonder die afweging weegt niet zwaarder dan de situatie nu.",
            ),
            (
                "Wgs",
                "4",
                "2",
                "must",
                "Bij een dreigende ontruiming is er een bedreigende situatie: de gemeente "
                "voert binnen drie werkdagen een eerste gesprek en neemt maatregelen om die te stoppen.",
            ),
        ],
    },
    {
        "code": "opvoeden-wonen",
        "title": "Opvoeden in een te kleine of onveilige woning",
        "description": (
            "Een gezin met opvoedvragen in een woning die te klein of ongeschikt is; jeugdhulp loopt vast omdat "
            "rust thuis ontbreekt. De doorbraak is vaak urgentie of een andere woning, zodat de jeugdhulp kan werken."
        ),
        "tags": [
            "opvoeden_opgroeien",
            "wonen",
            "opvoedproblemen",
            "ongeschikte_woning",
            "dreigende_uithuisplaatsing",
            "urgentie_woning",
            "uitzondering_regel",
        ],
        "helpers": [
            ("Jeugd- en gezinsteam", "opvoedondersteuning thuis", "opvoeden_opgroeien"),
            ("Woningcorporatie", "woonconsulent", "wonen"),
            ("School", "intern begeleider", "onderwijs"),
            ("Huisarts", "verwijzer jeugdhulp", "lichamelijke_gezondheid"),
        ],
        "needs": [
            (
                "wonen",
                "support",
                "Een woning waarin de kinderen een eigen plek hebben om te slapen en huiswerk te maken.",
            ),
            ("opvoeden_opgroeien", "support", "Ondersteuning bij vaste routines en grenzen stellen."),
            ("opvoeden_opgroeien", "self", "De ouder kiest zelf twee vaste momenten per week met elk kind."),
            ("onderwijs", "support", "School en gezin maken één afspraak over aanwezigheid en huiswerk."),
        ],
        "steps": [
            ("first_need", "Urgentieaanvraag, onderbouwd door de jeugdhulp en dit plan.", "Professional"),
            ("first_need", "Met de corporatie zoeken naar een passende woning of woningruil.", "Woningcorporatie"),
            ("stabilise", "Na de verhuizing: opvoedondersteuning thuis, één keer per week.", "Jeugd- en gezinsteam"),
            ("hope", "De kinderen gaan elke dag naar school en het gezin woont stabiel.", "Huishouden"),
        ],
        "cost_lines": [
            ("current", "jw_ambulant_hbo", "52", "1", "", None, ""),
            ("threatening", "jw_residentieel", "180", "0.3", "", None, ""),
            ("threatening", "jw_ots", "1", "0.4", "", None, ""),
            ("plan", "jw_ambulant_hbo", "40", "1", "", None, ""),
            ("plan", None, "1", "1", "Verhuizing en inrichting nieuwe woning", "2500.00", "gemeente_overig"),
        ],
        "articles": [
            (
                "Hw 2014",
                "13",
                "1-2",
                "may",
                "Het college beslist over urgentie. De woonsituatie staat de jeugdhulp "
                "in de weg; zonder andere woning dreigt een uithuisplaatsing. Dat is een reden voor urgentie.",
            ),
            (
                "Jw",
                "2.3",
                "1",
                "must",
                "De gemeente moet passende jeugdhulp bieden. Jeugdhulp werkt hier pas als "
                "het gezin rust heeft in een passende woning; de woning hoort dus bij de oplossing.",
            ),
            (
                "IVRK",
                "3",
                "1",
                "principle",
                "Het belang van de kinderen weegt als eerste mee: opgroeien in het eigen "
                "gezin, in een woning waar dat kan.",
            ),
            (
                "IVRK",
                "27",
                "1;3",
                "principle",
                "Kinderen hebben recht op een toereikende levensstandaard; de overheid "
                "helpt ouders daarbij, ook met huisvesting.",
            ),
        ],
    },
    {
        "code": "psyche-inkomen",
        "title": "Psychische klachten en geen toegang tot inkomen",
        "description": (
            "Iemand met psychische klachten die zijn inkomen kwijtraakt of niet krijgt: een maatregel op de "
            "uitkering, een aanvraag die vastloopt op verplichtingen die hij nu niet aankan. De doorbraak is "
            "inkomen zonder wachttijd of maatregel, zodat behandeling kan beginnen."
        ),
        "tags": [
            "psychische_gezondheid",
            "inkomen",
            "psychische_klachten",
            "geen_inkomen",
            "maatregel_uitkering",
            "uitkering_versneld",
            "maatregel_terugdraaien",
            "behandeling_starten",
        ],
        "helpers": [
            ("Huisarts en POH-ggz", "consulten en verwijzing", "psychische_gezondheid"),
            ("Basis-ggz", "behandeling", "psychische_gezondheid"),
            ("Werk en inkomen gemeente", "uitkering en re-integratie", "inkomen"),
            ("Wijkteam", "begeleiding en regie", "algemeen"),
        ],
        "needs": [
            ("inkomen", "support", "Een uitkering zonder maatregel en zonder wachttijd, zolang de behandeling loopt."),
            ("psychische_gezondheid", "treatment", "Behandeling voor de depressieve klachten."),
            ("psychische_gezondheid", "self", "Elke dag een vaste structuur: opstaan, wandelen, boodschappen."),
            ("schulden", "support", "Voorkomen dat vaste lasten achterlopen zolang er geen inkomen is."),
        ],
        "steps": [
            ("first_need", "Maatregel herzien en uitkering met terugwerkende kracht uitbetalen.", "Werk en inkomen"),
            (
                "first_need",
                "Tijdelijke ontheffing van de arbeidsverplichtingen tijdens de behandeling.",
                "Werk en inkomen",
            ),
            ("stabilise", "Start behandeling in de basis-ggz; wekelijks contact met het wijkteam.", "Basis-ggz"),
            ("hope", "Na de behandeling: vrijwilligerswerk of een re-integratietraject op eigen tempo.", "Huishouden"),
        ],
        "cost_lines": [
            ("current", "zvw_poh_ggz_consult", "8", "1", "", None, ""),
            ("current", "gem_wijkteam_uur", "30", "1", "", None, ""),
            ("threatening", "zvw_ggz_acute_opname", "14", "0.3", "", None, ""),
            ("threatening", "sh_problematische_schulden_jaar", "1", "0.5", "", None, ""),
            ("plan", "zvw_ggz_basis_contact", "10", "1", "", None, ""),
            ("plan", "gem_wijkteam_uur", "20", "1", "", None, ""),
        ],
        "articles": [
            (
                "Pw",
                "18",
                "9",
                "hardship",
                "Een maatregel vraagt verwijtbaarheid. Door de psychische klachten kon hij "
                "de verplichtingen niet nakomen; dan blijft een maatregel achterwege.",
            ),
            (
                "Pw",
                "9",
                "2",
                "hardship",
                "Het college kan tijdelijk ontheffing geven van de arbeidsverplichtingen "
                "als daar dringende redenen voor zijn; een lopende behandeling is zo'n reden.",
            ),
            (
                "Pw",
                "44",
                "5",
                "may",
                "De bijstand kan met terugwerkende kracht worden toegekend, zodat de periode "
                "zonder inkomen geen nieuwe schulden oplevert.",
            ),
            (
                "Awb",
                "3:4",
                "1-2",
                "principle",
                "De gevolgen van het stopzetten van het inkomen (crisis, schulden) "
                "staan niet in verhouding tot het doel van de regel.",
            ),
        ],
    },
    {
        "code": "overgang-18",
        "title": "Overgang 18-/18+",
        "description": (
            "Een jongere die 18 wordt: de jeugdhulp stopt, er is nog geen inkomen en de opleiding hangt aan een "
            "draadje. De doorbraak is doorlopende hulp en inkomen zonder gat op de verjaardag."
        ),
        "tags": [
            "opvoeden_opgroeien",
            "inkomen",
            "jongvolwassene_18min_18plus",
            "jeugdhulp_verlengen",
            "geen_inkomen",
            "schooluitval",
            "volgorde_omdraaien",
        ],
        "helpers": [
            ("Jeugdhulpaanbieder", "mentor en ambulante begeleiding", "opvoeden_opgroeien"),
            ("Jongerenloket gemeente", "inkomen en werk voor jongeren", "inkomen"),
            ("Mbo-school", "studieloopbaanbegeleider", "onderwijs"),
            ("Wijkteam", "regie na 18", "algemeen"),
        ],
        "needs": [
            ("opvoeden_opgroeien", "support", "De begeleiding loopt door na de 18e verjaardag, met dezelfde mentor."),
            ("inkomen", "support", "Inkomen vanaf de eerste dag na de 18e verjaardag, zonder zoektermijn."),
            ("onderwijs", "self", "De jongere kiest zelf de opleiding en gaat weer naar de lessen."),
            ("wonen", "support", "Een eigen kamer of begeleid wonen als thuis wonen niet meer gaat."),
        ],
        "steps": [
            ("first_need", "Verlengde jeugdhulp aanvragen vóór de 18e verjaardag.", "Jeugdhulpaanbieder"),
            (
                "first_need",
                "Bijstandsaanvraag zonder vierwekenzoektermijn, omdat de jongere op school blijft.",
                "Professional",
            ),
            ("stabilise", "Afspraken met school over aanwezigheid en een haalbaar rooster.", "Mbo-school"),
            ("hope", "Diploma halen en zelfstandig wonen.", "Huishouden"),
        ],
        "cost_lines": [
            ("current", "jw_ambulant_hbo", "52", "1", "", None, ""),
            ("threatening", "wmo_maatschappelijke_opvang_24uurs", "120", "0.4", "", None, ""),
            ("threatening", "ond_voortijdig_schoolverlaten", "1", "0.5", "", None, ""),
            ("plan", "jw_ambulant_hbo", "40", "1", "", None, ""),
            ("plan", "wmo_begeleiding_individueel", "26", "1", "", None, ""),
        ],
        "articles": [
            (
                "Jw",
                "1.1",
                "",
                "must",
                "Jeugdhulp kan doorlopen tot 23 jaar als die vóór het 18e jaar is begonnen en "
                "nodig blijft; dat is hier zo.",
            ),
            (
                "Pw",
                "41",
                "11",
                "hardship",
                "De vierwekenzoektermijn geldt niet als de jongere daardoor in de "
                "problemen komt; zonder inkomen dreigen hier schooluitval en dakloosheid.",
            ),
            (
                "Pw",
                "12",
                "",
                "must",
                "Voor 18- tot 21-jarigen kan bijzondere bijstand het lage jongerennorm aanvullen "
                "als de ouders niet kunnen bijdragen.",
            ),
            (
                "IVRK",
                "3",
                "1",
                "principle",
                "Tot de 18e verjaardag weegt het belang van het kind als eerste mee; de "
                "overgang mag dat belang niet ineens laten vallen.",
            ),
        ],
    },
]


def _parts(spec: dict) -> dict[str, list[dict]]:
    items = {i.code: i for i in PriceItem.objects.filter(code__in=[c[1] for c in spec["cost_lines"] if c[1]])}
    lines = [
        {
            "scenario": scenario,
            "item": items[code] if code else None,
            "quantity": Decimal(quantity),
            "probability": Decimal(probability),
            "description": description,
            "unit_price": Decimal(price) if price else None,
            "funding_stream": stream,
        }
        for scenario, code, quantity, probability, description, price, stream in spec["cost_lines"]
    ]
    articles = [
        {
            "national_article": LegalArticle.objects.get(law_short=law, article=article, paragraph=paragraph),
            "local_article": None,
            "application": application,
            "motivation": motivation,
        }
        for law, article, paragraph, application, motivation in spec["articles"]
    ]
    return {
        "helpers": [dict(zip(("agency", "role", "life_domain"), h, strict=True)) for h in spec["helpers"]],
        "needs": [dict(zip(("life_domain", "kind", "description"), n, strict=True)) for n in spec["needs"]],
        "steps": [dict(zip(("phase", "description", "owner"), s, strict=True)) for s in spec["steps"]],
        "cost_lines": lines,
        "articles": articles,
    }


def seed(ctx) -> None:
    admin = ctx.users["national_admin"]
    made = 0
    for spec in TEMPLATES:
        if PlanTemplate.objects.filter(organisation__isnull=True, code=spec["code"]).exists():
            continue
        template = template_save(
            actor=admin,
            organisation=None,
            data={"code": spec["code"], "title": spec["title"], "description": spec["description"]},
            tags=list(Tag.objects.filter(code__in=spec["tags"])),
            parts=_parts(spec),
        )
        template_publish(actor=admin, template=template)
        made += 1
    if made:
        ctx.count("plan templates", made)
    ctx.log(f"prefab: {made} landelijke plansjablonen")
