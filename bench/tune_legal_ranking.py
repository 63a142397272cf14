"""Nested cross-validation of the suggestion ranker's settings over the 50 development cases.

Pure Python (no database): the articles come from the shipped CSV (doorbraak/legal/data/legal-articles.csv),
the cases from doorbraak/legal/tests/data/legal-suggestions.yaml (10) and legal-suggestions-more.yaml (40).
For each of 5 deterministic folds (ranking.folds) the setting with the best recall@10 + 0.5 x hit@3 on the
other 40 cases is chosen and scored on the 10 held-out cases; the mean and spread of those held-out scores
estimate how the tuned ranker does on unseen cases. It then prints the setting that is best on all 50 (what
ships in ranking.DEFAULT_PARAMS) and its plain 5-fold figures, which are optimistic (chosen on the same cases).

Run: .venv/bin/python -m bench.tune_legal_ranking [--quick]
"""

import argparse
import csv
import itertools
import statistics
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from doorbraak.legal import ranking as R  # noqa: E402

CSV_PATH = ROOT / "doorbraak/legal/data/legal-articles.csv"
CASE_FILES = [
    ROOT / "doorbraak/legal/tests/data/legal-suggestions.yaml",
    ROOT / "doorbraak/legal/tests/data/legal-suggestions-more.yaml",
]


def split(value: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in (value or "").split(";") if x.strip())


def articles() -> list[R.ArticleDoc]:
    with CSV_PATH.open(encoding="utf-8") as fh:
        return [
            R.ArticleDoc(
                ref=f"n:{i}",
                key=f"{r['law_short']} {r['article']}",
                label=f"{r['law_short']} {r['article']}",
                heading=r["heading"],
                summary=r["room_for_maatwerk"],
                kind=r["kind"],
                life_domains=split(r["life_domains"]),
                keywords=split(r["keywords"]),
                law_title=r["law_title"],
                situations=r.get("situations") or "",
            )
            for i, r in enumerate(csv.DictReader(fh))
        ]


def cases() -> list[dict]:
    out = []
    for path in CASE_FILES:
        out += yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    return out


def grid(quick: bool) -> list[R.Params]:
    base = dict(R.DEFAULT_PARAMS.doc_field_weights)
    channels = [("text", 0.0, 3), ("text", 0.5, 3), ("text", 1.0, 3), ("full", 0.5, 3), ("text", 0.5, 4)]
    situations = (0.0, 1.0, 2.0)
    domain = (3.0, 4.5, 6.0)
    general_bonus = (0.0, 1.0, 2.0)
    if quick:
        channels, domain, general_bonus = channels[:2], (4.5,), (1.0,)
    return [
        R.with_params(
            doc_field_weights={**base, "situations": s},
            fusion=fusion,
            ngram_weight=w,
            ngram_size=n,
            domain_weight=d,
            general_domain_bonus=g,
        )
        for (fusion, w, n), s, d, g in itertools.product(channels, situations, domain, general_bonus)
    ]


def describe(p: R.Params) -> str:
    return (
        f"fusion={p.fusion} ngram_weight={p.ngram_weight} ngram_size={p.ngram_size} "
        f"situations={p.doc_field_weights['situations']} domain_weight={p.domain_weight} "
        f"general_domain_bonus={p.general_domain_bonus}"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="a small grid (for a smoke test)")
    args = parser.parse_args(argv)
    docs, all_cases = articles(), cases()
    expected = {c["id"]: c["expected"] for c in all_cases}
    settings = grid(args.quick)
    results: dict[int, tuple[dict[str, list[str]], list[str]]] = {}
    for n, p in enumerate(settings):
        index = R.ArticleIndex(docs, p)
        ranked = {c["id"]: [s.key for s in index.rank(R.case_query(c), top=10)] for c in all_cases}
        panels = {c["id"]: [a.key for a in index.panel(R.case_query(c), listed=ranked[c["id"]])] for c in all_cases}
        results[n] = (ranked, panels)

    def scores(n: int, ids) -> dict:
        ranked, panels = results[n]
        return R.evaluate(ranked, {i: expected[i] for i in ids}, panels)

    def objective(n: int, ids) -> float:
        s = scores(n, ids)
        return s["recall@10"] + 0.5 * s["hit@3"]

    print(f"{len(settings)} settings, {len(all_cases)} cases, 5 folds")
    nested = R.nested_cross_validate(list(range(len(settings))), objective, scores, list(expected), k=5)
    for f, (n, s) in enumerate(nested, start=1):
        print(f"fold {f}: held-out recall@10 {s['recall@10']:.3f} hit@3 {s['hit@3']:.2f} with {describe(settings[n])}")
    recalls = [s["recall@10"] for _, s in nested]
    hits = [s["hit@3"] for _, s in nested]
    print(
        f"nested CV (held-out): recall@10 {statistics.mean(recalls):.3f} ± {statistics.pstdev(recalls):.3f}, "
        f"hit@3 {statistics.mean(hits):.3f} ± {statistics.pstdev(hits):.3f}"
    )
    best = max(range(len(settings)), key=lambda n: (objective(n, list(expected)), -n))
    ranked, panels = results[best]
    cv = R.cross_validate(ranked, expected, k=5, always_shown=panels).summary()
    print(f"best on all 50: {describe(settings[best])}")
    print(f"  its 5-fold figures (optimistic): recall@10 {cv['recall@10']} ± {cv['recall@10 sd']}, hit@3 {cv['hit@3']}")
    values = sorted(objective(n, list(expected)) for n in range(len(settings)))
    print(
        f"objective over all settings: min {values[0]:.3f}, median {values[len(values) // 2]:.3f}, max {values[-1]:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
