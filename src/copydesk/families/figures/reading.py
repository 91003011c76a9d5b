"""One reading of each sentence, shared by every figures rule: tokens that rules match.

A sentence becomes a row of tokens: quantities (read by copydesk.numbers, with value, unit, scale,
noun and hedge), words (lower case) and punctuation. The readers underneath run in time linear in
the sentence, and this layer walks their output once, so no rule re-reads digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from copydesk.dates import DateMention, read_dates
from copydesk.numbers import Quantity, read_quantities
from copydesk.families.figures.lexicon import ATTRIBUTION_WORDS, HEDGES

_WORD_OR_MARK = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*|\d+|[^\sA-Za-z\d]")
_LONGEST_HEDGE = max(len(h.split()) for h in HEDGES)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    word: str = ""  # lower case for words and marks; empty for a quantity
    quantity: Quantity | None = None

    @property
    def is_quantity(self) -> bool:
        return self.quantity is not None


@dataclass(frozen=True)
class Reading:
    text: str
    tokens: tuple[Token, ...]
    dates: tuple[DateMention, ...]

    @property
    def quantities(self) -> tuple[Quantity, ...]:
        return tuple(t.quantity for t in self.tokens if t.quantity is not None)

    @property
    def has_figures(self) -> bool:
        return bool(self.dates) or any(t.quantity is not None for t in self.tokens)

    @property
    def attributed(self) -> bool:
        return any(t.word in ATTRIBUTION_WORDS for t in self.tokens) or "http" in self.text

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
        start = index
        while start > 0 and self.tokens[start - 1].word not in (";", ":", "—", "–"):
            start -= 1
        end = index
        while end < len(self.tokens) and self.tokens[end].word not in (";", ":", "—", "–"):
            end += 1
        return start, end


@lru_cache(maxsize=4096)  # one sentence, one reading, whichever rule asks first
def read_sentence(text: str) -> Reading:
    quantities = read_quantities(text)
    tokens: list[Token] = []
    upcoming = iter(quantities)
    current = next(upcoming, None)
    for match in _WORD_OR_MARK.finditer(text):
        while current is not None and current.end <= match.start():
            current = next(upcoming, None)
        if current is not None and current.start <= match.start() < current.end:
            if not tokens or tokens[-1].quantity is not current:
                tokens.append(Token(current.start, current.end, current.text, "", current))
            continue
        tokens.append(Token(match.start(), match.end(), match.group(), match.group().lower()))
    return Reading(text, tuple(tokens), read_dates(text))
