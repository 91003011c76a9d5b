"""headline.consistency: subheads in one case style."""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.document import Document
from copydesk.families.headline.casing import analysis
from copydesk.families.headline.tables import STYLE_NAMES
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check


@check("headline.consistency")
def consistency(doc: Document, context: RuleContext) -> Iterator[Hit]:
    house = analysis(doc, context)
    if len(house.subheads) < 2:
        return
    fits = {id(block): house.best_styles(block) for block in house.subheads}
    majority = house.subhead_majority()
    if majority is None:
        return
    reported_by_case_style = "headline.case-style" in context.enabled
    for block in house.subheads:
        styles = fits[id(block)]
        if majority in styles:
            continue
        if reported_by_case_style and house.count(block, house.style_for(block)):
            continue  # headline.case-style already marks this subhead's words
        start, end = block.source_range(0, len(block.text))
        yield Hit(start, end, f"This subhead is in {STYLE_NAMES[styles[0]]}; the other subheads use "
                              f"{STYLE_NAMES[majority]}")
