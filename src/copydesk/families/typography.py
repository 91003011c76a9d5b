"""typography.*: quotes, apostrophes, dashes, spacing and balance."""

from __future__ import annotations

import re
from collections.abc import Iterator

from copydesk.document import Block, Document
from copydesk.finding import Applicability, Edit, Fix, Hit
from copydesk.rules import RuleContext, check

# Each pattern starts with the characters it looks for and checks what stands before them
# with a lookbehind after them: the regex engine then jumps from candidate to candidate
# instead of trying a lookbehind at every position (same matches, several times faster).
_APOSTROPHE = re.compile(r"['’](?<=[^\W\d_].)(?=[^\W\d_])")  # between two letters
_DOUBLE_QUOTE = re.compile(r"[\"“”]")
_OPENING_SINGLE = re.compile(r"['‘](?:(?<=^.)|(?<=[\s(\[{—–].))(?=\w)")  # at the start or after a space, bracket, dash
_EXTRA_SPACES = re.compile(r"[ \u00a0](?<=\S[ \u00a0])[ \u00a0]+(?=\S)")  # two or more between words
_SPACED_HYPHEN = re.compile(r"[ -](?:(?<=\S )-{1,2} (?=\S)|(?<=\w-)-(?=\w))")  # "a - b", "a -- b", "a--b"
_TYPOGRAPHIC = re.compile(r"[“”‘’—–…]")
_SENTENCE_END_BEFORE = re.compile(r"[.?!,:;][\"'’”]?\s+$")
_ENUMERATOR = re.compile(r"(?:^|\s)\(?\w{1,2}$")  # "a)" or "1)" in a list written inline
_SMILEY = re.compile(r"[:;=]-?$")
_BRACKET = re.compile(r"[()\[\]{}]")
BRACKETS = {"(": ")", "[": "]", "{": "}"}
CLOSERS = {v: k for k, v in BRACKETS.items()}
DASHES = {"em-spaced": " — ", "em-closed": "—", "en-spaced": " – "}


def _verbatim(doc: Document, block: Block, start: int, end: int) -> tuple[int, int] | None:
    """The source range of block.text[start:end], if the source says exactly that.

    Placeholders (code, links) and markup that was dropped between two
    characters fail this test, so no finding lands on text the author did not write.
    """
    source_start, source_end = block.source_range(start, end)
    if doc.source[source_start:source_end] == block.text[start:end]:
        return source_start, source_end
    return None


def _prose_blocks(doc: Document) -> list[Block]:
    return [block for block in doc.blocks if block.kind != "byline"]


def _occurrences(doc: Document, pattern: re.Pattern) -> Iterator[tuple[Block, re.Match, tuple[int, int]]]:
    for block in _prose_blocks(doc):
        for match in pattern.finditer(block.text):
            span = _verbatim(doc, block, match.start(), match.end())
            if span:
                yield block, match, span


def _replace(start: int, end: int, replacement: str, title: str,
             applicability: Applicability = Applicability.SAFE) -> tuple[Fix, ...]:
    return (Fix(title, (Edit(start, end, replacement),), applicability),)


def _majority_style(curly: int, straight: int, preferred: str) -> str | None:
    """The style to hold the article to, or None when it is consistent."""
    if preferred in ("curly", "straight"):
        return preferred
    if not curly or not straight:
        return None
    return "straight" if straight > curly else "curly"


@check("typography.mixed-apostrophes")
def mixed_apostrophes(doc: Document, context: RuleContext) -> Iterator[Hit]:
    marks = list(_occurrences(doc, _APOSTROPHE))
    curly = sum(1 for _, match, _ in marks if match.group() == "’")
    straight = len(marks) - curly
    style = _majority_style(curly, straight, context.options["style"])
    if style is None:
        return
    wanted, unwanted = ("’", "'") if style == "curly" else ("'", "’")
    counts = f"{curly} curly, {straight} straight"
    for _, match, (start, end) in marks:
        if match.group() == unwanted:
            kind = "Straight" if unwanted == "'" else "Curly"
            yield Hit(start, end, f"{kind} apostrophe in an article that uses {style} ones ({counts}); use {wanted}", wanted,
                      fixes=_replace(start, end, wanted, f"Use the {style} apostrophe {wanted}"))


def _quote_style(char: str) -> str:
    return "straight" if char in "\"'" else "curly"


@check("typography.mixed-quotes")
def mixed_quotes(doc: Document, context: RuleContext) -> Iterator[Hit]:
    marks = list(_occurrences(doc, _DOUBLE_QUOTE)) + list(_occurrences(doc, _OPENING_SINGLE))
    curly = sum(1 for _, match, _ in marks if _quote_style(match.group()) == "curly")
    straight = len(marks) - curly
    style = _majority_style(curly, straight, context.options["style"])
    if style is None:
        return
    counts = f"{curly} curly, {straight} straight"
    for block, match, (start, end) in sorted(marks, key=lambda m: m[2]):
        char = match.group()
        if _quote_style(char) == style:
            continue
        wanted = _replacement_quote(block.text, match.start(), char, style)
        yield Hit(start, end, f"{_quote_style(char).capitalize()} quotation mark in an article that uses {style} ones ({counts}); use {wanted}", wanted,
                  fixes=_replace(start, end, wanted, f"Use the {style} quotation mark {wanted}"))


def _replacement_quote(text: str, index: int, char: str, style: str) -> str:
    if style == "straight":
        return "'" if char in "‘’" else '"'
    single = char == "'"
    if _is_opening(text, index):
        return "‘" if single else "“"
    return "’" if single else "”"


def _is_opening(text: str, index: int) -> bool:
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


@check("typography.double-space")
def double_space(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for _, match, (start, end) in _occurrences(doc, _EXTRA_SPACES):
        # A no-break space in the run was put there on purpose: keep that one.
        space = "\u00a0" if "\u00a0" in match.group() else " "
        yield Hit(start, end, f"{len(match.group())} spaces between words; use one", space,
                  fixes=_replace(start, end, space, "Use one space"))


@check("typography.hyphen-as-dash")
def hyphen_as_dash(doc: Document, context: RuleContext) -> Iterator[Hit]:
    uses_typography = any(_TYPOGRAPHIC.search(block.text) for block in _prose_blocks(doc))
    if not uses_typography and not context.options["check-ascii-documents"]:
        return
    dash = DASHES[context.options["dash"]]
    for block, match, (start, end) in _occurrences(doc, _SPACED_HYPHEN):
        text = block.text
        before, after = text[match.start() - 1], text[match.end()]
        if before.isdigit() and after.isdigit():
            continue  # "5 - 3": a score or a sum, not a dash
        found = match.group().strip()
        what = "A spaced hyphen" if found == "-" else "A double hyphen"
        # Unsafe: a hyphen between two figures-with-units ("Rs 5 - Rs 10") is a range, which takes an en dash.
        yield Hit(start, end, f"{what} used as a dash; use {dash.strip()!s}", dash,
                  fixes=_replace(start, end, dash, f"Use a dash: {dash.strip()}", Applicability.UNSAFE))


def _following_block_opens_quote(doc: Document, block: Block) -> bool:
    blocks = doc.blocks
    index = blocks.index(block)
    following = blocks[index + 1].text.lstrip() if index + 1 < len(blocks) else ""
    return following.startswith(('"', "“"))


def _unbalanced_quote(text: str) -> int | None:
    """Index of a double quotation mark without a partner, or None.

    A quotation that runs over several paragraphs reopens each one without
    closing the last; merged paragraphs show that as a new opening quote
    after a sentence's end, which is not an error either.
    """
    open_at = None
    for match in _DOUBLE_QUOTE.finditer(text):
        index, char = match.start(), match.group()
        opening = char == "“" or (char == '"' and _is_opening(text, index))
        if opening:
            if open_at is not None and not _SENTENCE_END_BEFORE.search(text, 0, index):
                return open_at
            open_at = index
        else:
            if open_at is None:
                return index
            open_at = None
    return -1 - open_at if open_at is not None else None


@check("typography.unbalanced-quotes")
def unbalanced_quotes(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for block in _prose_blocks(doc):
        index = _unbalanced_quote(block.text)
        if index is None:
            continue
        if index < 0:  # still open at the end of the paragraph
            index = -1 - index
            if _following_block_opens_quote(doc, block):
                continue
            message = "Quotation mark opened but not closed in this paragraph"
        else:
            message = "Quotation mark closed but never opened in this paragraph"
        span = _verbatim(doc, block, index, index + 1)
        if span:
            yield Hit(*span, message)


def _unbalanced_bracket(text: str) -> tuple[int, str] | None:
    stack: list[int] = []
    for bracket in _BRACKET.finditer(text):  # only the brackets: most paragraphs have none
        index, char = bracket.start(), bracket.group()
        if char in BRACKETS:
            stack.append(index)
        elif char in CLOSERS:
            if stack and text[stack[-1]] == CLOSERS[char]:
                stack.pop()
            elif _ENUMERATOR.search(text, 0, index) or _SMILEY.search(text, 0, index):
                continue
            else:
                return index, f"Closing {char} without a matching {CLOSERS[char]}"
    if stack:
        index = stack[-1]
        return index, f"{text[index]} opened but not closed in this paragraph"
    return None


@check("typography.unbalanced-brackets")
def unbalanced_brackets(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for block in _prose_blocks(doc):
        found = _unbalanced_bracket(block.text)
        if found:
            index, message = found
            span = _verbatim(doc, block, index, index + 1)
            if span:
                yield Hit(*span, message)
