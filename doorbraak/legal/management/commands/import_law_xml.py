"""python manage.py import_law_xml --file F [--bwb-id BWBR...]

Imports a law's consolidated text in the BWB 'toestand' XML format (wetten.overheid.nl) and attaches
each article's text to the matching articles of the national base. Unknown or malformed files give a
clear error and change nothing.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from doorbraak.legal.bwb import MAX_BYTES, BwbError, parse_toestand
from doorbraak.legal.models import LegalArticle


class Command(BaseCommand):
    help = "Importeer wetteksten uit een BWB-toestand (XML) en koppel ze aan de wettenbase."

    def add_arguments(self, parser):
        parser.add_argument("--file", required=True)
        parser.add_argument("--bwb-id", default="", help="Controleer dat het bestand deze wet bevat.")

    def handle(self, *args, file, bwb_id, **options):
        try:
            with open(file, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)  # parse_toestand refuses anything larger
        except OSError as exc:
            raise CommandError(f"Kan het bestand niet lezen: {exc}") from exc
        try:
            law = parse_toestand(data)
        except BwbError as exc:
            raise CommandError(str(exc)) from exc
        if bwb_id and law.bwb_id != bwb_id:
            raise CommandError(f"Het bestand bevat {law.bwb_id}, niet {bwb_id}; er is niets gewijzigd.")
        targets = list(LegalArticle.objects.filter(bwb_id=law.bwb_id))
        if not targets:
            raise CommandError(f"De wettenbase bevat geen artikelen met BWB-id {law.bwb_id}; er is niets gewijzigd.")
        updated, unmatched = 0, []
        with transaction.atomic():
            for article in targets:
                text = law.articles.get(article.article)
                if text is None:
                    unmatched.append(article.article)
                    continue
                if article.full_text != text or article.full_text_date != law.valid_from:
                    article.full_text = text
                    article.full_text_date = law.valid_from
                    article.version += 1
                    article.save(update_fields=["full_text", "full_text_date", "version", "updated_at"])
                    updated += 1
        self.stdout.write(
            f"{law.bwb_id}: {len(law.articles)} artikelen in het bestand, {updated} artikel(en) in de base "
            f"bijgewerkt, {len(targets) - updated - len(unmatched)} ongewijzigd."
        )
        if unmatched:
            self.stdout.write("Niet gevonden in het bestand: " + ", ".join(sorted(set(unmatched))))
