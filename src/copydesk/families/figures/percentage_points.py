"""figures.percentage-points: a change between two rates told in the wrong measure or the wrong size.

58% to 66% is 8 percentage points (a 13.8% rise): "an increase of 8%" mixes the two, and "fell 9 points,
from 51% to 38%" miscounts them."""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check
from copydesk.families.figures.arithmetic import (change_interval, meet, middle, number_part, points_interval,
                                                  stated_interval)
from copydesk.families.figures.changes import sentence_changes
from copydesk.families.figures.common import fmt


@check("figures.percentage-points")
def percentage_points(doc: Document, context: RuleContext) -> Iterator[Hit]:
    tolerance = context.options["tolerance-points"]
    for sentence, change in sentence_changes(doc):
        stated = change.stated
        if not change.pair or stated is None or change.before.kind != "percent":
            continue
        if stated.kind not in ("percent", "points"):
            continue
        points, relative = points_interval(change.before, change.after), change_interval(change.before, change.after)
        low, high = change.before.value, change.after.value  # before and after, as written
        moved = abs(middle(points))
        if stated.kind == "points":
            # Points are read off the figures as written: 46% to 52% is 6 points, whatever the rounding.
            slack = max(stated.step, change.before.step, change.after.step) / 2 + tolerance
            if abs(abs(high - low) - stated.value) > slack:
                moved_text = fmt(round(abs(high - low), 2))
                start, end = number_part(stated.text)
                fix = sentence.fix(f"Write {moved_text}", stated.start + start, stated.start + end, moved_text,
                                   safe=False)
                yield sentence.hit(stated.start, stated.end,
                                   f"{fmt(low)}% to {fmt(high)}% is {moved_text} percentage "
                                   f"points, not {stated.value:g}", moved_text, fixes=(fix,))
            continue
        relative_ok = relative is not None and meet(
            (min(abs(relative[0]), abs(relative[1])), max(abs(relative[0]), abs(relative[1]))),
            stated_interval(stated), tolerance)
        points_match = meet((min(abs(points[0]), abs(points[1])), max(abs(points[0]), abs(points[1]))),
                            stated_interval(stated), 0)
        # Rates rounded to whole points blur the relative change (62% to 59% is 3.2% to 6.4%), so judge
        # the words by the figures as written: a stated 3% that is the points moved was meant as points.
        written = abs(high - low) / low * 100 if low else None
        relative_as_written = written is not None and abs(written - stated.value) <= tolerance + stated.step / 2
        if points_match and not relative_as_written and (not relative_ok or abs(moved - stated.value) <= stated.step / 2):
            as_percent = f" (or {abs(middle(relative)):.1f}%)" if relative else ""
            points_text = f"{fmt(round(moved, 2))} percentage points"
            fix = sentence.fix(f"Write {points_text}", stated.start, stated.end, points_text, safe=False)
            yield sentence.hit(stated.start, stated.end,
                               f"{fmt(low)}% to {fmt(high)}% is a change of {fmt(round(moved, 2))} percentage "
                               f"points{as_percent}, not {stated.value:g}%", points_text, fixes=(fix,))
