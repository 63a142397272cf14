"""Start the test provider: ``python -m tests.oidc_idp.serve PORT CONFIG.json``.

CONFIG holds ``client_id``, ``client_secret``, ``redirect_uris`` and ``accounts`` ({username: {"password", "email",
"amr", "acr"}}). The provider gets a fresh SQLite database and RSA key next to CONFIG, then serves on 127.0.0.1.
"""

import json
import os
import sys
from pathlib import Path


def main(port: int, config_path: Path) -> None:
    config = json.loads(config_path.read_text(encoding="utf-8"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.oidc_idp.settings"
    os.environ["IDP_DATABASE"] = str(config_path.with_suffix(".sqlite3"))
    os.environ["IDP_URL"] = f"http://127.0.0.1:{port}"
    accounts_path = config_path.with_name(config_path.stem + "-accounts.json")
    accounts_path.write_text(json.dumps(config["accounts"]), encoding="utf-8")
    os.environ["IDP_ACCOUNTS"] = str(accounts_path)

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("creatersakey")

    from django.contrib.auth.models import User
    from oidc_provider.models import Client, ResponseType

    for username, account in config["accounts"].items():
        User.objects.create_user(username=username, email=account["email"], password=account["password"])
    client = Client.objects.create(
        name="Doorbraak",
        client_type="confidential",
        client_id=config["client_id"],
        client_secret=config["client_secret"],
        jwt_alg="RS256",
        require_consent=False,
    )
    client.redirect_uris = config["redirect_uris"]
    client.save()
    client.response_types.set([ResponseType.objects.get(value="code")])

    from django.core.servers.basehttp import run
    from django.core.wsgi import get_wsgi_application

    print("ready", flush=True)
    run("127.0.0.1", port, get_wsgi_application(), threading=True)


if __name__ == "__main__":
    main(int(sys.argv[1]), Path(sys.argv[2]))
