from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from doorbraak.organisations.models import Organisation
from doorbraak.plans.models import Plan

from ...selectors import ExportOptions, plan_for_reference
from ...services import EXPORT_FORMATS, plan_export


class Command(BaseCommand):
    help = (
        "Export a plan document. --plan is the household reference (HH-XXXX-XXXX; the newest plan of that "
        "household) or the plan's UUID. The export is logged as a read of personal data (actor: none)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--plan", required=True, help="household reference or plan UUID")
        parser.add_argument("--format", default="pdf", choices=EXPORT_FORMATS)
        parser.add_argument("--output", required=True, help="file to write")
        parser.add_argument("--plain", action="store_true", help="the plain-language (B1) version for the household")
        parser.add_argument("--with-costs", action="store_true", help="include costs in the plain version")
        parser.add_argument("--closed-arguments", action="store_true", help="print the closed arguments (full version)")
        parser.add_argument("--organisation", help="slug of the municipality; the plan is looked up only there")

    def handle(self, *args, **options):
        organisation = None
        if options["organisation"]:
            organisation = Organisation.objects.filter(slug=options["organisation"]).first()
            if organisation is None:
                raise CommandError(f"Onbekende organisatie: {options['organisation']}")
        try:
            plan = plan_for_reference(reference=options["plan"], organisation=organisation)
        except Plan.DoesNotExist:
            raise CommandError(f"Geen plan gevonden voor {options['plan']}") from None
        export_options = ExportOptions(
            plain=options["plain"],
            include_costs=True if options["with_costs"] else None,
            closed_arguments=options["closed_arguments"],
        )
        content = plan_export(
            actor=None, plan=plan, options=export_options, channel="cli", file_format=options["format"]
        )
        output = Path(options["output"])
        try:
            output.write_bytes(content)
        except OSError as error:
            raise CommandError(f"Kan {output} niet schrijven: {error.strerror}") from None
        self.stdout.write(f"Plan {plan.pk} ({export_options.variant}) geschreven naar {output} ({len(content)} bytes)")
