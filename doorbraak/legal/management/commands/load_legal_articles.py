"""python manage.py load_legal_articles --file F [--retire-missing] [--dry-run]

Loads or updates the national law base from a CSV in the format of doorbraak/legal/data/legal-articles.csv
and reports what changed. All or nothing: any bad row stops the load and nothing is stored.
"""

import os

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from doorbraak.legal.loading import DEFAULT_CSV, SCHEMA, apply_law_rows, parse_law_csv
from doorbraak.legal.models import LegalArticle


class Command(BaseCommand):
    help = "Laad of werk de landelijke wettenbase bij vanuit een CSV-bestand."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(DEFAULT_CSV))
        parser.add_argument(
            "--retire-missing", action="store_true", help="Artikelen die niet in het bestand staan intrekken."
        )
        parser.add_argument("--dry-run", action="store_true", help="Alleen tonen wat er zou veranderen.")

    def handle(self, *args, file, retire_missing, dry_run, **options):
        try:
            with open(file, "rb") as fh:
                content = fh.read(SCHEMA.max_bytes + 1)
        except OSError as exc:
            raise CommandError(f"Kan het bestand niet lezen: {exc}") from exc
        rows, errors = parse_law_csv(content, filename=os.path.basename(file))
        if errors:
            for line, message in errors:
                self.stderr.write(f"regel {line}: {message}")
            raise CommandError(f"{len(errors)} fout(en) gevonden; er is niets gewijzigd.")
        with transaction.atomic():
            report = apply_law_rows(LegalArticle, rows, today=timezone.localdate(), retire_missing=retire_missing)
            if dry_run:
                transaction.set_rollback(True)
        prefix = "Proefrun (niets opgeslagen): " if dry_run else ""
        self.stdout.write(prefix + report.as_text())
