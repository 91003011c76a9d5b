"""An independent check that no finding lies in markup.

The article is rendered to HTML by the same markdown-it parser, and the HTML to
plain words (outside code, math, scripts and styles), as a reader would see the
page. A finding's prose (the characters of its block that its source range
covers) must then occur, word for word, in that text: a finding on a template
tag, a link target, front matter or an attribute would not.
"""

from __future__ import annotations

import re

from copydesk.document import Document
from markdown_it import MarkdownIt

from copydesk.parse.html import HTMLReader
from copydesk.parse.markdown import CODE_PLACEHOLDER, IMAGE_PLACEHOLDER, LINK_PLACEHOLDER, _URL, _parser, masked_body
from copydesk.parse.templates import MASKS

_SKIPPED_TAGS = frozenset({"code", "pre", "script", "style", "svg", "iframe", "noscript", "math"})
_SKIPPED_CLASSES = ("math", "footnote-ref")
_VOID_TAGS = frozenset({"br", "img", "hr", "input", "meta", "link", "wbr", "source", "area", "col", "embed"})
_INLINE_TAGS = frozenset({"a", "em", "strong", "s", "del", "b", "i", "u", "span", "sup", "sub", "mark", "abbr",
                          "small", "cite", "q", "kbd", "time", "ins", "font"})
_CONTEXT = 40
_WORD = re.compile(r"[^\W_]+")
_PLACEHOLDERS = frozenset({CODE_PLACEHOLDER, LINK_PLACEHOLDER, IMAGE_PLACEHOLDER})


class _Words(HTMLReader):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._open: list[bool] = []  # for each open element: is its text left out?
        self._href: str | None = None

    def _skipping(self) -> bool:
        return any(self._open)

    def handle_starttag(self, tag, attrs) -> None:
        if tag not in _INLINE_TAGS:
            self.parts.append(" ")  # a block, a line break or an image separates words
        if tag in _VOID_TAGS:
            return
        classes = dict(attrs).get("class") or ""
        self._open.append(tag in _SKIPPED_TAGS or any(name in classes for name in _SKIPPED_CLASSES))
        self._href = dict(attrs).get("href") if tag == "a" else None

    def handle_endtag(self, tag) -> None:
        if tag not in _VOID_TAGS and self._open:
            self._open.pop()
        if tag not in _INLINE_TAGS:
            self.parts.append(" ")

    def handle_data(self, data) -> None:
        if self._skipping() or (self._href and data == self._href):  # an autolink shows its address
            return
        self.parts.append(data)


def words(text: str) -> list[str]:
    """Lower-case words, placeholders left out (they stand for code, links and images)."""
    text = text.translate({ord(c): " " for c in MASKS})
    return [w for w in _WORD.findall(_URL.sub(" ", text).lower()) if w not in _PLACEHOLDERS]


def _renderer() -> MarkdownIt:
    """copydesk's parser, with text tokens joined again as the HTML renderer expects."""
    return _parser().enable("text_join")


def rendered_words(source: str, path: str, headline: str = "") -> str:
    """The rendered page's words (its front matter's ``headline`` and description
    first, as the page shows them), one space between each, with a space at both ends."""
    parser = _Words()
    parser.feed(_renderer().render(masked_body(source, path)))
    parser.close()
    return " " + " ".join(words(headline + "\n" + "".join(parser.parts))) + " "


def shown_front_matter(doc: Document) -> str:
    """The front-matter text a page shows: its headline and description fields."""
    from copydesk.parse.frontmatter import FRONT_MATTER_CONTAINER

    fields = [block.text for block in doc.blocks if block.container == FRONT_MATTER_CONTAINER]
    return "\n".join([doc.metadata.get("headline", ""), *fields])


def finding_prose(doc: Document, start: int, end: int) -> str:
    """The prose characters, in every block, whose source lies in [start, end);
    a placeholder (for code, a link, an image) reads as a space, as the page has none."""
    pieces = []
    for block in doc.blocks:
        if block.source_end <= start or block.source_start >= end:
            continue
        chars = []
        index = 0
        while index < len(block.text):
            run_end = index + 1
            # Characters of one placeholder all map to the same source range.
            while run_end < len(block.text) and (block.starts[run_end], block.ends[run_end]) == (
                    block.starts[index], block.ends[index]):
                run_end += 1
            if block.starts[index] >= start and block.ends[index] <= end:
                text = block.text[index:run_end]
                chars.append(" " if text in _PLACEHOLDERS else text)
            index = run_end
        pieces.append("".join(chars))
    return " ".join(pieces)


def in_markup(doc: Document, start: int, end: int, rendered: str) -> bool:
    """Whether a finding at source [start, end) has prose that the reader never sees."""
    if end <= start:
        return False
    prose = finding_prose(doc, start, end)
    if not prose:
        return True  # no prose at all under the finding
    needle = words(prose)
    if not needle:
        # Spaces or punctuation: the words around them must read as rendered
        # (the first and last may be cut in half by the window).
        needle = words(finding_prose(doc, start - _CONTEXT, end + _CONTEXT))[1:-1]
    return bool(needle) and " " + " ".join(needle) + " " not in rendered
