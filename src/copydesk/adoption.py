"""Adopting copydesk on a repository with years of articles: baselines and diffs.

A baseline records today's findings so later runs report only new ones. Each
entry is keyed by rule, file and the text of the finding and its line, never
by line number, so edits elsewhere in the file do not wake old findings up.
``--diff REF`` keeps only findings on lines changed since a git ref.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from collections import Counter
from pathlib import Path

from copydesk.finding import Finding

BASELINE_VERSION = 1


class AdoptionError(Exception):
    """A baseline or git problem; the message names the fix."""


def finding_key(finding: Finding) -> str:
    matched = finding.line_text[finding.column - 1:finding.end_column - 1] if finding.line == finding.end_line else ""
    text = "\0".join((finding.rule_id, Path(finding.path).as_posix(), " ".join(finding.line_text.split()), matched))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def write_baseline(findings: list[Finding], path: Path) -> int:
    counts = Counter(finding_key(f) for f in findings)
    data = {"version": BASELINE_VERSION, "tool": "copydesk", "findings": dict(sorted(counts.items()))}
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return sum(counts.values())


def read_baseline(path: Path) -> Counter:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise AdoptionError(f"{path}: cannot read the baseline ({error.strerror}); create it with `copydesk baseline`") from None
    except ValueError:
        raise AdoptionError(f"{path}: not a copydesk baseline (invalid JSON); create it again with `copydesk baseline`") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        raise AdoptionError(f"{path}: not a copydesk baseline of version {BASELINE_VERSION}; create it again")
    return Counter(data.get("findings", {}))


def new_findings(findings: list[Finding], baseline: Counter) -> list[Finding]:
    """Findings the baseline does not account for (each entry absorbs as many as it counts)."""
    remaining = Counter(baseline)
    kept = []
    for finding in findings:
        key = finding_key(finding)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            kept.append(finding)
    return kept


_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


def check_ref(ref: str) -> None:
    """Refuse what git would read as an option (``--output=FILE`` writes a file)
    or cannot be a revision at all; git itself judges the rest."""
    if not ref or ref.startswith("-") or not ref.isprintable():
        raise AdoptionError(f"--diff: {ref!r} is not a git ref; pass a branch, tag or commit such as origin/main")


def changed_lines(path: str, ref: str) -> set[int] | None:
    """Lines of ``path`` added or changed since ``ref``; None means the whole file is new."""
    folder = Path(path).resolve().parent
    check_ref(ref)
    # --end-of-options: whatever the ref says, git reads it as a revision, never as an option.
    command = ["git", "diff", "--no-color", "--unified=0", "--end-of-options", ref, "--", Path(path).resolve().name]
    try:
        completed = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=60)
    except FileNotFoundError:
        raise AdoptionError("--diff needs git, which is not installed") from None
    if completed.returncode != 0:
        raise AdoptionError(f"git diff against {ref!r} failed: {completed.stderr.strip().splitlines()[-1:] or ['?']}"
                            "; check the ref and that the files are in a git repository")
    tracked = subprocess.run(["git", "ls-files", "--error-unmatch", Path(path).resolve().name], cwd=folder,
                             capture_output=True, text=True).returncode == 0
    if not tracked:
        return None
    lines: set[int] = set()
    for match in _HUNK.finditer(completed.stdout):
        start, count = int(match.group(1)), int(match.group(2) or 1)
        lines.update(range(start, start + count))
    return lines


def only_changed(findings: list[Finding], ref: str) -> list[Finding]:
    cache: dict[str, set[int] | None] = {}
    kept = []
    for finding in findings:
        if finding.path not in cache:
            cache[finding.path] = changed_lines(finding.path, ref)
        lines = cache[finding.path]
        if lines is None or any(line in lines for line in _lines_of(finding)):
            kept.append(finding)
    return kept


def _lines_of(finding: Finding) -> list[int]:
    """The finding's lines, and those of the other places it stands for: a
    straight apostrophe added on a changed line joins the article's one
    mixed-apostrophes finding, anchored at an older line."""
    lines = list(range(finding.line, finding.end_line + 1))
    for location in finding.related:
        lines.extend(range(location.line, location.end_line + 1))
    return lines
