"""python manage.py suggest_articles --case-file F [--case-file G ...] --top 10 --format json [--evaluate]

Reads cases in the format of legal-suggestions.yaml (id, life_domains, situation, breakthrough) and
prints {"<case id>": ["<law_short> <article>", ...]}: what the Legitimiteit page shows for the case, in
order: the --top specific suggestions, then the panel always shown beside the list (the general grounds, and
IVRK 3 for a household with children when the list does not hold it; hit@3 therefore reads only the list).
With --evaluate it also prints, to stderr so the
JSON stays clean, recall@10 and hit@3 per fold of a deterministic k-fold split of all cases (--folds, 5 by
default), their mean and spread, and the figures over all cases. recall@10 counts an expected article as
shown when it is in the top 10 or in the always-shown panel; hit@3 counts the list only.
"""

import json

import yaml
from django.core.management.base import BaseCommand, CommandError

from doorbraak.legal.ranking import cross_validate, evaluate, folds
from doorbraak.legal.suggestions import article_index, suggest_for_case


def read_cases(path: str) -> list[dict]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as exc:
        raise CommandError(f"Kan het casusbestand niet lezen: {exc}") from exc
    cases = data.get("cases") if isinstance(data, dict) else data
    if not isinstance(cases, list) or not all(isinstance(c, dict) and c.get("id") for c in cases):
        raise CommandError("Het casusbestand heeft geen lijst 'cases' met een 'id' per casus.")
    return cases


class Command(BaseCommand):
    help = "Stel wetsartikelen voor bij casussen (YAML) en print ze als JSON."

    def add_arguments(self, parser):
        parser.add_argument("--case-file", required=True, action="append", help="Mag vaker worden opgegeven.")
        parser.add_argument("--top", type=int, default=10)
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument("--evaluate", action="store_true")
        parser.add_argument("--folds", type=int, default=5, help="Aantal folds voor --evaluate.")

    def handle(self, *args, case_file, top, folds: int, **options):
        cases = [c for path in case_file for c in read_cases(path)]
        index = article_index()
        shown = {str(c["id"]): suggest_for_case(index=index, case=c, top=top) for c in cases}
        results = {i: specific for i, (specific, _panel) in shown.items()}
        panels = {i: panel for i, (_specific, panel) in shown.items()}
        output = {i: list(dict.fromkeys([*results[i], *panels[i]])) for i in shown}
        self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))
        if options.get("evaluate"):
            expected = {str(c["id"]): c.get("expected") or [] for c in cases if c.get("expected")}
            general = [a.key for a in index.general_grounds()]
            self.stderr.write(evaluation_report(results, expected, general, folds, panels=panels))


def evaluation_report(results, expected, general: list[str], k: int, *, panels=None) -> str:
    """Per-fold figures; ``panels`` maps a case id to what its panel shows (the general grounds when absent)."""
    lines = [f"algemene gronden (altijd getoond): {', '.join(dict.fromkeys(general))}"]
    children = sorted(i for i, panel in (panels or {}).items() if len(panel) > len(set(general)))
    if panels is not None:
        lines.append(f"met kinderrechten (IVRK 3) in het paneel: {len(children)} van {len(panels)} casussen")
    k = max(1, min(k, len(expected)))
    scores = cross_validate(results, expected, k=k, always_shown=panels if panels is not None else general)
    for number, (fold, score) in enumerate(zip(folds(list(expected), k), scores.per_fold, strict=True), start=1):
        lines.append(f"fold {number}: {json.dumps(score)} ({', '.join(fold)})")
    summary = scores.summary()
    lines.append(
        f"gemiddelde over {k} folds: recall@10 {summary['recall@10']} (sd {summary['recall@10 sd']}), "
        f"hit@3 {summary['hit@3']} (sd {summary['hit@3 sd']})"
    )
    lines.append("alle casussen: " + json.dumps(evaluate(results, expected, panels if panels is not None else general)))
    return "\n".join(lines)
