"""Compute golden cost-benefit cases: `manage.py compute_case --case-file F --format json`."""

import json

import yaml
from django.core.management.base import BaseCommand, CommandError

from doorbraak.costs.calculator import compute_cases
from doorbraak.costs.pricelist import price_list_by_code


class Command(BaseCommand):
    help = "Rekent kosten-batencasussen door met de pure calculator en drukt de uitkomst af."

    def add_arguments(self, parser):
        parser.add_argument("--case-file", required=True, help="YAML- of JSON-bestand met cases")
        parser.add_argument("--format", default="json", choices=["json"])

    def handle(self, *args, **options):
        try:
            with open(options["case_file"], encoding="utf-8") as handle:
                document = yaml.safe_load(handle)
        except OSError as exc:
            raise CommandError(f"Kan het bestand niet lezen: {exc}") from exc
        try:
            result = compute_cases(document, price_list_by_code())
        except (ValueError, ArithmeticError, TypeError, KeyError) as exc:
            raise CommandError(f"Ongeldige casus: {exc}") from exc
        self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))
