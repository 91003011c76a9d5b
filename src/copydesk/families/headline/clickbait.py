"""headline.clickbait: phrases that promise instead of telling."""

from __future__ import annotations

import re
from collections.abc import Iterator

from copydesk.document import Document
from copydesk.families.headline.casing import headings
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check, wordlist


def _normalized(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'")


@check("headline.clickbait")
def clickbait(doc: Document, context: RuleContext) -> Iterator[Hit]:
    phrases = sorted(wordlist("clickbait-phrases"), key=len, reverse=True)
    for block in headings(doc):
        text = _normalized(block.text)
        covered: list[tuple[int, int]] = []
        for phrase in phrases:  # longest first, so "you won't believe" hides "won't believe"
            if phrase not in text:
                continue  # most headings hold no phrase: a plain search rules it out before the regex
            for match in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text):
                if any(a < match.end() and match.start() < b for a, b in covered):
                    continue
                covered.append((match.start(), match.end()))
                start, end = block.source_range(match.start(), match.end())
                yield Hit(start, end, f"“{block.text[match.start():match.end()]}” is a clickbait phrase; say what happened")
