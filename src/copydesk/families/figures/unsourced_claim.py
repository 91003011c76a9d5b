"""figures.unsourced-claim: a big figure with no source in its sentence."""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check
from copydesk.families.figures.common import sentences

from copydesk.numbers import Quantity


@check("figures.unsourced-claim")
def unsourced_claim(doc: Document, context: RuleContext) -> Iterator[Hit]:
    threshold = context.options["min-value"]
    kinds = ("number", "money") if context.options["include-money"] else ("number",)
    for sentence in sentences(doc, headings=False):
        # The figure first: most sentences have none this big, and need no tokens read for their attribution.
        for quantity in sentence.quantities:
            if quantity.value >= threshold and quantity.kind in kinds and quantity.noun:
                if sentence.reading.attributed:
                    break
                phrase = figure_phrase(sentence, quantity)
                yield sentence.hit(quantity.start, quantity.end,
                                   f"“{phrase}” is a big figure with no source in its sentence; "
                                   "add who says so (said, according to, a link)")
                break


def figure_phrase(sentence, quantity: Quantity) -> str:
    """The figure and the word after it, as written: "17 million cars"."""
    tokens, index = sentence.reading.tokens, sentence.reading.index_of.get(quantity.start)
    if index is not None and index + 1 < len(tokens) and tokens[index + 1].word[:1].isalpha():
        return sentence.text[quantity.start:tokens[index + 1].end]
    return quantity.text
