#!/usr/bin/env python3
"""How the figures family's time grows with adversarial input: linear, or worse?

    .venv/bin/python bench/figures_complexity.py               # 10,000 and 40,000 repetitions
    .venv/bin/python bench/figures_complexity.py --sizes 1000 4000

Each input repeats one unit (digits with commas or dots, number words, dates, percent signs, sums of
money) N times in one paragraph, and is linted in-process with only the figures family (the readers
and every figures rule, the document parser and sentence splitter included); the fastest of
``--repeats`` runs counts, since other processes share the machine. Four times the input
should take about four times as long; the table records the ratio (target: at most about 4.5).
Results are printed and written to bench/results/figures-complexity.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from report import publish  # noqa: E402

UNITS = {
    "digits with commas": "1,",
    "digits with dots": "1.",
    "grouped numerals": "12,345.67 ",
    "number words": "one hundred ",
    "dates": "February 30, 2001 Monday, ",
    "percent signs": "45% ",
    "currency amounts": "$3.5bn ",
    "comma lists": "1, ",
    "changes": "rose 5% to £3m from £2m, ",
    "small counts": "3 cats and 40% of 9 dogs, ",
    "ordinal dates": "on the 4th of May 1999 born in 1950, aged 7, ",
}


def seconds(text: str, repeats: int = 1) -> float:
    from copydesk.config import Config
    from copydesk.runner import lint_text

    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        lint_text(text, path="adversarial.txt", config=Config(select=("figures",)))
        best = min(best, time.perf_counter() - started)
    return best


def adversarial(unit: str, count: int) -> str:
    return "Headline\n\n" + unit * count + "\n"


def measure(sizes: tuple[int, int], repeats: int = 1) -> list[tuple[str, float, float]]:
    seconds(adversarial("1 ", 10))  # load the family once, so imports do not count against the small size
    rows = []
    for name, unit in UNITS.items():
        small, large = (seconds(adversarial(unit, size), repeats) for size in sizes)
        rows.append((name, small, large))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=(10_000, 40_000))
    parser.add_argument("--repeats", type=int, default=2, help="runs per size; the fastest counts (the machine is shared)")
    arguments = parser.parse_args()
    small_size, large_size = arguments.sizes
    rows = measure((small_size, large_size), arguments.repeats)
    lines = [f"# figures family: time against adversarial input size ({datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC)",
             "", f"Command: `.venv/bin/python bench/figures_complexity.py --sizes {small_size} {large_size} "
             f"--repeats {arguments.repeats}` (fastest of {arguments.repeats} runs per size).",
             "", f"| input | {small_size:,} repeats (s) | {large_size:,} repeats (s) | ratio |", "|---|---|---|---|"]
    for name, small, large in rows:
        lines.append(f"| {name} | {small:.2f} | {large:.2f} | {large / small:.2f} |")
    lines += ["", f"Input grows {large_size / small_size:g}x; a linear family grows about as much (target: at most 4.5x)."]
    publish(lines, HERE / "results" / "figures-complexity.md")


if __name__ == "__main__":
    main()
