"""figures.parts-exceed-total: parts that add up to more than their total.

"The trust has 8,200 staff, including 4,900 nurses and 3,800 doctors"; "a crew of 40, of whom 25 ...";
"Of the 60 councillors, 34 voted for the plan and 29 against"."""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check
from copydesk.families.figures.common import fmt, sentences

_INTRODUCERS = (("including",), ("of", "whom"), ("of", "which"), ("of", "them"), ("among", "them"),
                ("among", "whom"))


_WINDOW = 16  # parts follow their introducer closely: "including 4,900 nurses and 3,800 doctors"


def _parts_after(reading, index: int, end: int) -> list:
    """Plain counts after the introducer, up to the clause's end; any hedge, rate or sum voids them."""
    found = []
    for position in range(index, min(end, index + _WINDOW)):
        quantity = reading.tokens[position].quantity
        if quantity is None:
            continue
        if quantity.kind != "number" or reading.hedge(position) or quantity.is_word and quantity.value < 1:
            return []
        found.append(quantity)
    return found


def totals_and_parts(sentence):
    """(total, parts, start) for each "T ..., including A and B" or "Of the T ..., A ... and B ..."."""
    reading, tokens = sentence.reading, sentence.reading.tokens
    words = reading.words(0, len(tokens))
    if words[:1] == ["of"] and "," in words[:_WINDOW]:
        comma = words.index(",")
        head = [t.quantity for t in tokens[1:comma] if t.quantity is not None]
        start, end = reading.clause(comma + 1)
        if len(head) == 1 and head[0].kind == "number" and not reading.hedge(1 + words[1:comma].index("")):
            yield head[0], _parts_after(reading, comma + 1, end), head[0]
    for index in sorted(set(reading.positions("including") + reading.positions("of") + reading.positions("among"))):
        for introducer in _INTRODUCERS:
            if tuple(words[index:index + len(introducer)]) != introducer or index < 2 or words[index - 1] != ",":
                continue
            clause_start, end = reading.clause(index)
            totals = [(p, tokens[p].quantity) for p in range(max(clause_start, index - _WINDOW), index)
                      if tokens[p].quantity is not None]
            if not totals:
                continue
            position, total = totals[-1]
            if total.kind != "number" or reading.hedge(position):
                continue
            yield total, _parts_after(reading, index + len(introducer), end), total


@check("figures.parts-exceed-total")
def parts_exceed_total(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for sentence in sentences(doc, headings=False, with_figures=True):
        if sum(1 for q in sentence.quantities if q.kind == "number") < 3:
            continue  # a total and two parts, all counts, or nothing to add up: the words are not read
        for total, parts, anchor in totals_and_parts(sentence):
            if len(parts) < 2 or any(part.value >= total.value for part in parts):
                continue
            summed = sum(part.value for part in parts)
            # Each figure may be rounded: 1.6 million and 600,000 can be among 2.1 million.
            if sum(part.value - part.step / 2 for part in parts) > total.value + total.step / 2:
                yield sentence.hit(anchor.start, parts[-1].end,
                                   f"The parts ({' + '.join(fmt(p.value) for p in parts)} = {fmt(summed)}) "
                                   f"exceed the total of {fmt(total.value)}")
