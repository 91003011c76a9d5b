"""Articles as site generators keep them: front matter in YAML, TOML and JSON,
template and component syntax, footnotes, admonitions, math and definition
lists. None of the markup is prose; the prose it carries is linted where it stands."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from copydesk.config import Config, ConfigError, from_table
from copydesk.parse import parse
from copydesk.parse.frontmatter import FrontMatterFields, date_from_file_name
from copydesk.parse.templates import DROP, VALUE, mask
from copydesk.runner import lint_text

SITES = Path(__file__).parent / "data" / "sites"
TYPOGRAPHY_AND_FIGURES = Config(select=("typography", "figures", "headline"))


def findings(name: str, config: Config = TYPOGRAPHY_AND_FIGURES) -> list[tuple[int, int, str]]:
    text = (SITES / name).read_text(encoding="utf-8")
    found = lint_text(text, str(SITES / name), config=config)
    for finding in found:
        if finding.rule_id == "typography.double-space":  # each one really is two spaces in prose
            assert finding.line_text[finding.column - 1 : finding.column + 1] == "  "
    return [(f.line, f.column, f.rule_id) for f in found]


def double_spaces(*positions: tuple[int, int]) -> list[tuple[int, int, str]]:
    return [(line, column, "typography.double-space") for line, column in positions]


def test_toml_front_matter_and_hugo_shortcodes():
    # Front matter lines (title =, authors = with escaped quotes, path =) are not prose;
    # the title is the headline at its own column; a shortcode's caption is linted in place,
    # its other attributes ("4th of May" in alt) and a highlight shortcode's code are not.
    assert findings("hugo-toml.md") == double_spaces((2, 27), (10, 44), (13, 14), (20, 19))
    doc = parse((SITES / "hugo-toml.md").read_text(encoding="utf-8"), "hugo-toml.md")
    assert doc.publication_date == date(2024, 5, 4)
    assert doc.headline.text == "Council backs the  budget"
    assert doc.position(doc.headline.source_start) == (2, 10)
    texts = [block.text for block in doc.blocks]
    assert "The town  hall at dusk." in texts  # the caption, from line 10
    assert "The council met on Monday, as code says." in texts  # a lone shortcode renders a value
    assert not any("unbalanced" in text or "x :=" in text for text in texts)


def test_json_front_matter_with_configured_date_field():
    fields = FrontMatterFields(date=("publishDate", "date"))
    doc = parse((SITES / "hugo-json.md").read_text(encoding="utf-8"), "hugo-json.md", front_matter=fields)
    assert doc.publication_date == date(2023, 11, 2)
    assert doc.metadata["tags"] == ["roads", 'city "hall"']
    assert doc.position(doc.headline.source_start) == (2, 13)
    assert findings("hugo-json.md") == double_spaces((2, 28), (7, 17))


def test_liquid_and_nunjucks_with_a_configured_headline_field():
    config = from_table({"select": ["typography", "figures", "headline"],
                         "front-matter": {"headline": ["headline", "title"]}}, "test")
    # Line 3 is the headline field; {{ }} inside the link target, the include's quoted title,
    # the image tag's "4th of May", {% raw %} tags (their body is literal), the comment block
    # and the Nunjucks comment all stay out of the prose.
    assert findings("eleventy.md", config) == double_spaces((3, 25), (7, 55), (12, 47), (14, 20), (22, 8))
    doc = parse((SITES / "eleventy.md").read_text(encoding="utf-8"), "eleventy.md", front_matter=config.front_matter)
    assert [block.text for block in doc.blocks] == [
        "Schools reopen  today",
        "Read the guide before  you start.",
        "We met twice in May and  again later.",
        "Use code as  shown.",
        "The end  of it.",
    ]


def test_footnotes_admonitions_containers_math_and_definition_lists():
    assert findings("markdown-extras.md") == double_spaces((3, 37), (5, 16), (9, 13), (12, 8), (15, 50), (18, 15))
    doc = parse((SITES / "markdown-extras.md").read_text(encoding="utf-8"), "markdown-extras.md")
    assert [(block.text, block.container) for block in doc.blocks[1:]] == [
        ("Costs rose 4% and fell later  on.", ""),  # footnote markers are gone
        ("The first  note.", "note"),  # each footnote definition its own paragraph
        ("The second note.", "note"),
        ("The body  of the note.", "note"),  # the admonition's title is not prose
        ("The tip  body.", ""),
        ("Where code and code hold, and we paid $5 and  $10.", ""),  # math, not money
        ("Term", "list"),
        ("A definition  here.", "list"),
    ]


def test_mdx_imports_exports_jsx_and_expressions():
    assert findings("component.mdx") == double_spaces((7, 16), (12, 11), (15, 32))
    doc = parse((SITES / "component.mdx").read_text(encoding="utf-8"), "component.mdx")
    assert [block.text for block in doc.blocks] == [
        "Charts in MDX", "The chart shows  growth.", "Keep the  axis labelled.", "The total is code this  year."]


def test_footnote_marker_is_not_a_figure():
    text = "# Prices\n\nPrices rose sharply this year.[^1]\n\n[^1]: Figures from the council.\n"
    assert lint_text(text, "a.md", config=Config(select=("figures",))) == []


def test_template_tag_inside_a_sentence_leaves_one_space():
    doc = parse("We met {% if big %}twice{% endif %} and {% if x %} then {% endif %} left.\n", "a.md")
    assert doc.blocks[0].text == "We met twice and then left."
    block = doc.blocks[0]
    start = block.text.index("then")
    assert doc.source[slice(*block.source_range(start, start + 4))] == "then"


def test_masking_keeps_length_and_blanks_lines_of_pure_syntax():
    source = '{% include "x.html" %}\nA {{ name }} and {% if a %}b{% endif %}.\n'
    masked = mask(source).text
    assert len(masked) == len(source)
    assert masked.split("\n")[0] == " " * len('{% include "x.html" %}')
    assert masked.split("\n")[1] == "A " + VALUE * 10 + " and " + DROP * 10 + "b" + DROP * 11 + "."


def test_a_template_tag_does_not_run_across_paragraphs():
    source = "Braces {{ are open here.\n\nThis paragraph }} is prose.\n"
    assert mask(source).text == source


def test_masking_time_is_linear_on_unclosed_delimiters():
    source = "{{ {% {{< x " * 20_000 + "\n"
    started = time.process_time()
    mask(source)
    mask(source, mdx=True)
    assert time.process_time() - started < 2.0


@pytest.mark.parametrize(("name", "expected"), [
    ("2024-05-04-council-meets.md", date(2024, 5, 4)),
    ("2024-05-04.md", date(2024, 5, 4)),
    ("2024-13-04-bad-month.md", None),
    ("council-2024-05-04.md", None),
])
def test_date_from_file_name(name, expected):
    assert date_from_file_name(f"posts/{name}") == expected


def test_front_matter_date_wins_over_the_file_name():
    doc = parse("---\ndate: 2023-01-02\n---\nText.\n", "2024-05-04-post.md")
    assert doc.publication_date == date(2023, 1, 2)
    assert parse("---\ntitle: A post\n---\nText.\n", "2024-05-04-post.md").publication_date == date(2024, 5, 4)


def test_toml_dates_and_unparsable_front_matter():
    doc = parse('+++\ntitle = "A post"\ndate = 2024-05-04T10:00:00Z\n+++\nBody text.\n', "a.md")
    assert doc.publication_date == date(2024, 5, 4)
    broken = parse("+++\ntitle = \n+++\nBody text here.\n", "a.md")  # invalid TOML: still not prose
    assert [block.text for block in broken.blocks] == ["Body text here."]


def test_a_title_with_escapes_is_not_guessed_into_a_position():
    doc = parse('---\ntitle: "A \\"quoted\\" title"\n---\nBody.\n', "a.md")
    assert doc.metadata["headline"] == 'A "quoted" title'
    assert doc.headline is None  # no exact position for it, so no headline block


def test_front_matter_config_is_checked():
    with pytest.raises(ConfigError, match="front-matter: unknown key 'titel'"):
        from_table({"front-matter": {"titel": "x"}}, "copydesk.toml")
    with pytest.raises(ConfigError, match="front-matter.date must name at least one field"):
        from_table({"front-matter": {"date": []}}, "copydesk.toml")


def test_the_markup_check_catches_findings_in_markup():
    from copydesk.parse.render import in_markup, rendered_words

    source = '---\nlayout: post\n---\n# Title\n\nRead the [guide]({{ "/a b/" | url }}) now, or {% include "x" %} not.\n'
    doc = parse(source, "a.md")
    rendered = rendered_words(source, "a.md")
    for markup in ('"/a b/"', "layout", 'include "x"', "url"):
        start = source.index(markup)
        assert in_markup(doc, start, start + len(markup), rendered), markup
    for prose in ("guide", "Read the [guide]", "now, or", "Title"):
        start = source.index(prose)
        assert not in_markup(doc, start, start + len(prose), rendered), prose


def test_html_article_prose_at_exact_positions():
    # Scripts, styles, the menu, the footer, attributes (alt="4th of May") and code are not prose;
    # <h1> is the headline, article:published_time the date; whitespace runs read as one space.
    assert findings("article.html") == [
        (12, 33, "headline.punctuation"),
        (13, 55, "figures.date-style"),
        (15, 61, "figures.date-style"),
        (16, 25, "figures.date-style"),
        (17, 28, "figures.date-style"),
        (18, 76, "figures.date-style"),
    ]
    doc = parse((SITES / "article.html").read_text(encoding="utf-8"), "article.html")
    assert doc.publication_date == date(2024, 5, 4)
    assert [(block.kind, block.container, block.text) for block in doc.blocks] == [
        ("headline", "", "Council backs the budget."),
        ("paragraph", "", "The council met on May 4th and voted & agreed, said the mayor."),
        ("paragraph", "", "Use code with care. Then it met on May 5th."),
        ("paragraph", "list", "First item, June 1st"),
        ("table-cell", "", "Cell on July 2nd"),
        ("paragraph", "caption", "The town hall on May 6th."),
    ]
    paragraph = doc.blocks[1]
    start = paragraph.text.index("&")
    assert doc.source[slice(*paragraph.source_range(start, start + 1))] == "&amp;"


def test_html_page_without_h1_takes_its_title_and_reads_the_body():
    source = "<html><head><title>Budget  vote</title></head><body><p>Text here.</p></body></html>"
    doc = parse(source, "page.htm")
    assert [(block.kind, block.text) for block in doc.blocks] == [("headline", "Budget vote"), ("paragraph", "Text here.")]
    assert doc.position(doc.blocks[0].source_start) == (1, 20)


def test_rst_article_prose_at_exact_positions():
    # The docinfo field list, the code block, the target, the substitution and the
    # literal/role markup (each with a stray quote and a date) are not prose.
    assert findings("article.rst") == [
        (8, 21, "figures.date-style"),
        (14, 14, "typography.double-space"),
        (14, 19, "figures.date-style"),
        (17, 31, "figures.date-style"),
        (23, 22, "figures.date-style"),
    ]
    doc = parse((SITES / "article.rst").read_text(encoding="utf-8"), "article.rst")
    assert doc.publication_date == date(2024, 5, 4)
    assert [(block.kind, block.level, block.container, block.text) for block in doc.blocks] == [
        ("headline", 1, "", "Council backs the budget"),
        ("paragraph", 0, "", "The council met on May 4th and voted, see the plan and\nthe note with code and code."),
        ("subhead", 2, "", "Second section"),
        ("paragraph", 0, "list", "A list item  on June 1st\nover two lines."),
        ("paragraph", 0, "note", "An admonition body, July 2nd."),
        ("paragraph", 0, "note", "A footnote on May 6th."),
    ]


def test_rst_never_reads_other_files(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret  words.\n", encoding="utf-8")
    doc = parse(f".. include:: {secret}\n\nBody text.\n", str(tmp_path / "a.rst"))
    assert [block.text for block in doc.blocks] == ["Body text."]


def test_html_layout_template_syntax_is_not_prose():
    source = ("<html><body><article><h1>{{ page.title }}</h1>\n"
              "<p>Hello {% if x %} there {% endif %} {{ name }}, and  welcome.</p></article></body></html>\n")
    doc = parse(source, "layout.html")
    assert [(block.kind, block.text) for block in doc.blocks] == [("paragraph", "Hello there code, and welcome.")]
    block = doc.blocks[0]
    start = block.text.index("welcome")
    assert doc.position(block.source_range(start, start + 7)[0]) == (2, 56)


def test_a_shortcode_shown_in_a_code_sample_has_no_caption_prose():
    source = '# Figures\n\n```\n{{< figure caption="Shown  as code" >}}\n```\n\n{{< figure caption="A real  one" >}}\n'
    doc = parse(source, "a.md")
    assert [block.text for block in doc.blocks] == ["Figures", "A real  one"]
    assert doc.position(doc.blocks[1].source_start) == (7, 21)


def test_front_matter_title_lookup_is_linear():
    source = "---\ntitle: a" + " " * 50_000 + "b\n---\nText.\n"
    started = time.process_time()
    doc = parse(source, "a.md")
    assert time.process_time() - started < 2.0
    assert doc.metadata["headline"].startswith("a ") and doc.metadata["headline"].endswith(" b")
