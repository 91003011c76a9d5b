"""figures.shares-sum: shares of one whole, in one sentence or across a paragraph, that pass 100%."""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check
from copydesk.families.figures.common import fmt, paragraphs, sentences
from copydesk.families.figures.shares import share_groups


def _with_percentages(doc: Document) -> list[list]:
    """The paragraphs with two percentages or more: a share is one, and a sum needs two, so the
    others are not read at all."""
    counts: dict[int, int] = {}
    for sentence in sentences(doc, headings=False, with_figures=True):
        percentages = sum(q.kind == "percent" for q in sentence.quantities)
        if percentages:
            counts[id(sentence.block)] = counts.get(id(sentence.block), 0) + percentages
    blocks = {block for block, count in counts.items() if count >= 2}
    return [paragraph for paragraph in paragraphs(doc) if id(paragraph[0].block) in blocks] if blocks else []


@check("figures.shares-sum")
def shares_sum(doc: Document, context: RuleContext) -> Iterator[Hit]:
    per_share = context.options["tolerance-per-share"]
    for paragraph in _with_percentages(doc):
        for group in share_groups(paragraph):
            total = group.total
            if total <= 100 + per_share * len(group.members):
                continue
            last_sentence, last = group.members[-1]
            in_sentence = [token for sentence, token in group.members if sentence is last_sentence]
            listed = " + ".join(token.text for _, token in group.members)
            yield last_sentence.hit(in_sentence[0].start, last.end,
                                    f"These shares of one whole add up to {fmt(round(total, 1))}% ({listed}); "
                                    "they cannot pass 100%")
