"""figures.multiplier: doubled, tripled, halved or "N times" that the figures do not bear out."""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check
from copydesk.families.figures.arithmetic import middle, ratio_interval
from copydesk.families.figures.changes import sentence_changes, value_of
from copydesk.families.figures.common import fmt
from copydesk.families.figures.lexicon import HEDGES


def allowed(factor: float, hedge: str, tolerance: float) -> tuple[float, float]:
    """The ratios a multiplier allows: "more than tripled" is 3 upwards, "almost doubled" up to 2."""
    side = HEDGES.get(hedge, "")
    if side == "high":
        return factor * (1 - tolerance), float("inf")
    if side == "low":
        return factor * 0.75 if factor > 1 else factor, factor * (1 + tolerance) if factor > 1 else factor * 1.5
    if side == "near":
        return factor * (1 - 2 * tolerance), factor * (1 + 2 * tolerance)
    return factor * (1 - tolerance), factor * (1 + tolerance)


@check("figures.multiplier")
def multiplier(doc: Document, context: RuleContext) -> Iterator[Hit]:
    tolerance = context.options["tolerance"]
    for sentence, change in sentence_changes(doc):
        stated = change.stated
        if stated is None or stated.kind != "multiplier" or not change.pair:
            continue
        ratio = ratio_interval(change.before, change.after)
        if ratio is None:
            continue
        if change.anchor.lower() == "times":  # "five times faster, at 400 against 100": larger over smaller
            ratio = (ratio[1] ** -1, ratio[0] ** -1) if middle(ratio) < 1 else ratio
        low, high = allowed(stated.value, stated.hedge, tolerance)
        if ratio[1] >= low and ratio[0] <= high:
            continue
        before, after = value_of(change.before, change.after), value_of(change.after, change.before)
        times = max(before, after) / min(before, after) if change.anchor.lower() == "times" else after / before
        said = f"{stated.hedge} {stated.text}" if stated.hedge else stated.text
        yield sentence.hit(stated.start, stated.end,
                           f"From {change.before.text} to {change.after.text} is {fmt(round(times, 2))} times, "
                           f"not “{said}” ({stated.value:g} times)")
