"""The figures challenge set (../shared/data/figures-challenge.yaml): sentences as reporters write them.

Each case expects a figures.* finding at warning or error level on its stated line, or none at warning or
error level anywhere in the passage.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from copydesk.config import Config
from copydesk.runner import lint_text

CHALLENGE = Path(__file__).resolve().parents[2] / "shared" / "data" / "figures-challenge.yaml"


def _cases() -> list:
    if not CHALLENGE.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{CHALLENGE} is absent (../shared not mounted)"))]
    cases = yaml.safe_load(CHALLENGE.read_text(encoding="utf-8"))["cases"]
    return [pytest.param(case, id=case["id"]) for case in cases]


def _serious(case: dict) -> list:
    when = date.fromisoformat(str(case["date"])) if case.get("date") else None
    found = lint_text(case["text"], path="case.txt", config=Config(select=("figures",)), date_override=when)
    return [f for f in found if f.rule_id.startswith("figures.") and f.severity.value in ("warning", "error")]


@pytest.mark.parametrize("case", _cases())
def test_challenge_case(case):
    serious = _serious(case)
    if case["finding"]:
        assert any(f.line == case["line"] for f in serious), (case["why"], [(f.rule_id, f.line, f.message) for f in serious])
    else:
        assert serious == [], (case["why"], [(f.rule_id, f.line, f.message) for f in serious])
