"""figures.weekday-mismatch: a weekday that the date does not fall on. The fix replaces the weekday word only."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check
from copydesk.families.figures.common import sentences
from copydesk.dates import is_possible


@check("figures.weekday-mismatch")
def weekday_mismatch(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for sentence in sentences(doc, with_figures=True):
        for mention in sentence.reading.dates:
            if mention.weekday is None or not is_possible(mention.day, mention.month, mention.year):
                continue
            year = mention.year or (context.publication_date.year if context.publication_date else None)
            if year is None:
                continue  # no year and no publication date: nothing to check against
            actual = date(year, mention.month, mention.day).weekday()
            if actual == mention.weekday:
                continue
            weekday_end = mention.start + len(calendar.day_name[mention.weekday])  # the weekday opens the mention
            right = calendar.day_name[actual]
            fix = sentence.fix(f"Write {right}", mention.start, weekday_end, right, safe=False)
            yield sentence.hit(mention.start, mention.end,
                               f"{calendar.month_name[mention.month]} {mention.day}, {year} was a "
                               f"{right}, not a {calendar.day_name[mention.weekday]}", right, fixes=(fix,))
