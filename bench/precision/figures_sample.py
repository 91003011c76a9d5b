#!/usr/bin/env python3
"""Sample the figures family's warnings on the corpora for a fresh-context judge.

    .venv/bin/copydesk lint --no-grammar --select figures -f json ../shared/corpora/bbc > /tmp/figures-bbc.json
    .venv/bin/copydesk lint --no-grammar --select figures -f json ../shared/corpora/18f-blog > /tmp/figures-18f.json
    .venv/bin/python bench/precision/figures_sample.py /tmp/figures-bbc.json /tmp/figures-18f.json OUT.jsonl

Writes up to 150 warning/error findings (seed 12) as JSON lines: key, corpus, file, line, rule (the
rule's summary, not its code), severity, message, flagged, sentence, context. No suggestion is given,
so the judge reads the finding as a reader would.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from copydesk.parse import parse  # noqa: E402
from copydesk.rules import all_rules  # noqa: E402

LIMIT, SEED = 150, 12


def _summary(rule_id: str) -> str:
    spec = all_rules().get(rule_id)
    return spec.summary if spec else rule_id.split(".", 1)[1].replace("-", " ")


def _sentence_and_context(path: Path, offset: int) -> tuple[str, str]:
    doc = parse(path.read_text(encoding="utf-8"), str(path))
    for block in doc.blocks:
        if not block.text or not block.source_start <= offset <= block.source_end:
            continue
        for sentence in block.sentences:
            start, end = block.source_range(sentence.start, sentence.end)
            if start <= offset <= end:
                return sentence.text, block.text[:1200]
        return block.text[:400], block.text[:1200]
    return "", ""


def main(outputs: list[str], target: str) -> None:
    findings = []
    for output in outputs:
        for finding in json.load(open(output))["findings"]:
            if finding["severity"] in ("warning", "error"):
                findings.append(finding)
    random.seed(SEED)
    chosen = sorted(random.sample(findings, min(LIMIT, len(findings))), key=lambda f: (f["path"], f["line"]))
    with open(target, "w", encoding="utf-8") as out:
        for finding in chosen:
            path = Path(finding["path"])
            source = path.read_text(encoding="utf-8")
            lines = source.splitlines(keepends=True)
            offset = sum(len(line) for line in lines[:finding["line"] - 1]) + finding["column"] - 1
            line_text = lines[finding["line"] - 1]
            flagged = line_text[finding["column"] - 1:finding["end_column"] - 1] if finding["end_line"] == finding["line"] \
                else line_text[finding["column"] - 1:].rstrip("\n")
            sentence, context = _sentence_and_context(path, offset)
            corpus = "bbc" if "/bbc/" in str(path) else "18f-blog"
            relative = str(path).split(f"/{corpus}/", 1)[1]
            key = hashlib.sha1(f"{relative}:{finding['line']}:{finding['column']}:{finding['rule']}".encode()).hexdigest()[:16]
            out.write(json.dumps({"key": key, "corpus": corpus, "file": relative, "line": finding["line"],
                                  "rule": _summary(finding["rule"]), "severity": finding["severity"],
                                  "message": finding["message"], "flagged": flagged, "sentence": sentence,
                                  "context": context}, ensure_ascii=False) + "\n")
    print(f"{len(chosen)} of {len(findings)} findings written to {target}")


if __name__ == "__main__":
    main(sys.argv[1:-1], sys.argv[-1])
