"""figures.reference-bound: a figure above a bound recorded in the (house) fact sheet."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import yaml

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check
from copydesk.families.figures.common import fmt, sentences
from copydesk.numbers import singular
from copydesk.rules import rules_dir
from copydesk.families.figures.unsourced_claim import figure_phrase


@lru_cache(maxsize=8)
def load_facts(path: Path, modified: float = 0.0) -> tuple[dict, ...]:
    """The fact sheet's entries (read once per process and per change of the file)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return tuple(data.get("facts", []))


def _facts(context: RuleContext) -> tuple[dict, ...]:
    sheet = context.options["sheet"]
    key = ("fact-sheet", sheet)  # where the sheet is, found once a run; its time stamp read for each article
    if key not in context.run_memo:
        context.run_memo[key] = Path(sheet) if sheet else rules_dir() / "fact-sheet.yaml"
    path = context.run_memo[key]
    return load_facts(path, path.stat().st_mtime)


def _sheet_name(context: RuleContext) -> str:
    """Say whose figures they are: the newsroom's sheet, or copydesk's example."""
    return "the house fact sheet" if context.options["sheet"] else "copydesk's example fact sheet"


@check("figures.reference-bound")
def reference_bound(doc: Document, context: RuleContext) -> Iterator[Hit]:
    facts = _facts(context)
    for sentence in sentences(doc):
        lowered = sentence.text.lower()
        for fact in facts:
            if not all(term.lower() in lowered for term in fact["match"]):
                continue
            for quantity in sentence.quantities:
                if quantity.noun != singular(fact["noun"]) or quantity.kind not in ("number", "money"):
                    continue
                if quantity.value > fact["max"] * (1 + context.options["tolerance"]):
                    yield sentence.hit(quantity.start, quantity.end,
                                       f"“{figure_phrase(sentence, quantity)}” is above the bound in "
                                       f"{_sheet_name(context)} for {fact['name']}: at most {fmt(fact['max'])} as of {fact['as_of']} "
                                       f"(source: {fact['source']})")
