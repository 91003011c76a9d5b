"""HTML articles (``.html``, ``.htm``): the article's prose at exact source positions.

The tokenizer is the standard library's ``html.parser``: it reports where every
piece of text starts in the source, which selectolax and lxml do not (they give
a line at best), and copydesk records offsets when it parses. Character
references are kept as events (``convert_charrefs=False``), so each decoded
character maps to its reference's source range.

Prose: headings, paragraphs, list items, captions, table cells and text
directly in sections, inside ``<article>`` or ``<main>`` when the page has one,
else inside ``<body>``. Never prose: scripts, styles, navigation, forms,
code, footers, attributes. ``<h1>`` is the headline (else ``<title>``);
``<time datetime>`` or ``article:published_time`` is the publication date.
Whitespace runs read as one space, as a browser shows them.
"""

from __future__ import annotations

import re
from array import array
from html import unescape
from html.parser import HTMLParser

from copydesk.document import Block, Document, ProseBuilder
from copydesk.parse import parse_directives
from copydesk.parse.frontmatter import as_date
from copydesk.parse.templates import DROP, VALUE, mask

CODE_PLACEHOLDER = "code"


_SKIPPED = frozenset({"script", "style", "nav", "noscript", "template", "svg", "math", "pre", "form", "button",
                      "select", "textarea", "iframe", "object", "footer", "head", "audio", "video", "canvas"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "i", "ins", "del", "kbd", "mark",
                     "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "font", "label", "code"})
_KINDS = {"h1": ("headline", 1), "h2": ("subhead", 2), "h3": ("subhead", 3), "h4": ("subhead", 4),
          "h5": ("subhead", 5), "h6": ("subhead", 6), "td": ("table-cell", 0), "th": ("table-cell", 0)}
_CONTAINERS = {"li": "list", "dd": "list", "dt": "list", "blockquote": "quote", "figcaption": "caption",
               "caption": "caption"}
_SPACE_OR_MASK = re.compile(f"[ \\t\\r\\n\\f]+|{DROP}+|{VALUE}+")


_SECTION_NAME = re.compile(r"[a-zA-Z][-_.a-zA-Z0-9]*")
_SECTION_KEYWORDS = frozenset({"temp", "cdata", "ignore", "include", "rcdata", "if", "else", "endif"})


class HTMLReader(HTMLParser):
    """An HTMLParser that reads a ``<![`` opening no marked section it knows as a
    browser does, a bogus comment up to the next ``>``: Python 3.11's parser
    raises AssertionError there (``<![ x``, ``<![foo]>``), and an article is
    text to lint, not markup to validate."""

    def parse_marked_section(self, i, report=1):
        name = _SECTION_NAME.match(self.rawdata, i + 3)
        if i + 3 == len(self.rawdata) or (name and (name.end() == len(self.rawdata)
                                                     or name.group().lower() in _SECTION_KEYWORDS)):
            return super().parse_marked_section(i, report)  # a known section, or one not read to its end yet
        return self.parse_bogus_comment(i, report)


class _Reader(HTMLReader):
    def __init__(self, source: str, fragment: bool = False) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        # A fragment (a raw HTML block inside Markdown) is part of the article:
        # no <article>/<main> scoping, and its comments are kept with their offsets.
        self.fragment = fragment
        self.comments: list[tuple[int, str]] = []
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.stack: list[str] = []
        self.skipping = 0
        self.scope_depth: int | None = None  # stack depth of <article>/<main>, once seen
        self.builder = ProseBuilder()
        self.block_tags: list[str] = []
        self.blocks: list[Block] = []
        self.title: Block | None = None
        self.in_title = False
        self.title_builder = ProseBuilder()
        self.dates: list[str] = []
        self.directives = []

    # --- positions --------------------------------------------------------------
    def _here(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    # --- structure --------------------------------------------------------------
    def handle_starttag(self, tag, attrs) -> None:
        attributes = dict(attrs)
        if tag == "meta" and attributes.get("property") in ("article:published_time", "og:published_time"):
            self.dates.append(attributes.get("content") or "")
        if tag == "time" and attributes.get("datetime"):
            self.dates.append(attributes["datetime"])
        if tag == "title":
            self.in_title = True
        if tag in _VOID:
            if tag == "br" and self._reading():
                self._add_space(self._here(), self._here() + len(self.get_starttag_text() or ""))
            return
        if tag not in _INLINE:
            self._flush()
        self.stack.append(tag)
        if tag in ("article", "main") and self.scope_depth is None and not self.fragment:
            self.scope_depth = len(self.stack)
            # The page's text before its article (a banner, a menu) is not the article; its h1 may be.
            self.blocks = [b for b in self.blocks if b.kind == "headline"]
        if tag in _SKIPPED or (tag == "code" and self._reading()):
            if tag == "code":
                start = self._here()
                self.builder.add_synthetic(CODE_PLACEHOLDER, start, start + len(self.get_starttag_text() or ""))
            self.skipping += 1
        if tag not in _INLINE:
            self.block_tags.append(tag)

    def handle_startendtag(self, tag, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag) -> None:
        if tag == "title":
            self.in_title = False
        if tag not in self.stack:
            return  # a stray end tag
        if tag not in _INLINE:
            self._flush()
        while self.stack:
            open_tag = self.stack.pop()
            if open_tag in _SKIPPED or open_tag == "code":
                self.skipping = max(self.skipping - 1, 0)
            if open_tag not in _INLINE and self.block_tags:
                self.block_tags.pop()
            if self.scope_depth is not None and len(self.stack) < self.scope_depth:
                self.scope_depth = -1  # the article is over: nothing after it is read
            if open_tag == tag:
                break

    def _reading(self) -> bool:
        if self.skipping:
            return False
        return self.scope_depth is None or (self.scope_depth > 0 and len(self.stack) >= self.scope_depth)

    # --- text -------------------------------------------------------------------
    def handle_data(self, data) -> None:
        start = self._here()
        if self.in_title:
            _add_text(self.title_builder, data, start)
        elif self._reading():
            _add_text(self.builder, data, start)

    def _reference(self, raw: str) -> None:
        start = self._here()
        text = unescape(raw)
        builder = self.title_builder if self.in_title else self.builder if self._reading() else None
        if builder is not None and text != raw:
            builder.add_synthetic(text, start, start + len(raw))
        elif builder is not None:
            builder.add_source(self.source, start, start + len(raw))

    def handle_entityref(self, name) -> None:
        self._reference(f"&{name};" if self.source.startswith(f"&{name};", self._here()) else f"&{name}")

    def handle_charref(self, name) -> None:
        self._reference(f"&#{name};" if self.source.startswith(f"&#{name};", self._here()) else f"&#{name}")

    def handle_comment(self, data) -> None:
        if self.fragment:
            self.comments.append((self._here(), data))
        elif "copydesk-" in data or "vale" in data:
            line, column = self.getpos()
            self.directives.extend(parse_directives(f"<!--{data}-->", line, column + 1))

    def _add_space(self, start: int, end: int) -> None:
        self.builder.add_synthetic(" ", start, end)

    def _flush(self) -> None:
        text, starts, ends = self.builder.build()
        self.builder = ProseBuilder()
        block = _block(text, starts, ends, self.block_tags)
        if block:
            self.blocks.append(block)

    def close(self) -> None:
        super().close()
        self._flush()
        text, starts, ends = self.title_builder.build()
        self.title = _block(text, starts, ends, ["h1"])


# The rest of a tag that a template tag opened: ``{% image "a.png" %} width="600px">``.
# Each attribute after the first needs a blank before it, so no two ways to split
# a name, and the match is linear.
# The first attribute must have a value, so "{{ n }} items > 5" stays prose.
_VALUE = r"""[ \t]*=[ \t]*(?:"[^"]*"|'[^']*'|[^\s>"']+)"""
_ATTRIBUTE = rf"[\w:.-]+(?:{_VALUE})?"
_TAG_TAIL = re.compile(rf"[ \t]*[\w:.-]+{_VALUE}(?:\s+{_ATTRIBUTE})*\s*/?>")


def _add_text(builder: ProseBuilder, data: str, start: int) -> None:
    """Verbatim text, each run of whitespace read as one space; template syntax
    dropped, or a placeholder where it renders a value."""
    position = 0
    search_from = 0
    while (match := _SPACE_OR_MASK.search(data, search_from)) is not None:
        if match.start() > position:
            builder.add_mapped(data[position:match.start()], range(start + position, start + match.start()))
        kind = match.group()[0]
        replacement = " " if kind not in (DROP, VALUE) else CODE_PLACEHOLDER if kind == VALUE else ""
        end = match.end()
        tail = _TAG_TAIL.match(data, end) if kind in (DROP, VALUE) else None
        if tail:  # markup the template started is markup still
            end, replacement = tail.end(), ""
        builder.add_synthetic(replacement, start + match.start(), start + end)
        position = search_from = end
    if position < len(data):
        builder.add_mapped(data[position:], range(start + position, start + len(data)))


def _block(text: str, starts, ends, block_tags: list[str]) -> Block | None:
    if "  " in text:  # whitespace runs are one space each; two in a row come from dropped syntax
        keep = [i for i, char in enumerate(text) if not (char == " " and i and text[i - 1] == " ")]
        text = "".join(text[i] for i in keep)
        starts, ends = array("q", (starts[i] for i in keep)), array("q", (ends[i] for i in keep))
    first = len(text) - len(text.lstrip())
    last = len(text.rstrip())
    if first >= last or text.strip() == CODE_PLACEHOLDER:
        return None
    kind, level, container = "paragraph", 0, ""
    for tag in reversed(block_tags):
        if tag in _KINDS:
            kind, level = _KINDS[tag]
            break
        if tag in _CONTAINERS and not container:
            container = _CONTAINERS[tag]
    return Block(kind, text[first:last], starts[first:last], ends[first:last], level=level, container=container)


def read_fragment(text: str) -> tuple[list[Block], list[tuple[int, str]]]:
    """The prose blocks of an HTML fragment (a raw HTML block in a Markdown
    article), with offsets into ``text``, and its comments as (offset, text).

    The same reader as a page: scripts, styles, ``pre``, ``svg`` and comments
    are never prose, inline tags (``<a>``, ``<em>``) do not split a sentence,
    ``<code>`` stands as a placeholder; but no ``<article>`` scoping, since the
    fragment already is the article."""
    reader = _Reader(text, fragment=True)
    reader.feed(text)
    reader.close()
    return reader.blocks, reader.comments


def parse_html(source: str, path: str) -> Document:
    doc = Document(path=path, source=source, format="html")
    # Template syntax (a site's layouts and includes) is masked first; offsets do not move.
    masked = mask(source).text
    reader = _Reader(masked)
    reader.feed(masked)
    reader.close()
    blocks = reader.blocks
    if reader.title and not any(block.kind == "headline" for block in blocks):
        blocks.insert(0, reader.title)
    doc.blocks = blocks
    doc.directives = reader.directives
    for value in reader.dates:
        when = as_date(value)
        if when:
            doc.metadata["date"] = when
            break
    return doc
