"""copydesk.hyphenation finds pyphen's hyphenation points (textstat's syllables
for a word the CMU dictionary lacks) from patterns kept in the cache folder."""

from __future__ import annotations

import re

import pyphen

from copydesk import hyphenation
from conftest import BBC, require_corpus


def test_points_equal_pyphens_on_every_word_of_the_corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path / "cache"))
    hyphenation.hyphenator.cache_clear()
    words: set[str] = set()
    for article in sorted(require_corpus(BBC).rglob("*.txt")):
        words.update(re.findall(r"\S+", article.read_text(encoding="utf-8", errors="replace").lower()))
    reference = pyphen.Pyphen(lang="en_US")
    parsed = hyphenation.hyphenator("en_US")  # parses the dictionary and writes the cache file
    hyphenation.hyphenator.cache_clear()
    cached = hyphenation.hyphenator("en_US")  # reads it back
    assert len(list((tmp_path / "cache").glob("hyphenation-*.marshal"))) == 1
    assert cached.patterns == parsed.patterns
    differ = [word for word in words if cached.positions(word) != [int(p) for p in reference.positions(word)]]
    assert len(words) > 50_000 and differ == []
    hyphenation.hyphenator.cache_clear()


def test_points_of_known_words():
    hyphenator = hyphenation.hyphenator("en_US")
    assert hyphenator.positions("hyphenation") == [2, 6]  # hy-phen-ation
    assert hyphenator.positions("cat") == []
    assert hyphenator.positions("Tschüss") == [int(p) for p in pyphen.Pyphen(lang="en_US").positions("Tschüss")]
