"""figures.percent-change: a stated change (8%, a quarter) that its from/to figures do not bear out."""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check
from copydesk.families.figures.arithmetic import (change_interval, figure_interval, meet, number_part, points_interval,
                                                  stated_interval)
from copydesk.families.figures.changes import compatible, sentence_changes, value_of


@check("figures.percent-change")
def percent_change(doc: Document, context: RuleContext) -> Iterator[Hit]:
    tolerance = context.options["tolerance-points"]
    for sentence, change in sentence_changes(doc):
        stated = change.stated
        if change.amount is not None and stated is not None:
            yield from _by_amount(sentence, change, tolerance)
            continue
        if not change.pair or stated is None or stated.kind not in ("percent", "fraction"):
            continue
        actual = change_interval(change.before, change.after)
        if actual is None:
            continue
        rates = change.before.kind == "percent"
        if rates and meet(points_interval(change.before, change.after), stated_interval(stated), tolerance):
            continue  # points called per cent: figures.percentage-points says so
        before, after = value_of(change.before, change.after), value_of(change.after, change.before)
        computed = (after - before) / before * 100  # reported from the figures as written
        written = f"From {change.before.text} to {change.after.text}"
        if change.direction and computed and (computed > 0) != (change.direction > 0) \
                and not meet(actual, (0.0, 0.0)):
            yield sentence.hit(stated.start, stated.end,
                               f"{written} is a change of {computed:+.1f}%, but the text says “{change.anchor}”")
            continue
        magnitude = (min(abs(actual[0]), abs(actual[1])), max(abs(actual[0]), abs(actual[1])))
        if meet(magnitude, stated_interval(stated), tolerance):
            continue
        told = f"“{stated.text}” ({stated.value:.0f}%)" if stated.kind == "fraction" else f"{stated.value:g}%"
        yield sentence.hit(stated.start, stated.end,
                           f"{written} is a change of {abs(computed):.1f}%, not {told}",
                           f"{abs(computed):.0f}%", fixes=_recomputed(sentence, stated, abs(computed)))


def _by_amount(sentence, change, tolerance: float) -> Iterator[Hit]:
    """"Exports fell by £20bn, or 24%, from £140bn": the amount against its base (or the level less it)."""
    amount, stated = change.amount, change.stated
    if change.before is not None and compatible(change.before, amount):
        base, said = value_of(change.before, amount), f"from {change.before.text} is"
    elif change.after is not None and compatible(change.after, amount) and change.direction:
        base = value_of(change.after, amount) - change.direction * value_of(amount, change.after)
        said = f"that ends at {change.after.text} is"
    else:
        return
    if base <= 0:
        return
    low, high = figure_interval(amount, amount)
    actual = (low / base * 100, high / base * 100)
    if meet(actual, stated_interval(stated), tolerance):
        return
    computed = value_of(amount, amount) / base * 100
    kind = "rise" if change.direction > 0 else "fall" if change.direction < 0 else "change"
    yield sentence.hit(stated.start, stated.end,
                       f"A {kind} of {amount.text} {said} {computed:.1f}%, not {stated.value:g}%",
                       f"{computed:.0f}%", fixes=_recomputed(sentence, stated, computed))


def _recomputed(sentence, stated, computed: float) -> tuple:
    if stated.kind != "percent":
        return ()
    start, end = number_part(stated.text)
    return (sentence.fix(f"Write {computed:.0f}%", stated.start + start, stated.start + end, f"{computed:.0f}",
                         safe=False),)
