"""Reading a municipality's local regulation articles from CSV (for the import with preview)."""

import csv
import io
from datetime import date

from doorbraak.core.constants import LifeDomain

from .constants import LOCAL_CSV_COLUMNS, LOCAL_CSV_REQUIRED, ArticleKind, RegulationType
from .loading import split_list

MAX_ROWS = 2000


def parse_local_csv(text: str, *, existing: set[tuple[str, str]] = frozenset()) -> tuple[list[dict], list[list]]:
    """(rows, errors). Rows are JSON-ready dicts (dates as ISO strings) with 'status' nieuw/bijwerken and 'line';
    errors are [line, Dutch message] pairs. Semicolon or comma separated."""
    if text.startswith("\ufeff"):
        text = text[1:]
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    missing = [c for c in LOCAL_CSV_REQUIRED if c not in header]
    if missing:
        return [], [[1, "Kolommen ontbreken: " + ", ".join(missing)]]
    unknown_columns = [h for h in header if h not in LOCAL_CSV_COLUMNS]
    if unknown_columns:
        return [], [[1, "Onbekende kolommen: " + ", ".join(unknown_columns)]]
    rows: list[dict] = []
    errors: list[list] = []
    seen: set[tuple[str, str]] = set()
    list_sep = "|" if delimiter == ";" else ";"
    for raw in reader:
        line = reader.line_num
        if len(rows) + len(errors) >= MAX_ROWS:
            errors.append([line, f"Meer dan {MAX_ROWS} regels; splits het bestand."])
            break
        if None in raw:
            errors.append([line, "Deze regel heeft meer kolommen dan de kopregel."])
            continue
        v = {k: (raw.get(k) or "").strip() for k in LOCAL_CSV_COLUMNS}
        problems = [f"'{c}' is leeg" for c in LOCAL_CSV_REQUIRED if not v[c]]
        if v["kind"] and v["kind"] not in ArticleKind.values:
            problems.append(f"onbekende soort '{v['kind']}'")
        regulation_type = v["regulation_type"] or RegulationType.VERORDENING
        if regulation_type not in RegulationType.values:
            problems.append(f"onbekend soort regeling '{regulation_type}'")
        domains = split_list(v["life_domains"].replace(list_sep, ";"))
        bad = [d for d in domains if d not in LifeDomain.values]
        if bad:
            problems.append("onbekend leefgebied: " + ", ".join(bad))
        dates = {}
        for name in ("valid_from", "valid_until"):
            try:
                dates[name] = date.fromisoformat(v[name]).isoformat() if v[name] else None
            except ValueError:
                problems.append(f"'{name}' is geen datum (JJJJ-MM-DD)")
        if dates.get("valid_from") and dates.get("valid_until") and dates["valid_until"] < dates["valid_from"]:
            problems.append("'valid_until' ligt voor 'valid_from'")
        if len(v["summary"]) > 4000 or len(v["regulation_title"]) > 250 or len(v["article"]) > 32:
            problems.append("een veld is te lang")
        identity = (v["regulation_title"], v["article"])
        if identity in seen:
            problems.append("dit artikel staat al eerder in het bestand")
        seen.add(identity)
        if problems:
            errors.append([line, "; ".join(problems)])
            continue
        rows.append(
            {
                "regulation_title": v["regulation_title"],
                "regulation_type": regulation_type,
                "cvdr_id": v["cvdr_id"],
                "article": v["article"],
                "heading": v["heading"] or v["summary"][:120],
                "summary": v["summary"],
                "kind": v["kind"],
                "life_domains": domains,
                "keywords": split_list(v["keywords"].replace(list_sep, ";")),
                "valid_from": dates["valid_from"],
                "valid_until": dates["valid_until"],
                "situations": v["situations"],
                "plain_language": v["plain_language"],
                "status": "bijwerken" if identity in existing else "nieuw",
                "line": line,
            }
        )
    if not rows and not errors:
        errors.append([1, "Het bestand bevat geen regels."])
    return rows, errors
