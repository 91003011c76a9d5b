"""figures.more-than-over: the house choice between "more than" and "over" with figures."""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check
from copydesk.families.figures.common import sentences


@check("figures.more-than-over")
def more_than_over(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """A figure hedged with the word house style does not use; the fix (safe) swaps the hedge only."""
    wanted = context.options["prefer"]
    unwanted = "over" if wanted == "more than" else "more than"
    length = len(unwanted.split())
    for sentence in sentences(doc, with_figures=True):
        tokens = sentence.reading.tokens
        for index, token in enumerate(tokens):
            if token.quantity is None or token.quantity.kind == "year" or sentence.reading.hedge(index) != unwanted:
                continue
            start, end = tokens[index - length].start, tokens[index - 1].end
            written = sentence.text[start:end]
            replacement = wanted.capitalize() if written[:1].isupper() else wanted
            yield sentence.hit(start, end, f"House style uses “{wanted}” with figures", wanted,
                               fixes=(sentence.fix(f"Write “{replacement}”", start, end, replacement, safe=True),))
