"""figures.unsourced-superlative: "the largest in the world" with no one saying so."""

from __future__ import annotations

from collections.abc import Iterator
import re

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check
from copydesk.families.figures.common import sentences
from copydesk.numbers import folds_like_ascii


SUPERLATIVE = re.compile(
    r"\b(?:the\s+)(?:(?:world's|country's|nation's|city's)\s+)?(?:(?:largest|biggest|highest|lowest|fastest|oldest|youngest|"
    r"smallest|richest|poorest|longest|tallest|best-selling|most\s+\w+|least\s+\w+)|first\s+ever|first)\b"
    r"(?:[^.;]{0,60}?\b(?:in|of)\s+(?:the\s+)?(?:world|country|nation|history|china|europe|britain|america|us|uk)\b|\s+ever\b)",
    re.IGNORECASE)


# Every superlative SUPERLATIVE matches holds one of these (largest ... best-selling all end in
# "est"); a sentence without any is passed over. (Where case-insensitive matching has equivalents
# lower() does not give, SUPERLATIVE runs: see numbers.folds_like_ascii.)
_SUPERLATIVE_PARTS = ("est", "most", "least", "first")


def _may_claim(text: str) -> bool:
    if not folds_like_ascii(text):
        return True
    lowered = text.lower()
    return any(part in lowered for part in _SUPERLATIVE_PARTS)


@check("figures.unsourced-superlative")
def unsourced_superlative(doc: Document, context: RuleContext) -> Iterator[Hit]:
    blocks: dict[int, bool] = {}  # whether each block may hold one: one test a block, not one a sentence
    for sentence in sentences(doc, headings=False):
        block = id(sentence.block)
        if block not in blocks:
            blocks[block] = _may_claim(sentence.block.text)
        found = list(SUPERLATIVE.finditer(sentence.text)) if blocks[block] and _may_claim(sentence.text) else []
        if not found or sentence.reading.attributed:  # the sentence's words only when it makes a claim
            continue
        for match in found:
            yield sentence.hit(match.start(), match.end(),
                               f"“{match.group()}” is a claim a fact-checker must source; say who says so")
