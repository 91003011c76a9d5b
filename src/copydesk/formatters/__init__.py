"""Formatters: pure functions from a run's results to text."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI reads FORMATS at import time; the runner is not needed for that
    from copydesk.runner import RunResult

FORMATS = ("text", "json", "sarif", "github", "html")

# Characters an article (or a file name) could use to drive a terminal or
# disguise text: C0 and C1 controls, DEL, and the bidirectional overrides.
_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROLS = {code: None for code in [*range(0x20), *range(0x7F, 0xA0)]}
_CONTROLS.update({ord(char): None for char in _BIDI_CONTROLS})


def printable(text: str, keep: str = "") -> str:
    """``text`` with control characters shown as escapes (ESC as ``\\x1b``),
    so that text from an article is displayed, never obeyed; characters in
    ``keep`` (say a newline in an HTML page) stay as they are."""
    if text.isprintable() and not any(char in _BIDI_CONTROLS for char in text):
        return text
    return "".join(_escaped(char) if ord(char) in _CONTROLS and char not in keep else char for char in text)


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def remedy(finding) -> str | None:
    """What a finding offers, in words, for formats that cannot carry edits
    (annotations, the HTML report): its first fix, else its suggestion."""
    if finding.fixes:
        fix = finding.fixes[0]
        offer = f"fix ({fix.applicability}): {fix.title}"
        shown = (finding.suggestion or "").strip()
        # A recased headline says more than its fix's title does: show it too.
        return f"{offer}: {shown}" if shown and shown not in fix.title else offer
    if finding.suggestion is not None:
        return f"suggestion: {finding.suggestion.strip() or repr(finding.suggestion)}"
    return None


def formatter(name: str) -> Callable[..., str]:
    if name == "text":
        from copydesk.formatters.text import format_text

        return format_text
    if name == "json":
        from copydesk.formatters.json import format_json

        return format_json
    if name == "sarif":
        from copydesk.formatters.sarif import format_sarif

        return format_sarif
    if name == "github":
        from copydesk.formatters.github import format_github

        return format_github
    if name == "html":
        from copydesk.formatters.html import format_html

        return format_html
    raise ValueError(f"unknown format {name!r}")


def severity_counts(result: RunResult) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in result.findings:
        counts[finding.severity.value] += 1
    return counts
