"""copydesk: an editorial quality linter for articles and reports.

The library API; the CLI in :mod:`copydesk.cli` is a thin layer over it::

    from copydesk import lint_text
    for finding in lint_text("Headline\\n\\nIt  works.\\n"):
        print(finding.line, finding.column, finding.rule_id, finding.message)
"""

__version__ = "0.1.0"

from copydesk.config import Config, ConfigError, load_config  # noqa: E402
from copydesk.finding import Finding, Severity  # noqa: E402
from copydesk.runner import LintOptions, RunResult, lint_paths, lint_text  # noqa: E402

__all__ = [
    "Config",
    "ConfigError",
    "Finding",
    "LintOptions",
    "RunResult",
    "Severity",
    "__version__",
    "lint_paths",
    "lint_text",
    "load_config",
]
