"""headline.figure-mismatch: a headline figure the body states differently."""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.numbers import read_quantities, same_value
from copydesk.rules import RuleContext, check


# Durations and counts of occasions ("over two years", "six times") are many different
# quantities in one article, not one quantity stated twice.
_TIME_NOUNS = {"time", "year", "month", "week", "day", "hour", "minute", "second", "decade", "century", "season"}


@check("headline.figure-mismatch")
def figure_mismatch(doc: Document, context: RuleContext) -> Iterator[Hit]:
    # The main headline promises the story's figure; a subhead may count a part of it.
    for block in [doc.headline] if doc.headline else []:
        checked = [q for q in read_quantities(block.text)
                   if q.noun and q.kind != "year" and q.noun not in _TIME_NOUNS]
        if not checked:
            continue  # most headlines state no figure: the body is not read at all
        body = [q for block in doc.body for q in read_quantities(block.text)]
        for quantity in checked:
            if any(same_value(q.value, quantity.value, 0.05) for q in body):
                continue  # the body states this figure somewhere
            # A slip (17 million for 1.7 million) stays within a factor of ten; a figure
            # further off is usually another quantity of the same noun (staff, job cuts).
            same_noun = [q for q in body if q.noun == quantity.noun and q.kind == quantity.kind
                         and q.value and 0.1 <= quantity.value / q.value <= 10]
            if not same_noun:
                continue
            stated = ", ".join(sorted({q.text for q in same_noun}))
            start, end = block.source_range(quantity.start, quantity.end)
            yield Hit(start, end, f"The headline says {quantity.text} {quantity.noun}s; the body says {stated}")
