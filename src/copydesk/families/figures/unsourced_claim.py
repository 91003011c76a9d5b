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
    for sentence in sentences(doc, headings=False, with_figures=True):
        # The figure first (already read); the sentence's words only when it has one.
        quantity = next((q for q in sentence.quantities if q.value >= threshold and q.kind in kinds and q.noun), None)
        if quantity is None or sentence.reading.attributed:
            continue
        phrase = figure_phrase(sentence, quantity)
        yield sentence.hit(quantity.start, quantity.end,
                           f"“{phrase}” is a big figure with no source in its sentence; "
                           "add who says so (said, according to, a link)")


def figure_phrase(sentence, quantity: Quantity) -> str:
    """The figure and the word after it, as written: "17 million cars"."""
    tokens, index = sentence.reading.tokens, sentence.reading.index_of.get(quantity.start)
    if index is not None and index + 1 < len(tokens) and tokens[index + 1].word[:1].isalpha():
        return sentence.text[quantity.start:tokens[index + 1].end]
    return quantity.text
