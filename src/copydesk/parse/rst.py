"""reStructuredText articles (``.rst``) through docutils.

docutils gives each paragraph and title its first source line and its raw
source, not character offsets, so positions are recorded in two steps (as for
Markdown): each line of the raw source is tied to its source line (the raw
line is that line minus its indentation and markers), then the inline nodes
are walked against the raw source with a cursor, keeping text, dropping
markup and standing a placeholder in for literals, roles and substitutions.
A block whose nodes do not line up with its source is left out rather than
linted at a guessed position.

Never prose: directives' code and raw content, comments, targets,
substitution definitions, the docinfo field list. The document title is the
headline, section titles are subheads; ``:date:`` is the publication date.
"""

from __future__ import annotations

import io

from docutils import nodes
from docutils.core import publish_doctree

from copydesk.document import Block, Document, ProseBuilder, SourceMap
from copydesk.parse.frontmatter import as_date

CODE_PLACEHOLDER = "code"
# docutils must not read other files, pass raw HTML through, or print its warnings.
_SETTINGS = {
    "report_level": 5, "halt_level": 5, "warning_stream": io.StringIO(), "file_insertion_enabled": False,
    "raw_enabled": False, "input_encoding": "unicode", "syntax_highlight": "none",
}
_NOT_PROSE = (nodes.literal_block, nodes.comment, nodes.raw, nodes.system_message, nodes.substitution_definition,
              nodes.target, nodes.docinfo, nodes.field_list, nodes.math_block, nodes.doctest_block,
              nodes.line_block, nodes.option_list)
_INLINE_OFFSETS = {nodes.emphasis: 1, nodes.strong: 2}


class _Misaligned(Exception):
    """The nodes did not line up with the raw source."""


def parse_rst(source: str, path: str) -> Document:
    doc = Document(path=path, source=source, format="rst")
    tree = publish_doctree(source, source_path=path, settings_overrides=dict(_SETTINGS, warning_stream=io.StringIO()))
    line_starts = [0] + [index + 1 for index, char in enumerate(source) if char == "\n"]
    for node in tree.findall(lambda n: isinstance(n, (nodes.paragraph, nodes.title))):
        if _inside(node, _NOT_PROSE) or not node.rawsource or node.line is None:
            continue
        kind, level, container = _kind(node, tree)
        try:
            block = _block(source, line_starts, node, kind, level, container)
        except _Misaligned:
            continue
        if block:
            doc.blocks.append(block)
    doc.blocks.sort(key=lambda block: block.source_start)
    for date_node in tree.findall(nodes.date):
        when = as_date(date_node.astext())
        if when:
            doc.metadata["date"] = when
            break
    return doc


def _inside(node, kinds) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parent
    return False


def _kind(node, tree) -> tuple[str, int, str]:
    if isinstance(node, nodes.title):
        if node.parent is tree:
            return "headline", 1, ""
        if isinstance(node.parent, nodes.section):
            depth = sum(1 for _ in _ancestors(node, nodes.section))
            return "subhead", depth + 1, ""
        return "paragraph", 0, "note"  # an admonition's or a topic's title
    if _inside(node, (nodes.entry,)):
        return "table-cell", 0, ""
    if _inside(node, (nodes.footnote, nodes.citation, nodes.Admonition, nodes.sidebar, nodes.topic)):
        return "paragraph", 0, "note"
    if _inside(node, (nodes.list_item, nodes.definition_list_item)):
        return "paragraph", 0, "list"
    if _inside(node, (nodes.block_quote,)):
        return "paragraph", 0, "quote"
    return "paragraph", 0, ""


def _ancestors(node, kind):
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kind):
            yield parent
        parent = parent.parent


def _raw_positions(source: str, line_starts: list[int], raw: str, first_line: int) -> list[int]:
    """For every character of ``raw`` (and its end), the source offset: each raw line
    must end its source line (after the indentation and any list or directive marker)."""
    positions: list[int] = []
    for index, raw_line in enumerate(raw.split("\n")):
        line = first_line + index
        if line >= len(line_starts):
            raise _Misaligned("past the end")
        start = line_starts[line]
        end = line_starts[line + 1] - 1 if line + 1 < len(line_starts) else len(source)
        text = source[start:end].rstrip()
        wanted = raw_line.rstrip()
        if not text.endswith(wanted):
            raise _Misaligned(f"line {line + 1}")
        offset = start + len(text) - len(wanted)
        positions.extend(range(offset, offset + len(raw_line)))
        positions.append(offset + len(raw_line))
    return positions


def _first_line(node) -> int:
    """0-based source line of the node's raw text (a title's ``line`` is its underline)."""
    return node.line - 2 if isinstance(node, nodes.title) else node.line - 1


def _block(source, line_starts, node, kind, level, container) -> Block | None:
    raw = node.rawsource
    positions = _raw_positions(source, line_starts, raw, _first_line(node))
    builder = ProseBuilder()
    cursor = 0
    for child in node.children:
        cursor = _walk(child, raw, cursor, positions, builder)
    text, starts, ends = _without_doubled_spaces(*builder.build())
    first = len(text) - len(text.lstrip())
    last = len(text.rstrip())
    if first >= last:
        return None
    return Block(kind, text[first:last], starts[first:last], ends[first:last], level=level, container=container)


def _without_doubled_spaces(text: str, starts, ends):
    """A dropped footnote reference ("a note [1]_ here") leaves two spaces the source
    does not have next to each other; keep the first."""
    if "  " not in text:
        return text, starts, ends
    keep = [index for index, char in enumerate(text)
            if not (char == " " and index and text[index - 1] == " " and starts[index] != ends[index - 1])]
    return "".join(text[i] for i in keep), SourceMap.of(starts[i] for i in keep), SourceMap.of(ends[i] for i in keep)


def _walk(child, raw: str, cursor: int, positions: list[int], builder: ProseBuilder) -> int:
    if isinstance(child, nodes.Text):
        return _match_text(str(child), raw, cursor, positions, builder)
    if isinstance(child, nodes.target):
        return cursor  # the target of "`text <url>`_": its source lies inside the reference's
    markup = child.rawsource
    if not markup or not raw.startswith(markup, cursor):
        raise _Misaligned(type(child).__name__)
    end = cursor + len(markup)
    inner_offset = _INLINE_OFFSETS.get(type(child))
    if inner_offset is None and isinstance(child, nodes.reference) and child.children:
        inner_offset = 1 if markup.startswith("`") else 0
    if inner_offset is not None and len(child.children) == 1 and isinstance(child.children[0], nodes.Text):
        _match_text(child.astext(), raw, cursor + inner_offset, positions, builder)
    elif not isinstance(child, (nodes.footnote_reference, nodes.citation_reference)):
        # A literal, a role, a substitution: a placeholder keeps the sentence whole.
        builder.add_synthetic(CODE_PLACEHOLDER, positions[cursor], positions[end - 1] + 1)
    return end


def _match_text(text: str, raw: str, cursor: int, positions: list[int], builder: ProseBuilder) -> int:
    """Map ``text`` onto ``raw`` from ``cursor``, skipping the backslashes of escapes."""
    for char in text:
        if cursor < len(raw) and raw[cursor] == "\\" and char != "\\":
            cursor += 1
        if cursor >= len(raw) or raw[cursor] != char:
            raise _Misaligned("text")
        builder.add_mapped(char, [positions[cursor]])
        cursor += 1
    return cursor
