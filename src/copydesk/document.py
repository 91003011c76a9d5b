"""The document model: source text, prose blocks and the offset index.

Offsets are recorded once, when a document is parsed. Every prose block
carries, for each of its characters, the source range it came from, so a
rule that reports ``block.text[a:b]`` can be located exactly in the source
without searching for the text again.
"""

from __future__ import annotations

import bisect
import re
import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from itertools import chain, repeat
from typing import NamedTuple


_LINE_BREAK = re.compile(r"\r\n?|\n")


class SourceMap(Sequence[int]):
    """The source offsets of a prose string's characters, one per character,
    stored as runs: a run of verbatim source counts up by one per character
    (step 1), the characters of a placeholder all share one offset (step 0).

    A block of verbatim prose is one run a source line instead of two 8-byte
    integers a character, which is what kept a 10 MB article's maps at 160 MB.
    The runs sit in one array, three numbers a run (where it starts in the
    prose, its first source offset, its step): a document has two maps a block,
    and an array's header costs more than a short block's runs.
    Reading an offset is a binary search over the runs (the last run found is
    tried first, since callers read neighbouring characters)."""

    __slots__ = ("_runs", "_length", "_last", "_plus")

    def __init__(self) -> None:
        self._runs = array("q")  # per run: its start in the prose, its first source offset, its step
        self._length = 0
        self._last = 0  # the index into _runs of the run read last
        self._plus = 0  # added to every offset read (see ``following``)

    def following(self) -> "SourceMap":
        """The map of each offset plus one, sharing this map's runs: a block's ends where
        each character ends where the next source character starts (verbatim text, a
        line break). Neither map is appended to afterwards."""
        result = SourceMap()
        result._runs, result._length, result._plus = self._runs, self._length, self._plus + 1
        return result

    @classmethod
    def of(cls, offsets: Iterable[int]) -> "SourceMap":
        """A map holding exactly these offsets, in order."""
        result = cls()
        for offset in offsets:
            result.append(offset, 1, 1)
        return result

    def append(self, base: int, step: int, count: int) -> None:
        """Add ``count`` characters whose offsets start at ``base`` and go up by ``step``."""
        if count <= 0:
            return
        runs = self._runs
        if runs:
            last_at, last_base, last_step = runs[-3:]
            run_length = self._length - last_at
            if run_length == 1 and base - last_base in (0, 1) and (count == 1 or step == base - last_base):
                # A run of one character takes the step of what follows it.
                runs[-1] = base - last_base
                self._length += count
                return
            if base == last_base + last_step * run_length and (count == 1 or step == last_step):
                self._length += count
                return
        runs.extend((self._length, base, step if count > 1 else 1))
        self._length += count

    def run_count(self) -> int:
        return len(self._runs) // 3

    def runs(self) -> Iterator[tuple[int, int, int]]:
        """Each run as (first offset, step, how many characters)."""
        runs = self._runs
        for run in range(0, len(runs), 3):
            yield runs[run + 1] + self._plus, runs[run + 2], self._run_end(run) - runs[run]

    def read_through(self, indexes: Sequence[int], before: int = 0, plus: int = 0) -> "SourceMap":
        """The map of ``self[i - before] + plus`` for each ``i`` of ``indexes``: a prose
        parsed out of this map's prose (a description field's Markdown) placed in the
        source. Read run by run where the indexes are a map of runs."""
        result = SourceMap()
        runs = indexes.runs() if isinstance(indexes, SourceMap) else ((index, 1, 1) for index in indexes)
        for base, step, count in runs:
            first = base - before
            if not step:
                result.append(self[first] + plus, 0, count)
            elif 0 <= first and first + count <= self._length:
                for offset, own_step, own_count in self._slice(first, first + count).runs():
                    result.append(offset + plus, own_step, own_count)
            else:  # a negative index reads from the end, as a list's would
                for index in range(first, first + count):
                    result.append(self[index] + plus, 1, 1)
        return result

    def counts_up_from(self) -> int | None:
        """The first offset when the whole map counts up by one from it (one verbatim run), else None."""
        runs = self._runs
        return runs[1] + self._plus if len(runs) == 3 and runs[2] == 1 else None

    def _run(self, index: int) -> int:
        """The index into ``_runs`` of the run holding prose offset ``index``."""
        runs, last = self._runs, self._last
        if runs[last] <= index and (last + 3 == len(runs) or index < runs[last + 3]):
            return last
        self._last = 3 * (bisect.bisect_right(memoryview(runs)[::3], index) - 1)
        return self._last

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, stride = index.indices(self._length)
            if stride != 1:
                return [self[i] for i in range(start, stop, stride)]
            return self._slice(start, stop)
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("SourceMap index out of range")
        run = self._run(index)
        at, base, step = self._runs[run:run + 3]
        return base + step * (index - at) + self._plus

    def _run_end(self, run: int) -> int:
        return self._runs[run + 3] if run + 3 < len(self._runs) else self._length

    def _slice(self, start: int, stop: int) -> "SourceMap":
        result = SourceMap()
        position = start
        run = self._run(start) if start < stop else 0
        while position < stop:
            at, base, step = self._runs[run:run + 3]
            end = min(self._run_end(run), stop)
            result.append(base + step * (position - at) + self._plus, step, end - position)
            position = end
            run += 3
        return result

    def __iter__(self) -> Iterator[int]:
        runs, plus = self._runs, self._plus
        for run in range(0, len(runs), 3):
            at, base, step = runs[run:run + 3]
            count = self._run_end(run) - at
            base += plus
            if step:
                yield from range(base, base + count)
            else:
                yield from repeat(base, count)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    def __repr__(self) -> str:
        return f"SourceMap({list(self)!r})"


class ProseBuilder:
    """Builds a prose string together with its character-to-source map.

    While every character ends where the next source character starts (verbatim
    text, mapped characters, a line break), the ends are not kept apart: they are
    the starts read one further on (``SourceMap.following``), one map for two."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._starts = SourceMap()
        self._ends: SourceMap | None = None  # None: the ends follow the starts

    def add_source(self, source: str, start: int, end: int) -> None:
        """Append ``source[start:end]`` verbatim."""
        if end <= start:
            return
        self._parts.append(source[start:end])
        self._starts.append(start, 1, end - start)
        if self._ends is not None:
            self._ends.append(start + 1, 1, end - start)

    def add_mapped(self, text: str, positions: Sequence[int]) -> None:
        """Append characters that each come from one source position. A SourceMap or a
        range of positions is appended run by run, not a character at a time."""
        self._parts.append(text)
        if isinstance(positions, SourceMap):
            runs: Iterable[tuple[int, int, int]] = positions.runs()
        elif isinstance(positions, range) and positions.step == 1:
            runs = ((positions.start, 1, len(positions)),)
        else:
            runs = ((position, 1, 1) for position in positions)
        for base, step, count in runs:
            self._starts.append(base, step, count)
            if self._ends is not None:
                self._ends.append(base + 1, step, count)  # each character ends where the next would start

    def add_synthetic(self, text: str, start: int, end: int) -> None:
        """Append text that stands for the source range [start, end): a
        placeholder for code, a decoded entity, a line break."""
        if not text:
            return
        if self._ends is None and end != start + 1:
            self._ends = SourceMap()  # from here on the ends are their own: those so far follow the starts
            for base, step, count in self._starts.runs():
                self._ends.append(base + 1, step, count)
        self._parts.append(text)
        self._starts.append(start, 0, len(text))
        if self._ends is not None:
            self._ends.append(end, 0, len(text))

    def __len__(self) -> int:
        return len(self._starts)

    def build(self) -> tuple[str, SourceMap, SourceMap]:
        ends = self._starts.following() if self._ends is None else self._ends
        return "".join(self._parts), self._starts, ends


class Sentence(NamedTuple):
    """A sentence of a block: offsets into ``block.text``. (A named tuple: a
    document has thousands and they are made on every run.)

    It keeps the block's text, not a copy of its own part: a long article's
    sentences would hold all its prose a second time. ``text`` is sliced when read."""

    start: int
    end: int
    block_text: str

    @property
    def text(self) -> str:
        return self.block_text[self.start:self.end]


@dataclass(eq=False, slots=True)
class Block:
    """One piece of prose: a headline, subhead, paragraph, list item or cell.

    ``kind`` is one of: headline, subhead, paragraph, table-cell, byline.
    ``container`` says where a paragraph sits (``list``, ``quote`` or empty).

    Slotted, its readings (sentences, words) computed on first use: a long
    article has tens of thousands of blocks, and a per-instance dict that grows
    with each cached reading cost more than the slots.
    """

    kind: str
    text: str
    starts: Sequence[int]  # SourceMap from the parsers; any sequence of ints works
    ends: Sequence[int]
    level: int = 0
    container: str = ""
    _sentences: list[Sentence] | None = field(default=None, init=False, repr=False)
    _quotations: list[tuple[int, int]] | None = field(default=None, init=False, repr=False)
    _sentence_words: tuple[tuple[str, ...], ...] | None = field(default=None, init=False, repr=False)

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """Map the prose range [start, end) to a source range."""
        if not self.text:
            return (0, 0)
        start = min(max(start, 0), len(self.text) - 1)
        end = min(max(end, start + 1), len(self.text))
        return self.starts[start], self.ends[end - 1]

    def verbatim_start(self, source: str) -> int | None:
        """Where ``text`` starts in ``source`` when it is one stretch of it, copied as it
        is, else None. Then ``source_range(a, b)`` is ``(start + a, start + b)`` for every
        range in the text, and the source there says exactly what the text says: a rule
        that checks every match against the source can skip that for such a block."""
        starts, ends = self.starts, self.ends
        if not (self.text and isinstance(starts, SourceMap) and isinstance(ends, SourceMap)):
            return None
        start = starts.counts_up_from()
        if start is None or ends.counts_up_from() != start + 1:
            return None
        return start if source.startswith(self.text, start) else None

    @property
    def source_start(self) -> int:
        return self.starts[0] if self.text else 0

    @property
    def source_end(self) -> int:
        return self.ends[-1] if self.text else 0

    @property
    def sentences(self) -> list[Sentence]:
        if self._sentences is None:
            from copydesk.sentences import split_sentences

            self._sentences = split_sentences(self.text)
        return self._sentences

    @property
    def quotations(self) -> list[tuple[int, int]]:
        """The parts inside quotation marks (direct speech): offsets into ``text``."""
        if self._quotations is None:
            from copydesk.sentences import quotations

            self._quotations = quotations(self.text)
        return self._quotations

    @property
    def sentence_words(self) -> tuple[tuple[str, ...], ...]:
        """The document's one reading of words: each sentence's runs of non-space characters,
        in the order of ``sentences``, split once and shared by every family (readability
        strips their punctuation, the headline's name evidence their edges, and no family
        splits the text again). Sentences meet only at white space, so together these are
        every word of the block. Each distinct word is one string object (interned): a long
        article repeats its words, and the reading lives as long as the document."""
        if self._sentence_words is None:
            intern = sys.intern
            self._sentence_words = tuple(tuple(map(intern, sentence.text.split())) for sentence in self.sentences)
        return self._sentence_words

    def words(self) -> Iterator[str]:
        """Every word of the block, in order (from ``sentence_words``)."""
        return chain.from_iterable(self.sentence_words)

    @property
    def word_count(self) -> int:
        return sum(map(len, self.sentence_words))


@dataclass(frozen=True)
class Directive:
    """An inline suppression comment found at ``line`` (and ``column``, 1-based;
    0 when it covers its whole line)."""

    line: int
    action: str  # disable, enable, disable-next-line
    targets: tuple[str, ...]  # rule ids or families; empty means all rules
    column: int = 0
    # A Vale control comment: its switch ("off", "Style", "Style.Rule") is
    # independent of the others (``vale on`` does not undo ``vale Style.Rule = NO``).
    # Empty for copydesk's comments, where the latest comment naming a rule wins.
    key: str = ""
    matches: tuple[str, ...] = ()  # ``vale Style.Rule["a", "b"] = NO``: only these matched texts


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
    def line_starts(self) -> Sequence[int]:
        """Where each line starts. A line ends at LF, CRLF or a lone CR (old Mac
        files; SARIF counts lines the same way), so a CR-only file has lines.
        (An array: a list would hold an integer object a line.)"""
        starts = array("q", [0])
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
            text = self._line_texts[line] = self._shared(start, self.source[start:end].rstrip("\r\n"))
        return text

    def _shared(self, start: int, text: str) -> str:
        """``text``, or the same text as a block already holds it when the line is that
        block's whole text (a paragraph on one line, as plain text writes them): every
        finding keeps its line's text until the report, and a long article need not hold
        its paragraphs twice."""
        starts = self._block_starts
        index = bisect.bisect_left(starts, start)
        if index < len(starts) and starts[index] == start and self.blocks[index].text == text:
            return self.blocks[index].text
        return text

    @cached_property
    def _block_starts(self) -> Sequence[int]:
        """Where each block starts in the source, in the blocks' order (which is the
        source's order once parsed; ``_shared`` checks what it finds)."""
        return array("q", (block.source_start for block in self.blocks))

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
