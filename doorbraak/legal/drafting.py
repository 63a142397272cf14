"""Drafts the motivation paragraph from the selected citations. Pure Python, no Django imports."""

from collections.abc import Iterable
from dataclasses import dataclass

APPLICATION_PHRASES = {
    "must": "verplicht de gemeente tot maatwerk",
    "may": "geeft de bevoegdheid",
    "hardship": "biedt een hardheidsclausule om af te wijken",
    "principle": "is een beginsel of grondrecht dat zwaar meeweegt",
    "delegated": "laat de invulling over aan de lokale regeling",
}


@dataclass(frozen=True)
class DraftItem:
    label: str
    heading: str
    application: str
    motivation: str = ""


def draft_motivation(items: Iterable[DraftItem], *, exception: str = "") -> str:
    """A paragraph a decision-maker can reuse; the professional edits it before saving."""
    items = list(items)
    if not items:
        return ""
    opening = "De gevraagde uitzondering"
    if exception.strip():
        opening += f" ({exception.strip().rstrip('.')})"
    lines = [opening + " past binnen de wet. Zij steunt op de volgende bepalingen:"]
    for item in items:
        phrase = APPLICATION_PHRASES.get(item.application, "is van toepassing")
        line = f"- {item.label} ({item.heading}) {phrase}"
        if item.motivation.strip():
            line += f": {item.motivation.strip().rstrip('.')}"
        lines.append(line + ".")
    kinds = {i.application for i in items}
    if "must" in kinds:
        closing = "Omdat de wet hier maatwerk verplicht, moet de gemeente deze ruimte gebruiken."
    elif "hardship" in kinds:
        closing = (
            "Strikte toepassing van de regel zou voor dit huishouden onevenredig uitpakken; "
            "afwijken is daarom gerechtvaardigd."
        )
    else:
        closing = "De belangen van het huishouden wegen hier zwaarder dan het volgen van de standaardroute."
    lines.append(closing)
    return "\n".join(lines)
