"""Parsing keeps exact source positions: Markdown markup, front matter, code,
CRLF, BOM, tabs and characters outside the BMP must not shift columns."""

from __future__ import annotations

import pytest

from copydesk.parse import parse
from copydesk.runner import lint_text
from copydesk.sources import decode


def located(doc, block, needle):
    """Line and column of ``needle`` in a block, through the offset index."""
    start = block.text.index(needle)
    source_start, source_end = block.source_range(start, start + len(needle))
    assert doc.source[source_start:source_end] == needle
    return doc.position(source_start)


def block_with(doc, needle):
    return next(b for b in doc.blocks if needle in b.text)


MARKDOWN = """---
title: "Council approves the budget"
date: 2024-04-28
---
# Council *approves* budget

The **mayor** said [the plan](https://example.com/plan "Plan") is `final` now.
Second line with <b>html</b> and an ![chart](c.png) image.

```
code "block" with  spaces
```

> A quote with **bold** words
lazy continuation here

- item *one* here
- item two

| Year | Cost  |
|------|-------|
| 2024 | `x` ok |

<div>raw html block</div>
"""


def test_markdown_blocks_and_kinds():
    doc = parse(MARKDOWN, "a.md")
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[0] == ("headline", "Council approves the budget")
    assert kinds[1] == ("headline", "Council approves budget")
    assert ("paragraph", "A quote with bold words\nlazy continuation here") in kinds
    assert ("paragraph", "item one here") in kinds
    assert ("table-cell", "code ok") in kinds
    assert not any("code \"block\"" in text for _, text in kinds)
    # A raw HTML block's text is the author's prose, read as HTML (its tags are not).
    assert ("paragraph", "raw html block") in kinds
    assert located(doc, block_with(doc, "raw html"), "html") == (24, 10)
    assert doc.metadata["date"].isoformat() == "2024-04-28"


def test_markdown_markup_is_not_prose_and_keeps_columns():
    doc = parse(MARKDOWN, "a.md")
    paragraph = block_with(doc, "mayor")
    assert paragraph.text.startswith("The mayor said the plan is code now.\nSecond line with html and an image image.")
    assert located(doc, paragraph, "mayor") == (7, 7)
    assert located(doc, paragraph, "the plan") == (7, 21)
    assert located(doc, paragraph, "now.") == (7, 75)
    assert located(doc, paragraph, "html") == (8, 21)
    assert located(doc, block_with(doc, "bold words"), "words") == (14, 25)
    assert located(doc, block_with(doc, "lazy"), "continuation") == (15, 6)
    assert located(doc, block_with(doc, "item one"), "one") == (17, 9)
    assert located(doc, block_with(doc, "code ok"), "ok") == (22, 14)
    assert located(doc, doc.blocks[0], "budget") == (2, 30)
    assert located(doc, doc.blocks[1], "budget") == (5, 22)


def test_code_span_placeholder_covers_the_whole_span():
    doc = parse("Title\n\nRun `ls -la` now.\n", "a.md")
    block = doc.blocks[-1]
    start = block.text.index("code")
    assert block.source_range(start, start + 4) == (doc.source.index("`"), doc.source.index(" now"))


def test_escapes_and_entities_map_to_their_source():
    doc = parse("Title\n\nA \\*star\\* &amp; more.\n", "a.md")
    block = doc.blocks[-1]
    assert block.text == "A *star* & more."
    assert located(doc, block, "more") == (3, 18)
    amp = block.text.index("&")
    assert block.source_range(amp, amp + 1) == (doc.source.index("&amp;"), doc.source.index("&amp;") + 5)


def test_text_headline_paragraphs_and_subheads(seed_text):
    doc = parse(seed_text, "seed.txt")
    assert doc.headline.text.startswith("Elon Musk’s Meeting in China")
    assert [b.text for b in doc.subheads] == [
        "Tesla’s Chinese Driver Data Collected Since 2021 in Shanghai",
        "FSD Not Yet Available in China Despite Customer Demand",
        "Tesla Sells Over 17 Million Cars in China; Plans for Factory in India",
        "Largest Auto Show in China Ongoing During Musk’s Visit to Beijing",
    ]
    byline = next(b for b in doc.blocks if b.text == "Akash Shrivastav")
    assert byline.kind == "byline"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("By Jane Roe", "byline"),
        ("Photo: Jane Roe", "paragraph"),
        ("Updated 4 May 2024", "byline"),
        ("What happens next", "subhead"),
    ],
)
def test_standalone_short_lines(text, kind):
    doc = parse(f"Headline\n\nFirst paragraph.\n\n{text}\n\nMore body text follows here.\n", "a.txt")
    assert doc.blocks[2].kind == kind


@pytest.mark.parametrize("fmt", ["a.txt", "a.md"])
def test_crlf_endings_do_not_shift_columns(fmt):
    source = "Headline\r\n\r\nOne line here.\r\nThe  second line.\r\n"
    findings = lint_text(source, path=fmt)
    spaces = [f for f in findings if f.rule_id == "typography.double-space"]
    assert [(f.line, f.column, f.end_line, f.end_column) for f in spaces] == [(4, 4, 4, 6)]
    doc = parse(source, fmt)
    assert "\r" not in "".join(b.text for b in doc.blocks)


def test_bom_is_not_a_column():
    text = decode("\ufeffHeadline\n\nIt  works.\n".encode("utf-8"))
    findings = lint_text(text, path="a.txt")
    assert [(f.line, f.column) for f in findings] == [(3, 3)]


@pytest.mark.parametrize("fmt", ["a.txt", "a.md"])
def test_characters_outside_the_bmp_count_as_one_column(fmt):
    findings = lint_text("Headline\n\n😀🎉 Party  time.\n", path=fmt)
    assert [(f.line, f.column, f.end_column) for f in findings] == [(3, 9, 11)]


def test_tabs_count_as_one_column():
    findings = lint_text("Headline\n\n\tIndented text  here.\n", path="a.txt")
    assert [(f.line, f.column) for f in findings] == [(3, 15)]


def test_front_matter_is_not_prose():
    doc = parse("---\ntitle: Plain  title\nlayout: Not  prose\nimage: /img/a  b.png\n---\n\nBody.\n", "a.md")
    assert [b.text for b in doc.blocks] == ["Plain  title", "Body."]
    findings = lint_text(doc.source, path="a.md")
    assert [(f.line, f.column) for f in findings] == [(2, 13)]


def test_description_fields_are_prose_at_their_source_positions():
    source = ('---\ntitle: A title\nlayout: post  page\nsummary: \'It\'\'s  short\'\n'
              'excerpt: "One line\n  and  the next"\ndescription: |\n  A block  scalar\n---\n\nBody.\n')
    doc = parse(source, "a.md")
    fields = [b for b in doc.blocks if b.container == "front-matter"]
    # The block scalar is skipped (no exact map); layout is data.
    assert [b.text for b in fields] == ["It's  short", "One line and  the next"]
    assert located(doc, fields[0], "short") == (4, 18)
    assert located(doc, fields[1], "the next") == (6, 8)
    folded = fields[1].text.index(" and")
    assert fields[1].source_range(folded, folded + 1) == (source.index("line\n") + 4, source.index("and"))
    findings = lint_text(source, path="a.md")
    assert sorted((f.line, f.column, f.rule_id) for f in findings if f.rule_id == "typography.double-space") == [
        (4, 16, "typography.double-space"), (6, 6, "typography.double-space")]


RAW_HTML = """# Title

<p>An author's <em>own</em> paragraph &amp; more
on two lines.</p>

<blockquote class="twitter-tweet"><p lang="en">A tweet here.</p>&mdash; 18F (@18F) <a href="https://x.test/1">May 5, 2016</a></blockquote>

<div class="note">
<script>var a = "not prose";</script><style>p { color: red }</style>
<pre>code sample</pre><svg><text>chart label</text></svg><!-- a comment, not prose -->
Text in a div with <code>f()</code> inside.
</div>

> <p>Quoted in Markdown.</p>

- item
  <p>Nested in a list.</p>
"""


def test_raw_html_blocks_are_prose_at_their_source_positions():
    doc = parse(RAW_HTML, "a.md")
    blocks = [(b.kind, b.container, b.text) for b in doc.blocks]
    assert blocks == [
        ("headline", "", "Title"),
        ("paragraph", "", "An author's own paragraph & more on two lines."),
        ("paragraph", "quote", "A tweet here."),  # an embedded tweet is a quotation
        ("paragraph", "quote", "— 18F (@18F) May 5, 2016"),
        ("paragraph", "", "Text in a div with code inside."),
        ("paragraph", "quote", "Quoted in Markdown."),
        ("paragraph", "list", "item"),
        ("paragraph", "list", "Nested in a list."),
    ]
    assert located(doc, block_with(doc, "author"), "own") == (3, 20)
    assert located(doc, block_with(doc, "author"), "paragraph") == (3, 29)
    assert located(doc, block_with(doc, "author"), "lines.") == (4, 8)
    assert located(doc, block_with(doc, "tweet"), "tweet here.") == (6, 50)
    assert located(doc, block_with(doc, "18F (@"), "May 5, 2016") == (6, 111)
    assert located(doc, block_with(doc, "in a div"), "inside.") == (11, 37)
    assert located(doc, block_with(doc, "Quoted"), "Markdown.") == (14, 16)  # the "> " prefix is not a column
    assert located(doc, block_with(doc, "Nested"), "list.") == (17, 18)
    # The entity reads as "&" and "—" but stands for its whole reference in the source.
    author = block_with(doc, "author")
    amp = author.text.index("&")
    assert RAW_HTML[slice(*author.source_range(amp, amp + 1))] == "&amp;"


def test_raw_html_findings_of_every_family_are_exact():
    # Whitespace runs read as one space, as a browser shows them: no double space here.
    source = '# Title\n\n<div>\n<p>Plans  <b>changed</b> - again, and it\'s a "test" of “quotes”.</p>\n</div>\n'
    findings = lint_text(source, path="a.md")
    assert [(f.rule_id, f.line, f.column, f.end_column) for f in findings] == [
        ("typography.hyphen-as-dash", 4, 25, 28), ("typography.mixed-quotes", 4, 46, 47)]
    (quotes,) = [f for f in findings if f.rule_id == "typography.mixed-quotes"]
    assert [(r.line, r.column, r.end_column) for r in quotes.related] == [(4, 51, 52)]


def test_template_tag_tail_in_raw_html_is_markup():
    doc = parse('<div>\n{% image "a.png" %} width="600px" alt> Caption "here".\n</div>\n', "a.md")
    assert [b.text for b in doc.blocks] == ['Caption "here".']


def test_markup_in_a_description_field_is_not_prose():
    source = ('---\ntitle: T\nexcerpt: We launched <a href="https://x.test/a">a *new* tool</a>, '
              'see [the post](https://x.test/b) and `code`.\n---\n\nBody.\n')
    doc = parse(source, "a.md")
    field = next(b for b in doc.blocks if b.container == "front-matter")
    assert field.text == "We launched a new tool, see the post and code."
    assert located(doc, field, "tool") == (3, 57)
    assert located(doc, field, "the post") == (3, 72)


def test_an_output_tag_between_html_lines_keeps_the_html_block():
    # The tag renders markup (a photo) on its line: the page has no blank line there,
    # so the indented <blockquote> is still HTML, not an indented code block.
    source = '<div class="pquote">\n\t{{ "kate" | team_photo }}\n\t<blockquote>\n\t\t“I joined in 2015.”\n\t</blockquote>\n</div>\n'
    doc = parse(source, "a.md")
    assert [(b.container, b.text) for b in doc.blocks] == [("quote", "“I joined in 2015.”")]
    assert located(doc, doc.blocks[0], "joined") == (4, 6)
    # A tag that renders nothing, alone on its line, is still a paragraph break.
    doc = parse("One line.\n{% if x %}\nTwo line.\n", "a.md")
    assert [b.text for b in doc.blocks] == ["One line.", "Two line."]


def test_verbatim_start_is_where_a_block_copied_from_the_source_starts():
    doc = parse("Title\n\nA line\nand the next.\n\n  Indented line.\n", "a.txt")
    title, paragraph, indented = doc.blocks
    assert title.verbatim_start(doc.source) == 0
    # The line break is the source's own: one stretch of it.
    assert paragraph.verbatim_start(doc.source) == 7 and paragraph.text == "A line\nand the next."
    assert indented.verbatim_start(doc.source) == doc.source.index("Indented")


@pytest.mark.parametrize("source", [
    "# Title\n\nSome *emphasis* here.\n",  # markup left out between the characters
    "# Title\n\nCode `x = 1` here.\n",  # a placeholder stands for the code
    "# Title\n\nAn &amp; entity.\n",  # a decoded entity
    "Title\r\n\r\nA line\r\nand the next.\r\n",  # a CRLF line break read as one LF
])
def test_verbatim_start_is_none_where_the_text_is_not_the_source_s(source):
    doc = parse(source, "a.md" if source.startswith("#") else "a.txt")
    block = doc.blocks[-1]
    assert block.verbatim_start(doc.source) is None
    # What it stands for: the source range of the whole text does not say the text.
    assert doc.source[slice(*block.source_range(0, len(block.text)))] != block.text


def test_a_line_that_is_a_block_s_whole_text_is_that_block_s_string():
    doc = parse("Title\n\nOne paragraph on its line.\n\nTwo lines\nof a paragraph.\n", "a.txt")
    assert doc.line_text(3) == "One paragraph on its line." and doc.line_text(3) is doc.blocks[1].text
    # A line that is only part of a block is its own text.
    assert (doc.line_text(5), doc.line_text(6)) == ("Two lines", "of a paragraph.")
    markdown = parse("# Title\n\nSome *emphasis* here.\n", "a.md")
    assert markdown.line_text(3) == "Some *emphasis* here."
