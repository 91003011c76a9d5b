"""headline.all-caps: a headline or subhead set in capitals."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from copydesk.document import Document
from copydesk.families.headline.casing import EITHER, LOWER, UPPER, analysis, expected_case, headings, in_capitals
from copydesk.families.headline.evidence import NameEvidence
from copydesk.families.headline.tables import STYLE_NAMES
from copydesk.families.headline.tokens import words
from copydesk.finding import Applicability, Edit, Fix, Hit
from copydesk.rules import RuleContext, check


def _recased_word(text: str, expected: str, running: str) -> str:
    """One word in capitals, recased: acronyms stay, names take a capital, the rest follow the style."""
    if running == "upper":
        return text
    if running == "title" or expected == UPPER:
        return text[:1] + text[1:].lower()
    return text.lower()


def recased_words(text: str, style: str, evidence: NameEvidence) -> list[tuple[int, int, str]]:
    """(start, end, replacement) in the heading's prose for each word in
    capitals that changes; unchanged words get none."""
    changes = []
    for word in words(text):
        if word.address or not word.text.isupper() or any(c.isdigit() for c in word.text):
            continue
        lower_word = replace(word, text=word.text.lower())
        expected = expected_case(lower_word, style)
        if expected == EITHER:
            expected = LOWER if style == "sentence" else UPPER
        replacement = _recased_word(word.text, expected, evidence.case_of(word.text))
        if replacement != word.text:
            changes.append((word.start, word.end, replacement))
    return changes


def preview(text: str, changes: list[tuple[int, int, str]]) -> str:
    for start, end, replacement in sorted(changes, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


@check("headline.all-caps")
def all_caps(doc: Document, context: RuleContext) -> Iterator[Hit]:
    house = analysis(doc, context)
    style = house.house_style()
    if house.inferred and house.headline and in_capitals(house.headline.text) and not house.subheads:
        style = "sentence"  # nothing else shows the house style: the plainest one
    plain_subheads = sum(not in_capitals(block.text) for block in house.subheads)
    for block in headings(doc):
        if not in_capitals(block.text):
            continue
        if block.kind == "subhead" and plain_subheads < 2:
            continue  # capitals are this article's way of setting labels (game titles, names), not a slip
        start, end = block.source_range(0, len(block.text))
        changes = recased_words(block.text, style, house.evidence)
        edits = tuple(Edit(*block.source_range(a, b), replacement) for a, b, replacement in changes)
        fixes = (Fix(f"Recase in {STYLE_NAMES[style]}", edits, Applicability.UNSAFE),) if edits else ()
        yield Hit(start, end, f"Headline in capitals; use the house case style ({STYLE_NAMES[style]})",
                  preview(block.text, changes), fixes=fixes)
