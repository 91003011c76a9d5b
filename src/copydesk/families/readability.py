"""readability.*: document, paragraph and sentence scores, each at its location."""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.document import Block, Document, Sentence
from copydesk.finding import Hit, Severity
from copydesk.readability import (
    count_words, document_scores, paragraph_readings, word_readings,
)
from copydesk.rules import RuleContext, check
from copydesk.sentences import is_a_list

FORMULA_NAMES = {"flesch-kincaid": "Flesch-Kincaid grade", "gunning-fog": "Gunning fog", "coleman-liau": "Coleman-Liau",
                 "ari": "ARI", "smog": "SMOG"}


def _anchor(doc: Document) -> Block | None:
    """Document-level findings sit on the headline (or the first block)."""
    return doc.headline or (doc.blocks[0] if doc.blocks else None)


def _whole(block: Block) -> tuple[int, int]:
    return block.source_range(0, len(block.text))


def _scored(doc: Document, context: RuleContext):
    """The document's scores and the block to report them on, or None when the
    article is too short (under the rule's `min-words`) to score."""
    scores = document_scores(doc, word_readings(context.run_memo))
    anchor = _anchor(doc)
    if scores is None or anchor is None or scores.words < context.options["min-words"]:
        return None
    return scores, anchor


@check("readability.document-grade")
def document_grade(doc: Document, context: RuleContext) -> Iterator[Hit]:
    scored = _scored(doc, context)
    if scored is None:
        return
    scores, anchor = scored
    formula = context.options["formula"]
    grade = scores.grade(formula)
    thresholds = [(context.options["error-above"], Severity.ERROR), (context.options["warning-above"], Severity.WARNING),
                  (context.options["target"], Severity.INFO)]
    severity = next((level for limit, level in thresholds if limit > 0 and grade > limit), None)
    if severity is None:
        return
    message = (f"The article reads at grade {grade:.1f} ({FORMULA_NAMES[formula]}), above the house target of "
               f"{context.options['target']:g}; Flesch reading ease {scores.flesch_reading_ease:.0f}, "
               f"{scores.words} words in {scores.sentences} sentences")
    yield Hit(*_whole(anchor), message, severity=severity)


@check("readability.reading-ease")
def reading_ease(doc: Document, context: RuleContext) -> Iterator[Hit]:
    scored = _scored(doc, context)
    if scored is None:
        return
    scores, anchor = scored
    if scores.flesch_reading_ease < context.options["minimum"]:
        yield Hit(*_whole(anchor), f"Flesch reading ease is {scores.flesch_reading_ease:.0f}, below "
                                   f"{context.options['minimum']:g} (fairly difficult or harder)")


@check("readability.paragraph-grade")
def paragraph_grade(doc: Document, context: RuleContext) -> Iterator[Hit]:
    formula, min_words, above = context.options["formula"], context.options["min-words"], context.options["above"]
    for reading in paragraph_readings(doc, word_readings(context.run_memo)).values():
        block = reading.block
        # Scores swing wildly on short texts: judge only paragraphs long enough.
        if reading.words < min_words or len(block.sentences) < 2:
            continue
        grade = reading.scores().grade(formula)
        if grade > above:
            yield Hit(*_whole(block), f"This paragraph reads at grade {grade:.1f} ({FORMULA_NAMES[formula]}), "
                                      f"above {above:g}; shorter sentences and words would help")


def _counted_text(block: Block, sentence: Sentence, with_quotations: bool) -> tuple[str, bool]:
    """The sentence's own words, and whether any were left out: direct quotations
    do not count unless asked for, since an editor cannot shorten what someone said."""
    quoted = [(max(a, sentence.start), min(b, sentence.end)) for a, b in block.quotations
              if a < sentence.end and b > sentence.start]
    if with_quotations or not quoted:
        return sentence.text, False
    parts, position = [], sentence.start
    for start, end in quoted:
        parts.append(block.text[position:start])
        position = max(position, end)
    parts.append(block.text[position:sentence.end])
    return " ".join(parts), True


@check("readability.sentence-length")
def sentence_length(doc: Document, context: RuleContext) -> Iterator[Hit]:
    options = context.options
    limits = [(options["error-words"], Severity.ERROR), (options["warning-words"], Severity.WARNING),
              (options["max-words"], None)]
    limits = [(limit, severity) for limit, severity in limits if limit > 0]
    if not limits:
        return
    lowest = min(limit for limit, _ in limits)
    with_quotations = options["count-quotations"]
    readings = word_readings(context.run_memo)
    for reading in paragraph_readings(doc, readings).values():
        block = reading.block
        within = lowest - _quotation_marks(block.text)  # the block's marks bound each sentence's
        for sentence, tokens in zip(block.sentences, block.sentence_words):
            if len(tokens) <= within or len(tokens) + _quotation_marks(sentence.text) <= lowest:
                continue  # no more words than tokens, even without its quotations: within every limit
            counted, left_out = _counted_text(block, sentence, with_quotations)
            words = count_words(counted) if left_out else readings.words(tokens)
            over = next(((limit, severity) for limit, severity in limits if words > limit), None)
            if over is None or is_a_list(counted, words):
                continue
            limit, severity = over
            own = " outside quotations" if left_out else ""
            start, end = block.source_range(sentence.start, sentence.end)
            yield Hit(start, end, f"Sentence of {words} words{own}, over the limit of {limit}; consider splitting it",
                      severity=severity)


def _quotation_marks(text: str) -> int:
    """How many more words a sentence of ``text`` can have without its quotations than it has
    tokens: leaving a quotation out removes its words, and can cut a token in two only at a
    mark of it (a quotation starts at its opening mark and ends after its closing one)."""
    return text.count('"') + text.count("“") + text.count("”")


@check("readability.paragraph-length")
def paragraph_length(doc: Document, context: RuleContext) -> Iterator[Hit]:
    limit = context.options["max-words"]
    for reading in paragraph_readings(doc, word_readings(context.run_memo)).values():
        if reading.words > limit:
            yield Hit(*_whole(reading.block),
                      f"Paragraph of {reading.words} words, over the limit of {limit}; consider a break")
