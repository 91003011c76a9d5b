"""Formatters: pure functions from a run's results to text."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI reads FORMATS at import time; the runner is not needed for that
    from copydesk.runner import RunResult

FORMATS = ("text", "json", "sarif", "github", "html")


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
