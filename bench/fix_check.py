"""Check `copydesk lint --fix` on a corpus, on a copy: every safe fix applied,
nothing changed outside the edited ranges, and a second run changes nothing.

    .venv/bin/python bench/fix_check.py seeds ../shared/corpora/bbc ../shared/corpora/18f-blog

For each corpus: copy it to a temporary folder; lint it (JSON) to learn every
finding's safe fixes; run `--fix`; lint again; run `--fix` once more. Then,
file by file, compare the text before and after: every changed stretch must
lie inside the edits of a safe fix that the first lint reported (or, for a
fix revealed only after an earlier one, a later pass: counted apart), and no
finding with a safe fix may remain. Grammar is off (`--no-grammar`): its
fixes are not safe ones.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

COPYDESK = [sys.executable, "-m", "copydesk.cli"]


def lint_json(folder: Path) -> dict:
    completed = subprocess.run([*COPYDESK, "lint", "--no-grammar", "--no-progress", "-f", "json", str(folder)],
                               capture_output=True, text=True)
    return json.loads(completed.stdout)


def fix(folder: Path) -> tuple[str, float]:
    started = time.perf_counter()
    completed = subprocess.run([*COPYDESK, "lint", "--no-grammar", "--no-progress", "--fix", "-f", "json", str(folder)],
                               capture_output=True, text=True)
    summary = [line for line in completed.stderr.splitlines() if "fixed" in line]
    return (summary[-1] if summary else completed.stderr.strip()), time.perf_counter() - started


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def safe_edits(report: dict) -> dict[str, list[tuple[int, int]]]:
    edits: dict[str, list[tuple[int, int]]] = {}
    for finding in report["findings"]:
        for fix_ in finding["fixes"][:1]:
            if fix_["applicability"] == "safe":
                edits.setdefault(finding["path"], []).extend((e["start"], e["end"]) for e in fix_["edits"])
    return edits


def changed_ranges(before: str, after: str) -> list[tuple[int, int]]:
    """Ranges of ``before`` that differ in ``after`` (an insertion is an empty range)."""
    # Lines first (fast), then characters within each changed block of lines (short).
    old_lines, new_lines = before.splitlines(keepends=True), after.splitlines(keepends=True)
    old_starts = [0]
    for line in old_lines:
        old_starts.append(old_starts[-1] + len(line))
    ranges = []
    lines = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in lines.get_opcodes():
        if tag == "equal":
            continue
        old_block, new_block = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
        chars = difflib.SequenceMatcher(None, old_block, new_block, autojunk=False)
        ranges += [(old_starts[i1] + a1, old_starts[i1] + a2)
                   for kind, a1, a2, _, _ in chars.get_opcodes() if kind != "equal"]
    return ranges


def inside(change: tuple[int, int], edits: list[tuple[int, int]]) -> bool:
    """Whether the change lies within the edits (adjacent edits count as one stretch)."""
    merged: list[list[int]] = []
    for a, b in sorted(edits):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    start, end = change
    return any(a <= start and end <= b for a, b in merged)


def read(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None


def check(corpus: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="copydesk-fixcheck-") as temporary:
        copy = Path(temporary) / corpus.name
        shutil.copytree(corpus, copy)
        originals = {p: read(p) for p in sorted(copy.rglob("*")) if p.is_file()}
        first = lint_json(copy)
        edits = safe_edits(first)
        fixable = Counter(f["rule"] for f in first["findings"] if any(x["applicability"] == "safe" for x in f["fixes"][:1]))
        summary, seconds = fix(copy)
        after = lint_json(copy)
        remaining = [f for f in after["findings"] if any(x["applicability"] == "safe" for x in f["fixes"])]
        before_second = digest(copy)
        second_summary, _ = fix(copy)
        idempotent = digest(copy) == before_second
        files_changed, outside = 0, []
        for path, original in originals.items():
            now = read(path)
            if original is None or now == original:
                continue
            files_changed += 1
            for change in changed_ranges(original, now):
                if not inside(change, edits.get(str(path), [])):
                    context = original[max(0, change[0] - 20):change[1] + 20]
                    outside.append(f"{path.relative_to(copy)}@{change[0]}: {context!r}")
        return {
            "corpus": str(corpus), "files": len(originals), "findings before": len(first["findings"]),
            "safe-fixable before": sum(fixable.values()), "by rule": dict(fixable),
            "fix run": summary, "fix seconds": round(seconds, 2), "files changed": files_changed,
            "findings after": len(after["findings"]), "safe-fixable after": len(remaining),
            "changes outside safe edits": outside, "second run": second_summary,
            "second run byte-identical": idempotent,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", type=Path)
    arguments = parser.parse_args()
    for corpus in arguments.corpora:
        print(json.dumps(check(corpus), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
