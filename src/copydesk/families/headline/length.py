"""headline.length: headlines and subheads within the house limits."""

from __future__ import annotations

import re
from collections.abc import Iterator

from copydesk.document import Document
from copydesk.families.headline.casing import headings
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check


_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_SENTENCE_BREAK = re.compile(r"[.?!][\"”’')_*]* +\S")


def _sentence_like(text: str) -> bool:
    stripped = text.rstrip(" _*")
    return stripped.endswith((".", "?", "!")) or bool(_SENTENCE_BREAK.search(stripped))


@check("headline.length")
def length(doc: Document, context: RuleContext) -> Iterator[Hit]:
    options = context.options
    for block in headings(doc):
        main = block.kind == "headline"
        if not main and _sentence_like(block.text):
            continue  # an interview question or a takeaway set as a heading is prose, not a label
        max_chars = options["max-chars"] if main else options["subhead-max-chars"]
        max_words = options["max-words"] if main else options["subhead-max-words"]
        visible = _TAG.sub("", block.text)  # a title's <em> is markup, not length
        chars, count = len(visible), len(visible.split())
        problems = []
        if chars > max_chars:
            problems.append(f"{chars} characters (limit {max_chars}; search results cut near 60)")
        if count > max_words:
            problems.append(f"{count} words (limit {max_words})")
        if problems:
            start, end = block.source_range(0, len(block.text))
            yield Hit(start, end, f"{'Headline' if main else 'Subhead'} too long: {' and '.join(problems)}")
