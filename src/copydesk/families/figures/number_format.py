"""figures.number-format: one value written in two formats (17m, 17 million, 17,000,000)."""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check
from copydesk.families.figures.common import sentences

from copydesk.numbers import Quantity


def _number_format(q: Quantity) -> str | None:
    if q.is_word or q.kind in ("year", "percent", "points") or q.value < 1000:
        return None
    return {"short": "short (17m)", "words": "words (17 million)", "digits": "digits (17,000,000)"}.get(q.form)


@check("figures.number-format")
def number_format(doc: Document, context: RuleContext) -> Iterator[Hit]:
    by_value: dict[float, dict[str, tuple[Quantity, Sentence]]] = {}
    for sentence in sentences(doc, with_figures=True):
        for quantity in sentence.quantities:
            style = _number_format(quantity)
            if style:
                by_value.setdefault(quantity.value, {}).setdefault(style, (quantity, sentence))
    for value, styles in by_value.items():
        if len(styles) < 2:
            continue
        first_style = next(iter(styles))
        for style, (quantity, sentence) in list(styles.items())[1:]:
            yield sentence.hit(quantity.start, quantity.end,
                               f"{quantity.text} is written as {style}; the article also writes it as {first_style} "
                               f"({styles[first_style][0].text}): pick one", styles[first_style][0].text)
