"""figures.reference-bound: a figure above a bound recorded in the (house) fact sheet."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check
from copydesk.families.figures.common import fmt, sentences
from copydesk.numbers import singular
from copydesk.rules import rules_dir
from copydesk.families.figures.unsourced_claim import figure_phrase


def load_facts(path: Path) -> tuple[dict, ...]:
    """The fact sheet's entries."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return tuple(data.get("facts", []))


def _facts(context: RuleContext) -> tuple[dict, ...]:
    """The sheet's entries, read once a run and again only when the file changes (kept in the run's memo)."""
    sheet = context.options["sheet"]
    key = ("fact-sheet", sheet)  # where the sheet is, found once a run; its time stamp read for each article
    if key not in context.run_memo:
        context.run_memo[key] = Path(sheet) if sheet else rules_dir() / "fact-sheet.yaml"
    path = context.run_memo[key]
    version = ("fact-sheet-entries", path, path.stat().st_mtime)
    if version not in context.run_memo:
        context.run_memo[version] = load_facts(path)
    return context.run_memo[version]


def _sheet_name(context: RuleContext) -> str:
    """Say whose figures they are: the newsroom's sheet, or copydesk's example."""
    return "the house fact sheet" if context.options["sheet"] else "copydesk's example fact sheet"


@check("figures.reference-bound")
def reference_bound(doc: Document, context: RuleContext) -> Iterator[Hit]:
    facts = _facts(context)
    for sentence in sentences(doc, with_figures=True):  # a bound is broken only by a figure
        if not sentence.quantities:
            continue  # dates alone: the sentence's words are not compared with the sheet
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
