#!/usr/bin/env python3
"""Benchmark copydesk against proselint and textlint on the same corpus, in one run.

    .venv/bin/python bench/run.py                      # the BBC corpus, every peer
    .venv/bin/python bench/run.py --peers proselint    # skip textlint (slow)
    .venv/bin/python bench/run.py --corpus DIR         # another folder of articles

Peers are installed into bench/.peers/ on first use (proselint from PyPI,
textlint and its rules from npm). Each tool runs as a whole process, as a user
would run it; copydesk runs every family except grammar and spelling (LanguageTool has
its own benchmark, bench/languagetool.py). The figures are wall time, files/s, words/s, peak memory (the
resident set of the process and its children, sampled) and the ratio to
copydesk's default run. Results are printed and written to bench/results/.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from report import publish

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PEERS = HERE / ".peers"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "bbc"
CATEGORIES = ["business", "entertainment", "politics", "sport", "tech"]
PROSELINT_VERSION = "0.16.0"
TEXTLINT_PACKAGES = [
    "textlint@15", "textlint-rule-write-good", "textlint-rule-alex", "textlint-rule-terminology",
    "textlint-rule-common-misspellings", "textlint-rule-en-capitalization", "textlint-rule-sentence-length",
]
TEXTLINT_RULES = {"rules": {"write-good": True, "alex": True, "terminology": True, "common-misspellings": True,
                            "en-capitalization": True, "sentence-length": True}}


def corpus_paths(corpus: Path) -> list[Path]:
    folders = [corpus / c for c in CATEGORIES if (corpus / c).is_dir()] or [corpus]
    return folders


def corpus_stats(folders: list[Path]) -> tuple[int, int, int]:
    files = [p for folder in folders for p in sorted(folder.rglob("*.txt"))]
    words = sum(len(p.read_bytes().split()) for p in files)
    size = sum(p.stat().st_size for p in files)
    return len(files), words, size


def _tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    stack.extend(int(child) for child in handle.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def measure(name: str, command: list[str], cwd: Path | None = None) -> dict:
    """Run a command to completion; wall time and peak memory of its process tree."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
    peak = 0
    output: list[bytes] = []

    import threading

    reader = threading.Thread(target=lambda: output.append(process.stdout.read()), daemon=True)
    error_reader = threading.Thread(target=lambda: process.stderr.read(), daemon=True)
    reader.start()
    error_reader.start()
    while process.poll() is None:
        peak = max(peak, _tree_rss_kib(process.pid))
        time.sleep(0.02)
    reader.join()
    wall = time.perf_counter() - started
    return {"tool": name, "command": " ".join(command), "wall": wall, "peak_mib": peak / 1024,
            "exit": process.returncode, "stdout": b"".join(output)}


def ensure_proselint() -> Path:
    venv = PEERS / "proselint-venv"
    executable = venv / "bin" / "proselint"
    if not executable.exists():
        print(f"bench: installing proselint {PROSELINT_VERSION} into {venv}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", f"proselint=={PROSELINT_VERSION}"], check=True)
    return executable


def ensure_textlint() -> Path:
    folder = PEERS / "textlint"
    executable = folder / "node_modules" / ".bin" / "textlint"
    if not executable.exists():
        print(f"bench: installing textlint and its rules into {folder}", file=sys.stderr)
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(folder), *TEXTLINT_PACKAGES],
                       check=True)
    (folder / ".textlintrc.json").write_text(json.dumps(TEXTLINT_RULES))
    return executable


def count_findings(tool: str, stdout: bytes) -> int | None:
    text = stdout.decode("utf-8", "replace")
    if tool.startswith("copydesk"):
        try:
            return json.loads(text)["summary"]["findings"]
        except (ValueError, KeyError):
            return None
    if tool == "proselint":
        try:
            return sum(len(entry.get("diagnostics", [])) for entry in json.loads(text)["result"].values())
        except (ValueError, KeyError, AttributeError):
            return None
    # textlint's compact format: "path: line L, col C, Error - message (rule)"
    return sum(1 for line in text.splitlines() if ": line " in line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--peers", default="proselint,textlint", help="comma-separated: proselint, textlint, or none")
    parser.add_argument("--output", type=Path, default=HERE / "results" / "latest.md")
    args = parser.parse_args()

    folders = corpus_paths(args.corpus)
    files, words, size = corpus_stats(folders)
    copydesk = Path(sys.executable).with_name("copydesk")
    paths = [str(f) for f in folders]
    # Every family but LanguageTool's (bench/languagetool.py measures that path).
    lint = [str(copydesk), "lint", "--no-grammar", "--no-progress"]
    runs = [
        measure("copydesk", [*lint, "-f", "json", *paths]),
        measure("copydesk -j 1", [*lint, "-f", "json", "-j", "1", *paths]),
        measure("copydesk (one article)", [*lint, str(ROOT / "seeds")]),
    ]
    peers = [p for p in args.peers.split(",") if p and p != "none"]
    if "proselint" in peers:
        proselint = ensure_proselint()
        runs.append(measure("proselint", [str(proselint), "check", "-o", "json", *paths]))
    if "textlint" in peers:
        textlint = ensure_textlint()
        globs = [f"{folder}/**/*.txt" for folder in folders]
        runs.append(measure("textlint", [str(textlint), "--format", "compact", *globs], cwd=PEERS / "textlint"))

    baseline = runs[0]["wall"]
    lines = [
        f"Corpus: {args.corpus} ({files:,} files, {words:,} words, {size / 1e6:.1f} MB); "
        f"{os.cpu_count()} cores; {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; Python {sys.version.split()[0]}",
        "",
        "| tool | wall (s) | files/s | words/s | peak memory (MiB) | findings | wall vs copydesk |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        one_article = "one article" in run["tool"]
        findings = count_findings(run["tool"], run["stdout"])
        rate_files = "" if one_article else f"{files / run['wall']:,.0f}"
        rate_words = "" if one_article else f"{words / run['wall']:,.0f}"
        ratio = "" if one_article else f"{run['wall'] / baseline:.1f}x"
        lines.append(f"| {run['tool']} | {run['wall']:.2f} | {rate_files} | {rate_words} | {run['peak_mib']:.0f} | "
                     f"{'' if findings is None or one_article else f'{findings:,}'} | {ratio} |")
    publish(lines, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
