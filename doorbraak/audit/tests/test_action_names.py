"""Audit actions are named from the one list in doorbraak/audit/constants.py, never as plain strings."""

import ast
from pathlib import Path

from doorbraak.audit.constants import AuditAction

SOURCE = Path(__file__).resolve().parents[2]


def _audit_calls_with_literal_actions():
    """Calls in production code that pass the action as a plain string instead of an AuditAction member."""
    found = []
    for path in SOURCE.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    if keyword.arg != "action":
                        continue
                    # also inside an expression, e.g. "a.b" if x else "a.c"
                    for part in ast.walk(keyword.value):
                        if isinstance(part, ast.Constant) and part.value in AuditAction.values:
                            found.append(f"{path.relative_to(SOURCE.parent)}:{node.lineno} {part.value}")
    return found


def test_every_audit_call_names_its_action_from_the_one_list():
    assert _audit_calls_with_literal_actions() == []
