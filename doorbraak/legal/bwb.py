"""Reader for the BWB 'toestand' XML of wetten.overheid.nl (a law's consolidated text on a date).

Structure (abridged): <toestand bwb-id="BWBR0005537" inwerkingtreding="2024-01-01"> <wetgeving> [<intitule>,
<citeertitel>] <wet-besluit> <wettekst> divisions (<boek>, <hoofdstuk>, <titeldeel>, <afdeling>, <paragraaf>,
...) <artikel label="Artikel 3:4"> <kop><label>Artikel</label><nr>3:4</nr><titel>..</titel></kop>
<lid><lidnr>1</lidnr><al>..</al><lijst><li><li.nr>a.</li.nr><al>..</al></li></lijst></lid> or <al> directly.
<meta-data> blocks and references (<intref>, <extref>) may appear inline.

No Django imports. Documents with a DTD or entity declarations are refused (no entity expansion). The same
rules as for table uploads apply where they fit: at most ``MAX_BYTES`` bytes, and while parsing (streaming, so
a bad document is stopped early) at most ``MAX_ELEMENTS`` elements nested at most ``MAX_DEPTH`` deep; on the
parsed document no control characters (XML already refuses NUL and most C0 codes; C1 codes it allows) and at
most ``MAX_ARTICLE_CHARS`` characters per article.
"""

import re
import xml.etree.ElementTree as ET  # noqa: S405 - DTDs/entities are refused before parsing
from dataclasses import dataclass, field
from datetime import date

BWB_ID = re.compile(r"^BWB[RV]\d{7}$")
MAX_BYTES = 32 * 1024 * 1024  # the largest toestand (Burgerlijk Wetboek, one book) is well under this
MAX_ELEMENTS = 1_000_000
MAX_DEPTH = 64  # BWB nests about 20 deep (boek > titel > afdeling > artikel > lid > lijst > li > ...)
MAX_ARTICLE_CHARS = 200_000
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
CHUNK = 64 * 1024
SKIP = {"meta-data", "kop", "redactie", "noot", "aanhef"}


class BwbError(ValueError):
    """A file that is not a usable BWB toestand; the message is Dutch and meant for the user."""


@dataclass
class BwbLaw:
    bwb_id: str
    valid_from: date | None
    title: str
    articles: dict[str, str] = field(default_factory=dict)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element) -> str:
    """All text of an element except metadata, whitespace collapsed."""
    parts: list[str] = []

    def walk(el):
        if _local(el.tag) == "meta-data":
            if el.tail:
                parts.append(el.tail)
            return
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if el.tail:
            parts.append(el.tail)

    walk(element)
    text = " ".join("".join(parts).split())
    return text


def _article_text(artikel) -> str:
    lines: list[str] = []
    for child in artikel:
        name = _local(child.tag)
        if name in SKIP:
            continue
        if name == "lid":
            number = ""
            body: list[str] = []
            for part in child:
                part_name = _local(part.tag)
                if part_name == "lidnr":
                    number = _text(part).rstrip(".")
                elif part_name not in SKIP:
                    body.append(_list_text(part) if part_name == "lijst" else _text(part))
            lines.append((f"{number}. " if number else "") + " ".join(b for b in body if b))
        elif name == "lijst":
            lines.append(_list_text(child))
        else:
            text = _text(child)
            if text:
                lines.append(text)
    return "\n".join(line for line in lines if line.strip())


def _list_text(lijst) -> str:
    items = []
    for li in lijst:
        if _local(li.tag) != "li":
            continue
        number = ""
        body = []
        for part in li:
            name = _local(part.tag)
            if name == "li.nr":
                number = _text(part)
            elif name == "lijst":
                body.append(_list_text(part))
            elif name not in SKIP:
                body.append(_text(part))
        items.append(" ".join(filter(None, [number, *body])))
    return "\n".join(items)


def _article_number(artikel) -> str:
    for child in artikel:
        if _local(child.tag) == "kop":
            for part in child:
                if _local(part.tag) == "nr":
                    return _text(part).rstrip(".")
    label = artikel.get("label", "")
    return label.split(" ", 1)[1].strip() if label.lower().startswith("artikel ") else ""


def _parse_bounded(raw: bytes):
    """Parse in chunks and stop as soon as the document nests too deep or holds too many elements."""
    parser = ET.XMLPullParser(events=("start", "end"))  # noqa: S314 - no DTD/entities (checked before)
    root = None
    depth = count = 0
    try:
        for start in range(0, len(raw), CHUNK):
            parser.feed(raw[start : start + CHUNK])
            for event, element in parser.read_events():
                if event == "end":
                    depth -= 1
                    continue
                root = element if root is None else root
                depth += 1
                count += 1
                if depth > MAX_DEPTH:
                    raise BwbError(f"Het bestand is te diep genest (meer dan {MAX_DEPTH} niveaus).")
                if count > MAX_ELEMENTS:
                    raise BwbError(f"Het bestand bevat meer dan {MAX_ELEMENTS} elementen.")
        parser.close()
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else "?"
        raise BwbError(f"Het bestand is geen geldige XML (fout rond regel {line}).") from exc
    if root is None:
        raise BwbError("Het bestand is geen geldige XML (leeg).")
    title = root.get("bwb-id", "")
    if CONTROL.search(title):
        raise BwbError("Het bwb-id bevat een ongeldig teken.")
    return root


def parse_toestand(data: bytes | str) -> BwbLaw:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    head = raw[:4096].upper()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in raw.upper():
        raise BwbError("Het bestand bevat een DOCTYPE of entiteiten; dat wordt om veiligheidsredenen niet gelezen.")
    if len(raw) > MAX_BYTES:
        raise BwbError(f"Het bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB.")
    root = _parse_bounded(raw)
    if _local(root.tag) != "toestand":
        raise BwbError(
            f"Onbekend formaat: het hoofdelement is <{_local(root.tag)}>, verwacht <toestand> "
            "(BWB-toestand van wetten.overheid.nl)."
        )
    bwb_id = root.get("bwb-id", "").strip().upper()
    if not BWB_ID.match(bwb_id):
        raise BwbError("Het bestand heeft geen geldig bwb-id (zoals BWBR0015703) op het element <toestand>.")
    wetgeving = next((el for el in root if _local(el.tag) == "wetgeving"), None)
    if wetgeving is None:
        raise BwbError("Het bestand bevat geen <wetgeving>-element; is dit wel een BWB-toestand?")
    valid_from = None
    if root.get("inwerkingtreding"):
        try:
            valid_from = date.fromisoformat(root.get("inwerkingtreding"))
        except ValueError as exc:
            raise BwbError("De inwerkingtredingsdatum van de toestand is geen geldige datum.") from exc
    title_el = next((el for el in wetgeving.iter() if _local(el.tag) in {"citeertitel", "intitule"}), None)
    law = BwbLaw(bwb_id=bwb_id, valid_from=valid_from, title=_text(title_el) if title_el is not None else "")
    for artikel in wetgeving.iter():
        if _local(artikel.tag) != "artikel":
            continue
        number = _article_number(artikel)
        if not number or number in law.articles:
            continue
        text = _article_text(artikel)
        if len(text) > MAX_ARTICLE_CHARS:
            raise BwbError(f"Artikel {number} is langer dan {MAX_ARTICLE_CHARS} tekens; is dit wel een BWB-toestand?")
        bad = CONTROL.search(text) or CONTROL.search(number)
        if bad:
            raise BwbError(
                f"Artikel {number} bevat een ongeldig teken (U+{ord(bad.group()):04X}); het bestand wordt niet gelezen."
            )
        if artikel.get("status") == "vervallen" and not text:
            text = "[vervallen]"
        law.articles[number] = text
    if not law.articles:
        raise BwbError("Het bestand bevat geen artikelen.")
    return law
