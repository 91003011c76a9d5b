"""headline.case-style: every headline and subhead in the house case style."""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.document import Document
from copydesk.families.headline.casing import UPPER, analysis, corrected, headings, recase_fix
from copydesk.families.headline.tables import STYLE_NAMES
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check


def style_label(style: str, inferred: bool, kind: str) -> str:
    """The style's name, and where it comes from when auto chose it."""
    if not inferred:
        return STYLE_NAMES[style]
    source = "the main headline fits best" if kind == "headline" else "most subheads use"
    return f"{STYLE_NAMES[style]} (auto: the style {source}; set headline-case to name the house style)"


@check("headline.case-style")
def case_style(doc: Document, context: RuleContext) -> Iterator[Hit]:
    house = analysis(doc, context)
    for block in headings(doc):
        style = house.style_for(block)
        found = house.violations(block, style)
        if not found:
            continue
        listed = ", ".join(f"“{v.word.text}” should be {'capitalized' if v.expected == UPPER else 'lower case'}"
                           for v in found)
        what = "headline" if block.kind == "headline" else "subhead"
        start, end = block.source_range(0, len(block.text))
        yield Hit(start, end, f"This {what} is not in {style_label(style, house.inferred, block.kind)}: {listed}",
                  corrected(block.text, found), fixes=(recase_fix(block, found, STYLE_NAMES[style]),))
