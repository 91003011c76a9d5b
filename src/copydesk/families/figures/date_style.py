"""figures.date-style: ordinal dates ("the 4th of May", "May 4th"); AP writes "May 4"."""

from __future__ import annotations

import calendar
from collections.abc import Iterator

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check
from copydesk.families.figures.common import sentences
from copydesk.families.figures.voice import voice



@check("figures.date-style")
def date_style(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for sentence in sentences(doc, with_figures=True):
        for mention in sentence.reading.dates:
            if not mention.ordinal_form or not voice(doc, sentence.block).editable(sentence.start + mention.start):
                continue  # AP dates, or words the editor does not restyle (quotes, letters)
            month = calendar.month_name[mention.month]
            ap = f"{month} {mention.day}" + (f", {mention.year}" if mention.year else "")
            if mention.weekday is not None:
                ap = f"{calendar.day_name[mention.weekday]}, {ap}"
            start = mention.start
            if sentence.text[max(0, start - 4):start].lower() == "the ":
                start -= 4  # "the 4th of May" is replaced as a whole
            fix = sentence.fix(f"Write “{ap}”", start, mention.end, ap, safe=True)
            yield sentence.hit(start, mention.end, f"AP style writes dates as “{ap}”, without ordinals", ap,
                               fixes=(fix,))
