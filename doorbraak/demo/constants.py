"""The demo's fixed facts: one known password, the demo logins and the fictional municipalities.

The password is for demo users only; ``seed_demo`` refuses nothing else, so never run it on production data.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from doorbraak.organisations.constants import Role

DEMO_PASSWORD = "Doorbraak-demo-2026"  # noqa: S105 - demo users only, printed by `manage.py demo_logins`

# Everything random in the demo comes from random.Random seeded with this (per area), so two runs on two
# machines produce the same households and plans.
DEMO_RANDOM_SEED = "doorbraak-demo-2026"

VOORBEELDSTAD = "voorbeeldstad"
ANDERSTAD = "anderstad"

ORGANISATIONS = {
    VOORBEELDSTAD: {"name": "Gemeente Voorbeeldstad", "display_name": "Doorbraak Voorbeeldstad", "colour": "#1a5f8c"},
    ANDERSTAD: {"name": "Gemeente Anderstad", "display_name": "Doorbraak Anderstad", "colour": "#7a1f5c"},
}

# district -> team in that district (Voorbeeldstad)
DISTRICTS_AND_TEAMS = [
    ("Noord", "Wijkteam Noord"),
    ("Centrum", "Wijkteam Centrum"),
    ("Zuid", "Jeugd- en gezinsteam Zuid"),
]
ANDERSTAD_TEAM = "Sociaal team Anderstad"


@dataclass(frozen=True)
class DemoUser:
    key: str
    email: str
    first_name: str
    last_name: str
    role: str  # a Role value, or "national_admin"
    organisation: str = ""  # slug; empty for the national admin
    team: str = ""
    try_first: str = ""


NATIONAL_ADMIN = "national_admin"

DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser(
        "prof_noord", "professional@voorbeeldstad.example", "Sanne", "Bakker", Role.PROFESSIONAL, VOORBEELDSTAD,
        "Wijkteam Noord", _("Mijn inbox: een evaluatie die nu moet, open acties. Eén concept kan worden ingediend."),
    ),
    DemoUser(
        "prof_centrum", "professional.centrum@voorbeeldstad.example", "Youssef", "El Amrani", Role.PROFESSIONAL,
        VOORBEELDSTAD, "Wijkteam Centrum", _("Ziet alleen de eigen plannen, niet die van collega's."),
    ),
    DemoUser(
        "prof_zuid", "professional.zuid@voorbeeldstad.example", "Iris", "de Groot", Role.PROFESSIONAL, VOORBEELDSTAD,
        "Jeugd- en gezinsteam Zuid", _("Gezinnen met kinderen: plannen in uitvoering met stappen per fase."),
    ),
    DemoUser(
        "team_lead", "teamleider@voorbeeldstad.example", "Martijn", "Jansen", Role.TEAM_LEAD, VOORBEELDSTAD,
        "Wijkteam Noord", _("Mijn inbox: plannen van het team die op uw besluit wachten; besluiten of voorleggen."),
    ),
    DemoUser(
        "doorbraakteam", "doorbraakteam@voorbeeldstad.example", "Anouk", "Smit", Role.DOORBRAAKTEAM, VOORBEELDSTAD,
        "", _("Mijn inbox: plannen op uw niveau goedkeuren, afwijzen met reden of voorleggen."),
    ),
    DemoUser(
        "manager", "manager@voorbeeldstad.example", "Henk", "van Dijk", Role.MANAGER, VOORBEELDSTAD, "",
        _("Mijn inbox: een voorgelegd plan; verder de dashboards, geen persoonsgegevens."),
    ),
    DemoUser(
        "policy_analyst", "beleid@voorbeeldstad.example", "Fatima", "Yilmaz", Role.POLICY_ANALYST, VOORBEELDSTAD, "",
        _("Dashboards: plannen, tijd tot plan en leefgebieden per team en wijk, zonder kleine groepen; CSV, XLSX."),
    ),
    DemoUser(
        "functional_admin", "beheer@voorbeeldstad.example", "Ruud", "Peters", Role.FUNCTIONAL_ADMIN, VOORBEELDSTAD,
        "", _("Beheer: teams, gebruikers, huisstijl; escalatiematrix en vaste contactpersonen."),
    ),
    DemoUser(
        "privacy_officer", "privacy@voorbeeldstad.example", "Noor", "Hendriks", Role.PRIVACY_OFFICER, VOORBEELDSTAD,
        "", _("Logboek: wie heeft dossier HH-… ingezien? Kies een referentie uit de demo; export per periode."),
    ),
    DemoUser(
        "national_admin", "landelijk@doorbraak.example", "Landelijk", "Beheer", NATIONAL_ADMIN, "", "",
        _("Organisaties: een nieuwe gemeente met haar eerste beheerder aanmaken."),
    ),
    DemoUser(
        "anderstad_admin", "beheer@anderstad.example", "Lotte", "Vermeulen", Role.FUNCTIONAL_ADMIN, ANDERSTAD, "",
        _("Andere gemeente: ziet niets van Voorbeeldstad (tenant-scheiding)."),
    ),
    DemoUser(
        "anderstad_prof", "professional@anderstad.example", "Daan", "Mulder", Role.PROFESSIONAL, ANDERSTAD,
        ANDERSTAD_TEAM, _("Andere gemeente: een plan-link uit Voorbeeldstad geeft 404."),
    ),
)  # fmt: skip


def role_label(role: str) -> str:
    if role == NATIONAL_ADMIN:
        return str(_("Landelijk beheerder"))
    return str(Role(role).label)
