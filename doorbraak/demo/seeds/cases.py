"""Fictional household stories for the demo (written for Doorbraak; no real persons).

Inspired by the stacking patterns of the product brief (debts + rent arrears + mental health, the 18-/18+
cliff, a dog that blocks a clinical admission, clawed-back childcare allowance, a benefit sanction during
psychiatric treatment, ...). ``{amount}`` in a text is filled with a euro amount per household so that two
households following the same story still differ.

Each story:
- members: (household role, age, label without a name)
- helpers: (agency, what they do, life domain) — the core of the inventory; seeding adds more from
  ``EXTRA_HELPERS`` until each household has 5–15
- needs: (life domain, self/support/treatment, description)
- breakthrough: description, obstacle in the system, exception needed, who can grant it
- steps: (phase, description, who)
- tags: codes from doorbraak.plans.vocabulary (life domains, problems, solutions, kind of breakthrough)
"""

CASES: list[dict] = [
    {
        "key": "huurachterstand-ontruiming",
        "amount": (2400, 4800),
        "members": [("parent", 34, "moeder"), ("child", 9, "dochter"), ("child", 4, "zoon")],
        "situation": (
            "Moeder met twee jonge kinderen. Sinds haar scheiding vorig jaar lukt het niet meer om de huur op tijd "
            "te betalen; de achterstand is opgelopen tot ongeveer € {amount}. De woningcorporatie heeft een "
            "vonnis en de deurwaarder heeft de ontruiming aangekondigd. Moeder slaapt slecht, voelt zich somber "
            "en laat de post dicht. De oudste dochter verzuimt school omdat ze thuis op haar broertje past."
        ),
        "perspective": (
            '"Over een half jaar wonen we nog steeds hier, weet ik elke maand wat er binnenkomt en wat eruit '
            'gaat, en gaat mijn dochter weer gewoon elke dag naar school."'
        ),
        "needs": [
            ("wonen", "support", "De ontruiming moet van tafel; daarna afspraken met de corporatie over de huur."),
            ("schulden", "support", "Overzicht van alle schulden en een stabiele schuldregeling."),
            ("psychische_gezondheid", "treatment", "Behandeling voor de somberheid en slaapproblemen."),
            ("opvoeden_opgroeien", "self", "Moeder wil zelf de ochtenden weer regelen als de rust terug is."),
            ("onderwijs", "support", "Gesprek met school over het verzuim van de oudste."),
        ],
        "breakthrough": (
            "De huurachterstand in één keer laten betalen door de gemeente, zodat de corporatie de ontruiming "
            "intrekt; daarna start de schuldregeling.",
            "Schuldhulpverlening neemt het gezin pas aan als de ontruiming van tafel is, en bijzondere bijstand "
            "voor schulden is volgens de beleidsregel uitgesloten.",
            "Bijzondere bijstand voor de huurachterstand als uitzondering op de beleidsregel, met een "
            "terugbetaalafspraak naar draagkracht.",
            "Teamleider Werk en Inkomen (mandaat bijzondere bijstand)",
        ),
        "steps": [
            ("first_need", "Corporatie bellen: ontruiming opschorten zolang het plan loopt.", "Professional"),
            ("first_need", "Aanvraag bijzondere bijstand voor de huurachterstand indienen.", "Professional en moeder"),
            ("stabilise", "Aanmelden bij schuldhulpverlening en post samen openen.", "Moeder met budgetcoach"),
            ("stabilise", "Huur via automatische betaling op de dag dat het geld binnenkomt.", "Moeder"),
            ("stabilise", "Intake bij de praktijkondersteuner GGZ van de huisarts.", "Moeder"),
            ("hope", "Oudste dochter weer volledig naar school, met naschoolse opvang voor de jongste.", "Moeder"),
        ],
        "tags": [
            "wonen",
            "schulden",
            "psychische_gezondheid",
            "opvoeden_opgroeien",
            "huurachterstand",
            "dreigende_ontruiming",
            "problematische_schulden",
            "alleenstaand_ouderschap",
            "psychische_klachten",
            "achterstand_betalen",
            "schuldregeling",
            "uitzondering_regel",
        ],
        "helpers": [
            ("Wijkteam", "Regie en ondersteuning van het gezin", "zorg_ondersteuning"),
            ("Woningcorporatie", "Verhuurder; incasso en ontruimingsprocedure", "wonen"),
            ("Gerechtsdeurwaarder", "Betekent het vonnis en de ontruiming", "schulden"),
            ("Schuldhulpverlening gemeente", "Aanmelding voor schuldregeling", "schulden"),
            ("Huisarts", "Klachten van somberheid en slapeloosheid", "lichamelijke_gezondheid"),
            ("Basisschool", "Meldt verzuim van de oudste dochter", "onderwijs"),
        ],
    },
    {
        "key": "hond-en-opname",
        "amount": (1200, 1800),
        "members": [("adult", 41, "vrouw")],
        "situation": (
            "Vrouw van begin veertig, sinds een jaar zonder vaste woonplek. Ze slaapt afwisselend in de nachtopvang "
            "en bij kennissen en drinkt dagelijks. Ze wil zelf graag opgenomen worden om af te kicken, maar gaat "
            "niet zonder dat er iemand voor haar hond zorgt; de hond is haar enige houvast. De kliniek neemt geen "
            "dieren op. Het afgelopen jaar was ze meerdere keren op de spoedeisende hulp."
        ),
        "perspective": (
            '"Ik wil nuchter zijn, mijn hond bij me hebben en een eigen kamer waar ik de deur achter me dicht '
            'kan doen."'
        ),
        "needs": [
            ("verslaving", "treatment", "Klinische opname voor alcoholverslaving, aansluitend ambulante nazorg."),
            ("wonen", "support", "Een vaste woonplek na de opname, waar de hond mag komen."),
            ("sociaal_netwerk", "self", "Zelf contact houden met haar zus, die wil helpen."),
            ("inkomen", "support", "Uitkering op een briefadres zodat er inkomen blijft tijdens de opname."),
        ],
        "breakthrough": (
            "Het hondenpension betalen voor de hele duur van de opname (ongeveer € {amount}), zodat zij de "
            "behandeling kan beginnen.",
            "Geen enkele regeling vergoedt dierenopvang; het wijkteam zegt dat dit 'nooit' wordt betaald.",
            "Eenmalige betaling uit het Doorbraakbudget als voorwaarde voor de opname.",
            "Doorbraakteam (Doorbraakbudget)",
        ),
        "steps": [
            ("first_need", "Plek reserveren in een hondenpension en de betaling regelen.", "Professional"),
            ("first_need", "Opnamedatum vastleggen met de verslavingskliniek.", "Verslavingszorg"),
            ("stabilise", "Briefadres en uitkering regelen zodat er inkomen doorloopt.", "Professional"),
            ("stabilise", "Na de opname: begeleid wonen, met afspraken over de hond.", "Wijkteam"),
            ("hope", "Dagbesteding in het dierenasiel, waar ze zelf om vroeg.", "Vrouw met begeleider"),
        ],
        "tags": [
            "verslaving",
            "wonen",
            "zorg_ondersteuning",
            "verslaving_alcohol_drugs",
            "dakloos",
            "behandeling_starten",
            "briefadres",
            "doorbraakbudget",
        ],
        "helpers": [
            ("Nachtopvang (maatschappelijke opvang)", "Slaapplek", "wonen"),
            ("Verslavingszorg", "Ambulante contacten, wachtlijst klinische opname", "verslaving"),
            ("Spoedeisende hulp", "Meerdere bezoeken na vallen en intoxicatie", "lichamelijke_gezondheid"),
            ("Politie (wijkagent)", "Meldingen van overlast", "veiligheid_justitie"),
            ("Straatteam Leger des Heils", "Contact op straat", "zorg_ondersteuning"),
        ],
    },
    {
        "key": "achttien-uit-jeugdzorg",
        "amount": (0, 0),
        "members": [("adult", 18, "jongen")],
        "situation": (
            "Jongen die net achttien is geworden. Hij woonde sinds zijn twaalfde in een gezinshuis; met zijn "
            "verjaardag stopte de jeugdhulp en moest hij weg. Nu slaapt hij bij vrienden op de bank, heeft geen "
            "inkomen en geen adres om zich in te schrijven. Voor bijstand moet hij eerst vier weken zelf werk "
            "zoeken. Zijn mbo-opleiding dreigt te stoppen."
        ),
        "perspective": '"Mijn diploma halen, een eigen kamer en genoeg geld om van te leven zonder schulden."',
        "needs": [
            ("wonen", "support", "Een eigen kamer of plek in een jongerenhuis."),
            ("inkomen", "support", "Direct een inkomen, zonder wachttijd."),
            ("onderwijs", "self", "Hij wil zelf zijn opleiding afmaken; heeft een mentor op school."),
            ("zorg_ondersteuning", "support", "Een vaste begeleider die met hem doorloopt na 18."),
        ],
        "breakthrough": (
            "De jeugdhulp laten doorlopen tot hij een eigen plek heeft, en direct een uitkering op een briefadres "
            "zonder de zoektermijn van vier weken.",
            "Jeugdhulp stopt automatisch bij 18 en de zoektermijn voor jongeren geldt zonder uitzondering.",
            "Verlengde jeugdhulp en ontheffing van de zoektermijn vanwege zijn bijzondere situatie.",
            "Doorbraakteam (jeugd en inkomen samen)",
        ),
        "steps": [
            ("first_need", "Briefadres aanvragen bij de gemeente.", "Professional"),
            ("first_need", "Besluit verlengde jeugdhulp bij het gezinshuis.", "Doorbraakteam"),
            (
                "stabilise",
                "Bijstand aanvragen zonder zoektermijn; studiefinanciering uitzoeken.",
                "Jongen en professional",
            ),
            ("stabilise", "Inschrijven bij de jongerenhuisvesting.", "Jongen"),
            ("hope", "Diploma mbo niveau 3 halen.", "Jongen"),
        ],
        "tags": [
            "inkomen",
            "wonen",
            "opvoeden_opgroeien",
            "jongvolwassene_18min_18plus",
            "dakloos",
            "geen_inkomen",
            "jeugdhulp_verlengen",
            "briefadres",
            "uitkering_versneld",
            "uitzondering_regel",
        ],
        "helpers": [
            ("Gezinshuis", "Woonplek tot 18 jaar", "opvoeden_opgroeien"),
            ("Jeugdhulpaanbieder", "Ambulante jeugdhulp, gestopt bij 18", "opvoeden_opgroeien"),
            ("Werk en Inkomen gemeente", "Aanvraag bijstand, zoektermijn", "inkomen"),
            ("Mbo-school", "Mentor en loopbaanbegeleiding", "onderwijs"),
            ("Jongerenloket", "Advies over wonen en geld", "zorg_ondersteuning"),
        ],
    },
    {
        "key": "toeslagen-beslag",
        "amount": (6000, 11000),
        "members": [
            ("parent", 39, "vader"),
            ("partner", 37, "moeder"),
            ("child", 12, "dochter"),
            ("child", 9, "zoon"),
            ("child", 5, "zoon"),
        ],
        "situation": (
            "Echtpaar met drie kinderen. De Belastingdienst/Toeslagen vordert ongeveer € {amount} "
            "kinderopvangtoeslag terug en legt beslag op het loon van vader. Daardoor houdt het gezin minder over "
            "dan het bestaansminimum. De gemeentelijke belastingen staan open en de energierekening loopt achter. "
            "Moeder heeft stressklachten; de kinderen merken de spanning thuis."
        ),
        "perspective": (
            '"Dat we weer rondkomen, de kinderen mee kunnen op schoolreis en we niet elke dag bang zijn voor de post."'
        ),
        "needs": [
            ("schulden", "support", "Beslagvrije voet laten herberekenen en alle schuldeisers in beeld."),
            ("inkomen", "support", "Controle op alle toeslagen waar het gezin recht op heeft."),
            ("psychische_gezondheid", "support", "Gesprekken voor moeder over de stress."),
            ("opvoeden_opgroeien", "self", "Ouders willen zelf de kinderen betrekken bij wat er gebeurt."),
        ],
        "breakthrough": (
            "De beslagvrije voet laten herberekenen en de gemeentelijke vorderingen bevriezen en kwijtschelden, "
            "zodat het gezin weer rond kan komen.",
            "Iedere schuldeiser werkt los van de anderen; de gemeente int haar eigen vorderingen door terwijl "
            "het gezin onder het bestaansminimum zit.",
            "Kwijtschelding van gemeentelijke belastingen en een betaalpauze als uitzondering op de "
            "invorderingsroutine.",
            "Hoofd Belastingen gemeente",
        ),
        "steps": [
            ("first_need", "Beslagvrije voet laten herberekenen door de deurwaarder.", "Professional"),
            ("first_need", "Verzoek kwijtschelding gemeentelijke belastingen.", "Ouders met professional"),
            ("stabilise", "Aanmelden bij het herstelteam van Toeslagen.", "Vader"),
            ("stabilise", "Energieleverancier: betalingsregeling zonder afsluiting.", "Professional"),
            ("hope", "Kinderen mee met sport via het jeugdfonds.", "Moeder"),
        ],
        "tags": [
            "schulden",
            "inkomen",
            "terugvordering_toeslagen",
            "beslag",
            "betalingsachterstanden",
            "kwijtschelding",
            "uitzondering_routine",
        ],
        "helpers": [
            ("Belastingdienst/Toeslagen", "Terugvordering kinderopvangtoeslag", "schulden"),
            ("Gerechtsdeurwaarder", "Loonbeslag", "schulden"),
            ("Gemeentelijke belastingen", "Aanmaning en invordering", "schulden"),
            ("Energieleverancier", "Betalingsachterstand", "schulden"),
            ("Schuldhulpverlening gemeente", "Intake, wachtlijst", "schulden"),
        ],
    },
    {
        "key": "maatregel-psychiatrie",
        "amount": (300, 700),
        "members": [("adult", 35, "man")],
        "situation": (
            "Man van midden dertig met een bipolaire stoornis, alleenwonend, ontvangt bijstand. Tijdens een "
            "depressieve periode miste hij afspraken bij het werkgeversservicepunt; de gemeente heeft zijn "
            "uitkering twee maanden met 30% verlaagd. Sindsdien loopt zijn energierekening achter (ongeveer "
            "€ {amount}) en is hij gestopt met zijn medicatie omdat hij de eigen bijdrage niet kon betalen."
        ),
        "perspective": '"Eerst weer stabiel worden. Daarna wil ik vrijwilligerswerk doen bij de fietsenwerkplaats."',
        "needs": [
            ("psychische_gezondheid", "treatment", "Behandeling en medicatie hervatten bij de GGZ."),
            ("inkomen", "support", "De verlaging terugdraaien en tijdelijk geen sollicitatieplicht."),
            ("schulden", "support", "Betalingsregeling energie."),
            ("werk_dagbesteding", "self", "Hij wil zelf op zoek naar vrijwilligerswerk zodra het beter gaat."),
        ],
        "breakthrough": (
            "De verlaging van de uitkering terugdraaien en hem tijdelijk ontheffen van de arbeidsplicht tot zijn "
            "behandeling is afgerond.",
            "De maatregel werd opgelegd zonder te kijken naar zijn ziekte; een ontheffing vraagt een keuring "
            "met een wachttijd van maanden.",
            "Maatregel herzien met terugwerkende kracht en tijdelijke ontheffing op basis van de verklaring "
            "van zijn behandelaar.",
            "Teamleider Werk en Inkomen",
        ),
        "steps": [
            ("first_need", "Herstart behandeling en medicatie bij de GGZ-instelling.", "GGZ-behandelaar"),
            ("first_need", "Verzoek herziening maatregel met verklaring behandelaar.", "Professional"),
            ("stabilise", "Betalingsregeling met de energieleverancier.", "Man met professional"),
            ("hope", "Kennismaken bij de fietsenwerkplaats.", "Man"),
        ],
        "tags": [
            "inkomen",
            "psychische_gezondheid",
            "werk_dagbesteding",
            "maatregel_uitkering",
            "psychische_klachten",
            "maatregel_terugdraaien",
            "behandeling_starten",
            "uitzondering_regel",
        ],
        "helpers": [
            ("Werk en Inkomen gemeente", "Bijstand en re-integratie, legde de maatregel op", "inkomen"),
            ("Werkgeversservicepunt", "Sollicitatieafspraken", "werk_dagbesteding"),
            ("GGZ-instelling", "Behandeling bipolaire stoornis", "psychische_gezondheid"),
            ("Energieleverancier", "Achterstand", "schulden"),
            ("Huisarts", "Medicatie", "lichamelijke_gezondheid"),
        ],
    },
    {
        "key": "kinderopvang-in-plaats-van-opvoedhulp",
        "amount": (0, 0),
        "members": [("parent", 29, "moeder"), ("child", 3, "zoon")],
        "situation": (
            "Moeder met een burn-out en een zoon van drie met heftige driftbuien. Voor opvoedhulp geldt een "
            "wachtlijst van vijf maanden. Moeder werkt niet en heeft daardoor geen recht op "
            "kinderopvangtoeslag. Ze is erg moe, heeft weinig mensen om zich heen en is bang dat het misgaat."
        ),
        "perspective": '"Een paar ochtenden per week ademruimte, zodat ik weer de moeder kan zijn die ik wil zijn."',
        "needs": [
            ("opvoeden_opgroeien", "support", "Ontlasting nu, opvoedondersteuning zodra die kan starten."),
            ("psychische_gezondheid", "treatment", "Behandeling van de burn-out."),
            ("sociaal_netwerk", "support", "Contact met andere ouders in de wijk."),
        ],
        "breakthrough": (
            "Drie dagdelen kinderopvang per week betalen als vorm van ondersteuning, in afwachting van de opvoedhulp.",
            "Kinderopvang is geen jeugdhulp volgens de inkoopafspraken, en zonder werk is er geen toeslag.",
            "Kinderopvang inzetten als maatwerkvoorziening Jeugd, tijdelijk en met een einddatum.",
            "Doorbraakteam (jeugd)",
        ),
        "steps": [
            ("first_need", "Plek op het kinderdagverblijf in de wijk regelen.", "Professional"),
            ("stabilise", "Intake praktijkondersteuner GGZ voor moeder.", "Moeder"),
            ("stabilise", "Opvoedondersteuning starten zodra de wachtlijst voorbij is.", "CJG"),
            ("hope", "Moeder meldt zich bij de ouder-en-kindgroep van het buurthuis.", "Moeder"),
        ],
        "tags": [
            "opvoeden_opgroeien",
            "psychische_gezondheid",
            "opvoedproblemen",
            "alleenstaand_ouderschap",
            "psychische_klachten",
            "eenzaamheid",
            "kinderopvang",
            "uitzondering_routine",
        ],
        "helpers": [
            ("Centrum voor Jeugd en Gezin (CJG)", "Consultatiebureau en opvoedvragen", "opvoeden_opgroeien"),
            ("Jeugdhulpaanbieder", "Wachtlijst opvoedhulp", "opvoeden_opgroeien"),
            ("Huisarts", "Burn-outklachten", "psychische_gezondheid"),
            ("Wijkteam", "Regie", "zorg_ondersteuning"),
        ],
    },
    {
        "key": "statushouder-start",
        "amount": (1500, 2500),
        "members": [
            ("parent", 44, "vader"),
            ("partner", 38, "moeder"),
            ("child", 15, "zoon"),
            ("child", 11, "dochter"),
        ],
        "situation": (
            "Gezin met een verblijfsvergunning, sinds vier maanden in de gemeente. De inrichting van de woning "
            "is met een lening betaald; daarnaast kwamen er zorgnota's van ongeveer € {amount} omdat de "
            "zorgverzekering te laat was geregeld. Brieven in het Nederlands begrijpen ze niet. De oudste zoon "
            "zit op de internationale schakelklas en wil graag naar het havo; vader heeft klachten na zijn vlucht."
        ),
        "perspective": '"Dat we onze brieven begrijpen, geen boetes meer krijgen en dat vader werk vindt als lasser."',
        "needs": [
            ("schulden", "support", "Zorgnota's en boetes door het late inschrijven oplossen."),
            ("verblijfsstatus", "support", "Hulp bij inburgering en het begrijpen van de post."),
            ("psychische_gezondheid", "treatment", "Traumabehandeling voor vader."),
            ("werk_dagbesteding", "self", "Vader zoekt zelf contact met lasbedrijven, met hulp bij zijn cv."),
            ("onderwijs", "support", "Doorstroom van de oudste naar het havo."),
        ],
        "breakthrough": (
            "De zorgnota's en de boete van het CAK laten vervallen omdat de inschrijving bij de zorgverzekeraar "
            "door de overdracht tussen instanties te laat was.",
            "Iedere instantie verwijst naar de ander; de boete geldt 'automatisch'.",
            "Kwijtschelding van de boete en terugwerkende kracht van de zorgverzekering.",
            "Zorgverzekeraar en CAK, via het Doorbraakteam",
        ),
        "steps": [
            ("first_need", "Zorgverzekeraar en CAK bellen met uitleg van de overdracht.", "Professional"),
            ("stabilise", "Maatje van Vluchtelingenwerk voor de post, elke week.", "Vluchtelingenwerk"),
            ("stabilise", "Aanmelden bij de GGZ voor traumabehandeling vader.", "Huisarts"),
            ("hope", "Proefplaatsing bij een lasbedrijf via het werkgeversservicepunt.", "Vader"),
        ],
        "tags": [
            "verblijfsstatus",
            "schulden",
            "psychische_gezondheid",
            "statushouder_start",
            "trauma",
            "betalingsachterstanden",
            "kwijtschelding",
            "uitzondering_routine",
        ],
        "helpers": [
            ("VluchtelingenWerk", "Maatschappelijke begeleiding", "verblijfsstatus"),
            ("Inburgeringsloket gemeente", "Inburgeringsplan", "verblijfsstatus"),
            ("CAK", "Bestuursrechtelijke premie", "schulden"),
            ("Zorgverzekeraar", "Nota's", "schulden"),
            ("Internationale schakelklas", "Onderwijs oudste zoon", "onderwijs"),
        ],
    },
    {
        "key": "huiselijk-geweld-verhuizen",
        "amount": (0, 0),
        "members": [("parent", 31, "moeder"), ("child", 7, "dochter"), ("child", 2, "zoon")],
        "situation": (
            "Moeder en twee kinderen wonen sinds drie maanden in de vrouwenopvang na huiselijk geweld door haar "
            "ex-partner. Ze kan uit de opvang zodra er een woning is, maar voor urgentie moet ze twee jaar in de "
            "gemeente ingeschreven staan; ze komt uit een buurgemeente. De dochter is al twee keer van school "
            "gewisseld. Veilig Thuis is betrokken; er loopt een contactverbod."
        ),
        "perspective": '"Een eigen huis waar we veilig zijn, en dat mijn dochter op één school kan blijven."',
        "needs": [
            ("wonen", "support", "Een woning met urgentie, ver genoeg van de ex-partner."),
            ("veiligheid_justitie", "support", "Veiligheidsplan en doorlopende steun van Veilig Thuis."),
            ("opvoeden_opgroeien", "treatment", "Traumaverwerking voor de dochter."),
            ("inkomen", "self", "Moeder regelt zelf haar uitkering op het nieuwe adres."),
        ],
        "breakthrough": (
            "Urgentie voor een woning in deze gemeente, ondanks dat zij hier korter dan twee jaar staat ingeschreven.",
            "De huisvestingsverordening eist twee jaar binding met de gemeente voor urgentie.",
            "Toepassing van de hardheidsclausule van de huisvestingsverordening.",
            "Wethouder Wonen (mandaat bij hoofd Wonen)",
        ),
        "steps": [
            ("first_need", "Urgentieaanvraag met beroep op de hardheidsclausule.", "Professional"),
            ("first_need", "Veiligheidsplan actualiseren met Veilig Thuis.", "Veilig Thuis"),
            ("stabilise", "Dochter aanmelden op een school dicht bij de nieuwe woning.", "Moeder"),
            ("stabilise", "Traumabehandeling dochter starten.", "Jeugd-GGZ"),
            ("hope", "Moeder start de opleiding die ze moest afbreken.", "Moeder"),
        ],
        "tags": [
            "wonen",
            "veiligheid_justitie",
            "opvoeden_opgroeien",
            "huiselijk_geweld",
            "alleenstaand_ouderschap",
            "trauma",
            "urgentie_woning",
            "uitzondering_regel",
        ],
        "helpers": [
            ("Vrouwenopvang", "Verblijf en begeleiding", "wonen"),
            ("Veilig Thuis", "Veiligheidsplan en contact met politie", "veiligheid_justitie"),
            ("Politie", "Contactverbod", "veiligheid_justitie"),
            ("Jeugd-GGZ", "Wachtlijst traumabehandeling", "opvoeden_opgroeien"),
            ("Woningcorporatie", "Woningaanbod", "wonen"),
        ],
    },
    {
        "key": "mantelzorg-oudere",
        "amount": (0, 0),
        "members": [("parent", 58, "moeder"), ("child", 24, "zoon met beperking"), ("other", 84, "opa")],
        "situation": (
            "Moeder zorgt voor haar zoon met een verstandelijke beperking en voor haar vader van in de tachtig, "
            "die bij hen is ingetrokken. De woning is te klein en heeft een steile trap; opa is twee keer "
            "gevallen. Moeder is overbelast en heeft haar baan opgezegd. Voor een traplift is de woning "
            "volgens de indicatie 'niet geschikt', voor een grotere woning is de wachttijd negen jaar."
        ),
        "perspective": '"Dat we met z\'n drieën veilig gelijkvloers wonen en ik twee dagen per week weer kan werken."',
        "needs": [
            ("wonen", "support", "Een gelijkvloerse woning die groot genoeg is."),
            ("zorg_ondersteuning", "support", "Respijtzorg en dagbesteding voor de zoon."),
            ("lichamelijke_gezondheid", "treatment", "Valpreventie en fysiotherapie voor opa."),
            ("werk_dagbesteding", "self", "Moeder zoekt zelf weer werk zodra de zorg geregeld is."),
        ],
        "breakthrough": (
            "Met voorrang een gelijkvloerse eengezinswoning toewijzen, als alternatief voor een dure aanpassing "
            "die niet kan.",
            "De woningcorporatie verdeelt woningen op inschrijfduur; medische urgentie geldt alleen voor één "
            "persoon, niet voor een huishouden met twee zorgvragers.",
            "Maatwerktoewijzing buiten de reguliere verdeling.",
            "Directeur Wonen van de woningcorporatie, met het Doorbraakteam",
        ),
        "steps": [
            ("first_need", "Tijdelijk bed beneden voor opa en een alarmknop.", "Wijkverpleging"),
            ("stabilise", "Dagbesteding voor de zoon drie dagen per week.", "Wijkteam"),
            ("stabilise", "Maatwerktoewijzing woning bij de corporatie.", "Doorbraakteam"),
            ("hope", "Moeder begint weer twee dagen per week te werken.", "Moeder"),
        ],
        "tags": [
            "wonen",
            "zorg_ondersteuning",
            "lichamelijke_gezondheid",
            "ongeschikte_woning",
            "ontoereikende_ondersteuning",
            "chronische_ziekte",
            "urgentie_woning",
            "dagbesteding",
            "uitzondering_routine",
        ],
        "helpers": [
            ("Wijkverpleging", "Persoonlijke verzorging opa", "lichamelijke_gezondheid"),
            ("Wmo-loket gemeente", "Indicatie woningaanpassing", "zorg_ondersteuning"),
            ("Zorgaanbieder gehandicaptenzorg", "Begeleiding zoon", "zorg_ondersteuning"),
            ("Woningcorporatie", "Woningzoekende, geen aanbod", "wonen"),
            ("Fysiotherapeut", "Na val van opa", "lichamelijke_gezondheid"),
            ("Mantelzorgsteunpunt", "Ondersteuning moeder", "sociaal_netwerk"),
        ],
    },
    {
        "key": "zzp-schulden-depressie",
        "amount": (18000, 32000),
        "members": [("parent", 47, "vader"), ("child", 16, "dochter")],
        "situation": (
            "Vader, voormalig zelfstandig schilder, kon na een rugblessure niet meer werken. Zijn bedrijf is "
            "gestopt met ongeveer € {amount} aan schulden bij de Belastingdienst en leveranciers. Hij woont "
            "alleen met zijn dochter van zestien, die steeds vaker thuisblijft van school. Vader is somber en "
            "drinkt meer dan vroeger. Voor een schuldregeling moet eerst de btw-aangifte over twee jaar op orde."
        ),
        "perspective": '"Dat mijn dochter haar diploma haalt en ik weer iets kan doen met mijn handen."',
        "needs": [
            ("schulden", "support", "Administratie op orde en een schuldregeling."),
            ("psychische_gezondheid", "treatment", "Behandeling voor de somberheid."),
            ("verslaving", "support", "Gesprekken over het alcoholgebruik."),
            ("onderwijs", "support", "Begeleiding voor de dochter op school."),
            ("inkomen", "support", "Uitkering nu het bedrijf gestopt is."),
        ],
        "breakthrough": (
            "Een vrijwillige boekhouder laat de oude aangiftes ambtshalve afwikkelen, zodat de schuldregeling "
            "direct kan starten in plaats van na het uitzoeken.",
            "Schuldhulpverlening start pas als alle aangiftes zijn gedaan; daar heeft vader de kracht en het geld "
            "niet voor.",
            "Start schuldregeling onder voorbehoud, parallel aan het afwikkelen van de aangiftes.",
            "Teamleider schuldhulpverlening",
        ),
        "steps": [
            ("first_need", "Bijstand voor zelfstandigen (Bbz) aanvragen voor inkomen nu.", "Professional"),
            ("first_need", "Vrijwillige boekhouder koppelen via de formulierenbrigade.", "Wijkteam"),
            ("stabilise", "Schuldregeling onder voorbehoud starten.", "Schuldhulpverlening"),
            ("stabilise", "Intake GGZ en gesprek over alcohol.", "Vader"),
            ("hope", "Dochter: examenjaar met steun van haar mentor.", "Dochter"),
        ],
        "tags": [
            "schulden",
            "psychische_gezondheid",
            "inkomen",
            "onderwijs",
            "problematische_schulden",
            "psychische_klachten",
            "schooluitval",
            "schuldregeling",
            "uitzondering_routine",
        ],
        "helpers": [
            ("Belastingdienst", "Naheffingen btw en inkomstenbelasting", "schulden"),
            ("Schuldhulpverlening gemeente", "Intake aangehouden", "schulden"),
            ("Werk en Inkomen gemeente", "Bbz-aanvraag", "inkomen"),
            ("Huisarts", "Rugklachten en somberheid", "lichamelijke_gezondheid"),
            ("Middelbare school", "Zorgcoördinator dochter", "onderwijs"),
        ],
    },
    {
        "key": "schooluitval-jongere",
        "amount": (0, 0),
        "members": [("parent", 45, "moeder"), ("child", 15, "zoon"), ("child", 13, "zoon")],
        "situation": (
            "De oudste zoon van vijftien zit al vier maanden thuis. Hij is van school gestuurd na een vechtpartij "
            "en geen andere school neemt hem aan zolang er geen onderzoek is. Hij gamet 's nachts en komt "
            "overdag niet uit bed. De leerplichtambtenaar heeft een proces-verbaal aangekondigd. Moeder werkt "
            "in ploegendienst en voelt zich machteloos; de jongste broer begint het gedrag over te nemen."
        ),
        "perspective": '"Dat hij weer naar school gaat, op een plek waar ze hem snappen."',
        "needs": [
            ("onderwijs", "support", "Een passende school of tussenvoorziening."),
            ("opvoeden_opgroeien", "support", "Steun voor moeder in de opvoeding."),
            ("psychische_gezondheid", "treatment", "Onderzoek naar wat er achter het gedrag zit."),
            ("veiligheid_justitie", "self", "De zoon zegt toe: geen nieuwe incidenten."),
        ],
        "breakthrough": (
            "Direct een plek in de tussenvoorziening van het samenwerkingsverband, zonder op het onderzoek te wachten.",
            "Toelating vraagt een afgerond psychologisch onderzoek; de wachttijd daarvoor is vier maanden.",
            "Voorlopige toelating met onderzoek in de tussenvoorziening zelf.",
            "Directeur samenwerkingsverband passend onderwijs",
        ),
        "steps": [
            ("first_need", "Overleg met leerplicht: proces-verbaal aanhouden zolang het plan loopt.", "Professional"),
            ("first_need", "Voorlopige plaatsing tussenvoorziening.", "Samenwerkingsverband"),
            ("stabilise", "Dag- en nachtritme: afspraken thuis met steun van een gezinscoach.", "Moeder en zoon"),
            ("hope", "Terug naar het reguliere onderwijs of een vakopleiding.", "Zoon"),
        ],
        "tags": [
            "onderwijs",
            "opvoeden_opgroeien",
            "schooluitval",
            "opvoedproblemen",
            "justitie_contact",
            "uitzondering_routine",
        ],
        "helpers": [
            ("Leerplichtambtenaar", "Verzuim en proces-verbaal", "onderwijs"),
            ("Samenwerkingsverband passend onderwijs", "Toelating", "onderwijs"),
            ("Voortgezet onderwijs (vorige school)", "Verwijdering", "onderwijs"),
            ("Jeugdhulpaanbieder", "Gezinscoach", "opvoeden_opgroeien"),
            ("Halt", "Afdoening na de vechtpartij", "veiligheid_justitie"),
        ],
    },
    {
        "key": "ex-gedetineerde",
        "amount": (2000, 5000),
        "members": [("adult", 27, "man")],
        "situation": (
            "Man van eind twintig, drie weken geleden vrijgekomen na een detentie van een jaar. Hij heeft geen "
            "woning, geen uitkering en een CJIB-schuld van ongeveer € {amount}. Een ID-bewijs is verlopen; "
            "zonder ID geen uitkering en geen bankrekening. Hij slaapt bij zijn moeder op de bank, maar dat mag "
            "van haar corporatie niet langer dan een paar weken."
        ),
        "perspective": '"Een eigen plek, een baan in de bouw en nooit meer terug."',
        "needs": [
            ("inkomen", "support", "ID, bankrekening en uitkering."),
            ("wonen", "support", "Een kamer of plek in een traject begeleid wonen."),
            ("schulden", "support", "Betalingsregeling met het CJIB."),
            ("werk_dagbesteding", "self", "Hij heeft zelf contact met een aannemer uit zijn oude buurt."),
        ],
        "breakthrough": (
            "Een ID-kaart aanvragen met vrijstelling van de leges en direct een voorschot op de uitkering.",
            "Zonder geld geen ID, zonder ID geen uitkering: een cirkel die niemand doorbreekt.",
            "Leges betalen uit bijzondere bijstand en een voorschot verstrekken zonder afgerond onderzoek.",
            "Teamleider Burgerzaken en teamleider Werk en Inkomen",
        ),
        "steps": [
            ("first_need", "ID-kaart aanvragen, leges via bijzondere bijstand.", "Professional"),
            ("first_need", "Voorschot uitkering en basisbankrekening.", "Werk en Inkomen"),
            ("stabilise", "Betalingsregeling CJIB.", "Man met reclassering"),
            ("stabilise", "Kamer via het traject begeleid wonen.", "Wijkteam"),
            ("hope", "Proefdag bij de aannemer.", "Man"),
        ],
        "tags": [
            "inkomen",
            "wonen",
            "veiligheid_justitie",
            "schulden",
            "geen_inkomen",
            "justitie_contact",
            "dakloos",
            "uitkering_versneld",
            "bijzondere_bijstand",
            "volgorde_omdraaien",
        ],
        "helpers": [
            ("Reclassering", "Toezicht na detentie", "veiligheid_justitie"),
            ("CJIB", "Openstaande boetes", "schulden"),
            ("Werk en Inkomen gemeente", "Aanvraag uitkering", "inkomen"),
            ("Burgerzaken gemeente", "ID-aanvraag", "algemeen"),
            ("Casemanager nazorg ex-gedetineerden", "Nazorg", "zorg_ondersteuning"),
        ],
    },
    {
        "key": "eenzame-oudere-schulden",
        "amount": (900, 2200),
        "members": [("adult", 72, "vrouw")],
        "situation": (
            "Vrouw van begin zeventig, weduwe, woont alleen. Na het overlijden van haar man bleek dat hij de "
            "financiën deed; er zijn achterstanden bij de zorgverzekeraar en het water, samen ongeveer "
            "€ {amount}. Zij durft niemand om hulp te vragen, eet slecht en komt de deur nauwelijks uit. De "
            "buurvrouw belde het wijkteam omdat de post zich opstapelt."
        ),
        "perspective": '"Weer rust in mijn hoofd over geld, en elke week iemand om koffie mee te drinken."',
        "needs": [
            ("schulden", "support", "Achterstanden oplossen en de vaste lasten automatisch laten betalen."),
            ("sociaal_netwerk", "support", "Contact met leeftijdgenoten in de buurt."),
            ("lichamelijke_gezondheid", "support", "Maaltijdservice en controle bij de huisarts."),
            ("inkomen", "self", "Ze wil zelf haar AOW en nabestaandenpensioen laten nakijken."),
        ],
        "breakthrough": (
            "De zorgverzekeraar haalt haar uit de wanbetalersregeling zonder dat eerst de volledige achterstand "
            "betaald is.",
            "Uitschrijven uit de regeling kan volgens de verzekeraar pas na volledige betaling.",
            "Uitschrijving bij een getekende betalingsregeling en automatische incasso.",
            "Zorgverzekeraar (afdeling bijzondere incasso)",
        ),
        "steps": [
            ("first_need", "Post samen openen en sorteren.", "Vrijwilliger formulierenbrigade"),
            ("stabilise", "Betalingsregelingen en automatische incasso's.", "Professional"),
            ("stabilise", "Maaltijdservice drie keer per week.", "Wijkteam"),
            ("hope", "Koffieochtend in het buurthuis, eerste keer samen met de buurvrouw.", "Vrouw"),
        ],
        "tags": [
            "schulden",
            "sociaal_netwerk",
            "betalingsachterstanden",
            "eenzaamheid",
            "netwerk_versterken",
            "kwijtschelding",
            "uitzondering_routine",
        ],
        "helpers": [
            ("Zorgverzekeraar", "Wanbetalersregeling", "schulden"),
            ("Drinkwaterbedrijf", "Achterstand", "schulden"),
            ("Huisarts", "Controle gewicht en stemming", "lichamelijke_gezondheid"),
            ("Ouderenadviseur", "Huisbezoek", "zorg_ondersteuning"),
            ("Buurthuis", "Activiteiten", "sociaal_netwerk"),
        ],
    },
    {
        "key": "ots-dreigt-woning",
        "amount": (1500, 3500),
        "members": [
            ("parent", 30, "moeder"),
            ("partner", 33, "vader"),
            ("child", 6, "zoon"),
            ("child", 4, "dochter"),
            ("child", 1, "zoon"),
        ],
        "situation": (
            "Gezin met drie jonge kinderen in een tweekamerflat met schimmel. De jongste heeft astma; de "
            "kinderen slapen met z'n drieën in één kamer. Er zijn zorgen over verwaarlozing en de Raad voor de "
            "Kinderbescherming doet onderzoek naar een ondertoezichtstelling. Ouders willen graag verhuizen, "
            "maar hebben een huurachterstand van ongeveer € {amount} en komen daardoor niet in aanmerking."
        ),
        "perspective": '"Een huis waar de kinderen gezond kunnen opgroeien, en dat de Raad ziet dat wij het kunnen."',
        "needs": [
            ("wonen", "support", "Een grotere, droge woning."),
            ("opvoeden_opgroeien", "support", "Gezinsondersteuning in huis."),
            ("lichamelijke_gezondheid", "treatment", "Behandeling astma van de jongste."),
            ("schulden", "support", "Huurachterstand oplossen zodat verhuizen kan."),
        ],
        "breakthrough": (
            "Verhuizen naar een grotere woning ondanks de huurachterstand, met de achterstand in een regeling.",
            "De corporatie verhuurt niet aan huurders met een achterstand, en urgentie geldt niet voor "
            "schimmel of overbewoning.",
            "Woningruil binnen de corporatie met de achterstand in een regeling, als uitzondering op het "
            "toewijzingsbeleid.",
            "Manager Wonen woningcorporatie",
        ),
        "steps": [
            ("first_need", "Schimmel melden en tijdelijk laten behandelen.", "Corporatie"),
            ("first_need", "Gesprek corporatie over woningruil met regeling.", "Professional"),
            ("stabilise", "Intensieve gezinsbegeleiding thuis.", "Jeugd- en gezinsteam"),
            ("stabilise", "Overleg met de Raad: plan als alternatief voor een maatregel.", "Professional"),
            ("hope", "Oudste zoon op zwemles.", "Vader"),
        ],
        "tags": [
            "wonen",
            "opvoeden_opgroeien",
            "lichamelijke_gezondheid",
            "ongeschikte_woning",
            "huurachterstand",
            "dreigende_uithuisplaatsing",
            "urgentie_woning",
            "begeleiding_thuis",
            "uitzondering_regel",
        ],
        "helpers": [
            ("Raad voor de Kinderbescherming", "Onderzoek ondertoezichtstelling", "opvoeden_opgroeien"),
            ("Woningcorporatie", "Verhuurder, incasso", "wonen"),
            ("Consultatiebureau (CJG)", "Zorgen over groei jongste", "opvoeden_opgroeien"),
            ("Kinderarts", "Astma", "lichamelijke_gezondheid"),
            ("Jeugd- en gezinsteam", "Gezinsbegeleiding", "opvoeden_opgroeien"),
        ],
    },
    {
        "key": "verward-gedrag-overlast",
        "amount": (0, 0),
        "members": [("adult", 52, "man")],
        "situation": (
            "Man van begin vijftig met psychotische klachten, woont alleen in een portiekflat. Buren melden "
            "geluidsoverlast en er is een zorgmelding gedaan. De corporatie is een procedure gestart om het "
            "huurcontract te ontbinden. Hij mijdt de GGZ sinds een gedwongen opname drie jaar geleden, maar "
            "vertrouwt de wijkverpleegkundige die al jaren bij hem langskomt."
        ),
        "perspective": '"Dat ze me met rust laten en dat ik in mijn eigen huis mag blijven."',
        "needs": [
            ("psychische_gezondheid", "treatment", "Behandeling die hij accepteert, via een vertrouwd persoon."),
            ("wonen", "support", "Huurcontract behouden met afspraken over overlast."),
            ("sociaal_netwerk", "support", "Bemiddeling met de buren."),
        ],
        "breakthrough": (
            "Een 'laatste kans'-overeenkomst met de corporatie: hij blijft wonen met begeleiding door een "
            "FACT-team, in plaats van ontbinding van het huurcontract.",
            "De corporatie zet de ontbinding door zodra er drie meldingen zijn, los van of er hulp op gang komt.",
            "Procedure aanhouden en een begeleid-wonenovereenkomst, als uitzondering op de vaste werkwijze.",
            "Manager Wonen woningcorporatie, met de wijkagent",
        ),
        "steps": [
            ("first_need", "Overleg corporatie: ontbindingsprocedure aanhouden.", "Professional"),
            ("stabilise", "FACT-team komt mee met de wijkverpleegkundige.", "GGZ"),
            ("stabilise", "Buurtbemiddeling met de bovenburen.", "Buurtbemiddeling"),
            ("hope", "Wekelijkse wandeling met een maatje.", "Man"),
        ],
        "tags": [
            "psychische_gezondheid",
            "wonen",
            "crisis_ggz",
            "dreigende_ontruiming",
            "begeleiding_thuis",
            "uitzondering_routine",
        ],
        "helpers": [
            ("Wijkverpleging", "Vertrouwd contact, medicatie", "lichamelijke_gezondheid"),
            ("GGZ-instelling (FACT-team)", "Bemoeizorg", "psychische_gezondheid"),
            ("Woningcorporatie", "Overlastdossier", "wonen"),
            ("Politie (wijkagent)", "Meldingen", "veiligheid_justitie"),
            ("Meldpunt zorg en overlast", "Zorgmelding", "zorg_ondersteuning"),
        ],
    },
]

# Helpers that commonly also turn up, added per household (seeded) until the inventory has 5–15 entries.
EXTRA_HELPERS: list[tuple[str, str, str]] = [
    ("Huisarts", "Huisartsenzorg", "lichamelijke_gezondheid"),
    ("Praktijkondersteuner GGZ", "Gesprekken", "psychische_gezondheid"),
    ("UWV", "WW of WIA", "inkomen"),
    ("Belastingdienst/Toeslagen", "Zorg- en huurtoeslag", "inkomen"),
    ("Beschermingsbewindvoerder", "Beheer van inkomsten en betalingen", "schulden"),
    ("Budgetcoach (vrijwilliger)", "Thuisadministratie", "schulden"),
    ("Voedselbank", "Wekelijks voedselpakket", "inkomen"),
    ("Sociaal raadslieden", "Bezwaar en formulieren", "inkomen"),
    ("Maatschappelijk werk", "Gesprekken en praktische hulp", "zorg_ondersteuning"),
    ("Formulierenbrigade", "Hulp bij aanvragen", "algemeen"),
    ("Jeugdfonds Sport en Cultuur", "Contributie sportclub", "opvoeden_opgroeien"),
    ("Centrum voor Jeugd en Gezin (CJG)", "Opvoedadvies", "opvoeden_opgroeien"),
    ("Veilig Thuis", "Advies na melding", "veiligheid_justitie"),
    ("Leerplichtambtenaar", "Verzuimgesprek", "onderwijs"),
    ("Werkgeversservicepunt", "Re-integratie", "werk_dagbesteding"),
    ("Zorgverzekeraar", "Betalingsregeling premie", "schulden"),
    ("Woningcorporatie (sociaal beheer)", "Huurdersbegeleiding", "wonen"),
    ("Thuiszorgorganisatie", "Huishoudelijke hulp (Wmo)", "zorg_ondersteuning"),
    ("Buurtsportcoach", "Bewegen in de wijk", "sociaal_netwerk"),
    ("Stichting Humanitas", "Maatje", "sociaal_netwerk"),
    ("Kredietbank", "Saneringskrediet", "schulden"),
    ("Apotheek", "Medicatie in baxterrol", "lichamelijke_gezondheid"),
]

REJECTION_REASONS = [
    "Eerst moet de aanmelding bij schuldhulpverlening rond zijn; dien het plan opnieuw in als de intake is "
    "gedaan. Het Doorbraakteam denkt graag mee over de volgorde.",
    "De uitzondering is niet onderbouwd met de kosten van de dreigende situatie. Vul de rekensom aan en "
    "dien opnieuw in.",
    "Dit kan binnen de gewone regeling: vraag de voorziening regulier aan. Lukt dat niet binnen twee weken, "
    "dan neemt het Doorbraakteam het alsnog op.",
]

EVALUATION_NOTES = [
    "Evaluatie na zes maanden: de doorbraak is gerealiseerd, het huishouden is stabiel en de meeste stappen "
    "zijn gezet.",
    "Evaluatie: eerste nood opgelost, stabiliseren loopt nog; het huishouden ervaart meer rust.",
    "Evaluatie: doel bereikt; het huishouden regelt de vervolgstappen grotendeels zelf.",
]
