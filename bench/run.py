#!/usr/bin/env python3
"""Benchmark copydesk against proselint and Vale on the same corpus, in one run.

    export COPYDESK_VALE_STYLES=/tmp/vale-styles     # Microsoft/, write-good/, proselint/ (see docs/benchmarks.md)
    .venv/bin/python bench/run.py                      # BBC corpus, median of 3 runs of every tool
    .venv/bin/python bench/run.py --repeat 5 --peers proselint
    .venv/bin/python bench/run.py --corpus DIR --big-mb 0

Peers are installed into bench/.peers/ on first use: proselint 0.16.0 from PyPI,
Vale 3.21.0 built from the Go module proxy (or copied from .tools/bin/vale,
which scripts/setup.sh builds the same way). Vale's Microsoft, write-good and
proselint styles are never committed: they are read from the folder named by
$COPYDESK_VALE_STYLES, and Vale is skipped with a printed reason when it is
absent. textlint can be added with --peers ...,textlint (npm; it takes minutes).

Every tool runs as a whole process, as a user runs it. For each: wall time; CPU
time (user + system of the process and every descendant it reaped, from
os.wait4); peak memory, both of the whole process tree (resident sets summed,
sampled every 20 ms) and of its largest single process (ru_maxrss); the median
of --repeat runs, interleaved so that a burst of load on a shared machine hits
every tool alike. Ratios are the peer's time over copydesk's. Then one article
cold (a fresh process; also its very first run, which fills the cache folder
with derived data) and the peak memory of one generated
article of --big-mb megabytes. The load average is printed with the table:
on a shared machine wall times mean little and the CPU ratios are the figures
to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from copydesk.languagetool import languagetool_home

from report import publish

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PEERS = HERE / ".peers"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "bbc"
CATEGORIES = ["business", "entertainment", "politics", "sport", "tech"]
PROSELINT_VERSION = "0.16.0"
VALE_MODULE = "github.com/vale-cli/vale/v3/cmd/vale@v3.21.0"
VALE_STYLES = ("Microsoft", "write-good", "proselint")
VALE_INI = """StylesPath = {styles}
MinAlertLevel = suggestion

[*]
BasedOnStyles = Microsoft, write-good, proselint
"""
TEXTLINT_PACKAGES = [
    "textlint@15", "textlint-rule-write-good", "textlint-rule-alex", "textlint-rule-terminology",
    "textlint-rule-common-misspellings", "textlint-rule-en-capitalization", "textlint-rule-sentence-length",
]
TEXTLINT_RULES = {"rules": {"write-good": True, "alex": True, "terminology": True, "common-misspellings": True,
                            "en-capitalization": True, "sentence-length": True}}


def corpus_paths(corpus: Path) -> list[Path]:
    folders = [corpus / c for c in CATEGORIES if (corpus / c).is_dir()] or [corpus]
    return folders


def corpus_files(folders: list[Path]) -> list[Path]:
    return [p for folder in folders for p in sorted(folder.rglob("*.txt"))]


def corpus_stats(files: list[Path]) -> tuple[int, int, int]:
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


def measure(name: str, command: list[str], cwd: Path | None = None, env: dict | None = None) -> dict:
    """Run a command to completion: wall time, CPU time of its tree, peak memory.

    os.wait4 gives the child's resource usage including every descendant it
    waited for (copydesk's worker processes, proselint's pool), so its user and
    system times are the CPU the whole run cost."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=cwd, env=env)
        peak = 0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _tree_rss_kib(process.pid))
            time.sleep(0.02)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        stdout = out.read()
        err.seek(0)
        stderr = err.read()
    return {"tool": name, "command": " ".join(command), "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "peak_mib": max(peak, usage.ru_maxrss) / 1024, "largest_mib": usage.ru_maxrss / 1024,
            "exit": process.returncode, "stdout": stdout, "stderr": stderr}


def median_run(runs: list[dict]) -> dict:
    """One row from several runs of the same command: the median of each figure."""
    row = dict(runs[0])
    for figure in ("wall", "cpu", "peak_mib", "largest_mib"):
        row[figure] = statistics.median(run[figure] for run in runs)
    row["runs"] = len(runs)
    return row


def ensure_proselint() -> Path:
    venv = PEERS / "proselint-venv"
    executable = venv / "bin" / "proselint"
    if not executable.exists():
        print(f"bench: installing proselint {PROSELINT_VERSION} into {venv}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", f"proselint=={PROSELINT_VERSION}"], check=True)
    return executable


def ensure_vale() -> Path | None:
    """Vale 3.21.0 in bench/.peers/bin: copied from setup's build, else built with go install."""
    executable = PEERS / "bin" / "vale"
    if executable.exists():
        return executable
    executable.parent.mkdir(parents=True, exist_ok=True)
    built_by_setup = ROOT / ".tools" / "bin" / "vale"
    if built_by_setup.exists():
        shutil.copy2(built_by_setup, executable)
        return executable
    if shutil.which("go") is None:
        print("bench: skipping Vale: Go is not installed to build it", file=sys.stderr)
        return None
    print(f"bench: building Vale ({VALE_MODULE}) into {executable.parent}", file=sys.stderr)
    env = {**os.environ, "GOFLAGS": "-mod=mod", "GOBIN": str(executable.parent)}
    built = subprocess.run(["go", "install", VALE_MODULE], env=env)
    return executable if built.returncode == 0 and executable.exists() else None


def vale_config(folder: Path) -> Path | None:
    """A .vale.ini naming the styles folder of $COPYDESK_VALE_STYLES, or None with a reason printed."""
    styles = os.environ.get("COPYDESK_VALE_STYLES")
    if not styles:
        print("bench: skipping Vale: set COPYDESK_VALE_STYLES to a folder holding the Microsoft, write-good "
              "and proselint styles (see docs/benchmarks.md)", file=sys.stderr)
        return None
    missing = [style for style in VALE_STYLES if not (Path(styles) / style).is_dir()]
    if missing:
        print(f"bench: skipping Vale: {styles} lacks the style folders {', '.join(missing)}", file=sys.stderr)
        return None
    ini = folder / ".vale.ini"
    ini.write_text(VALE_INI.format(styles=Path(styles).resolve()))
    return ini


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
    # Vale's --output=line and textlint's compact format: one alert a line.
    return sum(1 for line in text.splitlines() if line.strip())


def cached_grammar_row(lint: list[str], article: Path, env: dict, repeat: int) -> dict:
    """One article linted with grammar on: once to fill the result cache (that run
    starts LanguageTool), then as a pre-commit hook runs it again: a fresh process, no
    warm server, every paragraph cached. No JVM may start: the figure is copydesk alone."""
    with_grammar = [part for part in lint if part != "--no-grammar"]
    env = {key: value for key, value in env.items() if key != "COPYDESK_LANGUAGETOOL_URL"}
    filling = measure("filling the grammar cache", [*with_grammar, str(article)], None, env)
    row = median_run([measure("one cached article", [*with_grammar, str(article)], None, env)
                      for _ in range(max(1, repeat))])
    row["filling_wall"] = filling["wall"]
    return row


def big_article(files: list[Path], megabytes: float, folder: Path) -> Path:
    """One article of about `megabytes` MB: the corpus's articles, one after another, repeated."""
    target = int(megabytes * 1_000_000)
    path = folder / f"article-{megabytes:g}mb.txt"
    written = 0
    with path.open("w", encoding="utf-8") as handle:
        handle.write("A long article for the memory benchmark\n\n")
        while written < target:
            for source in files:
                body = source.read_text(encoding="utf-8", errors="replace").split("\n", 1)[-1].strip() + "\n\n"
                handle.write(body)
                written += len(body.encode())
                if written >= target:
                    break
    return path


def peer_commands(peers: list[str], paths: list[str], folders: list[Path], scratch: Path) -> list[tuple]:
    commands = []
    if "proselint" in peers:
        commands.append(("proselint", [str(ensure_proselint()), "check", "-o", "json", *paths], None))
    if "vale" in peers:
        vale = ensure_vale()
        ini = vale_config(scratch) if vale else None
        if vale and ini:
            commands.append(("vale", [str(vale), f"--config={ini}", "--output=line", "--no-exit", *paths], None))
    if "textlint" in peers:
        textlint = ensure_textlint()
        globs = [f"{folder}/**/*.txt" for folder in folders]
        commands.append(("textlint", [str(textlint), "--format", "compact", *globs], PEERS / "textlint"))
    return commands


def table(rows: list[dict], files: int, words: int) -> list[str]:
    baseline = rows[0]
    peers = [row for row in rows if row["tool"] in ("proselint", "vale")]
    header = "| tool | wall (s) | CPU (s) | words/s | words per CPU-s | peak tree (MiB) | largest process (MiB) | findings |"
    for peer in peers:
        header += f" wall vs {peer['tool']} | CPU vs {peer['tool']} |"
    lines = [header, "|---" + "|---:" * (header.count("|") - 2) + "|"]
    for row in rows:
        findings = count_findings(row["tool"], row["stdout"])
        line = (f"| {row['tool']} | {row['wall']:.2f} | {row['cpu']:.2f} | {words / row['wall']:,.0f} | "
                f"{words / row['cpu']:,.0f} | {row['peak_mib']:.0f} | {row['largest_mib']:.0f} | "
                f"{'' if findings is None else f'{findings:,}'} |")
        for peer in peers:
            # How many times faster this row is than the peer: peer's time over this row's.
            line += f" {peer['wall'] / row['wall']:.2f}x | {peer['cpu'] / row['cpu']:.2f}x |"
        lines.append(line)
    lines.append("")
    lines.append(f"Ratios are the peer's figure over the row's: above 1 means the row is faster. "
                 f"Median of {baseline['runs']} interleaved runs of each tool.")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--peers", default="proselint,vale", help="comma-separated: proselint, vale, textlint, or none")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each tool; the table shows the median")
    parser.add_argument("--big-mb", type=float, default=10, help="size of the one-article memory test (0: skip)")
    parser.add_argument("--output", type=Path, default=HERE / "results" / "latest.md")
    parser.add_argument("--no-grammar-row", dest="grammar", action="store_false",
                        help="skip the cached-grammar article (it starts LanguageTool once to fill the cache)")
    args = parser.parse_args()

    folders = corpus_paths(args.corpus)
    files = corpus_files(folders)
    count, words, size = corpus_stats(files)
    copydesk = str(Path(sys.executable).with_name("copydesk"))
    paths = [str(f) for f in folders]
    lint = [copydesk, "lint", "--no-grammar", "--no-progress"]
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="copydesk-bench-") as scratch_name:
        scratch = Path(scratch_name)
        # Every run starts from an empty cache, so no run is faster for an earlier one.
        # Python's bytecode is written (to the scratch folder) as an installed copydesk
        # has it: pip compiles it at install time, whatever PYTHONDONTWRITEBYTECODE says here.
        env = {**os.environ, "COPYDESK_CACHE_DIR": str(scratch / "cache"), "PYTHONPYCACHEPREFIX": str(scratch / "pyc")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        commands = [("copydesk", [*lint, "-f", "json", *paths], None),
                    ("copydesk -j 1", [*lint, "-f", "json", "-j", "1", *paths], None),
                    *peer_commands([p for p in args.peers.split(",") if p and p != "none"], paths, folders, scratch)]
        results: dict[str, list[dict]] = {name: [] for name, _, _ in commands}
        for _ in range(max(1, args.repeat)):
            for name, command, cwd in commands:
                shutil.rmtree(scratch / "cache", ignore_errors=True)
                results[name].append(measure(name, command, cwd, env))
        rows = [median_run(runs) for runs in results.values()]
        # One article: the first run ever builds copydesk's derived data (the
        # syllable table) in its cache folder; later runs are cold processes
        # (no server, nothing linted before) that find it there.
        one_env = {**env, "COPYDESK_CACHE_DIR": str(scratch / "one-article")}
        first_row = measure("one article, first run", [*lint, str(files[0])], None, one_env)
        one_row = median_run([measure("one article", [*lint, str(files[0])], None, one_env)
                              for _ in range(max(1, args.repeat))])
        # The result cache is the scratch folder's; LanguageTool stays where the user installed it.
        grammar_env = {**env, "COPYDESK_CACHE_DIR": str(scratch / "grammar"),
                       "COPYDESK_LANGUAGETOOL_HOME": str(languagetool_home())}
        cached_row = cached_grammar_row(lint, files[0], grammar_env, args.repeat) if args.grammar else None
        big_row = None
        if args.big_mb > 0:
            big = big_article(files, args.big_mb, scratch)
            big_row = measure("big article", [*lint, "-f", "json", str(big)], None, env)
    load_after = os.getloadavg()

    lines = [
        f"Corpus: {args.corpus} ({count:,} files, {words:,} words, {size / 1e6:.1f} MB); "
        f"{os.cpu_count()} cores; {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; Python {sys.version.split()[0]}; "
        f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after",
        "",
        *table(rows, count, words),
        "",
        f"One article, cold (`{files[0].relative_to(args.corpus)}`, a fresh process, median of {one_row['runs']}): "
        f"{one_row['wall']:.2f} s wall, {one_row['cpu']:.2f} s CPU, {one_row['peak_mib']:.0f} MiB peak; "
        f"its first run ever (empty cache folder: builds the syllable table): {first_row['wall']:.2f} s wall, "
        f"{first_row['cpu']:.2f} s CPU.",
    ]
    if cached_row is not None:
        lines.append(f"One article with grammar, every paragraph in the result cache and no warm LanguageTool server "
                     f"(median of {cached_row['runs']}): {cached_row['wall']:.2f} s wall, {cached_row['cpu']:.2f} s CPU, "
                     f"{cached_row['peak_mib']:.0f} MiB peak (the run that filled the cache, starting Java: "
                     f"{cached_row['filling_wall']:.1f} s wall).")
    if big_row is not None:
        lines.append(f"One {args.big_mb:g} MB article (the corpus concatenated, `copydesk lint --no-grammar`): "
                     f"{big_row['wall']:.1f} s wall, {big_row['cpu']:.1f} s CPU, {big_row['peak_mib']:.0f} MiB peak "
                     f"(exit {big_row['exit']}).")
    failed = [row for row in [*rows, one_row, *([cached_row] if cached_row else [])] if row["exit"] not in (0, 1)]
    for row in failed:
        lines.append(f"WARNING: {row['tool']} exited {row['exit']}: {row['stderr'].decode(errors='replace')[-300:]}")
    publish(lines, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
