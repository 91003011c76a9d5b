"""Property-based: any text or Markdown goes through the whole pipeline
without a crash, and every finding lies inside the document."""

from __future__ import annotations

import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk.parse import parse
from copydesk.runner import lint_text

MARKDOWN_PIECES = st.sampled_from([
    "# ", "## ", "\n", "\n\n", "\r\n", "  ", "\t", "*", "**", "_", "`", "```\n", "[", "]", "(", ")",
    "![", "<", ">", "> ", "- ", "1. ", "|", "---\n", "&amp;", "\\", '"', "“", "”", "'", "’", " - ",
    "--", "<!-- copydesk-disable -->", "<!-- copydesk-disable-next-line typography -->",
    "http://x.org/a", "😀", "word", "Word", "The end.", "title: x\n", "\ufeff", "\u00a0",
])
MARKDOWNISH = st.lists(st.one_of(MARKDOWN_PIECES, st.text(max_size=5)), max_size=40).map("".join)
ANY_TEXT = st.one_of(st.text(), MARKDOWNISH)


def check_findings_inside(text: str, path: str) -> None:
    findings = lint_text(text, path=path)
    source = text.removeprefix("\ufeff")
    lines = re.split(r"\r\n|\r|\n", source)  # a lone CR ends a line too
    for f in findings:
        assert 0 <= f.offset <= f.end_offset <= len(source)
        assert 1 <= f.line <= f.end_line <= len(lines)
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1
        assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1


def check_blocks_map_inside(text: str, path: str) -> None:
    doc = parse(text, path)
    for block in doc.blocks:
        assert len(block.starts) == len(block.ends) == len(block.text)
        for start, end in zip(block.starts, block.ends):
            assert 0 <= start < end <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_markdown_pipeline(text):
    check_findings_inside(text, "a.md")
    check_blocks_map_inside(text, "a.md")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_text_pipeline(text):
    check_findings_inside(text, "a.txt")
    check_blocks_map_inside(text, "a.txt")


# The complexity guard's alphabets (tests/test_complexity.py), as pieces that
# hypothesis strings together and repeats: long runs of punctuation, digits,
# separators, brackets, quotes, number words and dates, with findings packed
# on one line. Whatever the mix, a document must lint in time linear in its size.
ADVERSARIAL_UNITS = st.sampled_from([
    "-", "—", "–", "%", ".", ",", ";", ":", "!", "?", "…", "7", "1,000", "1.5", "0.", "/", "|", "\\", "\t",
    "\u00a0", "(", ")", "[", "]", "{", "}", '"', "“", "”", "'", "’", "one", "hundred", "million", "twenty-three",
    "May 5, 2024", "2024-05-06", "Monday", "a  b", "teh", " ", "\n", "\r", "*", "_", "`", "#", ">", "<",
])
ADVERSARIAL_RUNS = st.lists(st.tuples(ADVERSARIAL_UNITS, st.integers(1, 400)), min_size=1, max_size=8).map(
    lambda runs: "".join(unit * count for unit, count in runs))
ADVERSARIAL_TEXT = st.builds(lambda body: "Council approves the budget\n\n" + body, ADVERSARIAL_RUNS)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ADVERSARIAL_TEXT, st.sampled_from(["a.md", "a.txt"]))
def test_adversarial_runs_lint_inside_the_document_and_in_time(text, path):
    started = time.process_time()
    check_findings_inside(text, path)
    check_blocks_map_inside(text, path)
    # Inputs here are under 20,000 characters: linear work takes well under a
    # second; a quadratic pattern on a run of a few thousand takes many.
    assert time.process_time() - started < 5.0
