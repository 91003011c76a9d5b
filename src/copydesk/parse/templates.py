"""Site-generator and component syntax, masked before Markdown is parsed.

Liquid/Nunjucks/Jinja tags (``{% %}``), output (``{{ }}``) and comments
(``{# #}``), Hugo shortcodes (``{{< >}}``, ``{{% %}}``), ``:::`` container
fences and, in ``.mdx`` files, import/export lines, JSX tags and ``{expressions}``
are never prose. Each is overwritten, character for character, so no offset
moves:

- a line that holds nothing but such syntax becomes blank (a paragraph break,
  as the rendered page has one);
- elsewhere, ``DROP`` marks syntax that renders nothing (tags) and ``VALUE``
  syntax that renders a value (``{{ page.title }}``, a JSX expression); the
  Markdown walker removes the first and stands a placeholder in for the second.

Prose a construct carries stays in place: a paired shortcode's inner text, a
component's children, a container's body. A ``caption="..."`` attribute is
prose too: its range is returned so the parser lints it where it stands.

Every scan moves forward only; a closing delimiter that is missing is
remembered, so the time stays linear in the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DROP = "\ue000"
VALUE = "\ue001"
MASKS = DROP + VALUE

# Tags whose whole body is code or a comment, not prose.
_OPAQUE_BLOCKS = {"comment": "endcomment", "highlight": "endhighlight", "raw": "endraw"}
# raw's body is literal text (often a template example in code): only its tags are masked.
_LITERAL_BLOCKS = {"raw"}
_OPAQUE_SHORTCODES = {"highlight", "code", "mermaid", "math", "katex", "raw"}
_TAG_NAME = re.compile(r"[ \t\n]*-?[ \t\n]*/?[ \t\n]*([A-Za-z_][\w.-]*)")
_CAPTION = re.compile(r"\bcaption[ \t]*=[ \t]*(?:\"([^\"\n]*)\"|'([^'\n]*)')")
_CONTAINER_FENCE = re.compile(r"[ \t]{0,3}:{3,}[^\n]*")
_MDX_STATEMENT = re.compile(r"(?:import|export)\b[^\n]*")
_SHORTCODE_CLOSER = re.compile(r"\{\{[<%][ \t]*/[ \t]*([A-Za-z_][\w.-]*)")
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_JSX_OPEN = re.compile(r"</?[A-Za-z][\w.:-]*|<>|</>")


@dataclass
class Masked:
    text: str
    captions: list[tuple[int, int]] = field(default_factory=list)  # source ranges of carried prose


class _Scanner:
    """Finds closing delimiters, remembering the ones that are not there."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._missing: dict[str, int] = {}  # delimiter -> it is absent from this offset on
        self._next_blank: tuple[int, int] | None = None  # (searched from, found at)

    def find(self, text: str, start: int) -> int:
        if start >= self._missing.get(text, len(self.source) + 1):
            return -1
        found = self.source.find(text, start)
        if found == -1:
            self._missing[text] = start
        return found

    def crosses_blank_line(self, start: int, end: int) -> bool:
        """Whether a blank line lies in [start, end): template tags do not span paragraphs."""
        if self._next_blank is None or not (self._next_blank[0] <= start <= self._next_blank[1]):
            blank = self.search(_BLANK_LINE, "blank line", start)
            self._next_blank = (start, blank.start() if blank else len(self.source))
        return self._next_blank[1] < end

    def search(self, pattern: re.Pattern, key: str, start: int) -> re.Match | None:
        if start >= self._missing.get(key, len(self.source) + 1):
            return None
        match = pattern.search(self.source, start)
        if match is None:
            self._missing[key] = start
        return match


def _end_tag(name: str) -> re.Pattern:
    return re.compile(r"\{%-?[ \t\n]*" + re.escape(name) + r"[ \t\n]*-?%\}")


def mask(source: str, mdx: bool = False) -> Masked:
    """The source with template and component syntax masked (same length)."""
    marks = bytearray(len(source))  # 0 prose, 1 drop, 2 value
    captions: list[tuple[int, int]] = []
    _mask_templates(source, marks, captions)
    _mask_container_fences(source, marks)
    if mdx:
        _mask_mdx(source, marks)
    return Masked(_apply(source, marks), captions)


def _mask_templates(source: str, marks: bytearray, captions: list[tuple[int, int]]) -> None:
    scanner = _Scanner(source)
    paired = {match.group(1) for match in _SHORTCODE_CLOSER.finditer(source)}
    position = 0
    while True:
        position = source.find("{", position)
        if position == -1 or position + 1 >= len(source):
            return
        follower = source[position + 1]
        if follower == "%":
            position = _liquid_tag(source, scanner, position, marks)
        elif follower == "{" and source.startswith(("{{<", "{{%"), position):
            position = _shortcode(source, scanner, position, marks, captions, paired)
        elif follower == "{":
            position = _mark_until(scanner, position, "}}", marks, 2)
        elif follower == "#":
            position = _mark_until(scanner, position, "#}", marks, 1)
        else:
            position += 1


def _mark_until(scanner: _Scanner, start: int, closer: str, marks: bytearray, kind: int) -> int:
    """Mark [start, end of ``closer``) as ``kind``; the position to go on from."""
    end = scanner.find(closer, start + 2)
    if end == -1 or scanner.crosses_blank_line(start, end):
        return start + 2
    end += len(closer)
    marks[start:end] = bytes([kind]) * (end - start)
    return end


def _liquid_tag(source: str, scanner: _Scanner, start: int, marks: bytearray) -> int:
    close = scanner.find("%}", start + 2)
    if close == -1 or scanner.crosses_blank_line(start, close):
        return start + 2
    end = close + 2
    marks[start:end] = b"\x01" * (end - start)
    name_match = _TAG_NAME.match(source, start + 2, close)
    name = name_match.group(1) if name_match else ""
    if name in _OPAQUE_BLOCKS:
        closer = _OPAQUE_BLOCKS[name]
        end_match = scanner.search(_end_tag(closer), closer, end)
        if end_match is None:
            return end
        if name in _LITERAL_BLOCKS:
            marks[end_match.start():end_match.end()] = b"\x01" * (end_match.end() - end_match.start())
        else:
            marks[start:end_match.end()] = b"\x01" * (end_match.end() - start)
        return end_match.end()
    return end


def _shortcode(source: str, scanner: _Scanner, start: int, marks: bytearray, captions, paired: set[str]) -> int:
    """A Hugo shortcode. A paired one's tags render only markup around their inner
    text (dropped); a lone one renders something in place, a link or a figure (a value)."""
    closer = ">}}" if source[start + 2] == "<" else "%}}"
    close = scanner.find(closer, start + 3)
    if close == -1 or scanner.crosses_blank_line(start, close):
        return start + 3
    end = close + 3
    inside = source[start + 3 : close]
    name_match = _TAG_NAME.match(inside)
    name = name_match.group(1) if name_match else ""
    closing = inside.lstrip().startswith("/")
    kind = b"\x01" if closing or name in paired else b"\x02"
    marks[start:end] = kind * (end - start)
    for match in _CAPTION.finditer(inside):
        group = 1 if match.group(1) is not None else 2
        if match.group(group).strip():
            captions.append((start + 3 + match.start(group), start + 3 + match.end(group)))
    if name in _OPAQUE_SHORTCODES and not inside.rstrip().endswith("/"):
        # The paired body is code: mask up to and including the closing shortcode.
        end_pattern = re.compile(r"\{\{[<%][ \t]*/[ \t]*" + re.escape(name) + r"[ \t]*[>%]\}\}")
        end_match = scanner.search(end_pattern, "/" + name, end)
        if end_match:
            marks[start:end_match.end()] = b"\x01" * (end_match.end() - start)
            return end_match.end()
    return end


def _mask_container_fences(source: str, marks: bytearray) -> None:
    """``:::note Title`` ... ``:::`` (Docusaurus, MyST, VitePress): the fence lines go, the body stays."""
    position = 0
    while position < len(source):
        newline = source.find("\n", position)
        line_end = len(source) if newline == -1 else newline
        match = _CONTAINER_FENCE.fullmatch(source, position, line_end)
        if match and not any(marks[position:line_end]):
            marks[position:line_end] = b"\x01" * (line_end - position)
        position = line_end + 1


def _mask_mdx(source: str, marks: bytearray) -> None:
    """MDX: import/export statements, JSX tags and ``{expressions}``."""
    braces = _matching_braces(source)
    position = 0
    length = len(source)
    at_line_start = True
    no_tag_before = 0  # a tag that did not close: no other tag closes before this offset either
    while position < length:
        char = source[position]
        if at_line_start:
            statement = _MDX_STATEMENT.match(source, position)
            if statement:
                end = _statement_end(source, statement.end())
                marks[position:end] = b"\x01" * (end - position)
                position = end
                continue
        at_line_start = char == "\n"
        if char == "<" and position >= no_tag_before and _JSX_OPEN.match(source, position):
            end, reached = _jsx_tag_end(source, position, braces)
            if end:
                marks[position:end] = b"\x01" * (end - position)
                position = end
                continue
            no_tag_before = reached
        elif char == "{" and position in braces:
            end = braces[position]
            marks[position:end] = b"\x02" * (end - position)
            position = end
            continue
        position += 1


def _statement_end(source: str, position: int) -> int:
    """An import/export runs to the first blank line (it may span lines)."""
    blank = source.find("\n\n", position)
    return len(source) if blank == -1 else blank


def _matching_braces(source: str) -> dict[int, int]:
    """For each ``{`` that is closed before the next blank line, the offset after its ``}``.

    One pass with a stack: linear whatever the nesting or the unclosed braces.
    """
    matches: dict[int, int] = {}
    stack: list[int] = []
    position = 0
    for position, char in enumerate(source):
        if char == "{":
            stack.append(position)
        elif char == "}" and stack:
            matches[stack.pop()] = position + 1
        elif char == "\n" and stack and source.startswith("\n\n", position):
            stack.clear()  # an expression does not cross a blank line
    return matches


def _jsx_tag_end(source: str, start: int, braces: dict[int, int]) -> tuple[int | None, int]:
    """(the end of the JSX tag at ``start``, after its ``>``, or None; how far the scan went),
    skipping quoted and braced attribute values."""
    position = start + 1
    while position < len(source):
        char = source[position]
        if char == ">":
            return position + 1, position
        if char in "\"'":
            close = source.find(char, position + 1)
            if close == -1:
                return None, len(source)
            position = close + 1
            continue
        if char == "{":
            if position not in braces:
                return None, position
            position = braces[position]
            continue
        if char == "\n" and source.startswith("\n\n", position):
            return None, position
        position += 1
    return None, position


def _renders_into_html(lines: list[str], index: int, line_marks) -> bool:
    """An output tag alone on its line between two lines of HTML
    (``<div>`` / ``{{ "kate" | team_photo }}`` / ``<blockquote>``) renders
    markup there: the page has no blank line, so the HTML block goes on."""
    if any(m == 1 for m in line_marks) or index == 0 or index + 1 == len(lines):
        return False
    return lines[index - 1].lstrip().startswith("<") and lines[index + 1].lstrip().startswith("<")


def _apply(source: str, marks: bytearray) -> str:
    """Write the masks: blank lines that hold only syntax, mark the rest."""
    if not any(marks):
        return source
    out = []
    position = 0
    lines = source.split("\n")
    for index, line in enumerate(lines):
        line_marks = marks[position : position + len(line)]
        if any(line_marks):
            masked_only = all(m or c in " \t\r" for c, m in zip(line, line_marks))
            if masked_only and not _renders_into_html(lines, index, line_marks):
                line = "".join("\r" if c == "\r" else " " for c in line)
            else:
                line = "".join(c if not m else (DROP if m == 1 else VALUE) for c, m in zip(line, line_marks))
        out.append(line)
        position += len(line) + 1
    return "\n".join(out)
