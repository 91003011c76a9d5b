"""JSON output; its shape is documented in docs/output-formats.md and kept stable."""

from __future__ import annotations

import json

from copydesk import __version__
from copydesk.formatters import severity_counts
from copydesk.runner import RunResult

SCHEMA_VERSION = 1


def format_json(result: RunResult, **_) -> str:
    document = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "copydesk", "version": __version__},
        "findings": [finding.to_dict() for finding in result.findings],
        "errors": [{"path": r.path, "message": r.error} for r in result.errors],
        "notices": [{"path": r.path, "message": r.notice} for r in result.files if r.notice],
        "summary": {
            "files": sum(1 for r in result.files if not r.error),
            "findings": len(result.findings),
            **severity_counts(result),
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
