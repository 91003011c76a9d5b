"""The document model: source text, prose blocks and the offset index.

Offsets are recorded once, when a document is parsed. Every prose block
carries, for each of its characters, the source range it came from, so a
rule that reports ``block.text[a:b]`` can be located exactly in the source
without searching for the text again.
"""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import NamedTuple


_LINE_BREAK = re.compile(r"\r\n?|\n")


class ProseBuilder:
    """Builds a prose string together with its character-to-source map."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._starts = array("q")
        self._ends = array("q")

    def add_source(self, source: str, start: int, end: int) -> None:
        """Append ``source[start:end]`` verbatim."""
        if end <= start:
            return
        self._parts.append(source[start:end])
        self._starts.extend(range(start, end))
        self._ends.extend(range(start + 1, end + 1))

    def add_mapped(self, text: str, positions: list[int]) -> None:
        """Append characters that each come from one source position."""
        self._parts.append(text)
        self._starts.extend(positions)
        self._ends.extend(p + 1 for p in positions)

    def add_synthetic(self, text: str, start: int, end: int) -> None:
        """Append text that stands for the source range [start, end): a
        placeholder for code, a decoded entity, a line break."""
        if not text:
            return
        self._parts.append(text)
        self._starts.extend([start] * len(text))
        self._ends.extend([end] * len(text))

    def __len__(self) -> int:
        return len(self._starts)

    def build(self) -> tuple[str, array, array]:
        return "".join(self._parts), self._starts, self._ends


class Sentence(NamedTuple):
    """A sentence of a block: offsets into ``block.text``. (A named tuple: a
    document has thousands and they are made on every run.)"""

    start: int
    end: int
    text: str


@dataclass(eq=False)
class Block:
    """One piece of prose: a headline, subhead, paragraph, list item or cell.

    ``kind`` is one of: headline, subhead, paragraph, table-cell, byline.
    ``container`` says where a paragraph sits (``list``, ``quote`` or empty).
    """

    kind: str
    text: str
    starts: array
    ends: array
    level: int = 0
    container: str = ""

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """Map the prose range [start, end) to a source range."""
        if not self.text:
            return (0, 0)
        start = min(max(start, 0), len(self.text) - 1)
        end = min(max(end, start + 1), len(self.text))
        return self.starts[start], self.ends[end - 1]

    @property
    def source_start(self) -> int:
        return self.starts[0] if self.text else 0

    @property
    def source_end(self) -> int:
        return self.ends[-1] if self.text else 0

    @cached_property
    def sentences(self) -> list[Sentence]:
        from copydesk.sentences import split_sentences

        return split_sentences(self.text)

    @cached_property
    def quotations(self) -> list[tuple[int, int]]:
        """The parts inside quotation marks (direct speech): offsets into ``text``."""
        from copydesk.sentences import quotations

        return quotations(self.text)

    @cached_property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Directive:
    """An inline suppression comment found at ``line``."""

    line: int
    action: str  # disable, enable, disable-next-line
    targets: tuple[str, ...]  # rule ids or families; empty means all rules


@dataclass(eq=False)
class Document:
    path: str
    source: str
    format: str  # markdown or text
    blocks: list[Block] = field(default_factory=list)
    metadata: dict = field(default_factory=dict)
    directives: list[Directive] = field(default_factory=list)
    # Work shared by several rules on this document (LanguageTool's matches, say).
    cache: dict = field(default_factory=dict, repr=False)
    _line_texts: dict[int, str] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def line_starts(self) -> list[int]:
        """Where each line starts. A line ends at LF, CRLF or a lone CR (old Mac
        files; SARIF counts lines the same way), so a CR-only file has lines."""
        starts = [0]
        source = self.source
        find = source.find
        position = find("\n")
        if "\r" not in source:  # the common case: one pass of str.find
            while position != -1:
                starts.append(position + 1)
                position = find("\n", position + 1)
            return starts
        starts.extend(match.end() for match in _LINE_BREAK.finditer(source))
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset, columns in code points."""
        line_index = bisect.bisect_right(self.line_starts, offset) - 1
        return line_index + 1, offset - self.line_starts[line_index] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based source line, without its line ending.

        Kept per line: every finding carries its line, and copying a long line
        once per finding on it would make many findings on one line quadratic."""
        text = self._line_texts.get(line)
        if text is None:
            starts = self.line_starts
            start = starts[line - 1]
            end = starts[line] if line < len(starts) else len(self.source)
            text = self._line_texts[line] = self.source[start:end].rstrip("\r\n")
        return text

    @property
    def headline(self) -> Block | None:
        for block in self.blocks:
            if block.kind == "headline":
                return block
        return None

    @property
    def subheads(self) -> list[Block]:
        return [block for block in self.blocks if block.kind == "subhead"]

    @property
    def body(self) -> list[Block]:
        """Body prose: paragraphs and table cells, not headings or bylines."""
        return [block for block in self.blocks if block.kind in ("paragraph", "table-cell")]

    @property
    def publication_date(self) -> date | None:
        value = self.metadata.get("date")
        return value if isinstance(value, date) else None
