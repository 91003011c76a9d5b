"""Ranges, not points: a figure as written stands for an interval (its rounding, its hedge), and a
check passes when the stated change and the computed one can meet."""

from __future__ import annotations

from copydesk.numbers import Quantity
from copydesk.families.figures.changes import Stated, value_of
from copydesk.families.figures.lexicon import HEDGES

Interval = tuple[float, float]


def figure_interval(quantity: Quantity, partner: Quantity) -> Interval:
    """What a figure may stand for: half its last written digit either way (at most 2% of it, since
    "£2bn" beside "£2.1bn" means 2.0), widened by 5% when hedged."""
    value = value_of(quantity, partner)
    step = quantity.step * (partner.scale if value != quantity.value else 1)
    half = min(step / 2, abs(value) * 0.02)
    if quantity.hedge:
        half = max(half, abs(value) * 0.05)
    return value - half, value + half


def change_interval(before: Quantity, after: Quantity) -> Interval | None:
    """The relative change from ``before`` to ``after``, in percent, over their rounding."""
    low_a, high_a = figure_interval(before, after)
    low_b, high_b = figure_interval(after, before)
    if low_a <= 0:
        return None
    corners = [(b - a) / a * 100 for a in (low_a, high_a) for b in (low_b, high_b)]
    return min(corners), max(corners)


def ratio_interval(before: Quantity, after: Quantity) -> Interval | None:
    low_a, high_a = figure_interval(before, after)
    low_b, high_b = figure_interval(after, before)
    if low_a <= 0:
        return None
    corners = [b / a for a in (low_a, high_a) for b in (low_b, high_b)]
    return min(corners), max(corners)


def points_interval(before: Quantity, after: Quantity) -> Interval:
    low_a, high_a = figure_interval(before, after)
    low_b, high_b = figure_interval(after, before)
    return low_b - high_a, high_b - low_a


def stated_interval(stated: Stated, relative_slack: float = 0.0) -> Interval:
    """What a stated figure allows: its rounding, its hedge (almost 20% is 17-20; more than 60% is 60 up)."""
    value = abs(stated.value)
    half = stated.step / 2 if stated.kind in ("percent", "points") else value * 0.1
    low, high = value - half, value + half
    if relative_slack:
        low, high = min(low, value * (1 - relative_slack)), max(high, value * (1 + relative_slack))
    side = HEDGES.get(stated.hedge, "")
    if side == "low":
        return value * 0.85, high
    if side == "high":  # "more than half" is half or more; only a percentage's own rounding below
        return (value if stated.kind == "fraction" else low), float("inf")
    if side == "near":
        return min(low, value * 0.9), max(high, value * 1.1)
    return low, high


def meet(a: Interval, b: Interval, slack: float = 0.0) -> bool:
    return a[0] - slack <= b[1] and b[0] - slack <= a[1]


def middle(interval: Interval) -> float:
    return (interval[0] + interval[1]) / 2


def number_part(text: str) -> tuple[int, int]:
    """Where the digits of a written figure are ("8" in "8%", "12" in "12 per cent")."""
    start = next((i for i, c in enumerate(text) if c.isdigit()), 0)
    end = start
    while end < len(text) and (text[end].isdigit() or text[end] in ".,"):
        end += 1
    return start, end - 1 if text[end - 1:end] in ".," else end
