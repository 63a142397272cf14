"""python manage.py refresh_aggregates [--organisation SLUG]: recompute the protected dashboard figures.

The nightly job calls it without arguments (every municipality); a functional admin can refresh their own
municipality from the dashboard. Idempotent: a run replaces the previous one's figures.
"""

from django.core.management.base import BaseCommand, CommandError

from doorbraak.analytics.services import refresh_aggregates
from doorbraak.organisations.models import Organisation


class Command(BaseCommand):
    help = "Ververs de dashboardcijfers (beschermde aggregaten) van één of alle gemeenten."

    def add_arguments(self, parser):
        parser.add_argument("--organisation", help="Slug van de gemeente; zonder: alle gemeenten.")

    def handle(self, *args, organisation=None, **options):
        organisations = Organisation.objects.order_by("slug")
        if organisation:
            organisations = organisations.filter(slug=organisation)
            if not organisations.exists():
                raise CommandError(f"Geen gemeente met slug '{organisation}'.")
        for org in organisations:
            run = refresh_aggregates(organisation=org)
            seconds = (run.finished_at - run.started_at).total_seconds()
            self.stdout.write(f"{org.slug}: {run.plans} plannen, {run.cells} cellen in {seconds:.1f} s")
