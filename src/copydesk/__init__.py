"""copydesk: an editorial quality linter for articles and reports.

The library API; the CLI in :mod:`copydesk.cli` is a thin layer over it::

    from copydesk import lint_text
    for finding in lint_text("Headline\\n\\nIt  works.\\n"):
        print(finding.line, finding.column, finding.rule_id, finding.message)

Names are imported on first use, so ``copydesk --version`` and a run that
needs few rules do not pay for the rest.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_API = {
    "Config": "copydesk.config",
    "ConfigError": "copydesk.config",
    "load_config": "copydesk.config",
    "Finding": "copydesk.finding",
    "Severity": "copydesk.finding",
    "LintOptions": "copydesk.runner",
    "RunResult": "copydesk.runner",
    "lint_paths": "copydesk.runner",
    "lint_text": "copydesk.runner",
}
__all__ = sorted(_API) + ["__version__"]


def __getattr__(name: str):
    if name in _API:
        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'copydesk' has no attribute {name!r}")
