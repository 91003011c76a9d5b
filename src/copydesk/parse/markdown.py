"""Markdown articles through markdown-it-py (CommonMark, tables, strikethrough).

markdown-it gives line ranges for blocks but no offsets for inline tokens, so
prose is recovered in two recorded steps, never by searching for a finding's
text afterwards:

1. each line of an inline token's ``content`` is tied to its source line
   (the content line is that source line minus its container prefix);
2. the inline children are walked in order against that content with a cursor,
   keeping text, dropping markup (emphasis markers, link targets, raw HTML)
   and standing a placeholder in for code spans, images and autolinks.

Front matter is read and blanked first (:mod:`copydesk.parse.frontmatter`),
then template and component syntax is masked (:mod:`copydesk.parse.templates`);
both keep every offset, so the walk above stays exact. Footnotes, dollar math,
``!!!`` admonitions and definition lists come from mdit-py-plugins.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin

from copydesk.document import Block, Document, ProseBuilder, SourceMap
from copydesk.parse import parse_directives
from copydesk.parse.html import read_fragment
from copydesk.parse.frontmatter import DEFAULT_FIELDS, FrontMatterFields, blank, description_blocks, find_front_matter, headline_block, metadata
from copydesk.parse.templates import DROP, VALUE, mask

CODE_PLACEHOLDER = "code"
LINK_PLACEHOLDER = "link"
IMAGE_PLACEHOLDER = "image"

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_MASK_RUN = re.compile(f"{DROP}+|{VALUE}+")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?\"'”’]")


class AlignmentError(Exception):
    """The inline tokens did not line up with the source; fall back to raw text."""


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True})
    md.use(footnote_plugin).use(admon_plugin).use(deflist_plugin)
    # "$5 and $10" is money, not math: no space inside, no digit outside the dollars.
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True)
    md.enable(["table", "strikethrough"])
    # Keep escapes and entities as separate tokens so their source form is known.
    md.disable("text_join")
    return md


_MD: MarkdownIt | None = None


def _markdown() -> MarkdownIt:
    global _MD
    if _MD is None:
        _MD = _parser()
    return _MD


class _SourceLines:
    def __init__(self, source: str) -> None:
        self.source = source
        self.starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def span(self, line: int) -> tuple[int, int]:
        """(start, end) of a 0-based line's content, excluding \\r\\n."""
        start = self.starts[line]
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.source)
        if end > start and self.source[end - 1] == "\r":
            end -= 1
        return start, end


def _content_positions(content: str, line_range: Sequence[int], lines: _SourceLines,
                       atx_heading: bool) -> SourceMap:
    """For every character of an inline token's content, its source offset (a run a line).

    One extra entry maps the end of the content.
    """
    content_lines = content.split("\n")
    # markdown-it trims a block's content, which also drops whole lines of Unicode
    # whitespace at either end (a line of no-break spaces is not blank to CommonMark):
    # the content then starts some lines below the block's first.
    dropped = max(line_range[1] - line_range[0] - len(content_lines), 0)
    for skipped in range(dropped + 1):
        positions = _aligned_positions(content_lines, line_range[0] + skipped, lines, atx_heading)
        if positions is not None:
            return positions
    return _clamped_positions(content_lines, line_range[0], lines)


def _aligned_positions(content_lines: list[str], first_line: int, lines: _SourceLines,
                       atx_heading: bool) -> SourceMap | None:
    """The content's map with its first line on source line ``first_line``; None where
    a content line is not its source line's end."""
    positions = SourceMap()
    source = lines.source
    for index, content_line in enumerate(content_lines):
        start, end = lines.span(min(first_line + index, len(lines.starts) - 1))
        line = source[start:end]
        heading_start = _atx_content_start(line, content_line) if atx_heading and index == 0 else None
        if heading_start is not None:
            positions.append(start + heading_start, 1, len(content_line) + 1)
        elif not _append_line_positions(positions, content_line, start, line):
            return None
    return positions


def _clamped_positions(content_lines: list[str], first_line: int, lines: _SourceLines) -> SourceMap:
    """A map that keeps every character on its source line, for content that no
    reading above lines up with: findings stay inside the document."""
    positions = SourceMap()
    for index, content_line in enumerate(content_lines):
        start, end = lines.span(min(first_line + index, len(lines.starts) - 1))
        verbatim = min(len(content_line) + 1, end - start + 1)
        positions.append(start, 1, verbatim)
        positions.append(end, 0, len(content_line) + 1 - verbatim)
    return positions


def _atx_content_start(line: str, content: str) -> int | None:
    """Where an ATX heading's content starts in its line, read from the line's end
    as markdown-it cuts it: trailing blanks, then a closing run of ``#`` that a
    blank precedes, then the whitespace its trim drops. (The container prefix in
    front, ``> `` or a footnote label, may hold a ``#`` itself.)"""
    end = len(line.rstrip(" \t"))
    closing = len(line[:end].rstrip("#"))
    if 0 < closing < end and line[closing - 1] in " \t":
        end = closing
    for content_end in range(end, len(line[:end].rstrip()) - 1, -1):
        start = content_end - len(content)
        if start >= 0 and line.startswith(content, start):
            return start
    return None


# markdown-it cuts a block's line out of its container (a list item's indent, a
# quote's "> ") and, where the cut falls inside a tab, writes the columns of
# the tab left over as spaces: at most 3, since the tab began inside the indent.
_MOST_TAB_SPACES = 3


def _append_line_positions(positions: SourceMap, content_line: str, start: int, line: str) -> bool:
    """Add the source offsets of one content line and of the line break after it;
    False (nothing added) where the content line is not the line's end.

    The content line is the end of its source line (its last line also loses the
    whitespace markdown-it trims), after at most 3 spaces that stand for a tab
    the container's indent ended inside: each of those spaces maps to the tab,
    every other character to itself."""
    # The longest reading first: a line inside the block keeps its trailing blanks.
    for end in range(len(line), len(line.rstrip()) - 1, -1):
        padding = _tab_padding(content_line, line, end)
        if padding is not None:
            verbatim_start = start + end - len(content_line) + padding
            if padding:
                positions.append(verbatim_start - 1, 0, padding)
            positions.append(verbatim_start, 1, len(content_line) - padding + 1)
            return True
    return False


def _tab_padding(content_line: str, line: str, end: int) -> int | None:
    """How many spaces in front of the content line stand for a tab: 0 when the content
    line is the end of ``line[:end]``, None when no padding makes it so."""
    for padding in range(_MOST_TAB_SPACES + 1):
        verbatim = len(content_line) - padding
        if verbatim < 0 or not content_line.startswith(" " * padding):
            return None
        tab = end - verbatim - 1
        if line.endswith(content_line[padding:], 0, end) and (not padding or (tab >= 0 and line[tab] == "\t")):
            return padding
    return None


def _cell_positions(content: str, cell_start: int, cell_source: str) -> list[int]:
    """Positions for a table cell, whose content unescapes ``\\|``."""
    positions = []
    i = 0
    for char in content:
        if cell_source.startswith("\\|", i) and char == "|":
            i += 1
        positions.append(cell_start + i)
        i += 1
    positions.append(cell_start + i)
    return positions


def _table_cells(row_source: str, row_start: int) -> list[tuple[int, str]]:
    """(start offset, stripped text) of each cell of a table row."""
    text = row_source
    start = 0
    stripped = text.strip()
    if stripped.startswith("|"):
        start = text.index("|") + 1
    end = len(text.rstrip())
    if stripped.endswith("|") and not stripped.endswith("\\|") and end - 1 >= start:
        end -= 1
    cells = []
    position = start
    for piece in _UNESCAPED_PIPE.split(text[start:end]):
        leading = len(piece) - len(piece.lstrip())
        cells.append((row_start + position + leading, piece.strip()))
        position += len(piece) + 1
    return cells


def _skip_bracketed(content: str, i: int, open_char: str, close_char: str) -> int:
    """Index just past the bracket that closes the one at ``i``."""
    depth = 0
    while i < len(content):
        char = content[i]
        if char == "\\":
            i += 2
            continue
        if char == open_char:
            depth += 1
        elif char == close_char:
            depth -= 1
            if depth == 0:
                return i + 1
        elif char == "<" and open_char == "(":
            close = content.find(">", i)
            if close != -1:
                i = close
        i += 1
    raise AlignmentError("unclosed bracket")


def _expect(content: str, i: int, text: str) -> int:
    if not content.startswith(text, i):
        raise AlignmentError(f"expected {text!r} at {i}")
    return i + len(text)


def _skip_blanks(content: str, i: int) -> int:
    while i < len(content) and content[i] in " \t":
        i += 1
    return i


def _inline_pieces(content: str, children, comments: list | None = None) -> list[tuple[int, int, str | None]]:
    """Walk inline tokens against ``content``: (start, end, replacement) pieces.

    A replacement of None keeps ``content[start:end]`` verbatim. Inline HTML
    comments go to ``comments`` as (index into content, comment).
    """
    pieces: list[tuple[int, int, str | None]] = []
    i = 0
    skipping_link = False
    for token in children:
        kind = token.type
        if skipping_link:
            if kind == "link_close":
                skipping_link = False
            continue
        if kind == "text":
            end = _expect(content, i, token.content)
            pieces.extend(_text_pieces(content, i, end))
            i = end
        elif kind == "footnote_ref":
            i = _expect(content, i, f"[^{token.meta['label']}]")  # a marker, not a figure
        elif kind in ("math_inline", "math_inline_double"):
            start = i
            i = _expect(content, i, token.markup + token.content + token.markup)
            pieces.append((start, i, CODE_PLACEHOLDER))
        elif kind == "text_special":
            end = _expect(content, i, token.markup)
            pieces.append((i, end, token.content))
            i = end
        elif kind in ("softbreak", "hardbreak"):
            i = _skip_blanks(content, i)
            if kind == "hardbreak" and content.startswith("\\", i):
                i += 1
            if content.startswith("\n", i):
                pieces.append((i, i + 1, None))
                i += 1
            i = _skip_blanks(content, i)
        elif kind == "code_inline":
            opening = re.compile(r"`+").match(content, i)
            if not opening:
                raise AlignmentError("code span")
            ticks = opening.group()
            closing = re.compile(rf"(?<!`){ticks}(?!`)").search(content, opening.end())
            if not closing:
                raise AlignmentError("code span end")
            pieces.append((i, closing.end(), CODE_PLACEHOLDER))
            i = closing.end()
        elif kind in ("em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"):
            i = _expect(content, i, token.markup)
        elif kind == "link_open":
            if token.markup == "autolink":
                end = content.find(">", i)
                if end == -1:
                    raise AlignmentError("autolink")
                pieces.append((i, end + 1, LINK_PLACEHOLDER))
                i = end + 1
                skipping_link = True
            else:
                i = _expect(content, i, "[")
        elif kind == "link_close":
            i = _expect(content, i, "]")
            i = _skip_link_target(content, i)
        elif kind == "image":
            start = i
            i = _expect(content, i, "!")
            i = _skip_bracketed(content, i, "[", "]")
            i = _skip_link_target(content, i)
            pieces.append((start, i, IMAGE_PLACEHOLDER))
        elif kind == "html_inline":
            if comments is not None and token.content.startswith("<!--"):
                comments.append((i, token.content))
            i = _expect(content, i, token.content)
        else:
            raise AlignmentError(f"unexpected token {kind}")
    return pieces


def _skip_link_target(content: str, i: int) -> int:
    if content.startswith("(", i):
        return _skip_bracketed(content, i, "(", ")")
    if content.startswith("[", i):
        return _skip_bracketed(content, i, "[", "]")
    return i


def _text_pieces(content: str, start: int, end: int):
    """A text token's pieces: masked template syntax dropped (or a placeholder for
    a value it renders), bare URLs replaced by a placeholder, the rest verbatim."""
    position = start
    for run in _MASK_RUN.finditer(content, start, end):
        run_start, run_end = run.span()
        if run.group()[0] == VALUE:
            yield from _split_urls(content, position, run_start)
            yield (run_start, run_end, CODE_PLACEHOLDER)
            position = run_end
            continue
        # "a {% tag %} b" reads "a b": one of the spaces around the tag goes too.
        before = content[run_start - 1] if run_start > position else "\n"
        after = content[run_end] if run_end < end else "\n"
        if before == " " and after in " \n":
            run_start -= 1
        elif before == "\n" and after == " ":
            run_end += 1
        yield from _split_urls(content, position, run_start)
        yield (run_start, run_end, "")
        position = run_end
    yield from _split_urls(content, position, end)


def _split_urls(content: str, start: int, end: int):
    """Verbatim text, with bare URLs replaced by a placeholder."""
    position = start
    for match in _URL.finditer(content, start, end):
        if match.start() > position:
            yield (position, match.start(), None)
        yield (match.start(), match.end(), LINK_PLACEHOLDER)
        position = match.end()
    if position < end:
        yield (position, end, None)


def _comments(content: str):
    """(index, comment) of each closed HTML comment, scanning forward only."""
    position = content.find("<!--")
    while position != -1:
        end = content.find("-->", position + 4)
        if end == -1:
            return
        yield position, content[position : end + 3]
        position = content.find("<!--", end + 3)


def _build_block(kind: str, content: str, children, positions: Sequence[int], comments: list | None = None,
                 **extra) -> Block | None:
    found: list = []
    try:
        pieces = _inline_pieces(content, children, found)
    except AlignmentError:
        pieces = [(0, len(content), None)]  # lint the raw text: positions stay exact
        found = list(_comments(content))
    if comments is not None:
        comments.extend((positions[index], text) for index, text in found)
    builder = ProseBuilder()
    for start, end, replacement in pieces:
        if replacement is None:
            builder.add_mapped(content[start:end], positions[start:end])
        else:
            builder.add_synthetic(replacement, positions[start], positions[max(end - 1, start)] + 1)
    text, starts, ends = builder.build()
    # A dropped template line can leave a line break at either end.
    first = len(text) - len(text.lstrip())
    last = len(text.rstrip())
    if first >= last or text.strip() == IMAGE_PLACEHOLDER:
        return None
    if kind in ("headline", "subhead") and text.strip() == CODE_PLACEHOLDER:
        return None  # a heading that is all template ("# {{ page.title }}"): nothing to check
    return Block(kind, text[first:last], starts[first:last], ends[first:last], **extra)


def is_mdx(path: str) -> bool:
    return path.lower().endswith(".mdx")


def masked_body(source: str, path: str) -> str:
    """The text markdown-it reads: front matter blanked, template syntax masked."""
    front = find_front_matter(source)
    text = blank(source, front.start, front.end) if front else source
    return mask(text, mdx=is_mdx(path)).text


def parse_markdown(source: str, path: str, fields: FrontMatterFields = DEFAULT_FIELDS) -> Document:
    doc = Document(path=path, source=source, format="markdown")
    front = find_front_matter(source)
    doc.metadata = metadata(front, path, fields)
    text = source
    if front:
        title = headline_block(source, front, fields)
        if title:
            doc.blocks.append(title)
        doc.blocks.extend(_field_blocks(source, front, fields))
        text = blank(source, front.start, front.end)
    masked = mask(text, mdx=is_mdx(path))
    # markdown-it breaks lines at a lone CR too; copydesk's line index (like the
    # SARIF consumers') breaks at LF only, so a lone CR is read as a space. A NUL
    # is read as U+FFFD, as markdown-it would. Both keep every offset, and the
    # content lines are matched against the very text markdown-it read.
    read = re.sub(r"\r(?!\n)", " ", masked.text).replace("\0", "\ufffd")
    lines = _SourceLines(read)
    tokens = _markdown().parse(read)
    _walk_blocks(doc, tokens, lines)
    doc.blocks.extend(_caption_blocks(source, lines, masked.captions, _code_lines(tokens)))
    doc.blocks.sort(key=lambda block: block.source_start)  # footnotes and captions into reading order
    doc.directives.sort(key=lambda directive: (directive.line, directive.column))
    return doc


def _field_blocks(source: str, front, fields: FrontMatterFields) -> list[Block]:
    """The description fields, read as the Markdown a site renders them with
    (``markdownify``): a link, inline HTML or a template tag in a teaser is
    markup there too. Each field's text is parsed alone and its blocks' offsets
    go through the field's own source map."""
    blocks = []
    for field in description_blocks(source, front, fields):
        for inner in parse_markdown(field.text, "<front-matter>").blocks:
            starts = field.starts.read_through(inner.starts)
            ends = field.ends.read_through(inner.ends, before=1)
            blocks.append(Block("paragraph", inner.text, starts, ends, container=field.container))
    return blocks


def _walk_blocks(doc: Document, tokens, lines: _SourceLines) -> None:
    containers: list[str] = []
    heading_level = 0
    atx_heading = False
    row_cells: list[tuple[int, str]] = []
    cell_index = 0
    skipping_title = False
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open", "dl_open"):
            containers.append("list")
        elif kind == "blockquote_open":
            containers.append("quote")
        elif kind in ("footnote_open", "admonition_open"):
            containers.append("note")
        elif kind in ("bullet_list_close", "ordered_list_close", "dl_close", "blockquote_close",
                      "footnote_close", "admonition_close"):
            if containers:  # the footnote plugin can leave a close without its open ("[^a]: - [^b]: ")
                containers.pop()
        elif kind == "admonition_title_open":
            skipping_title = True  # "!!! note" is markup; a custom title is a label, not a sentence
        elif kind == "admonition_title_close":
            skipping_title = False
        elif kind == "heading_open":
            heading_level = int(token.tag[1])
            atx_heading = token.markup.startswith("#")  # not underlined: one line, maybe a closing run
        elif kind == "heading_close":
            heading_level = 0
            atx_heading = False
        elif kind == "tr_open":
            start, end = lines.span(token.map[0])
            row_cells = _table_cells(lines.source[start:end], start)
            cell_index = 0
        elif kind == "html_block" and token.map:
            _html_block(doc, token, lines, containers)
        elif kind == "inline" and not skipping_title:
            block = _inline_block(doc, token, lines, (heading_level, atx_heading), containers, row_cells,
                                  cell_index)
            if row_cells:
                cell_index += 1
            if block:
                doc.blocks.append(block)
        elif kind == "table_close":
            row_cells = []


def _html_block(doc: Document, token, lines: _SourceLines, containers: list[str]) -> None:
    """A raw HTML block is read as HTML: the author's ``<p>``, ``<div>`` or
    ``<blockquote>`` holds prose. The page reader (:func:`read_fragment`) parses
    the block's content; its offsets go through the content's source map, so
    a container prefix (``> ``, a list indent) never shifts a column."""
    content = token.content
    positions = _content_positions(content, token.map, lines, atx_heading=False)
    blocks, comments = read_fragment(content)
    for offset, comment in comments:
        line, column = _line_and_column(lines, positions[offset])
        doc.directives.extend(parse_directives(f"<!--{comment}-->", line, column))
    container = containers[-1] if containers else ""
    for block in blocks:
        starts = positions.read_through(block.starts)
        ends = positions.read_through(block.ends, before=1, plus=1)
        # An embedded tweet is a <blockquote>: the reader already calls it a quote.
        doc.blocks.append(Block(block.kind, block.text, starts, ends, level=block.level,
                                container=block.container or container))


def _line_and_column(lines: _SourceLines, offset: int) -> tuple[int, int]:
    """1-based line and column of a source offset."""
    index = bisect.bisect_right(lines.starts, offset) - 1
    return index + 1, offset - lines.starts[index] + 1


_CODE_TOKENS = ("fence", "code_block", "html_block", "math_block")


def _code_lines(tokens) -> set[int]:
    """0-based lines that hold code, raw HTML or math: nothing there is prose."""
    lines: set[int] = set()
    for token in tokens:
        if token.type in _CODE_TOKENS and token.map:
            lines.update(range(token.map[0], token.map[1]))
    return lines


def _caption_blocks(source: str, lines: _SourceLines, captions: list[tuple[int, int]],
                    code_lines: set[int]) -> list[Block]:
    """A shortcode's ``caption="..."`` is prose, linted where it stands."""
    blocks = []
    for start, end in captions:
        if bisect.bisect_right(lines.starts, start) - 1 in code_lines:
            continue  # a shortcode shown in a code sample
        builder = ProseBuilder()
        builder.add_source(source, start, end)
        text, starts, ends = builder.build()
        blocks.append(Block("paragraph", text, starts, ends, container="caption"))
    return blocks


def _inline_block(doc, token, lines, heading, containers, row_cells, cell_index) -> Block | None:
    content = token.content
    heading_level, atx_heading = heading
    comments: list[tuple[int, str]] = []
    if row_cells:
        if cell_index >= len(row_cells):
            return None
        cell_start, cell_text = row_cells[cell_index]
        cell_source = lines.source[cell_start : cell_start + len(cell_text)]
        positions = _cell_positions(content, cell_start, cell_source)
        block = _build_block("table-cell", content, token.children or [], positions, comments)
    else:
        positions = _content_positions(content, token.map, lines, atx_heading)
        if heading_level:
            kind = "headline" if heading_level == 1 else "subhead"
            block = _build_block(kind, content, token.children or [], positions, comments, level=heading_level)
        else:
            container = containers[-1] if containers else ""
            block = _build_block("paragraph", content, token.children or [], positions, comments, container=container)
    for offset, comment in comments:
        line, column = _line_and_column(lines, offset)
        doc.directives.extend(parse_directives(comment, line, column))
    return block

