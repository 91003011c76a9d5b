"""What every figures rule shares: the article's sentences, each read once, and how a rule reports."""

from __future__ import annotations

from dataclasses import dataclass, field

from copydesk.document import Block, Document
from copydesk.finding import Edit, Fix, Applicability, Hit, Severity
from copydesk.families.figures.reading import Reading, read_sentence


@dataclass(frozen=True, slots=True)
class Sentence:
    """(Slots, and the reading kept in a slot rather than by cached_property, which
    needs an instance dictionary: a 10 MB article holds ~100,000 of these at once.)"""

    block: Block
    start: int  # offsets into block.text
    end: int
    text: str
    index: int = 0  # position in the article, headline first
    _reading: Reading | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def reading(self) -> Reading:
        reading = self._reading
        if reading is None:
            reading = read_sentence(self.text)
            object.__setattr__(self, "_reading", reading)  # read once, on first use (frozen otherwise)
        return reading

    @property
    def quantities(self):
        return self.reading.figures

    def source(self, start: int, end: int) -> tuple[int, int]:
        return self.block.source_range(self.start + start, self.start + end)

    def hit(self, start: int, end: int, message: str, suggestion: str | None = None,
            severity: Severity | None = None, fixes: tuple[Fix, ...] = ()) -> Hit:
        source_start, source_end = self.source(start, end)
        return Hit(source_start, source_end, message, suggestion, severity=severity, fixes=fixes)

    def fix(self, title: str, start: int, end: int, replacement: str, safe: bool) -> Fix:
        """A fix replacing [start, end) of this sentence; safe only when meaning cannot change."""
        source_start, source_end = self.source(start, end)
        return Fix(title, (Edit(source_start, source_end, replacement),),
                   Applicability.SAFE if safe else Applicability.UNSAFE)


PROSE_KINDS = ("paragraph", "table-cell")
HEADING_KINDS = ("headline", "subhead")


def sentences(doc: Document, headings: bool = True, with_figures: bool = False) -> list[Sentence]:
    """The article's sentences, headline and subheads included unless asked otherwise, read once and
    kept in ``doc.cache`` for every figures rule. ``with_figures`` keeps only sentences with a quantity
    or a date in them, which most checks need."""
    key = f"figures-sentences-{headings}-{with_figures}"
    if key not in doc.cache:
        if with_figures and not headings:  # the prose sentences among those with figures: each read once
            doc.cache[key] = [s for s in sentences(doc, True, True) if s.block.kind in PROSE_KINDS]
        elif with_figures:
            doc.cache[key] = [s for s in sentences(doc, headings) if s.reading.has_figures]
        elif headings:
            doc.cache[key] = _all_sentences(doc)
        else:
            doc.cache[key] = [s for s in _all_sentences(doc) if s.block.kind in PROSE_KINDS]
    return doc.cache[key]


def _all_sentences(doc: Document) -> list[Sentence]:
    key = "figures-sentences"
    if key not in doc.cache:
        kinds = HEADING_KINDS + PROSE_KINDS
        found = ((block, s) for block in doc.blocks if block.kind in kinds for s in block.sentences)
        doc.cache[key] = [Sentence(block, s.start, s.end, s.text, index) for index, (block, s) in enumerate(found)]
    return doc.cache[key]


def paragraphs(doc: Document) -> list[list[Sentence]]:
    """The prose sentences grouped by block, in order (cross-sentence relations stay inside one)."""
    groups: dict[int, list[Sentence]] = {}
    for sentence in sentences(doc, headings=False):
        groups.setdefault(id(sentence.block), []).append(sentence)
    return list(groups.values())


def fmt(value: float) -> str:
    if value == int(value):
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".") if abs(value) < 10 else f"{value:,.1f}"
