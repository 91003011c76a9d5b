"""Sentence segmentation with sentencex (a fast, maintained rule-based segmenter)."""

from __future__ import annotations

import re

import sentencex

from copydesk.document import Sentence

# sentencex splits after honorifics that stand before a name ("Dr. No").
_HONORIFIC_END = re.compile(
    r"(?:^|[\s(\"“‘])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Rev|Fr|Sr|Jr|St|Gov|Sen|Rep|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|Adm|Insp|Supt|Det|No)\.\s*$"
)


def split_sentences(text: str) -> list[Sentence]:
    """Split prose into sentences; offsets are code points into ``text``."""
    spans: list[list[int]] = []
    for boundary in sentencex.get_sentence_boundaries("en", text):
        start, end = boundary["start_index"], boundary["end_index"]
        if spans and _HONORIFIC_END.search(text[spans[-1][0] : spans[-1][1]]):
            spans[-1][1] = end
        else:
            spans.append([start, end])
    sentences = []
    for start, end in spans:
        # Trim surrounding whitespace so a sentence's span is its text alone.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            sentences.append(Sentence(start, end, text[start:end]))
    return sentences
