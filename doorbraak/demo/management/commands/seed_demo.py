from django.core.management.base import BaseCommand

from doorbraak.demo.seeds import SEED_MODULES, run_seeds


class Command(BaseCommand):
    help = (
        "Build the fictional demo: Gemeente Voorbeeldstad (teams, a user for every role, ~30 households with "
        "plans in every status, with their decisions, evaluations, consent and follow-up actions) and Gemeente "
        "Anderstad. Idempotent: a second run creates nothing."
    )

    def handle(self, *args, **options):
        verbose = options["verbosity"] > 1
        self.stdout.write(f"Demodata opbouwen ({', '.join(SEED_MODULES)}) …")
        ctx = run_seeds(log=self.stdout.write if verbose else (lambda _msg: None))
        if ctx.created:
            made = ", ".join(f"{n} {what}" for what, n in sorted(ctx.created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demodata aangemaakt: {made}."))
        else:
            self.stdout.write(self.style.SUCCESS("Demodata was er al; niets gewijzigd."))
        for warning in ctx.warnings:
            self.stdout.write(self.style.WARNING(warning))
        if not ctx.clock.travels:
            self.stdout.write("Let op: time-machine ontbreekt; alle tijden staan op nu.")
