"""Rule out a rule's alternatives before the regular expression runs.

A style rule is usually a long alternation (``\\b(?:in order to|utilize|...)\\b``)
and almost every one of its alternatives is absent from any given paragraph.
Python's ``re`` tries every alternative at every position, so each
alternative that can be read as a few literal spellings is given the words
one of those spellings must contain; a unit whose words include none of them
cannot match it. The pattern is then rebuilt from the alternatives that can
match, in their original order, so the result is exactly the full pattern's
(an absent alternative matches nothing either way).
"""

from __future__ import annotations

import re

MAX_SPELLINGS = 64
_WORD = re.compile(r"\w+", re.ASCII)


def unit_words(text: str) -> frozenset[str]:
    """The lower-case ASCII words of a unit, as the prefilter compares them."""
    return frozenset(_WORD.findall(text.lower()))


def spellings(pattern: str) -> list[str] | None:
    """Every string a simple pattern matches (literals, groups of alternatives,
    ``?``, escaped punctuation, small classes), or None when it is not that simple."""
    result, end = _parse(pattern, 0, nested=False)
    if result is None or end != len(pattern):
        return None
    return result


def _parse(pattern: str, i: int, nested: bool) -> tuple[list[str] | None, int]:
    branches: list[str] = []
    current = [""]
    while i < len(pattern):
        char = pattern[i]
        if char == ")":
            return (branches + current, i + 1) if nested else (None, i)
        if char == "|":
            branches += current
            current = [""]
            i += 1
            continue
        if char == "(":
            start = i + 1
            if pattern.startswith("?:", start):
                start += 2
            elif pattern.startswith("?", start):
                return None, i  # lookaround, named group or flags
            atom, i = _parse(pattern, start, nested=True)
            if atom is None:
                return None, i
        elif char == "\\":
            if i + 1 >= len(pattern) or pattern[i + 1].isalnum():
                return None, i
            atom, i = [pattern[i + 1]], i + 2
        elif char == "[":
            end = pattern.find("]", i + 1)
            body = pattern[i + 1:end] if end != -1 else ""
            if not body or any(c in body for c in "\\^-[") or len(body) > 8:
                return None, i
            atom, i = list(body), end + 1
        elif char in "{}.*+^$]":
            return None, i
        else:
            atom, i = [char], i + 1
        if i < len(pattern) and pattern[i] == "?":
            atom = atom + [""]
            i += 1
        elif i < len(pattern) and pattern[i] in "*+{":
            return None, i
        if len(current) * len(atom) > MAX_SPELLINGS:
            return None, i
        current = [prefix + suffix for prefix in current for suffix in atom]
    if nested:
        return None, i
    return branches + current, i


def required_words(alternative: str, bounded: bool) -> frozenset[str] | None:
    """Words one of which any match of ``alternative`` contains whole; None if unknown.

    ``bounded``: the alternative sits between ``\\b``s, so its first and last
    words are whole words too; otherwise only inner words count.
    """
    options = spellings(alternative)
    if not options:
        return None
    words = set()
    for option in options:
        pieces = [m for m in _WORD.finditer(option.lower())]
        if not bounded:
            pieces = [m for m in pieces if m.start() > 0 and m.end() < len(option)]
        if not pieces:
            return None
        words.add(max(pieces, key=lambda m: len(m.group())).group())
    return frozenset(words)


class Alternatives:
    """A rule's alternatives with the words that admit each.

    ``matches`` finds what the full alternation finds: the leftmost match,
    the earliest alternative first at a tie, scanning on from its end. Each
    admitted alternative is searched alone, compiled once per process.
    """

    def __init__(self, alternatives: list[str], bounded: bool, build) -> None:
        self.build = build  # tuple of indices -> compiled pattern of those alternatives, in order
        self.always: list[int] = []
        self.by_word: dict[str, list[int]] = {}
        for index, alternative in enumerate(alternatives):
            words = required_words(alternative, bounded)
            if words is None:
                self.always.append(index)
                continue
            for word in words:
                self.by_word.setdefault(word, []).append(index)
        self.count = len(alternatives)
        self.keys = frozenset(self.by_word)
        self._patterns: dict[tuple[int, ...], object] = {}

    def _compiled(self, chosen: tuple[int, ...]):
        pattern = self._patterns.get(chosen)
        if pattern is None:
            pattern = self._patterns[chosen] = self.build(chosen)
        return pattern

    def admitted(self, words: frozenset[str]) -> tuple[int, ...]:
        present = set(self.always)
        for word in self.keys & words:
            present.update(self.by_word[word])
        return tuple(sorted(present))

    def matches(self, text: str, words: frozenset[str]):
        """(match, chosen) pairs; ``chosen`` maps the pattern's n-th alternative to the rule's."""
        chosen = self.admitted(words)
        if not chosen:
            return
        # Each admitted alternative's next match, searched again only once the scan passes it.
        upcoming = {index: self._compiled((index,)).search(text) for index in chosen}
        while True:
            best = None
            for index, match in upcoming.items():
                if match is not None and (best is None or match.start() < upcoming[best].start()):
                    best = index
            if best is None:
                return
            match = upcoming[best]
            yield match, (best,)
            position = match.end() if match.end() > match.start() else match.end() + 1
            for index, pending in upcoming.items():
                if pending is not None and pending.start() < position:
                    upcoming[index] = self._compiled((index,)).search(text, position) if position <= len(text) else None
