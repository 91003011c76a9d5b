#!/usr/bin/env python3
"""Scratch evaluation of Harper (harper-py) as an optional grammar engine (issue 16).

Not part of copydesk: it measures Harper's speed on a corpus and writes a seeded,
stratified sample of its findings for a precision judgement.

    python3 -m venv bench/.peers/harper-venv
    bench/.peers/harper-venv/bin/pip install harper-py==0.2.0
    bench/.peers/harper-venv/bin/python bench/harper_eval.py --sample-out /work/notes/judge/harper.todo.jsonl

Speed is words/s of one Linter on one core (the same whitespace word count as
bench/run.py), each article linted as one plain-text document, British dialect
(the BBC corpus is British). The sample takes up to --per-rule findings of every
rule (seeded), so the judged precision can be read per rule and weighted by how
often each rule fires.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

import harper

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "bbc"
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")


def articles(corpus: Path) -> list[Path]:
    return sorted(corpus.rglob("*.txt"))


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding [start, end): from the last sentence end before it to the next after it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    left = 0
    for match in SENTENCE_END.finditer(line, 0, start - line_start):
        left = match.end()
    right_match = SENTENCE_END.search(line, end - line_start)
    right = right_match.start() + 1 if right_match else len(line)
    return line[left:right].strip()


def lint_corpus(linter: harper.Linter, files: list[Path], corpus: Path) -> tuple[list[dict], float, float, int]:
    """Every finding, the CPU seconds and wall seconds spent inside Harper, and the words read."""
    findings: list[dict] = []
    words = 0
    seconds = wall = 0.0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        words += len(text.split())
        started = time.perf_counter(), time.thread_time()
        by_rule = linter.organized_lints(text, language=harper.Language.PLAINTEXT)
        wall += time.perf_counter() - started[0]
        seconds += time.thread_time() - started[1]
        for rule, lints in by_rule.items():
            for lint in lints:
                findings.append(describe(rule, lint, text, path.relative_to(corpus).as_posix()))
    return findings, seconds, wall, words


def describe(rule: str, lint, text: str, file: str) -> dict:
    start, end = lint.span.start, lint.span.end
    line = text.count("\n", 0, start) + 1
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", end)
    paragraph = text[paragraph_start: len(text) if paragraph_end < 0 else paragraph_end]
    suggestions = [s.replacement_text for s in lint.suggestions][:3]
    message = lint.message + (f" (suggests: {', '.join(repr(s) for s in suggestions)})" if suggestions else "")
    key = hashlib.sha256(f"harper|{file}|{start}|{rule}".encode()).hexdigest()[:16]
    return {"key": key, "corpus": "bbc", "file": file, "line": line, "rule": f"harper.{rule} ({lint.lint_kind})",
            "severity": "warning", "message": message, "flagged": lint.problem_text,
            "sentence": sentence_around(text, start, end), "context": paragraph}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--per-rule", type=int, default=6)
    parser.add_argument("--cap", type=int, default=160, help="most findings in the sample")
    parser.add_argument("--limit", type=int, help="lint a seeded sample of this many articles")
    parser.add_argument("--sample-out", type=Path)
    parser.add_argument("--counts-out", type=Path, help="JSON of findings per rule (the sample's weights)")
    args = parser.parse_args()

    files = articles(args.corpus)
    started = time.perf_counter()
    linter = harper.Linter(harper.Dialect.BRITISH)
    construct = time.perf_counter() - started
    if args.limit and args.limit < len(files):
        files = sorted(random.Random(args.seed).sample(files, args.limit))
    findings, seconds, wall, words = lint_corpus(linter, files, args.corpus)
    counts = Counter(f["rule"] for f in findings)
    print(f"harper-py {harper.__name__} on {len(files):,} files, {words:,} words: linter built in {construct:.2f} s wall; "
          f"linting {seconds:.1f} CPU-s = {words / seconds:,.0f} words per CPU-second "
          f"({wall:.1f} s wall = {words / wall:,.0f} words/s on a shared machine); {len(findings):,} findings")
    for rule, count in counts.most_common():
        print(f"  {count:6,}  {rule}")
    if args.counts_out:
        args.counts_out.write_text(json.dumps({"files": len(files), "words": words, "cpu_seconds": seconds, "wall_seconds": wall,
                                               "construct": construct, "counts": counts}, indent=1))
    if args.sample_out:
        rng = random.Random(args.seed)
        by_rule: dict[str, list[dict]] = {}
        for finding in findings:
            by_rule.setdefault(finding["rule"], []).append(finding)
        sample = [f for rule in sorted(by_rule) for f in rng.sample(by_rule[rule], min(args.per_rule, len(by_rule[rule])))]
        rng.shuffle(sample)
        sample = sample[: args.cap]
        with args.sample_out.open("w") as handle:
            for finding in sample:
                handle.write(json.dumps(finding, ensure_ascii=False) + "\n")
        print(f"wrote {len(sample)} sampled findings to {args.sample_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
