"""Plain-text articles: the first non-empty line is the headline, paragraphs
split at blank lines, and a short stand-alone line is a subhead.

Bylines, author boxes, captions and datelines look like subheads (short lines
without a full stop); the heuristics below keep them out.
"""

from __future__ import annotations

import re

from copydesk.document import Block, Document, ProseBuilder
from copydesk.parse import _DIRECTIVE, parse_directives

SUBHEAD_MAX_CHARS = 120
SUBHEAD_MAX_WORDS = 16
_CLOSING_PUNCTUATION = re.compile(r"[.!?:;,…][\"'”’)\]]*$")
_BYLINE = re.compile(r"^(by|written by|words by|reporting by|posted by|author:)\s", re.IGNORECASE)
_CAPTION = re.compile(
    r"^(image|photo|picture|photograph|caption|credit|source|video|watch|read more|related|see also)\b",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^(updated|published|posted|last updated)?\s*[:\-–]?\s*"
    r"(\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,4}(,?\s+\d{4})?",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^[A-Z][a-zA-Z'’\-.]*$")


def _lines(source: str):
    """Yield (start, end) of each line's content, without its line ending."""
    position = 0
    length = len(source)
    while position <= length:
        newline = source.find("\n", position)
        end = length if newline == -1 else newline
        content_end = end - 1 if end > position and source[end - 1] == "\r" else end
        yield position, content_end
        if newline == -1:
            break
        position = newline + 1


def _paragraphs(source: str, doc: Document) -> list[list[tuple[int, int]]]:
    """Group non-blank lines into paragraphs; directive lines separate them too."""
    paragraphs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for line_number, (start, end) in enumerate(_lines(source), start=1):
        line = source[start:end]
        stripped = line.strip()
        if stripped.startswith("<!--") and _DIRECTIVE.search(line):
            doc.directives.extend(parse_directives(line, line_number))
            stripped = ""
        if stripped:
            current.append((start, end))
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def _block(source: str, lines: list[tuple[int, int]], kind: str) -> Block:
    builder = ProseBuilder()
    for index, (start, end) in enumerate(lines):
        # Leading and trailing blanks of each line are layout, not prose.
        while start < end and source[start] in " \t\u00a0\ufeff":
            start += 1
        while end > start and source[end - 1] in " \t\u00a0":
            end -= 1
        if index:
            builder.add_synthetic("\n", lines[index - 1][1], lines[index - 1][1] + 1)
        builder.add_source(source, start, end)
    text, starts, ends = builder.build()
    return Block(kind, text, starts, ends)


def _looks_like_name(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 4 and all(_NAME_WORD.match(word) for word in words)


def _standalone_kind(line: str, next_text: str, is_last: bool) -> str:
    """Classify a short line standing alone: subhead, byline or paragraph."""
    if _BYLINE.match(line) or _DATELINE.match(line) and len(line.split()) <= 6:
        return "byline"
    if _CAPTION.match(line):
        return "paragraph"
    if _looks_like_name(line) and (is_last or line in next_text):
        return "byline"  # an author box: the name, then "My name is ..."
    if is_last:
        return "paragraph"  # a subhead introduces body text; nothing follows this
    return "subhead"


def _is_standalone_short_line(line: str) -> bool:
    return (
        re.match(r"[\"'“‘(]?[A-Z]", line) is not None  # a fragment of a sentence starts in lower case
        and len(line) <= SUBHEAD_MAX_CHARS
        and len(line.split()) <= SUBHEAD_MAX_WORDS
        and not _CLOSING_PUNCTUATION.search(line)
    )


def parse_text(source: str, path: str) -> Document:
    doc = Document(path=path, source=source, format="text")
    paragraphs = _paragraphs(source, doc)
    if not paragraphs:
        return doc
    # The headline is the first non-empty line; the rest of its paragraph is body.
    first = paragraphs[0]
    doc.blocks.append(_block(source, first[:1], "headline"))
    if first[1:]:
        doc.blocks.append(_block(source, first[1:], "paragraph"))
    rest = paragraphs[1:]
    short = [len(lines) == 1 and _is_standalone_short_line(source[lines[0][0]:lines[0][1]].strip()) for lines in rest]
    for index, lines in enumerate(rest):
        kind = "paragraph"
        if short[index]:
            line = source[lines[0][0] : lines[0][1]].strip()
            is_last = index == len(rest) - 1
            next_text = "" if is_last else source[rest[index + 1][0][0] : rest[index + 1][-1][1]]
            kind = _standalone_kind(line, next_text, is_last)
            in_a_list = (index > 0 and short[index - 1]) or (not is_last and short[index + 1])
            if kind == "subhead" and in_a_list:
                kind = "paragraph"  # a run of short lines is a list or a table, not subheads
        doc.blocks.append(_block(source, lines, kind))
    return doc
