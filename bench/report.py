"""What both benchmark scripts do with their table: print it and keep it."""

from __future__ import annotations

from pathlib import Path


def publish(lines: list[str], output: Path) -> None:
    report = "\n".join(lines) + "\n"
    print(report)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report)
