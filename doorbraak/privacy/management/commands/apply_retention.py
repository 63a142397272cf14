"""Delete what is past its retention term, per municipality (docs/privacy.md, "Bewaartermijnen")."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from doorbraak.organisations.models import Organisation
from doorbraak.privacy.services import retention_apply


class Command(BaseCommand):
    help = (
        "Verwijdert afgesloten of geëvalueerde plannen (met alles wat erbij hoort) die langer dan de "
        "bewaartermijn geleden eindigden, huishoudens zonder plan en auditregels ouder dan hun eigen termijn."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Alleen tellen wat er weg zou gaan.")
        parser.add_argument("--organisation", help="Korte naam (slug) van één gemeente; standaard alle.")

    def handle(self, *args, dry_run: bool, organisation: str | None, **options):
        organisations = Organisation.objects.order_by("slug")
        if organisation:
            organisations = organisations.filter(slug=organisation)
            if not organisations.exists():
                raise CommandError(f"Geen gemeente met de korte naam {organisation!r}.")
        now = timezone.now()
        verb = "zou verwijderen" if dry_run else "verwijderd"
        for org in organisations:
            result = retention_apply(organisation=org, now=now, dry_run=dry_run)
            self.stdout.write(
                f"{org.slug}: {_count(len(result.plans), 'plan', 'plannen')} en "
                f"{_count(len(result.households), 'huishouden', 'huishoudens')} "
                f"geëindigd vóór {result.case_files_before:%Y-%m-%d}, "
                f"{_count(result.audit_events, 'auditregel', 'auditregels')} van vóór "
                f"{result.audit_before:%Y-%m-%d}: {verb}."
            )
        if dry_run:
            self.stdout.write("Proefdraai: er is niets verwijderd.")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
