from django.core.management.base import BaseCommand, CommandError

from doorbraak.accounts import mfa
from doorbraak.accounts.models import User
from doorbraak.demo.constants import DEMO_USERS


class Command(BaseCommand):
    help = "Print the current code of a demo user's authenticator app (the second step of signing in)."

    def add_arguments(self, parser):
        parser.add_argument("email", help="The e-mail address of a demo user (see `manage.py demo_logins`).")

    def handle(self, *args, **options):
        email = options["email"].strip().lower()
        if email not in {spec.email for spec in DEMO_USERS}:
            raise CommandError(f"{email} is geen demo-gebruiker; alleen demo-gebruikers hebben een vaste demo-app.")
        user = User.objects.filter(email=email).first()
        if user is None:
            raise CommandError(f"{email} bestaat nog niet: draai eerst `manage.py seed_demo`.")
        if not mfa.has_confirmed_device(user):
            raise CommandError(
                f"{email} heeft geen app gekoppeld (opnieuw ingesteld door de beheerder?): log in en koppel er een, "
                "of draai `manage.py seed_demo` opnieuw."
            )
        device = mfa.confirmed_totp_device(user)
        self.stdout.write(mfa.current_code(device))
        self.stderr.write(f"Code voor {email}; geldig tot de volgende halve minuut.")
