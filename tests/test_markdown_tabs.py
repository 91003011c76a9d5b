"""A tab inside a Markdown container keeps exact positions.

markdown-it cuts a line out of its list item or quote and, where the cut falls
inside a tab, writes the tab's remaining columns as spaces: those spaces stand
for the tab, and every character after them for itself. Findings after a tab
land on the column of the character they are about (a tab is one column)."""

from __future__ import annotations

import pytest

from copydesk.parse import parse
from copydesk.runner import lint_text


def typography(source: str) -> list[tuple[str, int, int, int]]:
    return [(f.rule_id, f.line, f.column, f.end_column) for f in lint_text(source, path="a.md")
            if f.rule_id.startswith("typography.")]


def test_an_indented_line_in_a_list_item_maps_past_its_tab():
    # The example hypothesis found: "\t0" reads as "  0"; the 0 is the source's 0.
    doc = parse("- 0\n\t0", "a.md")
    (block,) = doc.blocks
    assert block.text == "0\n0"
    assert list(block.starts) == [2, 3, 5]
    assert list(block.ends) == [3, 4, 6]


@pytest.mark.parametrize(("source", "expected"), [
    # an indented continuation line in a list item
    ("Headline\n\n- One\n\tTwo  three.\n", [("typography.double-space", 4, 5, 7)]),
    # a nested list item's continuation, two tabs deep
    ("Headline\n\n- One\n\t- Two\n\t\tthree  four.\n", [("typography.double-space", 5, 8, 10)]),
    # a block quote whose marker a tab follows
    ("Headline\n\n> Quote\n>\tTwo  three.\n", [("typography.double-space", 4, 6, 8)]),
    # a list in a block quote
    ("Headline\n\n> - One\n>\ttwo  three.\n", [("typography.double-space", 4, 6, 8)]),
    # a second paragraph of a list item, indented by a tab
    ("Headline\n\n- One\n\n\tTwo  three.\n", [("typography.double-space", 5, 5, 7)]),
    # a tab between words is one column
    ("Headline\n\n- One\ttwo  three.\n", [("typography.double-space", 3, 10, 12)]),
    # an ordered item's marker and its continuation both tabbed
    ("Headline\n\n1.\tOne\n\tThe plan (changed again.\n", [("typography.unbalanced-brackets", 4, 11, 12)]),
    # raw HTML in a list item, indented by a tab
    ("Headline\n\n- Item\n\n\t<p>The plan (changed again.</p>\n", [("typography.unbalanced-brackets", 5, 14, 15)]),
])
def test_findings_after_a_tab_in_a_container_are_exact(source, expected):
    assert typography(source) == expected


def test_an_underlined_heading_that_starts_with_a_hash_keeps_it():
    # "#hashtag" is no ATX marker (no blank after it): the heading's text starts at column 1.
    assert typography("#hashtag  news\n===\n\nBody text here.\n") == [("typography.double-space", 1, 9, 11)]


def test_a_closing_hash_run_in_a_list_item_heading():
    assert typography("- # Budget  news #\n\nBody.\n") == [("typography.double-space", 1, 11, 13)]


def test_a_line_of_no_break_spaces_before_a_paragraph_is_trimmed_not_a_shift():
    # markdown-it trims the no-break space line away: the paragraph starts on the next line.
    assert typography("Headline\n\n\u00a0\nTwo  three.\n") == [("typography.double-space", 4, 4, 6)]


# Siblings the same property run found: inputs that crashed the parse.

@pytest.mark.parametrize("path", ["a.md", "a.html"])
def test_a_marked_section_without_a_known_keyword_reads_as_a_comment(path):
    # Python 3.11's HTMLParser raises AssertionError on "<![ " and "<![foo"; a browser
    # reads them as a bogus comment up to the next ">".
    source = "<div><![ x]> Plans  changed.</div>\n<div><![foo bar]> Two  words.</div>\n<p><![\t"
    # An unclosed one at the end is text, as the parser reads any unfinished markup.
    assert [block.text for block in parse(source, path).blocks] == ["Plans changed.", "Two words.", "<!["]


def test_a_footnote_defined_in_a_footnote_s_list_does_not_crash():
    # markdown-it's footnote plugin leaves the list's closing tokens without their openings.
    assert parse("[^a]: - [^b]: ", "a.md").blocks == []
