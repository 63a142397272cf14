"""The ten typical conversation stoppers ('gesloten argumenten') with a short reasoned answer.

Our own wording. Pure data, no Django imports, so the PDF and other apps can reuse it. Article keys
refer to the national law base ("<law_short> <article>").
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ClosedArgument:
    code: str
    stopper: str
    answer: str
    articles: tuple[str, ...] = ()


CLOSED_ARGUMENTS: tuple[ClosedArgument, ...] = (
    ClosedArgument(
        "precedent",
        "Dan schept het een precedent.",
        "Een precedent ontstaat alleen bij gelijke gevallen, en dit plan beschrijft juist wat dit huishouden "
        "bijzonder maakt. Leg die omstandigheden vast in de motivering: dan is de uitzondering navolgbaar en "
        "geen vrijbrief. Komt dezelfde uitzondering vaak terug, dan is dat een signaal om het beleid aan te "
        "passen, niet om nu nee te zeggen.",
        ("Awb 4:84", "Awb 3:46"),
    ),
    ClosedArgument(
        "law_forbids",
        "Dat mag niet van de wet.",
        "Vraag welk artikel het verbiedt. Meestal staat de belemmering in een beleidsregel of werkinstructie, "
        "niet in de wet zelf, en daarvan moet worden afgeweken als toepassing onevenredig uitpakt. De praktijk "
        "leert dat het overgrote deel van wat 'niet mag' wél mag, en dat een deel zelfs verplicht is.",
        ("Awb 4:84", "Awb 3:4"),
    ),
    ClosedArgument(
        "not_our_department",
        "Dat is niet onze afdeling.",
        "Voor de inwoner is er één gemeente. De wet vraagt om een integrale afweging en afstemming tussen "
        "domeinen; wie de vraag krijgt, zorgt dat die bij de juiste collega terechtkomt en blijft eigenaar "
        "tot er een besluit is. Het escalatiepad in dit plan zegt wie beslist als het blijft hangen.",
        ("Wmo 2015 2.3.5", "Jw 2.1"),
    ),
    ClosedArgument(
        "no_budget",
        "Daar is geen budget voor.",
        "Kijk naar de maatschappelijke rekensom bij dit plan: niets doen kost meestal meer dan de uitzondering "
        "(ontruiming, opvang, uithuisplaatsing). Een wettelijke plicht tot maatwerk vervalt niet omdat een "
        "potje op is, en voor snelheid is er het Doorbraakbudget; de verantwoording volgt achteraf.",
        ("Pw 35", "Wmo 2015 2.3.5"),
    ),
    ClosedArgument(
        "never_learns",
        "Hij leert het toch nooit.",
        "Het plan vraagt niet om een belofte, maar om een eerste stap die andere stappen mogelijk maakt. "
        "Eerdere mislukkingen vonden vaak plaats onder omstandigheden (schulden, geen woning, stress) die "
        "dit plan juist wegneemt. Maak afspraken over wat het huishouden zelf doet en evalueer na zes maanden.",
        ("Pw 18", "Awb 3:2"),
    ),
    ClosedArgument(
        "equal_treatment",
        "Dan moeten we iedereen zo behandelen.",
        "Gelijke behandeling betekent gelijke gevallen gelijk behandelen, en ongelijke gevallen naar de mate "
        "waarin ze verschillen. Wie in dezelfde bijzondere omstandigheden verkeert, krijgt dezelfde ruimte; "
        "daarom leggen we die omstandigheden vast. Dat is rechtvaardiger dan iedereen hetzelfde antwoord geven.",
        ("Gw 1", "Awb 3:4"),
    ),
    ClosedArgument(
        "privacy",
        "Dat kan niet vanwege de privacy.",
        "Privacywetgeving regelt hoe je gegevens deelt, niet óf je mag helpen. Met toestemming van het "
        "huishouden, of op grond van een publieke taak, mag het nodige worden gedeeld; deel alleen wat voor "
        "deze stap nodig is en leg vast met wie. Niets delen terwijl het huishouden vastloopt is ook een keuze "
        "met gevolgen.",
        ("AVG 6", "Wmo 2015 5.1.1"),
    ),
    ClosedArgument(
        "no_guarantee",
        "Er is geen 100% garantie dat het werkt.",
        "Die garantie heeft de huidige aanpak ook niet, en die werkt aantoonbaar niet. Het plan maakt de "
        "risico's zichtbaar, kiest een beperkte eerste stap en legt vast wanneer we evalueren. Een goed "
        "onderbouwd besluit dat achteraf anders uitpakt, is verdedigbaar; niets doen bij een bekend risico niet.",
        ("Awb 3:2", "Awb 3:46"),
    ),
    ClosedArgument(
        "never_done",
        "Dat hebben we nog nooit zo gedaan.",
        "Dat iets nieuw is, zegt niets over of het mag of werkt. De wet vraagt om afstemming op de persoon en "
        "de omstandigheden, niet om herhaling van de routine. Leg vast waarom de gebruikelijke route hier "
        "vastloopt; zo wordt deze uitzondering ook een les voor de organisatie.",
        ("Pw 18", "Awb 3:4"),
    ),
    ClosedArgument(
        "waiting_list",
        "Er is een wachtlijst, daar moet iedereen op wachten.",
        "Een wachtlijst is een uitvoeringsprobleem, geen wettelijke grens: de plicht om passende hulp te "
        "bieden blijft bestaan. Als wachten de situatie laat escaleren, vraagt dat om een tijdelijke of andere "
        "voorziening die nu wel beschikbaar is, en om voorrang bij spoed.",
        ("Jw 2.3", "Wmo 2015 2.3.3"),
    ),
)
