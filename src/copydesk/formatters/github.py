"""GitHub Actions workflow commands: one annotation per finding."""

from __future__ import annotations

from copydesk.formatters import printable, remedy
from copydesk.runner import RunResult

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    """GitHub's escapes for a workflow command, after article control characters
    are made visible (a raw ESC or BEL would reach the log viewer)."""
    return printable(text.replace("\r", "\n"), keep="\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(result: RunResult, **_) -> str:
    lines = []
    for f in result.findings:
        properties = ",".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in (
                ("file", f.path), ("line", f.line), ("col", f.column),
                ("endLine", f.end_line), ("endColumn", f.end_column), ("title", f.rule_id),
            )
        )
        offer = remedy(f)
        message = f.message if offer is None else f"{f.message} ({offer})"
        lines.append(f"::{_COMMANDS[f.severity.value]} {properties}::{_escape_data(message)}")
    for r in result.errors:
        lines.append(f"::error file={_escape_property(r.path)},title=copydesk::{_escape_data(r.error)}")
    return "\n".join(lines) + ("\n" if lines else "")
