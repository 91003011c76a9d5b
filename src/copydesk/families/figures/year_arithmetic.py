"""figures.year-arithmetic: "N years later/after/before" that the years in the sentence contradict.

"opened in 1998, four years after the fire of 1996"; "began in 2011 and ended in 2017, five years
later"; "in 2011 ... five years later, in 2017"."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check
from copydesk.families.figures.common import fmt, sentences
from copydesk.families.figures.years import spans, year_positions, years_written


def _years_compared(reading, span, previous_year: int | None) -> tuple[int, int] | None:
    """(earlier year, later year) the span counts between, or None where the text does not say.
    ``previous_year`` is the last year of the paragraph's previous sentence: "He founded it in 2003.
    It went national in 2012, nine years later." """
    years = year_positions(reading)
    split = bisect_left(years, (span.index, 0))
    before = [y for _, y in years[max(split - 2, 0):split]]
    ahead = years[split:split + 2]
    start, end = reading.clause(span.index)
    if span.word in ("after", "before"):
        if not before or not ahead or ahead[0][0] > span.index + 8 or ahead[0][0] >= end:
            return None
        event, reference = before[-1], ahead[0][1]
        return (reference, event) if span.word == "after" else (event, reference)
    near = [y for i, y in ahead if i <= span.index + 5 and "in" in reading.words(span.index + 2, i)]
    if near and before:
        later = near[0]
        return (before[-1], later) if span.word in ("later", "afterwards", "on") else (later, before[-1])
    if len(before) == 1 and previous_year is not None and span.index - 6 <= years[split - 1][0]:
        before = [previous_year] + before
    if len(before) >= 2:
        first, second = before[-2], before[-1]
        return (first, second) if span.word in ("later", "afterwards", "on") else None
    return None


@check("figures.year-arithmetic")
def year_arithmetic(doc: Document, context: RuleContext) -> Iterator[Hit]:
    previous: tuple[object, int] | None = None  # (block, last year) of the sentence before
    for sentence in sentences(doc, with_figures=True):
        previous_year = previous[1] if previous and previous[0] is sentence.block else None
        years = years_written(sentence.reading)
        if years:
            previous = (sentence.block, years[-1])
        for span in spans(sentence.reading):
            pair = _years_compared(sentence.reading, span, previous_year)
            if pair is None:
                continue
            earlier, later = pair
            if later - earlier != span.count and later > earlier:
                fix = sentence.fix(f"Write {later - earlier}", span.start, span.end, str(later - earlier), safe=False)
                yield sentence.hit(span.start, span.end,
                                   f"{earlier} to {later} is {later - earlier} years, not {fmt(span.count)}",
                                   str(later - earlier), fixes=() if sentence.text[span.start].isalpha() else (fix,))
