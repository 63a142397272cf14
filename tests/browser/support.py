"""Helpers for the browser tests: logging in through the form, axe-core, CSP errors."""

from pathlib import Path

import pytest
from django.conf import settings

from doorbraak.accounts import mfa
from doorbraak.accounts.tests.mfa_support import unused_code

# The marks of every browser test module: see conftest.py for why the database is transactional.
BROWSER = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
BLOCKING_IMPACTS = frozenset({"serious", "critical"})
AXE_RUN = """async (tags) => await window.axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]
})"""


def password_step(page, user, password):
    """The first step through the login form; returns at the page of the second step."""
    page.goto("/account/inloggen/")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen", exact=True).click()
    page.wait_for_url(lambda url: "/account/tweestapsverificatie/" in url)


def log_in(page, user, password):
    """Log in through the real login form and the second step, as a person would: the code is the one the
    authenticator app shows for the user's (seeded) TOTP device."""
    device = mfa.confirmed_totp_device(user)
    password_step(page, user, password)
    page.get_by_label("Code", exact=True).fill(unused_code(device))
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_url(lambda url: "/account/" not in url)


def axe_violations(page, *, tags=WCAG_22_AA, impacts=BLOCKING_IMPACTS) -> list[dict]:
    """Run axe-core on the current page; return the violations with one of ``impacts``."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(AXE_RUN, list(tags))
    return [v for v in result["violations"] if v["impact"] in impacts]


def describe_violations(violations: list[dict]) -> str:
    """A readable failure message: rule, impact, help text and the first few offending elements."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


def csp_errors(page) -> list[str]:
    return [text for text in page.console_errors if "Content Security Policy" in text]
