"""Run a StyleSet's rules over a parsed document.

The document is cut into units once: every prose block in its Vale scope
(heading, paragraph, list, blockquote, table cell), every sentence of each
block, and the raw file. A rule runs over the units its scope names, in
reading order (consistency and conditional rules remember what they saw).
Alerts come back in unit offsets and are mapped to the source through the
block's recorded source map, never by searching for the text again; a match
that covers a placeholder (code, a link) is dropped, as it is not prose.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from itertools import accumulate
from dataclasses import dataclass

from copydesk.document import Block, Document
from copydesk.parse.frontmatter import FRONT_MATTER_CONTAINER
from copydesk.finding import Applicability, Edit, Fix, Hit, Severity
from copydesk.styles.kinds import Alert, Metric, Rule, Unit
from copydesk.styles.loader import StyleSet

SEVERITIES = {"suggestion": Severity.INFO, "warning": Severity.WARNING, "error": Severity.ERROR}
ID_PREFIX = "style."


@dataclass
class _Placed:
    """A unit and where its text sits: a block and an offset into it, or the raw source."""

    unit: Unit
    block: Block | None
    offset: int


def _block_scope(doc: Document, block: Block) -> frozenset[str]:
    extension = "md" if doc.format == "markdown" else "txt"
    if doc.format != "markdown":
        # A plain-text file has no markup to say what is a heading or a list: it is paragraphs.
        return frozenset(("text", "paragraph", extension))
    if block.container == FRONT_MATTER_CONTAINER:
        return frozenset(("text", "frontmatter", "description", extension))
    if block.kind == "headline" and _in_front_matter(doc, block):
        # The front matter's title is the headline to copydesk, but a metadata string to Vale:
        # text, not a heading, so heading rules (sentence case, end punctuation) do not apply.
        return frozenset(("text", "frontmatter", "title", extension))
    if block.kind in ("headline", "subhead"):
        return frozenset(("text", "heading", f"h{block.level or (1 if block.kind == 'headline' else 2)}", extension))
    if block.kind == "table-cell":
        return frozenset(("text", "table", "cell", extension))
    if block.container == "list":
        return frozenset(("text", "list", extension))
    if block.container == "quote":
        return frozenset(("text", "blockquote", extension))
    return frozenset(("text", "paragraph", extension))


def _in_front_matter(doc: Document, block: Block) -> bool:
    if not doc.source.startswith("---"):
        return False
    closing = doc.source.find("\n---", 3)
    return closing != -1 and block.source_start < closing


def units(doc: Document, sentences: bool, raw: bool) -> list[_Placed]:
    placed = []
    for block in doc.blocks:
        scope = _block_scope(doc, block)
        placed.append(_Placed(Unit(block.text, scope), block, 0))
        # Vale lints a front-matter field as one block, never cut into sentences.
        if sentences and "frontmatter" not in scope:
            sentence_scope = scope | {"sentence"}
            for sentence in block.sentences:
                placed.append(_Placed(Unit(sentence.text, sentence_scope), block, sentence.start))
    if raw:
        placed.append(_Placed(Unit(doc.source, frozenset(("raw",))), None, 0))
    return placed


def _source_span(doc: Document, place: _Placed, alert: Alert) -> tuple[int, int, bool] | None:
    """The alert's source range and whether it is verbatim there; None over a placeholder."""
    if place.block is None:
        return alert.start, alert.end, True
    block, first, last = place.block, place.offset + alert.start, place.offset + alert.end
    text, starts, source = block.text, block.starts, doc.source
    for index in range(first, last):
        position = starts[index]
        if position >= len(source) or (source[position] != text[index] and not text[index].isspace()):
            return None  # a placeholder or a decoded entity: not the author's prose
    start, end = block.starts[first], block.ends[last - 1]
    return start, end, source[start:end] == text[first:last]


def run_styles(doc: Document, styles: StyleSet) -> Iterator[Hit]:
    rules = styles.rules_for(doc.path)
    if not rules:
        return
    want_sentences = any(rule.scope.sentences for rule, _ in rules)
    want_raw = any(rule.scope.raw for rule, _ in rules)
    ignored = _Ignored(doc.source, styles.ignores_for(doc.path))
    by_scope: dict[frozenset[str], list[tuple[Rule, str]]] = {}
    state: dict = {}
    for place in units(doc, want_sentences, want_raw):
        scope = place.unit.scope
        if scope not in by_scope:
            by_scope[scope] = [(r, level) for r, level in rules if not isinstance(r, Metric) and r.scope.matches(scope)]
        for rule, level in by_scope[scope]:
            for alert in rule.run(place.unit, state):
                hit = _hit(doc, place, rule, level, alert)
                if hit and not ignored.covers(hit.start, hit.end):
                    yield hit
    metrics = [(rule, level) for rule, level in rules if isinstance(rule, Metric)]
    if metrics:
        yield from _metric_hits(doc, metrics)


class _Ignored:
    """The source ranges a .vale.ini's TokenIgnores and BlockIgnores match, found
    once per document: an alert that touches one is not about prose (Vale turns
    these matches into code before it lints)."""

    def __init__(self, source: str, patterns) -> None:
        spans = sorted((m.start(), m.end()) for pattern in patterns for m in pattern.finditer(source) if m.end() > m.start())
        self.starts = [start for start, _ in spans]
        self.ends = list(accumulate((end for _, end in spans), max))  # the furthest end up to each start

    def covers(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.starts, max(end, start + 1)) - 1
        return index >= 0 and self.ends[index] > start


def _hit(doc: Document, place: _Placed, rule: Rule, level: str, alert: Alert) -> Hit | None:
    span = _source_span(doc, place, alert)
    if span is None:
        return None
    start, end, verbatim = span
    fixes = ()
    if verbatim and alert.replacements:
        observed = doc.source[start:end]
        fixes = tuple(
            Fix(f"Replace with '{r}'" if r else "Remove it", (Edit(start, end, r),), Applicability.UNSAFE)
            for r in dict.fromkeys(alert.replacements) if r != observed)
    properties = (("link", rule.link),) if rule.link else ()
    suggestion = alert.replacements[0] if alert.replacements else None
    return Hit(start, end, alert.message, suggestion, rule_id=ID_PREFIX + rule.name, severity=SEVERITIES[level],
               properties=properties, fixes=fixes)


def document_counts(doc: Document) -> dict:
    """The counts a metric formula may use, read from the parsed blocks."""
    from copydesk.readability import SyllableCounter, count_words

    prose = [b for b in doc.blocks if b.kind in ("paragraph", "table-cell") and b.container != FRONT_MATTER_CONTAINER]
    words = [w for b in prose for w in b.text.split() if any(c.isalpha() or c.isdigit() for c in w)]
    counts = {
        "words": sum(count_words(b.text) for b in prose),
        "sentences": sum(len(b.sentences) for b in prose),
        "paragraphs": sum(1 for b in prose if b.kind == "paragraph" and not b.container),
        "characters": sum(sum(c.isalnum() for c in w) for w in words),
        "long_words": sum(1 for w in words if sum(c.isalpha() for c in w) > 6),
        "list": sum(1 for b in doc.blocks if b.container == "list"),
        "blockquote": sum(1 for b in doc.blocks if b.container == "quote"),
        "table_cell": sum(1 for b in doc.blocks if b.kind == "table-cell"),
    }
    counter = SyllableCounter()
    syllables = [counter.text(w) for w in words]  # textstat's syllable_count of each word
    counts["syllables"] = sum(syllables)
    counts["polysyllabic_words"] = counts["complex_words"] = sum(1 for s in syllables if s >= 3)
    for level in range(1, 5):
        counts[f"heading_h{level}"] = sum(1 for b in doc.blocks
                                          if b.kind in ("headline", "subhead") and b.level == level)
    return counts


def _metric_hits(doc: Document, metrics: list[tuple[Metric, str]]) -> Iterator[Hit]:
    counts = document_counts(doc)
    first = next((b for b in doc.blocks if b.kind == "paragraph"), doc.blocks[0] if doc.blocks else None)
    if first is None:
        return
    for rule, level in metrics:
        value = rule.value(counts)
        if value is None or not rule.fails(value):
            continue
        shown = f"{value:.2f}".rstrip("0").rstrip(".")
        alert = Alert(0, min(len(first.text), len(first.text.split(None, 1)[0]) if first.text.split() else 1),
                      rule.message.replace("%s", shown))
        hit = _hit(doc, _Placed(Unit(first.text, frozenset()), first, 0), rule, level, alert)
        if hit:
            yield hit
