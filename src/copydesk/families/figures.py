"""figures.*: the arithmetic, consistency, dates and sourcing of numbers.

Every check reads values with copydesk's own number and date readers, never
with a regex on digits alone, and each states its tolerance in its docs:
hedged figures ("about", "more than", "nearly") and ordinary rounding never
draw findings.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

from copydesk.dates import read_dates, read_relative, is_possible
from copydesk.document import Block, Document
from copydesk.finding import Hit, Severity
from copydesk.numbers import Quantity, read_quantities, same_value, singular
from copydesk.rules import RuleContext, check, rules_dir

ATTRIBUTION = re.compile(
    r"\b(said|says|say|told|tells|according to|reported|reports|estimated?|estimates|figures from|data from|warned|"
    r"warns|expects|expected|forecasts?|predicted|predicts|"
    r"survey|study|research|statistics|source|sources|claimed|claims|announced|confirmed|stated|wrote|"
    r"published|showed|shows|found)\b|https?://", re.IGNORECASE)
CHANGE_UP = r"(?:rose|rise|rises|risen|increased|increase|increases|grew|grow|grows|grown|climbed|jumped|surged|soared|gained|up)"
CHANGE_DOWN = r"(?:fell|fall|falls|fallen|decreased|decrease|decreases|dropped|drop|drops|declined|decline|declines|slid|slumped|plunged|shrank|lost|down|cut)"
SUPERLATIVE = re.compile(
    r"\b(?:the\s+)(?:(?:world's|country's|nation's|city's)\s+)?(?:(?:largest|biggest|highest|lowest|fastest|oldest|youngest|"
    r"smallest|richest|poorest|longest|tallest|best-selling|most\s+\w+|least\s+\w+)|first\s+ever|first)\b"
    r"(?:[^.;]{0,60}?\b(?:in|of)\s+(?:the\s+)?(?:world|country|nation|history|china|europe|britain|america|us|uk)\b|\s+ever\b)",
    re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    block: Block
    start: int  # offsets into block.text
    end: int
    text: str

    def hit(self, start: int, end: int, message: str, suggestion: str | None = None,
            severity: Severity | None = None) -> Hit:
        source_start, source_end = self.block.source_range(self.start + start, self.start + end)
        return Hit(source_start, source_end, message, suggestion, severity=severity)


def sentences(doc: Document, headings: bool = True, with_digits: bool = False) -> list[Sentence]:
    """The article's sentences, headline and subheads included unless asked otherwise.

    ``with_digits`` keeps only sentences with a figure in them: most checks need
    one, and skipping the rest halves the family's time.
    """
    key = f"figures-sentences-{headings}-{with_digits}"
    if key not in doc.cache:
        if with_digits:
            doc.cache[key] = [s for s in sentences(doc, headings) if _DIGIT.search(s.text)]
        else:
            kinds = ("headline", "subhead", "paragraph", "table-cell") if headings else ("paragraph", "table-cell")
            doc.cache[key] = [Sentence(block, s.start, s.end, s.text)
                              for block in doc.blocks if block.kind in kinds for s in block.sentences]
    return doc.cache[key]


_DIGIT = re.compile(r"\d")


def quantities(sentence: Sentence) -> tuple[Quantity, ...]:
    return read_quantities(sentence.text)


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


# --- arithmetic -------------------------------------------------------------------------

_PERCENT_CHANGE = re.compile(
    rf"\b(?P<verb>{CHANGE_UP}|{CHANGE_DOWN})\b(?:\s+by)?\s+(?P<pct>\d+(?:\.\d+)?)\s?(?:%|per\s?cent|percent)"
    r"(?P<rest>[^.;]*)", re.IGNORECASE)
_FROM_TO = re.compile(r"\bfrom\s+(?P<a>[$£€]?\d[\d,.]*\s?(?:bn|m|k|million|billion|thousand)?)"
                      r"[^.;]*?\bto\s+(?P<b>[$£€]?\d[\d,.]*\s?(?:bn|m|k|million|billion|thousand)?)", re.IGNORECASE)
_TO_FROM = re.compile(r"\bto\s+(?P<b>[$£€]?\d[\d,.]*\s?(?:bn|m|k|million|billion|thousand)?)"
                      r"[^.;]*?\bfrom\s+(?P<a>[$£€]?\d[\d,.]*\s?(?:bn|m|k|million|billion|thousand)?)", re.IGNORECASE)


def _value(text: str) -> float | None:
    found = read_quantities(text.strip())
    return found[0].value if found else None


def _from_to(text: str) -> tuple[float, float] | None:
    """(before, after) from "from A to B" or "to B from A"; rates (23%) are not amounts."""
    for pattern in (_FROM_TO, _TO_FROM):
        match = pattern.search(text)
        if match and not any(re.match(r"\s?(?:%|per\s?cent|percent)", text[match.end(g):]) for g in ("a", "b")):
            before, after = _value(match.group("a")), _value(match.group("b"))
            if before and after is not None:
                return before, after
    return None


@check("figures.percent-change")
def percent_change(doc: Document, context: RuleContext) -> Iterator[Hit]:
    tolerance = context.options["tolerance-points"]
    for sentence in sentences(doc, with_digits=True):
        for match in _PERCENT_CHANGE.finditer(sentence.text):
            pair = _from_to(match.group("rest")) or _from_to(sentence.text[:match.start()])
            if not pair or "%" in match.group("rest")[:40].split("from")[0][1:]:
                continue
            before, after = pair
            actual = (after - before) / before * 100
            stated = float(match.group("pct"))
            going_up = re.fullmatch(CHANGE_UP, match.group("verb"), re.IGNORECASE) is not None
            if (actual > 0) != going_up and actual != 0:
                yield sentence.hit(match.start("pct"), match.end("pct"),
                                   f"The figures go from {_fmt(before)} to {_fmt(after)}, a change of {actual:+.1f}%, "
                                   f"but the text says it {match.group('verb')}")
            elif abs(abs(actual) - stated) > tolerance:
                yield sentence.hit(match.start("pct"), match.end("pct"),
                                   f"From {_fmt(before)} to {_fmt(after)} is a change of {abs(actual):.1f}%, "
                                   f"not {stated:g}%", f"{abs(actual):.0f}")


_SHARE_LIST = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*,?\s+(?:on\s+|with\s+)?(\d+(?:\.\d+)?)\s?%")


@check("figures.shares-sum")
def shares_sum(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for sentence in sentences(doc, with_digits=True):
        if re.search(rf"\b(?:{CHANGE_UP}|{CHANGE_DOWN})\b", sentence.text, re.IGNORECASE):
            continue  # changes, not shares of one whole
        shares = [m for m in _SHARE_LIST.finditer(sentence.text)]
        if len(shares) < 3:
            continue
        total = sum(float(m.group(1)) for m in shares)
        if total > 100 + 0.5 * len(shares):  # each share may be rounded by half a point
            yield sentence.hit(shares[0].start(), shares[-1].end(),
                               f"These shares add up to {total:g}%; shares of one whole cannot pass 100%")


_PARTS = re.compile(r"\b(?P<total>\d[\d,]*\d|\d)(?:\s+[a-z]+){0,2},\s+(?:of\s+(?:whom|which|them|these)|including)\s+"
                    r"(?P<parts>[^.;]+)", re.IGNORECASE)


@check("figures.parts-exceed-total")
def parts_exceed_total(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for sentence in sentences(doc, with_digits=True):
        for match in _PARTS.finditer(sentence.text):
            total = _value(match.group("total"))
            parts = [q for q in read_quantities(match.group("parts")) if q.kind in ("number",) and not q.hedge]
            if total is None or len(parts) < 2:
                continue
            summed = sum(q.value for q in parts)
            if summed > total:
                yield sentence.hit(match.start(), match.end(),
                                   f"The parts ({' + '.join(_fmt(q.value) for q in parts)} = {_fmt(summed)}) "
                                   f"exceed the total of {_fmt(total)}")


_SHARE_OF = re.compile(r"(?P<a>[$£€]?\d[\d,.]*\s?(?:bn|m|k|million|billion|thousand)?)[^,;.]{0,40},\s+or\s+"
                       r"(?P<pct>\d+(?:\.\d+)?)\s?(?:%|per\s?cent|percent)\s+of\s+(?:the\s+|all\s+|a\s+total\s+of\s+)?"
                       r"(?P<b>[$£€]?\d[\d,.]*\s?(?:bn|m|k|million|billion|thousand)?)", re.IGNORECASE)


@check("figures.share-of-total")
def share_of_total(doc: Document, context: RuleContext) -> Iterator[Hit]:
    tolerance = context.options["tolerance-points"]
    for sentence in sentences(doc, with_digits=True):
        for match in _SHARE_OF.finditer(sentence.text):
            part, whole = _value(match.group("a")), _value(match.group("b"))
            if not part or not whole:
                continue
            actual = part / whole * 100
            stated = float(match.group("pct"))
            if abs(actual - stated) > tolerance:
                yield sentence.hit(match.start("pct"), match.end("pct"),
                                   f"{_fmt(part)} of {_fmt(whole)} is {actual:.1f}%, not {stated:g}%", f"{actual:.0f}")


MULTIPLIERS = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "halved": 0.5}
_MULTIPLIER = re.compile(r"\b(?P<word>doubled|tripled|trebled|quadrupled|halved|(?P<times>\w+)\s+times\s+(?:over|as\s+(?:high|many|much|large)))\b"
                         r"(?P<rest>[^.;]*)", re.IGNORECASE)


@check("figures.multiplier")
def multiplier(doc: Document, context: RuleContext) -> Iterator[Hit]:
    tolerance = context.options["tolerance"]
    for sentence in sentences(doc, with_digits=True):
        for match in _MULTIPLIER.finditer(sentence.text):
            before_text = sentence.text[max(0, match.start() - 25):match.start()].lower()
            if re.search(r"\b(almost|nearly|roughly|about|more than|over|around|some|close to)\s*(?:been\s+)?$", before_text):
                continue
            factor = MULTIPLIERS.get(match.group("word").lower())
            if factor is None:
                times = _value(match.group("times") or "")
                if times is None:
                    continue
                factor = times
            pair = _from_to(match.group("rest"))
            if not pair:
                continue
            before, after = pair
            ratio = after / before
            if abs(ratio - factor) / factor > tolerance:
                yield sentence.hit(match.start("word"), match.end("word"),
                                   f"From {_fmt(before)} to {_fmt(after)} is {ratio:.2f} times, not "
                                   f"“{match.group('word')}” ({factor:g} times)")


_POINTS_AS_PERCENT = re.compile(
    r"from\s+(?P<a>\d+(?:\.\d+)?)\s?(?:%|per\s?cent|percent)\s+to\s+(?P<b>\d+(?:\.\d+)?)\s?(?:%|per\s?cent|percent)"
    r"[^.;]{0,40}?\b(?:a|an)\s+(?:drop|fall|rise|increase|decrease|decline|gain|jump|cut)\s+of\s+"
    r"(?P<c>\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b|percent\b)(?!\s*points)", re.IGNORECASE)


@check("figures.percentage-points")
def percentage_points(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for sentence in sentences(doc, with_digits=True):
        for match in _POINTS_AS_PERCENT.finditer(sentence.text):
            a, b, c = (float(match.group(k)) for k in "abc")
            points = abs(b - a)
            relative = points / a * 100 if a else 0
            if same_value(c, points, 0.02) and not same_value(c, relative, 0.05):
                yield sentence.hit(match.start("c"), match.end(),
                                   f"{a:g}% to {b:g}% is a change of {points:g} percentage points "
                                   f"(or {relative:.1f}%), not {c:g}%", f"{points:g} percentage points")


# --- consistency ----------------------------------------------------------------------------

def _power_of_ten_apart(a: float, b: float) -> bool:
    """17 million and 1.7 million: the same digits, the decimal point moved."""
    if not a or not b or a == b:
        return False
    ratio = max(a, b) / min(a, b)
    return any(abs(ratio - 10 ** k) < 1e-9 * 10 ** k for k in (1, 2, 3))


@check("figures.inconsistent-figure")
def inconsistent_figure(doc: Document, context: RuleContext) -> Iterator[Hit]:
    include_headings = "headline.figure-mismatch" not in context.enabled  # that rule reports headline slips
    seen: list[tuple[Quantity, Sentence]] = []
    for sentence in sentences(doc, headings=include_headings):
        for quantity in quantities(sentence):
            if not quantity.noun or quantity.noun == "time" or quantity.kind in ("year",) or quantity.value < 10:
                continue
            if not sentence.text[quantity.end:].lstrip()[:1].islower() and sentence.block.kind == "paragraph":
                continue  # "150 Game shops": a name follows, not the noun counted
            for earlier, where in seen:
                if earlier.noun == quantity.noun and earlier.kind == quantity.kind \
                        and _power_of_ten_apart(earlier.value, quantity.value):
                    yield sentence.hit(quantity.start, quantity.end,
                                       f"{quantity.text} {quantity.noun}s here, but {earlier.text} earlier: "
                                       "a slipped decimal or a missing zero?")
                    break
            seen.append((quantity, sentence))


def _number_format(q: Quantity) -> str | None:
    text = q.text.lower()
    if q.is_word or q.kind in ("year", "percent", "points") or q.value < 1000:
        return None
    if re.search(r"\d\s?(?:bn|m|k|mn|tn)\b", text):
        return "short (17m)"
    if re.search(r"(?:thousand|million|billion|trillion)", text):
        return "words (17 million)"
    if "," in text or re.search(r"\d{4,}", text):
        return "digits (17,000,000)"
    return None


@check("figures.number-format")
def number_format(doc: Document, context: RuleContext) -> Iterator[Hit]:
    by_value: dict[float, dict[str, tuple[Quantity, Sentence]]] = {}
    for sentence in sentences(doc, with_digits=True):
        for quantity in quantities(sentence):
            style = _number_format(quantity)
            if style:
                by_value.setdefault(quantity.value, {}).setdefault(style, (quantity, sentence))
    for value, styles in by_value.items():
        if len(styles) < 2:
            continue
        first_style = next(iter(styles))
        for style, (quantity, sentence) in list(styles.items())[1:]:
            yield sentence.hit(quantity.start, quantity.end,
                               f"{quantity.text} is written as {style}; the article also writes it as {first_style} "
                               f"({styles[first_style][0].text}): pick one", styles[first_style][0].text)


_MORE_THAN = re.compile(r"\bmore than\s+(?=[$£€]?\d|\w+\s+(?:thousand|million|billion))", re.IGNORECASE)
_OVER = re.compile(r"\bover\s+(?=[$£€]?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)", re.IGNORECASE)


@check("figures.more-than-over")
def more_than_over(doc: Document, context: RuleContext) -> Iterator[Hit]:
    preferred = context.options["prefer"]
    unwanted, wanted = (_OVER, "more than") if preferred == "more than" else (_MORE_THAN, "over")
    for sentence in sentences(doc):
        for match in unwanted.finditer(sentence.text):
            yield sentence.hit(match.start(), match.end() - 1 if match.group().endswith(" ") else match.end(),
                               f"House style uses “{wanted}” with figures", wanted)


# --- dates --------------------------------------------------------------------------------

@check("figures.impossible-date")
def impossible_date(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for sentence in sentences(doc, with_digits=True):
        for mention in read_dates(sentence.text):
            if not is_possible(mention.day, mention.month, mention.year):
                yield sentence.hit(mention.start, mention.end,
                                   f"{calendar.month_name[mention.month]} has no day {mention.day}"
                                   + (f" in {mention.year}" if mention.year else ""))


@check("figures.weekday-mismatch")
def weekday_mismatch(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for sentence in sentences(doc, with_digits=True):
        for mention in read_dates(sentence.text):
            if mention.weekday is None or not is_possible(mention.day, mention.month, mention.year):
                continue
            year = mention.year or (context.publication_date.year if context.publication_date else None)
            if year is None:
                continue  # no year and no publication date: nothing to check against
            actual = date(year, mention.month, mention.day).weekday()
            if actual != mention.weekday:
                yield sentence.hit(mention.start, mention.end,
                                   f"{calendar.month_name[mention.month]} {mention.day}, {year} was a "
                                   f"{calendar.day_name[actual]}, not a {calendar.day_name[mention.weekday]}",
                                   calendar.day_name[actual])


_AGE_AND_BIRTH = re.compile(r",\s+(?P<age>\d{1,3}),[^.;]{0,60}?\bborn\s+(?:in\s+)?(?:\w+\s+)?(?P<year>(?:19|20)\d\d)\b"
                            r"|\bborn\s+(?:in\s+)?(?:\w+\s+)?(?P<year2>(?:19|20)\d\d)\b[^.;]{0,60}?\baged?\s+(?P<age2>\d{1,3})\b",
                            re.IGNORECASE)


@check("figures.age-mismatch")
def age_mismatch(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for sentence in sentences(doc, with_digits=True):
        for match in _AGE_AND_BIRTH.finditer(sentence.text):
            age = int(match.group("age") or match.group("age2"))
            born = int(match.group("year") or match.group("year2"))
            age_group = "age" if match.group("age") else "age2"
            if context.publication_date is None:
                yield sentence.hit(match.start(age_group), match.end(age_group),
                                   f"An age of {age} with a birth year of {born} cannot be checked without a "
                                   "publication date (front matter `date`, config or --date)", severity=Severity.INFO)
                continue
            year = context.publication_date.year
            possible = {year - born - 1, year - born}
            if age not in possible:
                yield sentence.hit(match.start(age_group), match.end(age_group),
                                   f"Born in {born}, the person would be {min(possible)} or {max(possible)} in {year}, "
                                   f"not {age}", str(max(possible)))


_YEAR_ARITHMETIC = re.compile(
    r"\b(?P<later>(?:19|20)\d\d)\b[^.;]{0,40}?,?\s+(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+years?\s+after\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:[^.;]{0,30}?)(?P<earlier>(?:19|20)\d\d)\b"
    r"|\b(?P<earlier2>(?:19|20)\d\d)\b[^.;]{0,60}?\b(?P<n2>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\s+"
    r"later,?\s+in\s+(?P<later2>(?:19|20)\d\d)\b", re.IGNORECASE)


@check("figures.year-arithmetic")
def year_arithmetic(doc: Document, context: RuleContext) -> Iterator[Hit]:
    from copydesk.numbers import word_value

    for sentence in sentences(doc, with_digits=True):
        for match in _YEAR_ARITHMETIC.finditer(sentence.text):
            suffix = "" if match.group("later") else "2"
            later, earlier = int(match.group("later" + suffix)), int(match.group("earlier" + suffix))
            raw = match.group("n" + suffix)
            stated = int(raw) if raw.isdigit() else word_value(raw)
            if stated is not None and later - earlier != stated:
                yield sentence.hit(match.start("n" + suffix), match.end("n" + suffix),
                                   f"{earlier} to {later} is {later - earlier} years, not {raw}", str(later - earlier))


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
    for sentence in sentences(doc):
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


@check("figures.date-style")
def date_style(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for sentence in sentences(doc, with_digits=True):
        for mention in read_dates(sentence.text):
            if not mention.ordinal_form:
                continue
            month = calendar.month_name[mention.month]
            ap = f"{month} {mention.day}" + (f", {mention.year}" if mention.year else "")
            start = mention.start
            if sentence.text[max(0, start - 4):start].lower() == "the ":
                start -= 4  # "the 4th of May" is replaced as a whole
            yield sentence.hit(start, mention.end, f"AP style writes dates as “{ap}”, without ordinals", ap)


# --- style ----------------------------------------------------------------------------------

_SMALL_NUMERAL = re.compile(r"(?<![\w.,:/$£€+=×*-])(?P<n>[0-9])(?![\w.,:/%+=×*-]|\s?(?:%|per\s?cent|percent|am|pm|a\.m\.|p\.m\.)\b)")
_NUMERAL_EXCEPTIONS = re.compile(
    r"^\s+(?:million|billion|trillion|thousand|bn|m|k|km|kg|cm|mm|ft|feet|foot|inch|inches|in|mph|kph|kmh|m|mile|miles|metres?|meters?|"
    r"yards?|pounds?|lb|lbs|oz|tonnes?|tons?|litres?|liters?|gallons?|degrees?|gb|mb|tb|kb|ghz|mhz|hours?|minutes?|seconds?|"
    r"hrs?|mins?|secs?|years?\s+old|year-old|-year-old|points?|percentage|goals?|runs?|wickets?|votes?|dollars?|cents?|"
    r"pence|p|megabits?|mbps|kbps|gigabytes?|megabytes?|megapixels?|x)\b",
    re.IGNORECASE)
_NAMED_BEFORE = re.compile(r"\baged?\s+$|\bNo\.?\s*$|\b[A-Z][\w]*\s+$")
_LABEL_BEFORE = re.compile(
    r"\b(?:section|chapter|article|page|clause|level|grade|stage|round|series|season|step|phase|number|channel|room|"
    r"floor|platform|gate|terminal|route|line|exit|junction|episode|part|volume|division|tier|category|class|type|"
    r"version|model|figure|table|act|scene)\s+$", re.IGNORECASE)
_NAME_OR_DIGITS_AFTER = re.compile(r"\s+[A-Z]|\s\d")
_DIGIT_BEFORE = re.compile(r"\d\s$")
_RANGE_AFTER = re.compile(r"\s*(?:-|–|to|and|or)\s*\d")
_RANGE_BEFORE = re.compile(r"\d\s*(?:-|–|to|and|or|,)\s*$")
_ORDINAL_AFTER = re.compile(r"\s*(?:st|nd|rd|th)\b|\s*\)")
_MARK_BEFORE = re.compile(r"[(#]\s*$")
SPELLED = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


@check("figures.numeral-style")
def numeral_style(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for sentence in sentences(doc, headings=False, with_digits=True):
        text = sentence.text
        dates = read_dates(text)
        for match in _SMALL_NUMERAL.finditer(text):
            start, end = match.span("n")
            before, after = text[max(0, start - 12):start], text[end:end + 16]
            if any(d.start <= start < d.end for d in dates):
                continue  # May 4
            if _NUMERAL_EXCEPTIONS.match(after) or _NAMED_BEFORE.search(before) or _LABEL_BEFORE.search(before):
                continue  # units, ages, "No 1", "Radio 4", "section 5"
            if _NAME_OR_DIGITS_AFTER.match(after) or _DIGIT_BEFORE.search(before):
                continue  # names ("6 Music", "2 Wikid Records") and digit groups (phone numbers)
            if _RANGE_AFTER.match(after) or _RANGE_BEFORE.search(before):
                continue  # ranges, series and scores: 3-1, 5 to 10
            if _ORDINAL_AFTER.match(after) or _MARK_BEFORE.search(before):
                continue
            word = SPELLED[int(match.group("n"))]
            if start == 0:
                word = word.capitalize()
            yield sentence.hit(start, end, f"AP style spells out numbers under 10: “{word}”", word)
        first = re.match(r"[\"“‘']?(?P<num>\d[\d,.]*)(?![\w'’])(?!\s+[A-Z])", text)
        is_sentence = len(text.split()) >= 6 and text.rstrip()[-1:] in ".!?\"”"  # not a list line or a score
        if first and is_sentence and not re.fullmatch(r"(?:1[5-9]|20)\d\d", first.group("num")) \
                and len(first.group("num").rstrip(".,")) > 1:
            yield sentence.hit(first.start("num"), first.end("num"),
                               "Do not start a sentence with a figure (years excepted); spell it out or recast")


def _attributed(text: str) -> bool:
    return bool(ATTRIBUTION.search(text))


@check("figures.unsourced-superlative")
def unsourced_superlative(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for sentence in sentences(doc, headings=False):
        if _attributed(sentence.text):
            continue
        for match in SUPERLATIVE.finditer(sentence.text):
            yield sentence.hit(match.start(), match.end(),
                               f"“{match.group()}” is a claim a fact-checker must source; say who says so")


@check("figures.unsourced-claim")
def unsourced_claim(doc: Document, context: RuleContext) -> Iterator[Hit]:
    threshold = context.options["min-value"]
    for sentence in sentences(doc, headings=False):
        if _attributed(sentence.text):
            continue
        kinds = ("number", "money") if context.options["include-money"] else ("number",)
        for quantity in quantities(sentence):
            if quantity.value >= threshold and quantity.kind in kinds and quantity.noun:
                phrase = _figure_phrase(sentence.text, quantity)
                yield sentence.hit(quantity.start, quantity.end,
                                   f"“{phrase}” is a big figure with no source in its sentence; "
                                   "add who says so (said, according to, a link)")
                break


def _figure_phrase(text: str, quantity: Quantity) -> str:
    """The figure and the word after it, as written: "17 million cars"."""
    following = re.match(r"\s+[\w'’-]+", text[quantity.end:])
    return text[quantity.start:quantity.end] + (following.group() if following else "")


# --- reference bounds ---------------------------------------------------------------------------

@lru_cache(maxsize=8)
def load_facts(path: Path, modified: float = 0.0) -> tuple[dict, ...]:
    """The fact sheet's entries (read once per process and per change of the file)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return tuple(data.get("facts", []))


def _facts(context: RuleContext) -> tuple[dict, ...]:
    sheet = context.options["sheet"]
    path = Path(sheet) if sheet else rules_dir() / "fact-sheet.yaml"
    return load_facts(path, path.stat().st_mtime)


def _sheet_name(context: RuleContext) -> str:
    """Say whose figures they are: the newsroom's sheet, or copydesk's example."""
    return "the house fact sheet" if context.options["sheet"] else "copydesk's example fact sheet"


@check("figures.reference-bound")
def reference_bound(doc: Document, context: RuleContext) -> Iterator[Hit]:
    facts = _facts(context)
    for sentence in sentences(doc):
        lowered = sentence.text.lower()
        for fact in facts:
            if not all(term.lower() in lowered for term in fact["match"]):
                continue
            for quantity in quantities(sentence):
                if quantity.noun != singular(fact["noun"]) or quantity.kind not in ("number", "money"):
                    continue
                if quantity.value > fact["max"] * (1 + context.options["tolerance"]):
                    yield sentence.hit(quantity.start, quantity.end,
                                       f"“{_figure_phrase(sentence.text, quantity)}” is above the bound in "
                                       f"{_sheet_name(context)} for {fact['name']}: at most {_fmt(fact['max'])} as of {fact['as_of']} "
                                       f"(source: {fact['source']})")
