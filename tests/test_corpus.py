"""The BBC corpus end to end: every article linted, the Latin-1 one reported
clearly, and professionally edited news stays quiet."""

from __future__ import annotations

from collections import Counter

import pytest

from copydesk.runner import LintOptions, lint_paths
from conftest import BBC, require_corpus

pytestmark = pytest.mark.slow
CATEGORIES = ["business", "entertainment", "politics", "sport", "tech"]


@pytest.fixture(scope="module")
def corpus_run():
    require_corpus(BBC)
    # LanguageTool's figures on this corpus come from bench/languagetool.py: too slow for every test run.
    return lint_paths([str(BBC / name) for name in CATEGORIES], LintOptions(jobs=2, grammar=False))


def test_whole_corpus_is_linted_and_the_latin1_file_reported(corpus_run):
    assert len(corpus_run.files) == 2225
    errors = corpus_run.errors
    assert [(e.path.split("bbc/")[-1], e.error) for e in errors] == [
        ("sport/199.txt", "not UTF-8 (byte 0xa3 at line 5, column 176); re-save it as UTF-8, "
                          "or pass --encoding latin-1 (or cp1252)"),
    ]
    assert corpus_run.exit_code() == 2


def test_typography_is_quiet_on_edited_news(corpus_run):
    counts = Counter(f.rule_id for f in corpus_run.findings if f.rule_id.startswith("typography."))
    words = sum(r.word_count for r in corpus_run.files)
    assert words > 800_000
    # Fewer than one typography finding per 10,000 words of edited news.
    assert sum(counts.values()) < words / 10_000, counts
