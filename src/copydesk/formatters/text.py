"""Human-readable output: ``path:line:col: severity rule-id message``."""

from __future__ import annotations

import click

from copydesk.finding import Edit, Finding
from copydesk.formatters import printable, severity_counts
from copydesk.runner import RunResult

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def format_text(result: RunResult, color: bool = False, **_) -> str:
    lines = []
    for finding in result.findings:
        severity = finding.severity.value
        location = f"{printable(finding.path)}:{finding.line}:{finding.column}:"
        label = f"{severity} {finding.rule_id}"
        if color:
            location = click.style(location, bold=True)
            label = click.style(severity, fg=_COLOURS[severity]) + " " + click.style(finding.rule_id, dim=True)
        lines.append(f"{location} {label} {printable(finding.message)}")
        if finding.fixes:
            lines.extend(fix_lines(finding))
        elif finding.suggestion is not None:  # repr() shows padding, and escapes controls itself
            lines.append(f"    suggestion: {finding.suggestion!r}" if finding.suggestion.strip() != finding.suggestion
                         else f"    suggestion: {printable(finding.suggestion)}")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


CONTEXT = 20  # characters of the line shown on each side of an edit
SHOWN_EDITS = 5  # a fix that converts every mark of an article shows the first few, then a count


def fix_lines(finding: Finding) -> list[str]:
    """Each fix as its title, then its first edits as a small before/after of their line."""
    lines = []
    for fix in finding.fixes:
        lines.append(f"    fix ({fix.applicability}): {printable(fix.title)}")
        for edit in fix.edits[:SHOWN_EDITS]:
            before, after = map(printable, _before_after(finding, edit))
            lines += [f"      {edit.line}:{edit.column}  - {before}", f"      {' ' * len(f'{edit.line}:{edit.column}')}  + {after}"]
        hidden = fix.edits[SHOWN_EDITS:]
        if hidden:
            where = ", ".join(f"{edit.line}:{edit.column}" for edit in hidden[:SHOWN_EDITS])
            more = ", …" if len(hidden) > SHOWN_EDITS else ""
            lines.append(f"      … and {len(hidden)} more edit{'s' if len(hidden) > 1 else ''} ({where}{more})")
    return lines


def _before_after(finding: Finding, edit: Edit) -> tuple[str, str]:
    """The edited stretch with a little of its line around it, before and after the edit."""
    if edit.line == finding.line and edit.end_line == edit.line and finding.line_text:
        text = finding.line_text
        start, end = edit.column - 1, edit.end_column - 1
        left = max(0, start - CONTEXT)
        right = min(len(text), end + CONTEXT)
        prefix = ("…" if left else "") + text[left:start]
        suffix = text[end:right] + ("…" if right < len(text) else "")
        return prefix + edit.original + suffix, prefix + edit.replacement + suffix
    return repr(edit.original), repr(edit.replacement)


def summary_line(result: RunResult) -> str:
    counts = severity_counts(result)
    linted = sum(1 for r in result.files if not r.error)
    total = sum(counts.values())
    if total:
        detail = ", ".join(_plural(counts[s], s) if s != "info" else f"{counts[s]} info" for s in ("error", "warning", "info"))
        text = f"{_plural(total, 'finding')} ({detail}) in {_plural(linted, 'file')}"
    else:
        text = f"No findings in {_plural(linted, 'file')}"
    if result.errors:
        text += f"; {_plural(len(result.errors), 'file')} could not be linted"
    return text
