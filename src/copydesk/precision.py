"""Measured precision: how often each rule's findings were right on edited copy.

rules/precision.json is written by bench/precision.py from the verdicts kept
in bench/precision/*.jsonl. It holds, for copydesk's rules and for the
LanguageTool rules seen on the corpora, the judged counts per corpus, and for
LanguageTool rule ids (or kinds of them, as globs) the default severity those
counts earn: a warning only where at least 80% of the judged findings were
right on every corpus. A user's configured severity always wins over it.
"""

from __future__ import annotations

import fnmatch
import json
from functools import lru_cache

from copydesk.finding import Severity
from copydesk.rules import rules_dir


@lru_cache(maxsize=1)
def precision_data() -> dict:
    path = rules_dir() / "precision.json"
    if not path.exists():
        return {"rules": {}, "languagetool": {}}
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def languagetool_severity(languagetool_id: str) -> Severity | None:
    """The default severity measured for a LanguageTool rule id, if any: its own
    entry first, then the first kind (glob such as EN_COMPOUNDS_*) it belongs to."""
    table = precision_data().get("languagetool", {})
    entry = table.get(languagetool_id)
    if entry is None:
        entry = next((value for pattern, value in table.items()
                      if "*" in pattern and fnmatch.fnmatchcase(languagetool_id, pattern)), None)
    return Severity(entry["severity"]) if entry and entry.get("severity") else None


def measured(rule_id: str) -> dict[str, dict]:
    """Judged counts per corpus for a copydesk rule id (grammar.en-a-vs-an too):
    {"bbc": {"judged": 20, "true": 18, "precision": 0.9}, ...}."""
    return precision_data().get("rules", {}).get(rule_id, {})


def describe(rule_id: str) -> str | None:
    """One line for `copydesk explain`: the measured precision on each corpus."""
    corpora = measured(rule_id)
    if not corpora:
        return None
    parts = [f"{name} {100 * row['precision']:.0f}% of {row['judged']} judged" for name, row in sorted(corpora.items())
             if row.get("judged")]
    return "Measured precision: " + "; ".join(parts) if parts else None
