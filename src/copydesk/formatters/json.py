"""JSON output; its shape is documented in docs/output-formats.md and kept stable."""

from __future__ import annotations

import json
from collections.abc import Iterator

from copydesk import __version__
from copydesk.finding import Finding
from copydesk.formatters import severity_counts
from copydesk.runner import RunResult

SCHEMA_VERSION = 1
_FINDINGS = object()  # where the findings go in the document: they are laid out apart (see _findings_json)


def format_json(result: RunResult, **_) -> str:
    """The report, byte for byte ``json.dumps(document, indent=2, ensure_ascii=False)``."""
    findings = result.findings
    document = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "copydesk", "version": __version__},
        "findings": _FINDINGS,
        "errors": [{"path": r.path, "message": r.error} for r in result.errors],
        "notices": [{"path": r.path, "message": r.notice} for r in result.files if r.notice],
        "summary": {
            "files": sum(1 for r in result.files if not r.error),
            "findings": len(findings),
            **severity_counts(result),
        },
    }
    parts = []  # joined once at the end: a large report is not copied once per nesting level
    separator = "{\n  "
    for key, value in document.items():
        parts.append(f"{separator}{json.dumps(key)}: ")
        if value is _FINDINGS:
            parts.extend(_findings_json(findings))
        else:
            parts.append(_indented(value, 1))
        separator = ",\n  "
    parts.append("\n}\n")
    return "".join(parts)


def _indented(value, depth: int) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` lays it out ``depth`` levels down: every
    newline in that text is layout (an encoded string never holds a raw newline), so
    indenting each one places the whole value."""
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * depth)


def _findings_json(findings: list[Finding]) -> Iterator[str]:
    """The findings list, two levels down, in pieces. With ``indent`` set, json encodes
    in pure Python; a finding without fixes, properties or related places (nearly all of
    them) holds only strings, numbers, null and an empty list, so the C encoder writes it
    in one call, with a comma, a newline and the members' indentation between its
    members: exactly what the indented layout puts there."""
    if not findings:
        yield "[]"
        return
    members = json.JSONEncoder(ensure_ascii=False, separators=(",\n      ", ": "))
    separator = "[\n    "
    for finding in findings:
        yield separator
        data = finding.to_dict()
        if finding.fixes or finding.properties or finding.related:  # nested: laid out by the standard library
            yield _indented(data, 2)
        else:
            yield "{\n      "
            yield members.encode(data)[1:-1]
            yield "\n    }"
        separator = ",\n    "
    yield "\n  ]"
