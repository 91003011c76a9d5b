"""A small, tested reader of quantities in prose.

Libraries that guess (quantulum3 reads "$1.7bn" as dollar-bit-newtons,
word2number turns "1.7 million" into 1,000,000) are no base for arithmetic, so
copydesk reads numbers itself: numerals with separators and decimals, number
words, scales (thousand, million, bn, m, k), currencies, percentages and
percentage points. Each quantity keeps its span, its unit, the noun it counts
and any hedge ("about", "more than") in front of it.

Not figures: model and registration codes (G550, N272BG), version numbers
(1.2.3), times (3:30), scores ("won 3-1") and phone numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
          "b": 1e9, "trillion": 1e12, "tn": 1e12}
RACE_METRES = {60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000}
CURRENCY_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP", "euro": "EUR", "euros": "EUR",
                  "yen": "JPY", "yuan": "CNY", "rupees": "INR", "rupee": "INR"}
UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SPECIAL_WORDS = {"a dozen": 12, "dozen": 12, "half": 0.5, "a hundred": 100, "hundred": 100}
HEDGES = ("more than", "less than", "fewer than", "at least", "up to", "close to", "just over", "just under",
          "about", "around", "nearly", "almost", "roughly", "approximately", "some", "over", "under", "circa",
          "an estimated", "estimated", "upwards of", "as many as", "as much as")

_NUMERAL = (r"(?<![\w.,:/-])(?:(?P<cur>[$£€¥])\s?)?"
            r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
            r"(?![\w.,:/-]?\d)(?!-\d)")
_SCALE = r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|tn|m|k|b)\b)?"
_PERCENT = r"(?P<pct>\s?%|\s?per\s?cent\b|\s?percent\b|\s?percentage points?\b|\s?points?\b)?"
_NUMBER_WORD = (r"\b(?P<word>(?:" + "|".join(sorted(TENS_WORDS, key=len, reverse=True)) + r")(?:[-\s](?:"
                + "|".join(k for k in UNITS_WORDS if UNITS_WORDS[k] < 10 and UNITS_WORDS[k] > 0) + r"))?"
                r"|" + "|".join(sorted(UNITS_WORDS, key=len, reverse=True)) + r"|a dozen|dozen|a hundred|hundred)\b")
NUMERAL = re.compile(_NUMERAL + _SCALE + _PERCENT, re.IGNORECASE)
NUMBER_WORD = re.compile(_NUMBER_WORD + r"(?:\s(?P<wscale>thousand|million|billion|trillion)\b)?" + _PERCENT, re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s*(?:[\"“”'‘’(]\s*)?([A-Za-z][A-Za-z'’-]*)")
_PREVIOUS_WORDS = re.compile(r"([A-Za-z][A-Za-z'’-]*\s+){0,3}$")
_SKIPPABLE = {"more", "new", "additional", "extra", "other", "of", "the", "their", "its", "his", "her", "our", "your",
              "own", "fewer", "less", "million", "billion", "thousand", "trillion", "year-old", "old"}


_FUNCTION_WORDS = {"to", "from", "in", "on", "at", "by", "for", "and", "or", "but", "a", "an", "as", "than", "with",
                   "was", "were", "is", "are", "be", "been", "had", "has", "have", "will", "would", "could", "after",
                   "before", "since", "until", "ago", "earlier", "later", "year-earlier", "when", "while", "that",
                   "which", "who", "it", "he", "she", "they", "we", "this", "per", "into", "over", "under", "up", "down"}


@dataclass(frozen=True, slots=True)  # slots: a 10 MB article holds a few hundred thousand at once
class Quantity:
    start: int
    end: int
    text: str
    value: float
    kind: str  # number, percent, points, money, year
    unit: str = ""  # currency code, "%" or "points"
    noun: str = ""  # the noun it counts, lower case and singular
    hedge: str = ""  # "about", "more than"... before it
    is_word: bool = False  # written in words ("seven")
    step: float = 1.0  # the unit of the last digit written, scaled: "4.6 million" -> 100,000
    scale: float = 1.0  # the scale written with it: 1e6 for "4.6 million" and "4.6m"
    form: str = ""  # how a large number is written: "short" (17m), "words" (17 million), "digits" (17,000,000)

    @property
    def approximate(self) -> bool:
        return bool(self.hedge)


def singular(word: str) -> str:
    word = word.lower().strip("'’")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def word_value(text: str) -> float | None:
    """The value of a number written in words: "twenty-five", "a dozen", "nine"."""
    text = text.lower().replace("-", " ")
    if text in SPECIAL_WORDS:
        return SPECIAL_WORDS[text]
    parts = text.split()
    if len(parts) == 1:
        return UNITS_WORDS.get(parts[0], TENS_WORDS.get(parts[0]))
    if len(parts) == 2 and parts[0] in TENS_WORDS and parts[1] in UNITS_WORDS:
        return TENS_WORDS[parts[0]] + UNITS_WORDS[parts[1]]
    return None


def _noun_after(text: str, end: int) -> str:
    if end < len(text) and text[end].isalpha():
        return ""  # "100m", "10s": a unit or a plural, not a noun
    position = end
    for _ in range(3):  # skip "more", "new", "of the" between the number and its noun
        match = _NEXT_WORD.match(text, position)
        if not match:
            return ""
        word = match.group(1).lower()
        if word in _SKIPPABLE:
            position = match.end()
            continue
        return "" if word in _FUNCTION_WORDS else singular(word)
    return ""


def _counts_something(text: str, end: int) -> bool:
    word = _NEXT_WORD.match(text, end)
    return bool(word) and text[end:word.start(1)].strip() == "" and word.group(1)[0].islower() \
        and word.group(1).lower() not in _FUNCTION_WORDS


def _hedge_before(text: str, start: int) -> str:
    before = " ".join(text[max(0, start - 30):start].lower().split())  # "more\nthan 5": one space
    if not before.endswith(HEDGES):
        return ""  # one test for all: most figures have no hedge
    for hedge in HEDGES:
        if before.endswith(hedge) and (len(before) == len(hedge) or not before[-len(hedge) - 1].isalpha()):
            return hedge
    return ""


def _kind_and_unit(currency: str | None, percent: str | None, after: str, value: float, has_separator: bool,
                   has_scale: bool) -> tuple[str, str]:
    if percent:
        marker = percent.strip().lower()
        return ("points", "points") if marker.startswith("point") or "points" in marker else ("percent", "%")
    if currency:
        return "money", CURRENCY_SYMBOLS[currency]
    following = after.split()[:1]
    if following and following[0].lower().strip(".,;") in CURRENCY_WORDS:
        return "money", CURRENCY_WORDS[following[0].lower().strip(".,;")]
    if 1000 <= value <= 2100 and value == int(value) and not has_separator and not has_scale:
        return "year", ""
    return "number", ""


def _step(raw: str) -> float:
    """The unit of the last digit written: 0.1 for "4.6", 1 for "4,120"."""
    decimals = raw.split(".", 1)[1] if "." in raw else ""
    return 10.0 ** -len(decimals)


def _form(raw: str, scale: str | None) -> str:
    if scale:
        return "words" if len(scale) > 2 and scale.lower() not in ("bn", "mn", "tn") else "short"
    return "digits" if "," in raw or len(raw.split(".")[0]) >= 4 else ""


_ASCII_WORD = re.compile(r"[a-z]+")
# Every word NUMBER_WORD can start with; an ASCII text with none of them as a whole
# word holds no number word, and NUMBER_WORD (slow: case-insensitive alternation at
# every position) is not run over it.
_NUMBER_WORD_WORDS = frozenset(UNITS_WORDS) | frozenset(TENS_WORDS) | {"dozen", "hundred"}


# The four letters outside ASCII that case-insensitive matching takes for ASCII ones (the dotted
# and dotless i, the long s, the Kelvin sign), which lower() does not turn into them (or, for the
# dotted I, turns into two characters).
_ASCII_CASE_EQUIVALENTS = frozenset("\u0130\u0131\u017f\u212a")


def folds_like_ascii(text: str) -> bool:
    """Whether a case-insensitive pattern of ASCII words matches in ``text`` only where they stand
    in ``text.lower()``, at the same offsets: true of any text without those four letters ("£5m"
    and "café" included), so a test of the lower-cased text may stand in for the pattern."""
    return text.isascii() or _ASCII_CASE_EQUIVALENTS.isdisjoint(text)


def _may_hold_number_words(text: str) -> bool:
    """False only when NUMBER_WORD cannot match: no number word as a whole run of letters."""
    return not folds_like_ascii(text) or not _NUMBER_WORD_WORDS.isdisjoint(_ASCII_WORD.findall(text.lower()))


def _number_words(text: str) -> Iterator[re.Match]:
    """NUMBER_WORD.finditer(text), tried only where a number word starts. NUMBER_WORD (case-insensitive
    alternation) is slow to scan with; each of its matches starts at a run of letters that is a
    number word ("twenty" of "twenty-five"), or at the "a " before "dozen" or "hundred", so it is
    matched there, in order, each from the end of the last: the same matches. Where lower() does not
    show every match (``folds_like_ascii``) it scans."""
    if not folds_like_ascii(text):
        yield from NUMBER_WORD.finditer(text)
        return
    lowered = text.lower()
    position = 0
    for run in _ASCII_WORD.finditer(lowered):
        word = run.group()
        if word not in _NUMBER_WORD_WORDS:
            continue
        start = run.start()
        starts = (start - 2, start) if word in ("dozen", "hundred") and lowered[max(start - 2, 0):start] == "a " \
            else (start,)
        for candidate in starts:
            if candidate < position:
                continue
            match = NUMBER_WORD.match(text, candidate)
            if match is not None:
                yield match
                position = match.end()


# Where a numeral can start: its currency sign or its first digit.
_NUMERAL_START = re.compile(r"[$£€¥\d]")


def _numerals(text: str) -> Iterator[re.Match]:
    """NUMERAL.finditer(text), tried only where a numeral can start. NUMERAL opens with a lookbehind
    and an optional sign, so the regex engine has no first character to jump to and tries every
    position; here a plain character class finds the candidates and NUMERAL is matched there (its
    lookbehind still sees the text before). Same matches: leftmost, non-overlapping, in order."""
    position = 0
    while (candidate := _NUMERAL_START.search(text, position)) is not None:
        match = NUMERAL.match(text, candidate.start())
        if match is None:
            position = candidate.start() + 1
            continue
        yield match
        position = match.end()


def _may_hold_numerals(text: str) -> bool:
    """False only when no numeral can start in ``text``: an ASCII text without a digit or a dollar
    sign (a few substring tests, quicker than a regex over the text). Outside ASCII, ``\\d`` has
    other digits, so the regex looks."""
    if text.isascii():
        return "$" in text or any(digit in text for digit in "0123456789")
    return _NUMERAL_START.search(text) is not None


def read_quantities(text: str) -> tuple[Quantity, ...]:
    """Every quantity in ``text``, in order, with offsets into it."""
    found = _numeral_quantities(text) if _may_hold_numerals(text) else []
    if _may_hold_number_words(text):
        found += _word_quantities(text, found)
    return tuple(sorted(found, key=lambda q: q.start)) if found else ()


def _numeral_quantities(text: str) -> list[Quantity]:
    """The numbers written in figures: "£1.7bn", "12.4%", "4,120"."""
    found: list[Quantity] = []
    for match in _numerals(text):
        raw = match.group("num")
        value = float(raw.replace(",", ""))
        scale = match.group("scale")
        if scale and scale.lower() in ("m", "k", "b") and not match.group("cur") and (
                not _counts_something(text, match.end("scale")) or (scale.lower() == "m" and value in RACE_METRES)):
            scale = None  # "the 200m final" is metres and "5k" a race; "17m cars" is millions
        if scale:
            value *= SCALES[scale.lower()]
        pct = match.group("pct")
        if pct and pct.strip().lower().startswith("point") and "percentage" not in pct.lower():
            pct = None  # "3 points" in a score is not a percentage
        end = match.end() if pct else (match.end("scale") if scale else match.end("num"))
        after = text[end:end + 20]
        kind, unit = _kind_and_unit(match.group("cur"), pct, after, value, "," in raw, bool(scale))
        found.append(Quantity(match.start(), end, text[match.start():end], value, kind, unit,
                              _noun_after(text, end), _hedge_before(text, match.start()),
                              step=_step(raw) * (SCALES[scale.lower()] if scale else 1), scale=SCALES[scale.lower()] if scale else 1.0, form=_form(raw, scale)))
    return found


def _word_quantities(text: str, numerals: list[Quantity]) -> list[Quantity]:
    """The numbers written in words, except where a numeral already stands."""
    found: list[Quantity] = []
    covered = {position for q in numerals for position in range(q.start, q.end)}  # numerals are short: linear
    for match in _number_words(text):
        value = word_value(match.group("word"))
        if value is None or match.start() in covered:
            continue
        if match.group("wscale"):
            value *= SCALES[match.group("wscale").lower()]
        pct = match.group("pct")
        if pct and pct.strip().lower().startswith("point") and "percentage" not in pct.lower():
            pct = None
        end = match.end() if (pct or match.group("wscale")) else match.end("word")
        kind, unit = _kind_and_unit(None, pct, text[end:end + 20], value, False, True)
        found.append(Quantity(match.start(), end, text[match.start():end], value, kind, unit,
                              _noun_after(text, end), _hedge_before(text, match.start()), is_word=True,
                              step=SCALES[match.group("wscale").lower()] if match.group("wscale") else 1.0,
                              scale=SCALES[match.group("wscale").lower()] if match.group("wscale") else 1.0,
                              form="words" if match.group("wscale") else ""))
    return found


def same_value(a: float, b: float, tolerance: float = 0.005) -> bool:
    """Equal, allowing for rounding: 17 million and 17,000,000; 12.4% stated as 12%."""
    if a == b:
        return True
    largest = max(abs(a), abs(b))
    return largest > 0 and abs(a - b) / largest <= tolerance
