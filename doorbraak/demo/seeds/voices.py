"""The household's own voice per demo story (Betrokkenheid): their own words, their goals, why the plan helps
them, and Mijn Positieve Gezondheid scores now and as expected after the plan (written for Doorbraak; fictional).

Scores are in the order of ``SCORE_ORDER`` (0–10). The engagement area varies them by a point per household,
so two households following the same story still differ.
"""

SCORE_ORDER = (
    "body_functions",
    "mental_wellbeing",
    "meaning",
    "quality_of_life",
    "participation",
    "daily_functioning",
)

VOICES: dict[str, dict] = {
    "huurachterstand-ontruiming": {
        "own_words": (
            "Ik schaam me voor de brieven en durf ze niet meer open te maken. Als we eruit moeten, weet ik "
            "niet waar we heen moeten. Ik wil vooral dat de kinderen hier kunnen blijven wonen."
        ),
        "goals": (
            "In ons huis blijven wonen.\nElke maand de huur op tijd betalen.\nMijn dochter weer elke dag op school."
        ),
        "motivation": (
            "Zolang de ontruiming dreigt, komt moeder niet toe aan de schuldregeling of aan haar eigen "
            "gezondheid. Als de achterstand van tafel is, kan zij zelf de huur weer betalen en de ochtenden "
            "regelen; de dochter hoeft niet meer op te passen en kan naar school."
        ),
        "now": (6, 3, 4, 3, 4, 4),
        "expected": (7, 6, 6, 7, 6, 7),
    },
    "hond-en-opname": {
        "own_words": (
            "Mijn hond is het enige dat ik nog heb. Ik ga niet weg als niemand voor hem zorgt. Maar ik wil "
            "echt stoppen met drinken, ik ben het zo moe."
        ),
        "goals": "Nuchter worden in de kliniek.\nMijn hond terug als ik eruit kom.\nEen eigen kamer.",
        "motivation": (
            "Zij wil zelf de behandeling; de enige drempel is de zorg voor haar hond. Met opvang voor de hond "
            "kiest zij zelf voor de opname, en blijft het houvast dat haar motiveert na de kliniek bestaan."
        ),
        "now": (3, 3, 4, 2, 2, 3),
        "expected": (6, 6, 7, 6, 5, 6),
    },
    "achttien-uit-jeugdzorg": {
        "own_words": (
            "Op mijn verjaardag moest ik mijn spullen pakken. Nu slaap ik overal en nergens. Ik wil gewoon "
            "mijn school afmaken, dat is het enige dat nog goed gaat."
        ),
        "goals": "Mijn mbo-diploma halen.\nEen eigen kamer.\nGenoeg geld zonder schulden te maken.",
        "motivation": (
            "Hij heeft een duidelijk doel (zijn diploma) en een mentor die hem steunt. Een plek om te wonen "
            "en direct inkomen houden hem op school; zonder die twee valt hij uit en begint hij met schulden."
        ),
        "now": (7, 4, 5, 3, 5, 4),
        "expected": (8, 7, 7, 7, 7, 7),
    },
    "toeslagen-beslag": {
        "own_words": (
            "We werken allebei hard en toch houden we niets over. Elke envelop is weer een rekening. De "
            "kinderen vragen waarom ze niet mee mogen met schoolreis."
        ),
        "goals": "Weer rondkomen van ons inkomen.\nDe kinderen mee met school en sport.\nRust over de post.",
        "motivation": (
            "Het gezin kan het zelf, als het weer rond kan komen. Met een juiste beslagvrije voet en een "
            "betaalpauze krijgen de ouders overzicht terug en houden zij zelf de regie over de afbetaling."
        ),
        "now": (6, 3, 5, 4, 4, 5),
        "expected": (7, 6, 6, 7, 7, 7),
    },
    "maatregel-psychiatrie": {
        "own_words": (
            "Toen het slecht ging, kreeg ik ook nog minder geld. Ik kon mijn medicijnen niet meer betalen en "
            "toen ging het nog slechter. Ik wil eerst weer stabiel worden."
        ),
        "goals": "Medicatie en behandeling weer oppakken.\nMijn energierekening op orde.\nVrijwilligerswerk.",
        "motivation": (
            "De verlaging maakte zijn ziekte erger. Met zijn inkomen terug en tijd voor de behandeling kan "
            "hij stabiel worden en daarna zelf de stap naar de fietsenwerkplaats zetten."
        ),
        "now": (5, 2, 3, 3, 2, 3),
        "expected": (6, 6, 6, 6, 5, 6),
    },
    "kinderopvang-in-plaats-van-opvoedhulp": {
        "own_words": (
            "Ik ben zo moe dat ik soms niet meer weet wat ik doe. Ik hou van hem, maar ik heb gewoon even "
            "adem nodig. Vijf maanden wachten houd ik niet vol."
        ),
        "goals": "Drie ochtenden per week rust.\nWeer geduld hebben met mijn zoon.\nAndere moeders leren kennen.",
        "motivation": (
            "Moeder vraagt zelf om ontlasting en wil de opvoeding zelf blijven doen. Een paar dagdelen opvang "
            "geven haar de ruimte om te herstellen, zodat de opvoedhulp straks op een stevige basis start."
        ),
        "now": (4, 3, 5, 4, 3, 3),
        "expected": (6, 6, 7, 7, 6, 6),
    },
    "statushouder-start": {
        "own_words": (
            "We willen alles goed doen, maar we begrijpen de brieven niet. Elke maand komt er weer een boete. "
            "We zijn hier gekomen om veilig te zijn en een nieuw leven te beginnen."
        ),
        "goals": "Onze brieven begrijpen.\nGeen boetes meer.\nWerk als lasser voor vader.\nHavo voor onze zoon.",
        "motivation": (
            "Het gezin is gemotiveerd en heeft duidelijke doelen. De boetes ontstonden door een fout tussen "
            "instanties; als die weg zijn, kan het gezin met hulp bij de post zelf de weg vinden."
        ),
        "now": (5, 4, 6, 4, 3, 5),
        "expected": (6, 6, 7, 7, 6, 7),
    },
    "huiselijk-geweld-verhuizen": {
        "own_words": (
            "In de opvang zijn we veilig, maar het is geen thuis. Mijn dochter vraagt elke dag wanneer we een "
            "eigen huis krijgen. Ik wil niet terug naar de stad waar hij woont."
        ),
        "goals": "Een eigen woning in deze gemeente.\nEén school voor mijn dochter.\nMe veilig voelen.",
        "motivation": (
            "De opvang is klaar; alleen een woning ontbreekt. Met urgentie kan moeder zelf een veilig thuis "
            "opbouwen en blijft haar dochter op één school, wat de traumaverwerking helpt."
        ),
        "now": (6, 3, 5, 3, 3, 5),
        "expected": (7, 6, 7, 7, 6, 7),
    },
    "mantelzorg-oudere": {
        "own_words": (
            "Ik zorg voor mijn zoon en mijn vader en ik kan niet meer. Elke keer als mijn vader de trap op "
            "gaat, houd ik mijn adem in. Mijn werk heb ik al opgegeven."
        ),
        "goals": "Gelijkvloers wonen met z'n drieën.\nTwee dagen per week weer werken.\nOpa valt niet meer.",
        "motivation": (
            "De familie wil samen blijven wonen en voor elkaar zorgen. Een gelijkvloerse woning is goedkoper "
            "dan aanpassen of een verpleeghuis, en geeft moeder de ruimte om weer te werken."
        ),
        "now": (4, 3, 5, 3, 3, 4),
        "expected": (6, 6, 7, 6, 6, 7),
    },
    "zzp-schulden-depressie": {
        "own_words": (
            "Ik heb twintig jaar gewerkt en nu zit ik thuis met een berg schulden. Ik schaam me tegenover "
            "mijn dochter. Ik wil dat zij het beter krijgt dan ik."
        ),
        "goals": "Een schuldregeling.\nMijn dochter haalt haar diploma.\nWeer iets doen met mijn handen.",
        "motivation": (
            "Zolang de oude aangiftes open staan, kan de schuldregeling niet starten en blijft vader somber. "
            "Met de administratie afgewikkeld krijgt hij perspectief en kan hij zijn dochter weer steunen."
        ),
        "now": (4, 3, 3, 3, 3, 4),
        "expected": (5, 6, 6, 6, 5, 6),
    },
    "schooluitval-jongere": {
        "own_words": (
            "Moeder: ik sta er alleen voor en hij luistert niet meer. Zoon: op school snappen ze me niet, "
            "ik wil wel naar school maar niet terug naar die klas."
        ),
        "goals": "Weer naar school, op een passende plek.\nEen normaal dag-en-nachtritme.\nRust in huis.",
        "motivation": (
            "Hij wil zelf weer naar school. Hoe langer hij thuis zit, hoe moeilijker de weg terug en hoe meer "
            "zijn broertje meekijkt. De tussenvoorziening nu geeft hem ritme terwijl het onderzoek loopt."
        ),
        "now": (6, 4, 4, 4, 3, 4),
        "expected": (7, 6, 6, 7, 6, 7),
    },
    "ex-gedetineerde": {
        "own_words": (
            "Ik heb mijn straf uitgezeten en wil opnieuw beginnen. Maar zonder ID kan ik niks: geen geld, "
            "geen rekening, geen kamer. Zo word je weer de verkeerde kant op geduwd."
        ),
        "goals": "Een ID en een bankrekening.\nEen eigen kamer.\nWerken in de bouw.",
        "motivation": (
            "Hij heeft zelf al contact met een werkgever. Met een ID en een voorschot komt hij uit de cirkel "
            "van geen geld en geen papieren, en daalt het risico dat hij terugvalt."
        ),
        "now": (7, 4, 4, 3, 3, 4),
        "expected": (8, 6, 7, 6, 6, 7),
    },
    "eenzame-oudere-schulden": {
        "own_words": (
            "Mijn man deed altijd de papieren. Nu ligt alles op tafel en ik weet niet waar ik moet beginnen. "
            "Ik wil niemand lastigvallen."
        ),
        "goals": "Rust over geld.\nDe rekeningen automatisch laten betalen.\nElke week koffie met iemand.",
        "motivation": (
            "Met de achterstanden geregeld en de vaste lasten automatisch verdwijnt de grootste zorg. Dan is "
            "er ruimte om samen met de buurvrouw weer naar buiten te gaan."
        ),
        "now": (5, 3, 3, 3, 2, 4),
        "expected": (6, 6, 6, 6, 5, 6),
    },
    "ots-dreigt-woning": {
        "own_words": (
            "We doen ons best, maar in dit huis worden de kinderen ziek. We willen laten zien dat we goede "
            "ouders zijn. We zijn bang dat ze de kinderen weghalen."
        ),
        "goals": "Een droge, grotere woning.\nDe kleine zonder astma-aanvallen.\nDe Raad ziet dat het goed gaat.",
        "motivation": (
            "De ouders willen en kunnen voor hun kinderen zorgen; de woning maakt het onmogelijk. Een ruil met "
            "een regeling voor de achterstand voorkomt mogelijk een ondertoezichtstelling."
        ),
        "now": (4, 3, 5, 3, 4, 4),
        "expected": (7, 6, 7, 7, 6, 7),
    },
    "verward-gedrag-overlast": {
        "own_words": (
            "Ze willen me uit mijn huis hebben. Ik doe niemand kwaad. De verpleegkundige is de enige die naar "
            "me luistert."
        ),
        "goals": "In mijn eigen huis blijven.\nRust met de buren.\nElke week een wandeling.",
        "motivation": (
            "Hij accepteert hulp van iemand die hij vertrouwt. Blijven wonen met begeleiding geeft hem rust; "
            "een ontruiming zou hem op straat zetten en tot een crisisopname leiden."
        ),
        "now": (5, 3, 4, 3, 2, 4),
        "expected": (6, 5, 5, 6, 4, 6),
    },
}
