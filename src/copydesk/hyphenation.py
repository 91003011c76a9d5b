"""Hyphenation points as pyphen finds them, without parsing its dictionary on every run.

textstat counts the syllables of a word the CMU dictionary lacks as pyphen's
hyphenation points plus one. Building ``pyphen.Pyphen`` parses the whole
``hyph_*.dic`` file (about 5,000 patterns): a tenth of a second, paid by every
one-article run. The patterns pyphen parsed are kept in the cache folder (a
marshal file named by the language and pyphen's installed files), and ``Hyphenator``
applies them as pyphen's ``positions`` does (Liang's algorithm), so a run reads
a small file instead. tests/test_hyphenation.py checks the points equal
pyphen's own on every word of the BBC corpus.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from functools import lru_cache
from pathlib import Path

Patterns = dict[str, tuple[int, tuple[int, ...]]]


class Hyphenator:
    """pyphen's ``Pyphen(lang=...)`` (left and right margins of two letters) for counting points."""

    def __init__(self, patterns: Patterns, left: int = 2, right: int = 2) -> None:
        self.patterns = patterns
        self.longest = max(len(key) for key in patterns)
        # Every beginning of a pattern: a piece of the word that begins none can grow into none,
        # so the search from one letter stops there instead of trying every longer piece.
        self.beginnings = frozenset(key[:end] for key in patterns for end in range(1, len(key) + 1))
        self.left, self.right = left, right

    def positions(self, word: str) -> list[int]:
        """Where ``word`` may be hyphenated: pyphen's ``Pyphen.positions``, as plain integers."""
        pointed = f".{word.lower()}."
        values = [0] * (len(pointed) + 1)
        patterns, beginnings = self.patterns, self.beginnings
        for i in range(len(pointed) - 1):
            for j in range(i + 1, min(i + self.longest, len(pointed)) + 1):
                piece = pointed[i:j]
                if piece not in beginnings:
                    break
                pattern = patterns.get(piece)
                if pattern:
                    offset, weights = pattern
                    for k, weight in enumerate(weights, start=i + offset):
                        if weight > values[k]:
                            values[k] = weight
        last = len(word) - self.right
        return [i - 1 for i, value in enumerate(values) if value % 2 and self.left <= i - 1 <= last]


@lru_cache(maxsize=4)
def hyphenator(lang: str) -> Hyphenator | None:
    """The hyphenator for ``lang`` (pyphen's language names), or None where pyphen's
    patterns cannot be kept as plain numbers (a dictionary with nonstandard hyphens)."""
    cache = _cache_file(lang)
    patterns = _cached_patterns(cache) or _parsed_patterns(lang, cache)
    return Hyphenator(patterns) if patterns else None


def _cache_file(lang: str) -> Path:
    """Named by the language and pyphen's installed module (path, size, time): a
    new pyphen, with new dictionaries, is a new file. Importing pyphen to find its
    dictionary would cost a tenth of a second itself."""
    from importlib.util import find_spec

    from copydesk.languagetool import cache_dir

    origin = Path(find_spec("pyphen").origin)
    status = origin.stat()
    key = hashlib.sha256(f"{lang} {origin} {status.st_size} {status.st_mtime_ns}".encode()).hexdigest()[:24]
    return cache_dir() / f"hyphenation-{key}.marshal"


def _cached_patterns(cache: Path) -> Patterns | None:
    try:
        patterns = marshal.loads(cache.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return patterns if isinstance(patterns, dict) and patterns else None


def _parsed_patterns(lang: str, cache: Path) -> Patterns | None:
    """pyphen's own parse of the dictionary, written to the cache folder for the next run."""
    import pyphen

    parsed = pyphen.Pyphen(lang=lang).hd.patterns
    if not all(type(weight) is int for _, weights in parsed.values() for weight in weights):
        return None  # a nonstandard hyphen ("ff=f") carries data a plain number cannot
    patterns = {key: (offset, tuple(weights)) for key, (offset, weights) in parsed.items()}
    try:
        target = cache
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(patterns))
        os.replace(temporary, target)
    except OSError:
        pass  # a read-only cache folder only costs time
    return patterns
