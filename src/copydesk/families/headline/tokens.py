"""A headline's words, with what a case style needs to know about each:
where phrases start and end (colons, dashes, sentence breaks), the parts of
hyphenated compounds, quotations, and tokens that are no words at all
(URLs, domains, e-mail addresses, hashtags, handles).

One pass over the headline's whitespace-separated tokens; every split is on
single characters, so the time is linear in the headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from copydesk.families.headline.tables import ABBREVIATIONS

_TOKEN = re.compile(r"\S+")
OPENING_QUOTES = "\"“‘'«"
CLOSING_QUOTES = "\"”’'»"
_LEADING = OPENING_QUOTES + "([{*_¿¡"
_TRAILING = CLOSING_QUOTES + ")]}*_,;:.!?…"
_DASHES = ("—", "–")
_STANDALONE_BREAKS = ("-", "—", "–", "|", "--")
# A list number or letter opening a heading: "2.", "(3)", "a)", "IV.", "Q2:", "A:".
_ENUMERATOR = re.compile(r"\(?(?:\d{1,3}|[A-Za-z]|[IVXivx]{2,5}|Q\d{1,3})[.):]|\((?:\d{1,3}|[A-Za-z])\)")


@dataclass(frozen=True)
class Word:
    start: int  # offsets into the headline text
    end: int
    text: str
    first: bool = False  # first word of the headline or of a new phrase
    after: str = "start"  # what began the phrase: start, colon, dash, sentence, question, soft
    last: bool = False  # last word of the headline or of a phrase a title-ending mark closes
    part: int = 0  # position in a hyphenated compound
    previous_part: str = ""  # the compound's part before this one
    last_part: bool = True
    quoted: bool = False  # inside quotation marks
    opens_quote: bool = False  # the first word inside quotation marks
    address: bool = False  # a URL, domain, e-mail address, hashtag or handle: keeps its own case
    opens_bracket: bool = False  # the first word inside brackets


def _is_abbreviation(core: str) -> bool:
    """U.S., D.C., i.e., Mr, St, v: a full stop after these ends no sentence."""
    bare = core.rstrip(".")
    if "." in bare or len(bare) == 1:
        return True
    return bare.lower() in ABBREVIATIONS


def is_address(piece: str) -> bool:
    """URLs, domains, e-mail addresses, hashtags and handles keep their own case."""
    if "." not in piece and "@" not in piece and "#" not in piece and ":" not in piece:
        return False  # the common case: every test below needs one of these
    if piece.startswith(("#", "@")) and len(piece) > 1:
        return True
    if "://" in piece or piece.lower().startswith("www.") or "@" in piece:
        return True
    core = piece.rstrip(".")
    if "." not in core:
        return False
    segments = core.split(".")
    # "example.com", "del.icio.us", "analytics.usa.gov"; not "U.S" or "i.e" (single letters).
    return all(segments) and any(len(s) > 1 for s in segments) and segments[-1][:1].isalpha() \
        and not core.replace(".", "").isupper()


def _break_after(raw: str, core: str) -> tuple[str, bool]:
    """How the token ends a phrase: (kind, inside a closing quotation mark)."""
    if raw[-1:].isalnum():
        return "", False  # most tokens: no mark after the word
    trimmed = raw.rstrip(CLOSING_QUOTES + ")]}*_")
    inside_quote = len(trimmed) < len(raw.rstrip(")]}*_"))
    if trimmed.endswith(("...", "…")):
        return "soft", inside_quote
    if trimmed.endswith(":"):
        return "colon", inside_quote
    if trimmed.endswith(";"):
        return "soft", inside_quote
    if trimmed.endswith(("?", "!")):
        return "question", inside_quote
    if trimmed.endswith(_DASHES):
        return "dash", inside_quote
    if trimmed.endswith(".") and (not _is_abbreviation(core) or trimmed[-2:-1] in CLOSING_QUOTES or inside_quote):
        return "sentence", inside_quote
    return "", inside_quote


def _without_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _cut_brackets(core: str) -> str:
    """"Hair[cut]", "Colo(u)r", "test(s)": the bracketed letters are no word of their own."""
    for bracket in "([":
        position = core.find(bracket)
        if position > 0:
            core = core[:position]
    return core


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.words: list[Word] = []
        self.phrase_start = "start"  # how the next word's phrase began, or "" mid-phrase
        self.quote_open = ""
        self.closes: list[int] = []  # indexes of words that end a phrase

    def read(self) -> list[Word]:
        previous_end = 0
        for token in _TOKEN.finditer(self.text):
            if "\n" in self.text[previous_end:token.start()] and self.words:
                self._close_phrase("line")  # a line break inside a headline starts a new line of title
            self.token(token.group(), token.start())
            previous_end = token.end()
        self._mark_last()
        return self.words

    def token(self, raw: str, offset: int) -> None:
        if not self.words and self.phrase_start == "start" and _ENUMERATOR.fullmatch(raw):
            return  # "2. What components did you use?": a list number; the heading starts after it
        if raw in _STANDALONE_BREAKS:
            self._close_phrase("dash")
            return
        if raw.isalnum():
            self._piece(raw, offset, False)  # most tokens: a plain word, with no mark to trim, split or read
            return
        lead = len(raw) - len(raw.lstrip(_LEADING))
        body = raw[lead:].rstrip(_TRAILING)
        core = _without_possessive(body)
        opening_word = False
        if raw[:1] in OPENING_QUOTES and len(raw) > 1 and not raw[1:2].isdigit() and not self.quote_open:
            self.quote_open = raw[0]
            opening_word = True
        first_word = len(self.words)
        if core:
            self._pieces(core, offset + lead, opening_word)
        if raw[:1] in "([" and len(self.words) > first_word:
            self.words[first_word] = replace(self.words[first_word], opens_bracket=True)
        kind, inside_quote = _break_after(raw, core)
        if self._closes_quote(raw, opening_word):
            self.quote_open = ""
        if kind:
            self._close_phrase(kind, inside_quote)

    def _closes_quote(self, raw: str, opening_word: bool) -> bool:
        stripped = raw.rstrip(")]}*_,;:.!?…")
        if not self.quote_open or not stripped or stripped[-1] not in CLOSING_QUOTES \
                or (opening_word and len(stripped) == 1):
            return False  # (a token of marks only, "...", closes nothing)
        if stripped[-1] in "’'" and self.quote_open not in "‘'":
            return False  # an apostrophe (players’) inside a double quotation
        return True

    def _pieces(self, core: str, offset: int, opening_word: bool) -> None:
        """A token's words: split at dashes (new phrase), slashes and hyphens."""
        if is_address(core):
            self._address(core, offset)
            return
        position = 0
        for segment in re.split("([—–])", core) if "—" in core or "–" in core else (core,):
            if segment in _DASHES:
                self._close_phrase("dash")
                position += 1
                continue
            within = 0
            for piece in segment.split("/"):
                self._piece(piece, offset + position + within, opening_word and position + within == 0)
                within += len(piece) + 1
            position += len(segment)

    def _piece(self, piece: str, offset: int, opening_word: bool) -> None:
        if not piece:
            return
        if is_address(piece):
            self._address(piece, offset)
            return
        piece = _cut_brackets(piece)
        parts = piece.split("-")
        position = 0
        previous = ""
        for number, part in enumerate(parts):
            if part:
                self.words.append(Word(
                    offset + position, offset + position + len(part), part,
                    first=bool(self.phrase_start) and number == 0, after=self.phrase_start or "",
                    part=number, previous_part=previous, last_part=number == len(parts) - 1,
                    quoted=bool(self.quote_open), opens_quote=opening_word and number == 0,
                ))
                if number == 0:
                    self.phrase_start = ""
            previous = part
            position += len(part) + 1

    def _address(self, piece: str, offset: int) -> None:
        self.words.append(Word(offset, offset + len(piece), piece, first=bool(self.phrase_start),
                               after=self.phrase_start, quoted=bool(self.quote_open), address=True))
        self.phrase_start = ""

    def _close_phrase(self, kind: str, inside_quote: bool = False) -> None:
        if self.words:
            self.closes.append(len(self.words) - 1)
        # In a quotation, "?" may end the quoted words only ("asks “why?” then ...").
        self.phrase_start = "soft" if inside_quote and kind == "question" else kind
        if kind == "soft" and self.words:
            self.closes.pop()  # a semicolon or an ellipsis ends no title

    def _mark_last(self) -> None:
        """The last word of the headline, and the last before a title-ending mark."""
        ends = set(self.closes)
        if self.words:
            ends.add(len(self.words) - 1)
        for index in ends:
            word = self.words[index]
            self.words[index] = replace(word, last=True)


def words(text: str) -> list[Word]:
    """The headline's words, punctuation trimmed; hyphenated parts are words of their own."""
    return _Reader(text).read()
