"""python manage.py suggest_articles --case-file F --top 10 --format json

Reads cases in the format of legal-suggestions.yaml (id, life_domains, situation, breakthrough) and
prints {"<case id>": ["<law_short> <article>", ...]}. With --evaluate it also prints recall@10 and
hit@3 against each case's 'expected' list (to stderr, so the JSON stays clean).
"""

import json

import yaml
from django.core.management.base import BaseCommand, CommandError

from doorbraak.legal.ranking import evaluate
from doorbraak.legal.suggestions import article_index, suggest_for_case


class Command(BaseCommand):
    help = "Stel wetsartikelen voor bij casussen (YAML) en print ze als JSON."

    def add_arguments(self, parser):
        parser.add_argument("--case-file", required=True)
        parser.add_argument("--top", type=int, default=10)
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument("--evaluate", action="store_true")

    def handle(self, *args, case_file, top, **options):
        try:
            with open(case_file, encoding="utf-8") as fh:
                data = yaml.safe_load(fh)
        except (OSError, yaml.YAMLError) as exc:
            raise CommandError(f"Kan het casusbestand niet lezen: {exc}") from exc
        cases = data.get("cases") if isinstance(data, dict) else data
        if not isinstance(cases, list) or not all(isinstance(c, dict) and c.get("id") for c in cases):
            raise CommandError("Het casusbestand heeft geen lijst 'cases' met een 'id' per casus.")
        index = article_index()
        results = {str(c["id"]): suggest_for_case(index=index, case=c, top=top) for c in cases}
        self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))
        if options.get("evaluate"):
            expected = {str(c["id"]): c.get("expected") or [] for c in cases if c.get("expected")}
            self.stderr.write(json.dumps(evaluate(results, expected)))
