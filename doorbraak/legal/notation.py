"""How the ``paragraph`` column of the law base reads in a citation label. Pure Python, no Django imports.

The data writes paragraphs tersely: "1", "1;4" (paragraphs 1 and 4), "1-3" (1 up to and including 3),
"1 onder a en e" (paragraph 1, items a and e), "onder a" (items of an article without paragraphs).
``paragraph_notation`` turns that into Dutch as lawyers write it: "lid 1 en 4", "lid 1 tot en met 3",
"lid 1, onder a en e", "onder a".

The number of an article and of a paragraph may be entered with their word in front ("art. 12", "Artikel 12",
"art.12", "lid 2", "leden 1 en 2"): ``article_number`` and ``paragraph_notation`` drop that word, so a label never
reads "art. art. 12" or "lid lid 2". Forms and imports store the bare number (``article_number``), labels of
older rows are cleaned when they are shown.
"""

import re

_LIST_SEPARATOR = re.compile(r"\s*(?:[;,]|\sen\s)\s*")
_RANGE = re.compile(r"^(\w+)\s*-\s*(\w+)$")
# "art. 12", "Art 12", "art.12", "artikel 12", "Artikelen 3 en 4", "ART. 12.": the word, then the number.
_ARTICLE_WORD = re.compile(r"^(?i:art(?:ikel(?:en)?)?|artt)\s*\.?\s*(?=\d|[IVXLC]+\b)")
_ONLY_THE_WORD = re.compile(r"^(?i:art(?:ikel(?:en)?)?|artt)\.?$")
_PARAGRAPH_WORD = re.compile(r"^(?:lid|leden)\b\s*\.?\s*", re.IGNORECASE)


def article_number(article: str) -> str:
    """The article's number without the word "artikel" or "art." in front and without a closing full stop:
    "art. 12" → "12", "Artikel 4:84" → "4:84", "art.12a" → "12a", "12." → "12"; only the word ("art.") gives ""."""
    text = " ".join((article or "").split())
    if _ONLY_THE_WORD.match(text):
        return ""
    text = _ARTICLE_WORD.sub("", text, count=1)
    return text.rstrip(".").strip()


def _enumerate(items: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} en {items[-1]}"


def _paragraph_part(part: str) -> list[str]:
    match = _RANGE.match(part)
    if not match:
        return [part]
    low, high = match.groups()
    if low.isdigit() and high.isdigit() and int(high) - int(low) == 1:
        return [low, high]  # two neighbours: "1 en 2" reads better than "1 tot en met 2"
    return [f"{low} tot en met {high}"]


def paragraph_notation(paragraph: str) -> str:
    """The paragraph (lid) and items (onder) of a citation in Dutch; "" when there are none."""
    text = _PARAGRAPH_WORD.sub("", " ".join((paragraph or "").split()), count=1)
    if not text:
        return ""
    head, has_items, items = text.partition("onder ")
    if has_items and head and not head.endswith(" "):
        head, has_items, items = text, "", ""  # "onder" inside a word: not an item reference
    head = head.strip()
    pieces = []
    if head:
        numbers = [n for part in _LIST_SEPARATOR.split(head) if part for n in _paragraph_part(part)]
        pieces.append(f"lid {_enumerate(numbers)}")
    if has_items:
        letters = [item for item in _LIST_SEPARATOR.split(items.strip()) if item]
        pieces.append(f"onder {_enumerate(letters)}")
    return ", ".join(pieces)


def article_label(law_short: str, article: str, paragraph: str = "") -> str:
    """'AVG art. 6 lid 1, onder a en e'."""
    notation = paragraph_notation(paragraph)
    return f"{law_short} art. {article_number(article)}" + (f" {notation}" if notation else "")
