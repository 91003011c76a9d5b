"""Property-based: any text or Markdown goes through the whole pipeline
without a crash, and every finding lies inside the document."""

from __future__ import annotations

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
    lines = source.split("\n")
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
