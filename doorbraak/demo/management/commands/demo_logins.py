from django.core.management.base import BaseCommand

from doorbraak.accounts.models import User
from doorbraak.demo.constants import DEMO_PASSWORD, DEMO_USERS, ORGANISATIONS, role_label


class Command(BaseCommand):
    help = "Print the demo logins (role, e-mail, password, what to try first)."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/", help="Where the app is served.")

    def handle(self, *args, **options):
        existing = set(User.objects.filter(email__in=[u.email for u in DEMO_USERS]).values_list("email", flat=True))
        rows = [
            (
                role_label(u.role),
                ORGANISATIONS[u.organisation]["name"].removeprefix("Gemeente ") if u.organisation else "landelijk",
                u.email,
                str(u.try_first),
            )
            for u in DEMO_USERS
        ]
        headers = ("Rol", "Organisatie", "E-mailadres (inlognaam)", "Probeer eerst")
        widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(3)]
        line = "  ".join("-" * w for w in widths) + "  " + "-" * 20
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING(f"Demo-logins — wachtwoord voor iedereen: {DEMO_PASSWORD}"))
        self.stdout.write("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=False)) + "  " + headers[3])
        self.stdout.write(line)
        for row, user in zip(rows, DEMO_USERS, strict=True):
            text = "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[3]
            self.stdout.write(text if user.email in existing else f"{text}  (nog niet aangemaakt)")
        self.stdout.write(line)
        if len(existing) < len(DEMO_USERS):
            self.stdout.write(
                self.style.WARNING("Niet alle demo-gebruikers bestaan: draai eerst `manage.py seed_demo`.")
            )
        self.stdout.write(f"Open {options['url']} en log in met een van deze adressen.")
        self.stdout.write(
            "Na het wachtwoord vraagt Doorbraak een code uit de authenticator-app (tweestapsverificatie). Voor een "
            "demo-gebruiker toont `manage.py demo_code E-MAILADRES` de code van dit moment."
        )
        self.stdout.write("")
