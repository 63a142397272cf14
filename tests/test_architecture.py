"""The app layers hold: no app imports an app above it (docs/architecture.md, contract in pyproject.toml).

The contract is import-linter's `layers` type; `make lint` runs the same check. A failure lists each
offending import as `importer -> imported (l.<line>)`, also imports inside functions.
"""

import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _lint_imports(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run import-linter's command line with this interpreter (so the virtualenv's copy, wherever it is)."""
    command = "from importlinter.cli import lint_imports_command; lint_imports_command()"
    return subprocess.run(  # noqa: S603 - a fixed command, run with this interpreter
        [sys.executable, "-c", command, "--no-cache", "--no-logo", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(cwd)},
        capture_output=True,
        text=True,
        check=False,
    )


def _layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers"]
    return contract["layers"]


def test_apps_import_downwards_only():
    result = _lint_imports(cwd=ROOT)
    report = result.stdout.partition("Broken contracts")[2] or result.stdout + result.stderr
    assert result.returncode == 0, f"A lower layer imports a higher one:\n{report}"


def test_every_app_is_in_a_layer():
    """A new app must be placed in the layers, or the contract would not check it."""
    apps = {p.name for p in (ROOT / "doorbraak").iterdir() if (p / "__init__.py").exists()}
    layered = {name.strip("() ").removeprefix("doorbraak.") for layer in _layers() for name in layer.split("|")}
    assert apps <= layered, f"not in the layers of pyproject.toml: {sorted(apps - layered)}"


def test_the_contract_names_an_upward_import(tmp_path):
    """The same layers over a small stand-in project: core importing plans breaks it, with file and line."""
    for layer in _layers():
        for name in layer.split("|"):
            package = tmp_path.joinpath(*name.strip("() ").split("."))
            package.mkdir(parents=True, exist_ok=True)
            (package / "__init__.py").touch()
    (tmp_path / "doorbraak" / "core" / "views.py").write_text(
        "def home(request):\n    from doorbraak.plans import selectors\n"
    )
    layers = "\n".join(f"    {layer}" for layer in _layers())
    (tmp_path / ".importlinter").write_text(
        textwrap.dedent("""\
            [importlinter]
            root_package = doorbraak

            [importlinter:contract:layers]
            name = layers
            type = layers
            layers =
            """)
        + layers
        + "\n"
    )
    result = _lint_imports(cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "doorbraak.core is not allowed to import doorbraak.plans" in result.stdout
    assert "doorbraak.core.views -> doorbraak.plans (l.2)" in result.stdout
