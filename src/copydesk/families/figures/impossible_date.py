"""figures.impossible-date: February 30, June 31."""

from __future__ import annotations

import calendar
from collections.abc import Iterator

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check
from copydesk.families.figures.common import sentences
from copydesk.dates import is_possible


@check("figures.impossible-date")
def impossible_date(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for sentence in sentences(doc, with_figures=True):
        for mention in sentence.reading.dates:
            if not is_possible(mention.day, mention.month, mention.year):
                yield sentence.hit(mention.start, mention.end,
                                   f"{calendar.month_name[mention.month]} has no day {mention.day}"
                                   + (f" in {mention.year}" if mention.year else ""))
