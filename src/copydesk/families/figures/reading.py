"""One reading of each sentence, shared by every figures rule: tokens that rules match.

A sentence becomes a row of tokens: quantities (read by copydesk.numbers, with value, unit, scale,
noun and hedge), words (lower case) and punctuation. The readers underneath run in time linear in
the sentence, and this layer walks their output once, so no rule re-reads digits.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from typing import NamedTuple

from copydesk.dates import DateMention, read_dates
from copydesk.numbers import Quantity, read_quantities
from copydesk.families.figures.lexicon import ATTRIBUTION_PAIRS, ATTRIBUTION_WORDS, HEDGES

_WORD_OR_MARK = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*|\d+|[^\sA-Za-z\d]")
_SCALE_WORDS = {"scale", "likert"}
_LONGEST_HEDGE = max(len(h.split()) for h in HEDGES)


class Token(NamedTuple):
    """(A named tuple: every sentence read has dozens, and a tuple is made several times faster
    than a frozen dataclass.)"""

    start: int
    end: int
    text: str
    word: str = ""  # lower case for words and marks; empty for a quantity
    quantity: Quantity | None = None

    @property
    def is_quantity(self) -> bool:
        return self.quantity is not None


_CLAUSE_ENDS = (";", ":")  # dashes often set off an aside, not a new clause: "rose 9% – to 14,800"
_WINDOW = 20  # how far (in tokens) a change looks for its relation words: room for "(£600m; 151m euros)"


_UNREAD = object()  # a reading not made yet (None is a reading: no rating scale)


class Reading:
    """A sentence's reading, built as rules ask: its dates and figures first (most sentences need no
    more), its tokens when a rule matches relations.

    (Slots, each reading kept in its own: a 10 MB article holds a reading for each of its ~100,000
    sentences at once, and an instance dictionary, or an empty ``cache`` for each, would cost more
    than the readings most of them hold.)"""

    __slots__ = ("text", "_dates", "_figures", "_tokens", "_bounds", "_index_of", "_scale", "_cache")

    def __init__(self, text: str) -> None:
        self.text = text
        self._dates = self._figures = self._tokens = self._bounds = self._index_of = self._cache = None
        self._scale = _UNREAD

    @property
    def cache(self) -> dict:
        """Relations read from the sentence (changes, years, positions of words), once each."""
        if self._cache is None:
            self._cache = {}
        return self._cache

    @property
    def dates(self) -> tuple[DateMention, ...]:
        if self._dates is None:
            self._dates = read_dates(self.text)
        return self._dates

    @property
    def figures(self) -> tuple[Quantity, ...]:
        """The quantities, less the days and years inside dates ("from 3 August to 24 December")."""
        if self._figures is None:
            quantities, dates = read_quantities(self.text), self.dates
            if dates and quantities:
                in_dates = {position for date in dates for position in range(date.start, date.end)}
                quantities = tuple(q for q in quantities if q.start not in in_dates)
            self._figures = quantities
        return self._figures

    @property
    def tokens(self) -> tuple[Token, ...]:
        if self._tokens is None:
            self._tokens = self._read_tokens()
        return self._tokens

    def _read_tokens(self) -> tuple[Token, ...]:
        tokens: list[Token] = []
        append, make, intern = tokens.append, tuple.__new__, sys.intern  # bound once: a sentence has dozens
        upcoming = iter(self.figures)
        current = next(upcoming, None)
        for match in _WORD_OR_MARK.finditer(self.text):
            start, end = match.span()
            while current is not None and current.end <= start:
                current = next(upcoming, None)
            if current is not None and current.start <= start < current.end:
                if not tokens or tokens[-1].quantity is not current:
                    append(make(Token, (current.start, current.end, current.text, "", current)))
                continue
            # One string object per distinct word, not one per use: a long article repeats its words.
            text = intern(match.group())
            word = text if text.islower() or not text.isalpha() else intern(text.lower())
            append(make(Token, (start, end, text, word, None)))
        return tuple(tokens)

    @property
    def _clause_bounds(self) -> tuple[list[int], list[int]]:
        """For each token, where its clause starts and ends: computed once, in one pass each way."""
        if self._bounds is None:
            self._bounds = self._read_clause_bounds()
        return self._bounds

    def _read_clause_bounds(self) -> tuple[list[int], list[int]]:
        count = len(self.tokens)
        starts, ends = [0] * count, [count] * count
        breaks, depth = [False] * count, 0
        for index, token in enumerate(self.tokens):  # "(£104m; 151m euros)": no clause ends in brackets
            depth = depth + 1 if token.word == "(" else max(depth - 1, 0) if token.word == ")" else depth
            breaks[index] = token.word in _CLAUSE_ENDS and depth == 0
        start = 0
        for index in range(count):
            if breaks[index]:
                start = index + 1
            starts[index] = start
        end = count
        for index in range(count - 1, -1, -1):
            ends[index] = end
            if breaks[index]:
                end = index
        return starts, ends

    @property
    def index_of(self) -> dict[int, int]:
        """The token index of each quantity, by its start offset."""
        if self._index_of is None:
            self._index_of = {t.start: i for i, t in enumerate(self.tokens) if t.quantity is not None}
        return self._index_of

    def positions(self, word: str) -> list[int]:
        """Where ``word`` occurs, for looking up "from", "to", "of" near a token without scanning.
        Kept per word asked (a handful of relation words), not for every word of every sentence."""
        where = self.cache.setdefault("positions", {})
        if word not in where:
            where[word] = [index for index, token in enumerate(self.tokens) if token.word == word]
        return where[word]

    def near(self, word: str, index: int, start: int, end: int) -> list[int]:
        """Positions of ``word`` in [start, end), nearest ``index`` first, at most a window's worth."""
        positions = self.positions(word)
        middle = bisect_left(positions, index)
        found = [p for p in positions[max(middle - 3, 0):middle + 3] if start <= p < end and abs(p - index) <= _WINDOW]
        return sorted(found, key=lambda p: abs(p - index))

    @property
    def quantities(self) -> tuple[Quantity, ...]:
        return self.figures

    @property
    def has_figures(self) -> bool:
        return bool(self.figures) or bool(self.dates)

    @property
    def attributed(self) -> bool:
        words = [t.word for t in self.tokens]
        return not ATTRIBUTION_WORDS.isdisjoint(words) or "http" in self.text \
            or any(pair in ATTRIBUTION_PAIRS for pair in zip(words, words[1:]))

    @property
    def rating_scale(self) -> tuple[int, int] | None:
        """The points of a rating scale this sentence declares ("rate themselves on a scale from 1
        (“Strongly Disagree”) to 7", "on a scale of 0-10"): the lowest and highest whole figures of a
        sentence that names a scale, or None. Its points are values, not counts."""
        if self._scale is _UNREAD:
            self._scale = self._read_rating_scale()
        return self._scale

    def _read_rating_scale(self) -> tuple[int, int] | None:
        lowered = self.text.lower()
        if not any(word in lowered for word in _SCALE_WORDS):
            return None  # a word token is a lower-cased piece of the text: neither word is among them
        if {t.word for t in self.tokens}.isdisjoint(_SCALE_WORDS):
            return None
        points = [int(q.value) for q in self.figures if q.kind == "number" and not q.is_word
                  and q.scale == 1 and q.value == int(q.value) and 0 <= q.value <= 10]
        if len(points) < 2 or min(points) == max(points):
            return None
        return min(points), max(points)

    def end_before(self, offset: int) -> int:
        """Where the text before ``offset`` ends, white space passed over: the end of the token before
        one that starts at ``offset``. (Steps back over the white space only, not a slice of all the
        text before: asked for every figure, a slice would be quadratic in a long sentence.)"""
        text = self.text
        while offset > 0 and text[offset - 1].isspace():
            offset -= 1
        return offset

    def word_from(self, offset: int) -> str | None:
        """The first token text at or after ``offset`` (lower case), None past the last: where a token
        ends at ``offset``, the next token, told without making the tokens (white space lies between
        two). A figure there has the word "" among the tokens; here its text, which no rule asks for."""
        following = _WORD_OR_MARK.search(self.text, offset)
        return None if following is None else following.group().lower()

    def words(self, start: int, end: int) -> list[str]:
        return [t.word for t in self.tokens[max(start, 0):end]]

    def hedge(self, index: int) -> str:
        """The hedge written just before token ``index``: "more than", "about"... or ""."""
        for length in range(_LONGEST_HEDGE, 0, -1):
            if index - length < 0:
                continue
            phrase = " ".join(self.words(index - length, index))
            if phrase in HEDGES:
                return phrase
        return ""

    def clause(self, index: int) -> tuple[int, int]:
        """The token range of the clause around ``index``: semicolons, colons and dashes end clauses."""
        if index >= len(self.tokens):
            return index, index
        starts, ends = self._clause_bounds
        return starts[index], ends[index]


_LETTERS = re.compile(r"[A-Za-z]+")


def may_have_word(reading: Reading, words: frozenset[str] | set[str]) -> bool:
    """False only when no token of the sentence can be one of ``words`` (each all letters, lower
    case), told without making its tokens: a word token made only of letters is a whole run of ASCII
    letters (the token pattern takes every letter next to it), so it is among the text's runs."""
    return not words.isdisjoint(" ".join(_LETTERS.findall(reading.text)).lower().split())


def read_sentence(text: str) -> Reading:
    """The reading of one sentence; ``Sentence.reading`` keeps it, so each sentence is read once."""
    return Reading(text)
