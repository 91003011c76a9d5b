"""Whose words these are. A copy editor restyles the publication's own prose, not a quotation, not a
contributor's first-person letter or comment, and not a passage in another language; style rules
(numeral-style, date-style) ask here before they speak. Each block is read once, in one pass."""

from __future__ import annotations

import re
from bisect import bisect_right

from copydesk.document import Block, Document

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_OPENING, _CLOSING, _STRAIGHT = "“", "”", '"'
_FIRST_PERSON = {"i", "my", "me", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll", "myself", "mine"}
_ENGLISH = {"the", "and", "of", "to", "a", "in", "is", "that", "for", "it", "on", "was", "with", "as", "are", "be",
            "this", "by", "at", "we", "our", "you", "they", "have", "from", "or", "an", "will", "has", "not"}


_QUOTE_MARK = re.compile('[“”"]')


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """The spans inside quotation marks (curly pairs, or straight marks taken in turn), in order.
    Only the marks are visited, so a block costs one scan for them."""
    spans, depth, straight_open, opened = [], 0, -1, -1
    for mark in _QUOTE_MARK.finditer(text):
        position, character = mark.start(), mark.group()
        if character == _STRAIGHT:
            if straight_open < 0:
                straight_open = position
            else:
                spans.append((straight_open + 1, position))
                straight_open = -1
        elif character == _OPENING:
            depth += 1
            opened = position if depth == 1 else opened
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((opened + 1, position))
    if straight_open >= 0:
        spans.append((straight_open + 1, len(text)))
    if depth:
        spans.append((opened + 1, len(text)))
    return sorted(spans)


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    index = bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


class BlockVoice:
    def __init__(self, block: Block, contributors: bool = False):
        self.quoted = _quoted_spans(block.text)
        words = [(m.start(), m.group().lower()) for m in _WORD.finditer(block.text)]
        self.first_person = any(word in _FIRST_PERSON and not _inside(self.quoted, start) for start, word in words)
        self.contributors = contributors  # the article carries readers' or contributors' own words
        self.english = len(words) < 12 or sum(word in _ENGLISH for _, word in words) / len(words) >= 0.08
        self.block_quote = block.container == "quote"

    def editable(self, offset: int) -> bool:
        """Whether the editor's house style applies at this offset of the block."""
        if self.block_quote or (self.first_person and self.contributors) or not self.english:
            return False
        return not _inside(self.quoted, offset)


def voice(doc: Document, block: Block) -> BlockVoice:
    voices = doc.cache.get("figures-voices")
    if voices is None:
        voices = doc.cache["figures-voices"] = _voices(doc)
    return voices.get(id(block)) or BlockVoice(block)


def _voices(doc: Document) -> dict[int, BlockVoice]:
    """Every prose block's voice. An article told in the third person that carries two or more
    paragraphs in the first person singular carries contributions (letters, comments, answers): those
    are their writers' words. A first-person article (a blog, a column) is its author's own."""
    blocks = [b for b in doc.blocks if b.kind in ("paragraph", "table-cell")]
    voices = {id(b): BlockVoice(b) for b in blocks}
    paragraphs = [voices[id(b)] for b in blocks if b.kind == "paragraph" and b.container != "quote"]
    own_voice_first_person = any(v.first_person for v in paragraphs[:2])
    contributions = sum(v.first_person for v in paragraphs[2:]) >= 2
    if contributions and not own_voice_first_person:
        for v in voices.values():
            v.contributors = True
    return voices
