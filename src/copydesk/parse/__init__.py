"""Parsers: source text in, :class:`~copydesk.document.Document` out."""

from __future__ import annotations

import json
import re

from copydesk.document import Directive, Document

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mdx")
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
RST_SUFFIXES = (".rst",)
SUPPORTED_SUFFIXES = MARKDOWN_SUFFIXES + TEXT_SUFFIXES + HTML_SUFFIXES + RST_SUFFIXES

_DIRECTIVE = re.compile(
    r"<!--\s*copydesk-(disable-next-line|disable|enable)\b(.*?)-->", re.DOTALL
)


def format_for(path: str) -> str:
    """``markdown``, ``html`` or ``rst`` by the file name's suffix; ``text`` for everything else."""
    name = path.lower()
    if name.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(RST_SUFFIXES):
        return "rst"
    return "text"


# Vale's own control comments, as Vale 3 reads them (the whole comment, trimmed):
# ``vale off``/``vale on``, ``vale Style.Rule = NO|YES``, ``vale Style = NO|YES``
# and ``vale Style.Rule["match", ...] = NO|YES``. They apply to the style rules only.
_VALE_SETTINGS = ("YES", "NO", "on", "off")


def parse_directives(comment: str, line: int, column: int = 0) -> list[Directive]:
    """Read the suppression directives in an HTML comment that starts at ``line``
    (and ``column``, 1-based, where the caller knows it)."""
    directives = []
    for match in _DIRECTIVE.finditer(comment):
        targets = tuple(t for t in re.split(r"[\s,]+", match.group(2).strip()) if t)
        comment_line = line + comment.count("\n", 0, match.start())
        directives.append(Directive(comment_line, match.group(1), targets))
    vale = vale_directive(comment.removeprefix("<!--").removesuffix("-->"), line, column)
    if vale:
        directives.append(vale)
    return directives


def vale_directive(text: str, line: int, column: int) -> Directive | None:
    """A Vale control comment's directive: each switch (``off``, a style, a rule,
    a rule's matches) is its own key, on until the same key is switched back."""
    text = text.strip()
    if text in ("vale off", "vale on"):
        action = "disable" if text == "vale off" else "enable"
        return Directive(line, action, ("style",), column=column, key="off")
    # Split by hand (no pattern that could backtrack): "vale NAME[MATCHES] = SETTING".
    head, equals, setting = text.rpartition(" = ")
    if not equals or not head.startswith("vale ") or setting not in _VALE_SETTINGS:
        return None
    name, bracket, matches = head[5:].partition("[")
    name = name.strip()
    if not name or " " in name or "=" in name:
        return None
    words: tuple[str, ...] = ()
    if bracket:
        if "." not in name or setting not in ("YES", "NO") or not matches.endswith("]"):
            return None  # Vale reads a match list on a rule only
        try:
            words = tuple(str(w) for w in json.loads("[" + matches))
        except ValueError:
            return None
    action = "disable" if setting in ("NO", "off") else "enable"
    return Directive(line, action, ("style." + name,), column=column, key=name + bracket + matches, matches=words)


_LONE_CR = re.compile(r"\r(?!\n)")


def parse(source: str, path: str = "<text>", fmt: str | None = None, front_matter=None) -> Document:
    """Parse ``source`` (already decoded, BOM removed) into a Document.

    ``front_matter`` (a :class:`~copydesk.parse.frontmatter.FrontMatterFields`)
    names the fields that hold the headline, date and description.
    A lone CR ends a line (old Mac files): the parsers read it as LF, which has
    the same length, so every offset holds; the document keeps the source as it is.
    """
    if "\r" in source:
        parsed = _parse(_LONE_CR.sub("\n", source), path, fmt, front_matter)
        parsed.source = source
        return parsed
    return _parse(source, path, fmt, front_matter)


def _parse(source: str, path: str, fmt: str | None, front_matter=None) -> Document:
    fmt = fmt or format_for(path)
    if fmt == "markdown":
        from copydesk.parse.frontmatter import DEFAULT_FIELDS
        from copydesk.parse.markdown import parse_markdown

        return parse_markdown(source, path, front_matter or DEFAULT_FIELDS)
    if fmt == "html":
        from copydesk.parse.html import parse_html

        return parse_html(source, path)
    if fmt == "rst":
        from copydesk.parse.rst import parse_rst

        return parse_rst(source, path)
    from copydesk.parse.text import parse_text

    return parse_text(source, path)
