"""figures.relative-date: "nine days ago", "later this month": times that go stale."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, timedelta

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check
from copydesk.families.figures.common import sentences
from copydesk.dates import may_hold_relative, read_relative


def _absolute(expression, published: date) -> str | None:
    """The absolute date a relative expression means on the publication date."""
    if expression.kind == "ago" and expression.count:
        if expression.unit == "day":
            when = published - timedelta(days=expression.count)
            return f"on {calendar.month_name[when.month]} {when.day}"
        if expression.unit == "week":
            when = published - timedelta(weeks=expression.count)
            return f"in the week of {calendar.month_name[when.month]} {when.day}"
        if expression.unit == "month":
            month = (published.month - expression.count - 1) % 12 + 1
            year = published.year + (published.month - expression.count - 1) // 12
            return f"in {calendar.month_name[month]} {year}"
        if expression.unit == "year":
            return f"in {published.year - expression.count}"
        if expression.unit == "decade":
            return f"in the {(published.year - 10 * expression.count) // 10 * 10}s"
    if expression.kind == "this":
        period = {"month": f"{calendar.month_name[published.month]} {published.year}", "year": str(published.year),
                  "week": f"the week of {calendar.month_name[published.month]} {published.day}"}[expression.unit]
        return f"{expression.text.split()[0].lower()} in {period}"
    if expression.kind == "edge" and expression.unit == "year":
        return f"in {published.year + (1 if expression.text.lower().startswith('next') else -1)}"
    if expression.kind == "word" and expression.unit in ("yesterday", "tomorrow"):
        when = published + timedelta(days=1 if expression.unit == "tomorrow" else -1)
        return f"on {calendar.month_name[when.month]} {when.day}"
    return None


@check("figures.relative-date")
def relative_date(doc: Document, context: RuleContext) -> Iterator[Hit]:
    published = context.publication_date
    blocks: dict[int, bool] = {}  # whether each block may hold one: one test a block, not one a sentence
    for sentence in sentences(doc):
        block = id(sentence.block)
        if block not in blocks:
            blocks[block] = may_hold_relative(sentence.block.text)
        if not blocks[block]:
            continue
        for expression in read_relative(sentence.text):
            if published is None:
                yield sentence.hit(expression.start, expression.end,
                                   f"“{expression.text}” goes stale, and this article has no publication date to "
                                   "anchor it; state the date, or set one (front matter `date`, config or --date)")
                continue
            absolute = _absolute(expression, published)
            if absolute:
                yield sentence.hit(expression.start, expression.end,
                                   f"“{expression.text}” will go stale; as of {published.isoformat()} it means "
                                   f"“{absolute}”", absolute)
            else:
                yield sentence.hit(expression.start, expression.end,
                                   f"“{expression.text}” will go stale; say when")
