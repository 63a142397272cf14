"""Reading the national law base from CSV and applying it to the database.

``parse_law_csv`` only reads and validates; ``apply_law_rows`` writes and takes the model class, so the
data migration (historical model) and the ``load_legal_articles`` command share the same code.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from doorbraak.core.constants import LifeDomain

from .constants import CSV_COLUMNS, ArticleKind, Verified

DEFAULT_CSV = Path(__file__).resolve().parent / "data" / "legal-articles.csv"

LIFE_DOMAIN_CODES = frozenset(LifeDomain.values)
REQUIRED = ("law_short", "law_title", "article", "heading", "room_for_maatwerk", "kind")
COMPARED_FIELDS = (
    "law_title",
    "bwb_id",
    "heading",
    "room_for_maatwerk",
    "life_domains",
    "keywords",
    "kind",
    "source_url",
    "verified",
    "valid_from",
    "valid_until",
    "situations",
    "plain_language",
)


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    def as_text(self) -> str:
        return (
            f"nieuw: {self.created}, bijgewerkt: {self.updated}, ongewijzigd: {self.unchanged}, "
            f"ingetrokken: {self.retired}"
        )


def split_list(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def parse_date(value: str) -> date | None:
    value = (value or "").strip()
    return date.fromisoformat(value) if value else None


def parse_law_csv(text: str) -> tuple[list[dict], list[tuple[int, str]]]:
    """Rows as dicts ready for the model, plus (line number, Dutch message) for every bad row."""
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    missing = [c for c in CSV_COLUMNS if c not in header]
    if missing:
        return [], [(1, "Kolommen ontbreken: " + ", ".join(missing))]
    rows: list[dict] = []
    errors: list[tuple[int, str]] = []
    seen: set[tuple[str, str, str]] = set()
    for raw in reader:
        line = reader.line_num
        if None in raw:
            errors.append((line, "Deze regel heeft meer kolommen dan de kopregel."))
            continue
        values = {k: (v or "").strip() for k, v in raw.items()}
        problems = [f"'{name}' is leeg" for name in REQUIRED if not values.get(name)]
        if values.get("kind") and values["kind"] not in ArticleKind.values:
            problems.append(f"onbekende soort '{values['kind']}'")
        verified = values.get("verified") or Verified.NO
        if verified not in Verified.values:
            problems.append(f"onbekende waarde voor verified '{verified}'")
        domains = split_list(values.get("life_domains", ""))
        unknown = [d for d in domains if d not in LIFE_DOMAIN_CODES]
        if unknown:
            problems.append("onbekend leefgebied: " + ", ".join(unknown))
        dates = {}
        for name in ("valid_from", "valid_until"):
            try:
                dates[name] = parse_date(values.get(name, ""))
            except ValueError:
                problems.append(f"'{name}' is geen datum (JJJJ-MM-DD)")
        retired_value = values.get("retired", "")
        retired: date | None | bool = None
        if retired_value:
            if retired_value.lower() in {"yes", "ja", "true", "1"}:
                retired = True
            else:
                try:
                    retired = parse_date(retired_value)
                except ValueError:
                    problems.append("'retired' is geen datum en geen 'yes'")
        identity = (values.get("law_short", ""), values.get("article", ""), values.get("paragraph", ""))
        if identity in seen:
            problems.append("dit artikel/lid staat al eerder in het bestand")
        seen.add(identity)
        if problems:
            errors.append((line, "; ".join(problems)))
            continue
        rows.append(
            {
                "law_short": values["law_short"],
                "law_title": values["law_title"],
                "bwb_id": values.get("bwb_id", ""),
                "article": values["article"],
                "paragraph": values.get("paragraph", ""),
                "heading": values["heading"],
                "room_for_maatwerk": values["room_for_maatwerk"],
                "life_domains": domains,
                "keywords": split_list(values.get("keywords", "")),
                "kind": values["kind"],
                "source_url": values.get("source_url", ""),
                "verified": verified,
                "valid_from": dates.get("valid_from"),
                "valid_until": dates.get("valid_until"),
                "situations": values.get("situations", ""),
                "plain_language": values.get("plain_language", ""),
                "_retired": retired,
            }
        )
    return rows, errors


def apply_law_rows(model, rows: list[dict], *, today: date, retire_missing: bool = False) -> LoadReport:
    """Create, update or retire national articles. Call inside a transaction."""
    report = LoadReport()
    # The data migration 0002 runs with a historical model that predates some columns: only set what it has.
    names = {f.name for f in model._meta.get_fields()}
    compared = [f for f in COMPARED_FIELDS if f in names]
    existing = {(a.law_short, a.article, a.paragraph): a for a in model.objects.all()}
    in_file = set()
    for row in rows:
        row = {k: v for k, v in row.items() if k in names or k == "_retired"}
        retired = row.pop("_retired", None)
        identity = (row["law_short"], row["article"], row["paragraph"])
        in_file.add(identity)
        retired_at = (today if retired is True else retired) if retired else None
        article = existing.get(identity)
        if article is None:
            model.objects.create(**row, retired_at=retired_at)
            report.created += 1
            if retired_at:
                report.retired += 1
            continue
        changed = [f for f in compared if getattr(article, f) != row[f]]
        retire_change = bool(retired_at) != bool(article.retired_at)
        if not changed and not retire_change:
            report.unchanged += 1
            continue
        for f in changed:
            setattr(article, f, row[f])
        if retire_change:
            article.retired_at = retired_at
            if retired_at:
                report.retired += 1
        if changed or not retired_at:
            report.updated += 1
        article.version += 1
        article.save()
    if retire_missing:
        for identity, article in existing.items():
            if identity not in in_file and article.retired_at is None:
                article.retired_at = today
                article.version += 1
                article.save()
                report.retired += 1
    return report


def read_default_rows() -> list[dict]:
    rows, errors = parse_law_csv(DEFAULT_CSV.read_text(encoding="utf-8"))
    if errors:
        raise ValueError(f"De meegeleverde wettenbase bevat fouten: {errors[:3]}")
    return rows
