"""Dates and relative time expressions in prose, with their spans.

"May" counts as a month only with a day number beside it, so "may introduce"
is never a date; "February 30" is read (and then found impossible) instead of
being dropped the way dateparser drops it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from copydesk.numbers import folds_like_ascii

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?P<suffix>st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:1[0-9]|20|21)\d\d)\b)?"
_WEEKDAY = r"(?:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
DATE_PATTERNS = [
    re.compile(_WEEKDAY + r"(?:the\s+)?" + _DAY + r"\s+of\s+" + _MONTH + r"\b" + _YEAR),  # the 4th of May
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r"\b(?![,.]?\d)" + _YEAR),  # May 4, 2024
    re.compile(_WEEKDAY + _DAY + r"\s+" + _MONTH + r"\b" + _YEAR),  # 4 May 2024
]


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    day: int
    month: int
    year: int | None
    weekday: int | None
    ordinal_form: bool  # "the 4th of May", "May 4th", "4th May": not AP style


_DIGIT = re.compile(r"\d")
# How every month name in _MONTH begins (it is matched case-sensitively).
_MONTH_STARTS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# The spans of time relative expressions name (RELATIVE below), for passing over a text without
# any before running RELATIVE. (Where case-insensitive matching has equivalents lower() does not
# give, such as the long s, RELATIVE runs: see numbers.folds_like_ascii.)
_SPANS = ("day", "week", "month", "year", "decade")


def read_dates(text: str) -> tuple[DateMention, ...]:
    if not _DIGIT.search(text) or not any(month in text for month in _MONTH_STARTS):
        return ()  # every pattern needs a day number and a month: most sentences have neither
    found: list[DateMention] = []
    covered: set[int] = set()  # dates are short, so marking their positions keeps this linear
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if match.start() in covered:
                continue
            covered.update(range(match.start(), match.end()))
            weekday = match.group("weekday")
            found.append(DateMention(
                start=match.start(),
                end=match.end(),
                text=match.group(),
                day=int(match.group("day")),
                month=MONTHS[match.group("month").lower().rstrip(".")],
                year=int(match.group("year")) if match.group("year") else None,
                weekday=WEEKDAYS[weekday.lower()] if weekday else None,
                ordinal_form=bool(match.group("suffix")),
            ))
    return tuple(sorted(found, key=lambda d: d.start))


def is_possible(day: int, month: int, year: int | None) -> bool:
    leap_year = year if year is not None else 2024  # without a year, February 29 may exist
    return 1 <= day <= calendar.monthrange(leap_year, month)[1]


NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": None, "several": None,
                "few": None, "many": None}
RELATIVE = re.compile(
    r"\b(?:(?P<count>\d+|a few|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many)"
    r"\s+(?P<unit>day|week|month|year|decade)s?\s+ago"
    r"|(?P<when>later|earlier)\s+this\s+(?P<span>week|month|year)"
    r"|(?P<edge>last|next)\s+(?P<period>week|month|year|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?P<word>yesterday|tomorrow|recently))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RelativeTime:
    start: int
    end: int
    text: str
    count: int | None = None  # "nine days ago": 9
    unit: str = ""  # day, week, month, year, decade
    kind: str = ""  # ago, this, edge, word


def may_hold_relative(text: str) -> bool:
    """False only when ``text`` (or any part of it) holds no relative expression: every one but
    "yesterday", "tomorrow" and "recently" names a span of time ("Monday" ends in "day") besides
    "ago", "last", "next" or "later/earlier this"."""
    if not folds_like_ascii(text):
        return True
    lowered = text.lower()
    if "yesterday" in lowered or "tomorrow" in lowered or "recently" in lowered:
        return True
    if not any(span in lowered for span in _SPANS):
        return False
    return any(word in lowered for word in ("ago", "last", "next")) \
        or ("this" in lowered and ("later" in lowered or "earlier" in lowered))


# The words a relative expression can start with (digits aside), and the runs to look for them in.
_RELATIVE_STARTS = frozenset(word for word in NUMBER_WORDS if " " not in word) | {
    "later", "earlier", "last", "next", "yesterday", "tomorrow", "recently"}
_RUN = re.compile(r"[a-z]+|\d+")


def _relative_matches(text: str):
    """RELATIVE.finditer(text), tried only where an expression can start. RELATIVE (case-insensitive
    alternation) is slow to scan with; each match starts at a run of digits or at a run of letters
    that is one of its first words, which lower() shows at the same offset (``folds_like_ascii``),
    so it is matched there, in order, each from the end of the last: the same matches."""
    if not folds_like_ascii(text):
        yield from RELATIVE.finditer(text)
        return
    position = 0
    for run in _RUN.finditer(text.lower()):
        start = run.start()
        if start < position or not (run.group() in _RELATIVE_STARTS or run.group().isdigit()):
            continue
        match = RELATIVE.match(text, start)
        if match is not None:
            yield match
            position = match.end()


def read_relative(text: str) -> tuple[RelativeTime, ...]:
    if not may_hold_relative(text):
        return ()
    found = []
    for match in _relative_matches(text):
        if match.group("unit"):
            raw = match.group("count").lower()
            count = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw)
            found.append(RelativeTime(match.start(), match.end(), match.group(), count, match.group("unit").lower(), "ago"))
        elif match.group("span"):
            found.append(RelativeTime(match.start(), match.end(), match.group(), None, match.group("span").lower(), "this"))
        elif match.group("period"):
            found.append(RelativeTime(match.start(), match.end(), match.group(), None, match.group("period").lower(), "edge"))
        else:
            found.append(RelativeTime(match.start(), match.end(), match.group(), None, match.group("word").lower(), "word"))
    return tuple(found)
