#!/usr/bin/env python3
"""Agreement and speed against Vale: the same .vale.ini, the same files, one run.

    .venv/bin/python bench/vale_agreement.py                 # 18f-blog and bbc, table to bench/results/
    .venv/bin/python bench/vale_agreement.py --corpus DIR    # another folder
    .venv/bin/python bench/vale_agreement.py --vale PATH     # a Vale binary elsewhere

Vale 3.21.0 is built by scripts/setup.sh into .tools/bin/vale when Go is
present (`go install github.com/vale-cli/vale/v3/cmd/vale@v3.21.0`). The styles
(Microsoft, write-good, proselint) are the vendored test data in
tests/data/vale/styles. Both tools run as whole processes; copydesk with
``--no-grammar --select style`` so only the style rules run. Alerts are
compared as (file, line, column, style.rule); per rule the table gives Vale's
count, copydesk's, how many of Vale's copydesk reproduced, and copydesk's
extras. proselint.Uncomparables is off in the shared config: Vale 3.21.0 stops
with "index out of range" when its ``split`` action meets a match without a
space (see docs/vale-migration.md).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from report import publish

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
STYLES = ROOT / "tests" / "data" / "vale" / "styles"
CORPORA = [ROOT.parent / "shared" / "corpora" / "18f-blog", ROOT.parent / "shared" / "corpora" / "bbc"]
VALE_INI = """StylesPath = {styles}
MinAlertLevel = suggestion

[*]
BasedOnStyles = Microsoft, write-good, proselint
proselint.Uncomparables = NO
"""


def find_vale(explicit: str | None) -> str | None:
    for candidate in (explicit, str(ROOT / ".tools" / "bin" / "vale"), shutil.which("vale")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def timed(command: list[str], cwd: Path, allowed=(0, 1)) -> tuple[str, float]:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode not in allowed:
        raise SystemExit(f"{command[0]} failed ({done.returncode}): {done.stderr.strip()[:500]}")
    return done.stdout, elapsed


def vale_alerts(vale: str, ini: Path, corpus: Path) -> tuple[set, float]:
    out, elapsed = timed([vale, "--config", str(ini), "--output", "JSON", "--no-exit", str(corpus)], ROOT)
    alerts = set()
    for path, items in json.loads(out or "{}").items():
        relative = str(Path(path).resolve().relative_to(corpus.resolve()))
        for alert in items:
            alerts.add((relative, alert["Line"], alert["Span"][0], "style." + alert["Check"]))
    return alerts, elapsed


def copydesk_alerts(ini: Path, corpus: Path, jobs: int | None, every_family: bool = False) -> tuple[set, float]:
    select = [] if every_family else ["--select", "style"]
    command = [str(ROOT / ".venv" / "bin" / "copydesk"), "lint", "--no-grammar", *select,
               "--vale-config", str(ini), "-f", "json", "--no-progress", str(corpus)]
    if jobs:
        command += ["-j", str(jobs)]
    # Exit 2 with a report: some file could not be read (the BBC corpus has one latin-1 file).
    out, elapsed = timed(command, ROOT, allowed=(0, 1, 2))
    report = json.loads(out)
    alerts = set()
    for finding in report["findings"]:
        if not finding["rule"].startswith("style."):
            continue
        relative = str(Path(finding["path"]).resolve().relative_to(corpus.resolve()))
        alerts.add((relative, finding["line"], finding["column"], finding["rule"]))
    unreadable = {str(Path(e["path"]).resolve().relative_to(corpus.resolve())) for e in report["errors"]}
    return alerts, elapsed, unreadable


def table(vale: set, ours: set) -> tuple[list[str], dict]:
    vale_by_rule = Counter(a[3] for a in vale)
    ours_by_rule = Counter(a[3] for a in ours)
    both_by_rule = Counter(a[3] for a in vale & ours)
    lines = ["| rule | Vale | copydesk | reproduced | extra |", "|---|---:|---:|---:|---:|"]
    for rule in sorted(set(vale_by_rule) | set(ours_by_rule), key=lambda r: (-vale_by_rule[r], r)):
        v, o, b = vale_by_rule[rule], ours_by_rule[rule], both_by_rule[rule]
        reproduced = f"{b} ({100 * b / v:.1f}%)" if v else "-"
        extra = o - b
        lines.append(f"| {rule} | {v} | {o} | {reproduced} | {extra} ({100 * extra / max(v, 1):.1f}%) |")
    total_v, total_o, total_b = len(vale), len(ours), len(vale & ours)
    summary = {"vale": total_v, "copydesk": total_o, "reproduced": total_b,
               "reproduced_pct": round(100 * total_b / max(total_v, 1), 2),
               "extra": total_o - total_b, "extra_pct": round(100 * (total_o - total_b) / max(total_v, 1), 2)}
    lines.append(f"| **all** | {total_v} | {total_o} | {total_b} ({summary['reproduced_pct']}%) | "
                 f"{summary['extra']} ({summary['extra_pct']}%) |")
    return lines, summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", action="append", type=Path, help="folder of articles (repeatable)")
    parser.add_argument("--vale", help="the Vale binary (default: .tools/bin/vale, then PATH)")
    parser.add_argument("-j", "--jobs", type=int, help="copydesk worker processes (default: CPU count)")
    parser.add_argument("--output", type=Path, default=HERE / "results" / "vale-agreement.md")
    parser.add_argument("--every-family", action="store_true",
                        help="also time copydesk with all its families on (grammar off) besides the styles")
    parser.add_argument("--differences", type=Path, help="write every differing alert to this JSON file")
    args = parser.parse_args()
    vale = find_vale(args.vale)
    if vale is None:
        print("Vale not found: run scripts/setup.sh with Go installed, or pass --vale", file=sys.stderr)
        return 2
    corpora = args.corpus or [c for c in CORPORA if c.is_dir()]
    version = subprocess.run([vale, "--version"], capture_output=True, text=True).stdout.strip()
    lines = [f"# Agreement with Vale ({datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC)", "",
             f"{version}; styles Microsoft, write-good, proselint (tests/data/vale/styles); "
             f"{os.cpu_count()} CPUs; copydesk with --no-grammar --select style.", ""]
    differences = {}
    with tempfile.TemporaryDirectory() as folder:
        ini = Path(folder) / ".vale.ini"
        ini.write_text(VALE_INI.format(styles=STYLES))
        for corpus in corpora:
            theirs, vale_seconds = vale_alerts(vale, ini, corpus)
            ours, our_seconds, unreadable = copydesk_alerts(ini, corpus, args.jobs)
            # A file copydesk refuses to guess the encoding of is compared on neither side.
            theirs = {alert for alert in theirs if alert[0] not in unreadable}
            rows, summary = table(theirs, ours)
            timing = [f"Wall time: Vale {vale_seconds:.1f} s, copydesk {our_seconds:.1f} s "
                      f"(ratio {our_seconds / vale_seconds:.2f}; `--select style`)."]
            if args.every_family:
                _, every_seconds, _ = copydesk_alerts(ini, corpus, args.jobs, every_family=True)
                timing.append(f"copydesk with every family (grammar off) and the styles: {every_seconds:.1f} s "
                              f"(ratio {every_seconds / vale_seconds:.2f}).")
            lines += [f"## {corpus.name}", ""] + timing + ["",
                      f"Vale's alerts reproduced: {summary['reproduced']} of {summary['vale']} "
                      f"({summary['reproduced_pct']}%); copydesk's extra alerts: {summary['extra']} "
                      f"({summary['extra_pct']}% of Vale's)."] + (
                      [f"Not compared (not UTF-8, copydesk asks for --encoding): {', '.join(sorted(unreadable))}."]
                      if unreadable else []) + [""] + rows + [""]
            differences[corpus.name] = {"missed": sorted(theirs - ours), "extra": sorted(ours - theirs)}
    publish(lines, args.output)
    if args.differences:
        args.differences.write_text(json.dumps(differences, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
