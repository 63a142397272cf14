"""The test provider as a subprocess on a free loopback port, and what a person does at its login page."""

import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import requests

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID = "doorbraak-test"
CLIENT_SECRET = "test-secret-of-the-client"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _CsrfField(HTMLParser):
    token = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name") == "csrfmiddlewaretoken":
            self.token = attrs.get("value", "")


@dataclass
class IdentityProvider:
    workdir: Path
    redirect_uris: list[str]
    accounts: dict  # {username: {"password", "email", "amr"?, "acr"?}}
    port: int = field(default_factory=_free_port)
    process: subprocess.Popen | None = None

    @property
    def issuer(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def settings_entry(self, **extra) -> dict:
        """The entry for settings.OIDC_PROVIDERS."""
        return {"issuer": self.issuer, "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, **extra}

    def start(self) -> "IdentityProvider":
        config = self.workdir / "idp.json"
        config.write_text(
            json.dumps(
                {
                    "client_id": CLIENT_ID,
                    "client_secret": CLIENT_SECRET,
                    "redirect_uris": self.redirect_uris,
                    "accounts": self.accounts,
                }
            ),
            encoding="utf-8",
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and module, fixed arguments
            [sys.executable, "-m", "tests.oidc_idp.serve", str(self.port), str(config)],
            cwd=ROOT,
            env=env,
            stdout=(self.workdir / "idp.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the test provider stopped: " + (self.workdir / "idp.log").read_text())
            try:
                if requests.get(f"{self.issuer}/.well-known/openid-configuration", timeout=2).ok:
                    return self
            except requests.ConnectionError:
                time.sleep(0.2)
        raise RuntimeError("the test provider did not start in time")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def sign_in(self, authorize_url: str, username: str, password: str) -> str:
        """A person at the provider: open the authorize URL, fill in the provider's login form and return the
        address the provider sends the browser back to (Doorbraak's callback with code and state)."""
        browser = requests.Session()
        response = browser.get(authorize_url, allow_redirects=True, timeout=10)
        parser = _CsrfField()
        parser.feed(response.text)
        next_url = response.url.split("next=", 1)[1] if "next=" in response.url else ""
        response = browser.post(
            response.url,
            data={
                "csrfmiddlewaretoken": parser.token,
                "username": username,
                "password": password,
                "next": requests.utils.unquote(next_url),
            },
            headers={"Referer": response.url},
            allow_redirects=False,
            timeout=10,
        )
        assert response.status_code == 302, response.text[:500]
        response = browser.get(urljoin(self.issuer, response.headers["Location"]), allow_redirects=False, timeout=10)
        assert response.status_code == 302, response.text[:500]
        return response.headers["Location"]
