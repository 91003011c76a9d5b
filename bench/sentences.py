#!/usr/bin/env python3
"""The sentence splitter: pySBD's English Golden Rules passed, and its speed on the BBC corpus.

    .venv/bin/python bench/sentences.py

Every prose block of every BBC article is parsed once, then split by
copydesk's splitter and, for comparison, by the splitter it replaced
(sentencex's boundaries with copydesk's honorific repair, as of git 92e9cee);
the best of three timings of each is reported. The Golden Rules
come from tests/data/golden-rules-en.json (nipunsadvilkar/pySBD,
benchmarks/english_golden_rules.py, commit 5905f13b, MIT).
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from copydesk.parse import parse  # noqa: E402
from copydesk.sentences import split_sentences  # noqa: E402
from copydesk.sources import decode  # noqa: E402
from report import publish  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "bbc"
GOLDEN = ROOT / "tests" / "data" / "golden-rules-en.json"


_HONORIFIC_END = re.compile(
    r"(?:^|[\s(\"“‘])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Rev|Fr|Sr|Jr|St|Gov|Sen|Rep|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|Adm|Insp|Supt|Det|No)\.\s*$"
)


def sentencex_split(text: str) -> list[str]:
    """copydesk's splitter before issue 10 (git 92e9cee, src/copydesk/sentences.py): sentencex's
    boundaries, re-joined after an honorific, trimmed."""
    import sentencex

    spans: list[list[int]] = []
    for boundary in sentencex.get_sentence_boundaries("en", text):
        start, end = boundary["start_index"], boundary["end_index"]
        if spans and _HONORIFIC_END.search(text[spans[-1][0]: spans[-1][1]]):
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [text[start:end].strip() for start, end in spans if text[start:end].strip()]


def copydesk_split(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def block_texts() -> list[str]:
    texts = []
    for path in sorted(CORPUS.rglob("*.txt")):
        if path.name == "README.TXT":
            continue
        try:
            texts += [block.text for block in parse(decode(path.read_bytes()), str(path)).blocks]
        except Exception:
            continue
    return texts


def best_of_three(split, texts: list[str]) -> tuple[float, int]:
    timings, count = [], 0
    for _ in range(3):
        started = time.perf_counter()
        count = sum(len(split(text)) for text in texts)
        timings.append(time.perf_counter() - started)
    return min(timings), count


def main() -> int:
    rules = json.loads(GOLDEN.read_text())["rules"]
    texts = block_texts()
    lines = ["# Sentence splitting", "", f"{len(texts):,} prose blocks of the BBC corpus; best of three runs.", "",
             "| Splitter | Golden Rules passed (of 48) | Failing rules | Time | Sentences |", "|---|---:|---|---:|---:|"]
    for name, split in (("copydesk", copydesk_split), ("before (sentencex)", sentencex_split)):
        failing = [rule["number"] for rule in rules if split(rule["text"]) != rule["sentences"]]
        seconds, count = best_of_three(split, texts)
        lines.append(f"| {name} | {len(rules) - len(failing)} | {', '.join(map(str, failing))} | {seconds:.3f} s | "
                     f"{count:,} |")
    publish(lines, HERE / "results" / "sentences.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
