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

``quotations`` finds the parts of a block inside quotation marks (direct
speech), tracked across the block so a quotation that runs over several
sentences is known in each of them.
"""

from __future__ import annotations

import re

from copydesk.document import Sentence

# A candidate end: terminal marks, closers attached to them, then white space.
# The next word (after any opening quotes or brackets) is captured in a lookahead, so
# candidates never overlap and the scan stays linear.
# (A plain character class first lets the regex engine skip ahead fast.)
# A run of marks is read once: never from inside it, and never given back.
_CANDIDATE = re.compile(r"[.!?…](?<![.!?…].)[.!?…]*+[\"'”’»)\]]*+(?=\s+()[\"'“‘«(\[]*(\S*))")
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
# (Its first element a plain character class, for speed; the white space before is checked after it.)
_RUN_IN_ITEM = re.compile(r"[\d•⁃](?<=\s.)(?:(?<=\d)\d?\.?\)|(?<=[•⁃])\s?\d{1,2}\.|(?<=[•⁃])|(?<=⁃)\d{1,2}\.)(?= [A-Z])")
_QUOTE_MARK = re.compile(r"[\"“”]")


def split_sentences(text: str) -> list[Sentence]:
    """Split prose into sentences; offsets are code points into ``text``."""
    bounds = _sentence_bounds(text)
    runs = _list_item_starts(text)
    if runs:
        bounds = sorted(set(bounds) | {(start, start) for start in runs})
    sentences = []
    start = len(text) - len(text.lstrip())
    for end, next_start in bounds + [(len(text.rstrip()), len(text))]:
        last = end
        while last > start and text[last - 1].isspace():
            last -= 1  # a run-in list item starts after a space
        if last > start:
            sentences.append(Sentence(start, last, text))
        start = next_start
    return sentences


def _list_item_starts(text: str) -> list[int]:
    """Run-in list items: "1) The first item 2) The second item", "• 9. The first item"."""
    if ")" not in text and "•" not in text and "⁃" not in text:
        return []  # the common case, checked cheaply
    return [marker.start() for marker in _RUN_IN_ITEM.finditer(text)]


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(end of a sentence, start of the next) for each sentence end."""
    bounds: list[tuple[int, int]] = []
    content_start = len(text) - len(text.lstrip(_OPENERS + " \t\n"))
    rfind = text.rfind
    for candidate in _CANDIDATE.finditer(text):
        marks_start = candidate.start()
        next_word = candidate.group(2)
        token_start = rfind(" ", 0, marks_start) + 1
        if token_start < content_start:
            token_start = content_start
        word = text[token_start:marks_start].lstrip(_OPENERS)
        # The common case first: a plain word, a full stop and a capital ("drinking. The").
        if (next_word[:1].isupper() and candidate.group() == "." and len(word) > 2 and word.islower()
                and word.isalpha() and word not in _BEFORE_A_NAME):
            end = True
        else:
            end = _is_end(candidate.group(), word, next_word.rstrip(",;:.!?\"'”’)"),
                          token_start <= content_start, text[max(0, marks_start - 6):marks_start])
        if end and _list_marker(text, token_start, word, candidate.group()):
            end = False  # "2.) The second item", "• 10. The second item"
        if end:
            bounds.append((candidate.end(), candidate.start(1)))
            content_start = candidate.start(2)
    return bounds


def _list_marker(text: str, token_start: int, word: str, marks: str) -> bool:
    """A list item's number: one or two digits closed by a bracket, or after a bullet."""
    bare = word.lstrip("•⁃")
    if not (bare.isdigit() and len(bare) <= 2):
        return False
    return marks.endswith(")") or bare != word or text[max(0, token_start - 2):token_start].strip() in ("•", "⁃")


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


def quotations(text: str) -> list[tuple[int, int]]:
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
