"""Sentence segmentation as an editor reads it.

One linear scan over the candidate ends (. ? ! … with any closing quotes or
brackets attached, then white space); each candidate is judged by the word
before it and the word after it:

- a lower-case next word never starts a sentence ("a.m. and", "'Great.' she said");
- a quotation mark or bracket attached to the end belongs to the sentence it
  closes (`obscured." Mr Law` ends after the quote), one standing before a word
  opens the next (`drinking. "But` ends before it), so a quotation of several
  sentences is split like any other text;
- titles before a name (Mr., Dr., St.), initials (J. K. Rowling), "No." and
  "Jan." before a figure and dotted acronyms before a name (U.S. Government) do
  not end a sentence; "May." is a month, not an abbreviation, and ends one.

Each sentence also records the parts of it that are inside quotation marks
(direct speech), tracked across the block so a quotation that runs over
several sentences is known in each of them.
"""

from __future__ import annotations

import re

from copydesk.document import Sentence

# A candidate end: terminal marks, closers attached to them, then white space.
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_OPENERS = "\"'“‘«([["
# Abbreviations that stand before a name: never the end of a sentence.
_BEFORE_A_NAME = frozenset(
    "mr mrs ms mx dr prof rev revd fr st mt ft gov sen rep gen lt col maj capt cmdr sgt cpl adm insp supt det "
    "hon pres messrs mme mlle sr jr vs v".split())
# Abbreviations that stand before a figure: "No. 10", "p. 55", "Jan. 5".
_BEFORE_A_FIGURE = frozenset(
    "no nos n° p pp fig figs vol vols ch art para sec op jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Words that start sentences far more often than they continue a name: after
# "U.S." or an initial ("you and I."), one of these means a new sentence.
_SENTENCE_STARTERS = frozenset(
    "the a an he she it they we i you but and or so this that these those there his her its their our my how "
    "what when where why who which in on at after before if as for did does do is was are were will would can "
    "could should then now yet meanwhile however also some many most one it's he's she's they're we're i'm "
    "today yesterday tomorrow last next".split())
_LOWER_CASE_ABBREVIATIONS = frozenset(
    "etc approx incl excl est esp cf al ca min max dept govt corp inc ltd bros assn univ misc ref nos "
    "figs vols approx mins hrs yrs mph kph lbs".split())
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")  # U.S, a.m, E (before the final period)
_FIGURE = re.compile(r"\d{1,3}")
# A run-in list marker with no full stop before it: "2)", "2.)", "• 10.", "⁃10.".
_RUN_IN_ITEM = re.compile(r"(?<=\s)(?:\d{1,2}\.?\)|[•⁃]\s?\d{1,2}\.|[•⁃])(?= [A-Z])|(?<=\s)⁃(?=\d{1,2}\. [A-Z])")
_QUOTE_MARK = re.compile(r"[\"“”]")


def split_sentences(text: str) -> list[Sentence]:
    """Split prose into sentences; offsets are code points into ``text``."""
    ends = sorted(set(_sentence_ends(text)) | set(_list_item_starts(text)))
    quoted = _quoted_spans(text)
    sentences = []
    start = 0
    for end in ends + [len(text)]:
        first, last = _trimmed(text, start, end)
        if last > first:
            inside = tuple((max(a, first), min(b, last)) for a, b in quoted if a < last and b > first)
            sentences.append(Sentence(first, last, text[first:last], inside))
        start = end
    return sentences


def _list_item_starts(text: str) -> list[int]:
    """Run-in list items: "1) The first item 2) The second item", "• 9. The first item"."""
    if ")" not in text and "•" not in text and "⁃" not in text:
        return []  # the common case, checked cheaply
    return [marker.start() for marker in _RUN_IN_ITEM.finditer(text) if marker.start() > 0]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_ends(text: str) -> list[int]:
    ends: list[int] = []
    sentence_start = 0
    for candidate in _CANDIDATE.finditer(text):
        after = candidate.end()
        next_start = after
        while next_start < len(text) and text[next_start].isspace():
            next_start += 1
        if next_start >= len(text):
            break
        token_start = text.rfind(" ", sentence_start, candidate.start()) + 1
        token_start = max(token_start, sentence_start)
        while token_start < candidate.start() and text[token_start] in _OPENERS:
            token_start += 1
        word = text[token_start:candidate.start()]
        next_word = _next_word(text, next_start)
        first_token = not text[sentence_start:token_start].strip(_OPENERS + " \t\n")
        text_before = text[max(0, candidate.start() - 6):candidate.start()]
        if _is_end(candidate.group(), word, next_word, first_token, text_before):
            ends.append(after)
            sentence_start = after
    return ends


def _next_word(text: str, start: int) -> str:
    """The next word with any opening quotes or brackets taken off."""
    while start < len(text) and text[start] in _OPENERS:
        start += 1
    end = start
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end].rstrip(",;:.!?\"'”’)")


def _is_end(marks: str, word: str, next_word: str, first_token: bool, text_before: str = "") -> bool:
    if not next_word:
        return not marks.startswith(".") or len(marks) > 1  # ". . ." spaced ellipsis: not yet an end
    initial = next_word[0]
    if initial.islower():
        # "a.m. and", "etc. and", "'Great.' she said", "Yahoo! in": the sentence goes on;
        # after a plain word ("here. word") a lower-case start is still a new sentence.
        plain = marks == "." and "." not in word and len(word) > 2
        return plain and word.lower() not in _LOWER_CASE_ABBREVIATIONS and word.isalpha()
    if first_token and (_FIGURE.fullmatch(word) or (len(word) == 1 and word.isalpha())):
        return False  # a list marker: "1. The first item", "1.) The first item"
    if not word and marks == "." and not text_before.endswith(". . . "):
        return False  # a spaced ellipsis ". . ." goes on; its fourth dot ends the sentence
    if not word and marks.startswith("..."):
        return False  # an ellipsis standing for words left out: "[...]"
    if marks != ".":  # ? ! … or a period with a quote or bracket closing after it
        return True
    lowered = word.lower()
    if lowered in _BEFORE_A_NAME:
        return False
    if lowered in _BEFORE_A_FIGURE and initial.isdigit():
        return False
    if _INITIALS.fullmatch(word) and word.upper() == word or "." in word and _INITIALS.fullmatch(word):
        # J. K. Rowling, U.S. Government: a name goes on; "the U.S. How about you?" ends.
        return next_word.lower() in _SENTENCE_STARTERS
    return True


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside double quotation marks ("…" or “…”), each quote mark read
    by its place: before a word it opens, after one it closes."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _QUOTE_MARK.finditer(text):
        index, char = mark.start(), mark.group()
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        opening = char == "“" or (char == '"' and (before.isspace() or before in "([{—–-/") and not after.isspace())
        if opening:
            if opened is None:
                opened = index
        elif opened is not None:
            spans.append((opened, index + 1))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


def is_a_list(text: str, words: int) -> bool:
    """A line-up, a results table or a run of names in sentence form ("Wales: G Thomas;
    H Luscombe, T Shanklin, ..."): items parted by commas or semicolons, one every
    few words. Such a run is not a sentence to split, and its names are not prose."""
    separators = text.count(",") + text.count(";")
    return separators >= 5 and separators * 4 >= words
