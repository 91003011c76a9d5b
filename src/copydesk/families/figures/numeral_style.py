"""figures.numeral-style: AP spells out one to nine and never opens a sentence with a figure.

Not in tables, not money (AP writes "$5", "9 euros"), not units, ages, labels, names, ranges,
scores, ordinals, dates or footnote marks."""

from __future__ import annotations

from collections.abc import Iterator
import re

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check
from copydesk.families.figures.common import sentences
from copydesk.families.figures.voice import voice

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
    r"version|model|figure|table|act|scene|numbered|play|verse|day|week|month|year|game|match|test|note|item|question|option|slide|"
    r"sprint|iteration|release|grant|appendix|exhibit|annex|schedule|rule|box|lot|unit|block|zone|ward|district|"
    r"flight|bus|train|court|pool|group|league|player|team)\s+$", re.IGNORECASE)
_NAME_OR_DIGITS_AFTER = re.compile(r"\s+[A-Z]|\s\d")
_DIGIT_BEFORE = re.compile(r"\d\s$")
_RANGE_AFTER = re.compile(r"\s*(?:-|–|to|and|or)\s*\d")
_RANGE_BEFORE = re.compile(r"\d\s*(?:-|–|to|and|or|,)\s*$")
_ORDINAL_AFTER = re.compile(r"\s*(?:st|nd|rd|th)\b|\s*[)\]]|[:/]")
_MARK_BEFORE = re.compile(r"[(#\[^]\s*$|[^\s\w]$")  # (3), #3, [3], ^3, and footnote marks glued to a word
SPELLED = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]




@check("figures.numeral-style")
def numeral_style(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for sentence in sentences(doc, headings=False, with_figures=True):
        if sentence.block.kind == "table-cell" or sentence.block.container == "list":
            continue  # "| Strongly agree | 1 |", "- 8 agreements": tables and lists set figures on purpose
        candidates = list(_small_numerals(sentence, _digit_names(doc), _scale_points(doc))) \
            + list(_figure_first(sentence))
        for hit, offset in candidates:  # whose words these are is asked only when there is something to say
            if voice(doc, sentence.block).editable(sentence.start + offset):
                yield hit


def _digit_names(doc: Document) -> set[str]:
    """Digits the article uses as names ("3's marketing director", "3 says"): read once per article."""
    if "figures-digit-names" not in doc.cache:
        names = set()
        for sentence in sentences(doc, headings=False, with_figures=True):
            for quantity in sentence.quantities:
                if len(quantity.text) != 1 or quantity.kind != "number":
                    continue  # only a one-digit number can be a name
                word = sentence.reading.word_from(quantity.end)  # a digit is a token that ends where it does
                following = sentence.text[quantity.end:quantity.end + 2]
                if word is not None and (following in ("'s", "’s") or word in _NAME_VERBS):
                    names.add(quantity.text)
        doc.cache["figures-digit-names"] = names
    return doc.cache["figures-digit-names"]


def _scale_points(doc: Document) -> set[int]:
    """The points of the rating scales the article declares ("on a scale from 1 to 7"): read once per
    article. Survey answers, scores and trends on such a scale are values set as figures, not counts."""
    if "figures-scale-points" not in doc.cache:
        points: set[int] = set()
        for sentence in sentences(doc, headings=False, with_figures=True):
            scale = sentence.reading.rating_scale
            if scale is not None:
                points.update(range(scale[0], scale[1] + 1))
        doc.cache["figures-scale-points"] = points
    return doc.cache["figures-scale-points"]


def _counts_outside_scale(reading, quantity) -> bool:
    """A point of the article's scale is a value ("7 means “Strongly Agree”", "trending at 5"), unless
    the digit plainly counts a plural noun right after it ("7 engineers answered")."""
    index = reading.index_of.get(quantity.start)
    following = reading.tokens[index + 1:index + 2] if index is not None else ()
    return bool(following) and _plural(following[0].word) and following[0].word not in _DEFINING_VERBS


_DEFINING_VERBS = {"means", "represents", "indicates", "stands", "equals", "signifies", "denotes", "corresponds"}
_NAME_VERBS = {"says", "said", "is", "was", "has", "had", "will", "plans", "launched", "offers", "announced"}


def _small_numerals(sentence, names: set[str], scale_points: set[int]) -> Iterator[tuple[Hit, int]]:
    text = sentence.text
    dates = {position for d in sentence.reading.dates for position in range(d.start, d.end)}
    for quantity in sentence.quantities:
        if quantity.is_word or quantity.kind != "number" or len(quantity.text) != 1 or quantity.hedge:
            continue  # money ("9 euros", "$5"), percentages and larger numbers keep their figures
        start, end = quantity.start, quantity.end
        before, after = text[max(0, start - 12):start], text[end:end + 16]
        if quantity.text in names:
            continue  # the mobile operator 3, not three of something
        if int(quantity.value) in scale_points and not _counts_outside_scale(sentence.reading, quantity):
            continue  # a point of the article's rating scale: "7 means “Strongly Agree”"
        if start in dates or after[:1] in ("%", "°", "′", "″") or after.lower().startswith((" am", " pm", " a.m", " p.m")):
            continue  # May 4, 5%, 5 pm
        if after[:1].isalpha() or after[:1] in ("-", "–", "_", "'", "’", "×", "+", "=", "*", "/") \
                or before[-1:] in ("+", "=", "*", "/", "×"):
            continue  # codes, compounds and sums: 3D, 3G, 8am, 3cm, 8-core, 3-Series, 2+2=5
        if not _counts_a_plural(sentence.reading, quantity) or after.lower().startswith((" out of", " through", " times")):
            continue  # a count names what it counts ("9 shares"); bare digits are scores, names, scale points
        if before.lower().rstrip().endswith(("plus", "minus")):
            continue  # a signed balance: "plus 8"
        if after[:1] in (".", ")", ":") and start <= 8 and not text[:start].strip(" *_#>\"“‘("):
            continue  # a numbered item: "4. Never stop listening", "*6. What are"
        if _NUMERAL_EXCEPTIONS.match(after) or _NAMED_BEFORE.search(before) or _LABEL_BEFORE.search(before):
            continue  # units, ages, "No 1", "Radio 4", "section 5"
        if _NAME_OR_DIGITS_AFTER.match(after) or _DIGIT_BEFORE.search(before):
            continue  # names ("6 Music", "2 Wikid Records") and digit groups (phone numbers)
        if _RANGE_AFTER.match(after) or _RANGE_BEFORE.search(before):
            continue  # ranges, series and scores: 3-1, 5 to 10
        if _ORDINAL_AFTER.match(after) or _MARK_BEFORE.search(before):
            continue  # 1st, (3), [2] and footnote marks
        word = SPELLED[int(quantity.value)]
        if start == 0:
            word = word.capitalize()
        fix = sentence.fix(f"Write “{word}”", start, end, word, safe=True)
        yield sentence.hit(start, end, f"AP style spells out numbers under 10: “{word}”", word, fixes=(fix,)), start


_IRREGULAR_PLURALS = {"people", "men", "women", "children", "feet", "teeth", "mice", "data", "media", "staff",
                      "police", "sheep", "fish", "deer", "criteria", "phenomena", "personnel", "cattle"}
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous", "'s", "’s")


def _plural(word: str) -> bool:
    return word in _IRREGULAR_PLURALS or (word.endswith("s") and not word.endswith(_NOT_PLURAL_ENDINGS)
                                          and len(word) > 2)


def _counts_a_plural(reading, quantity) -> bool:
    """"5 highly skilled specialists", "2 wonderful years": a plural noun within three words. A digit
    before a singular or a verb is a name, a label or a value ("3 spokesperson", "lets 3 offer")."""
    tokens = reading.tokens
    index = reading.index_of.get(quantity.start)
    if index is None:
        return False
    for token in tokens[index + 1:index + 4]:
        if token.word in ('"', "“", "”", "'"):
            continue
        if not token.word[:1].isalpha():
            return False
        if _plural(token.word):
            return quantity.value != 1
        if token.word in ("of", "and", "or", "to", "in", "on", "at", "for", "is", "are", "was", "were"):
            return False
    return False


def _figure_first(sentence) -> Iterator[tuple[Hit, int]]:
    """A sentence that opens with a figure (years excepted)."""
    figures = sentence.quantities
    if not figures or len(sentence.text[:figures[0].start].strip()) > 1:
        return  # the first token (or the one after an opening quote) cannot be a figure: tokens not made
    tokens = sentence.reading.tokens
    first = next((t for t in tokens[:2] if t.word not in ('"', "“", "‘", "'")), None)
    if first is None or first.quantity is None:
        return
    quantity = first.quantity
    text = sentence.text
    is_sentence = len(text.split()) >= 6 and text.rstrip()[-1:] in ".!?\"”"  # not a list line or a score
    following = tokens[1:2] if tokens[0] is first else tokens[2:3]
    if quantity.kind == "year" or not is_sentence or quantity.is_word or quantity.text[:1] in "$£€¥":
        return
    if following and following[0].text[:1].isupper() or text[quantity.end:quantity.end + 1].isalpha() \
            or text[quantity.end:quantity.end + 1] in ("'", "’", ".", "-", ":"):
        return  # "20 Questions", "10x", "50's", "18f.gsa.gov", "60m:": names, codes and labels
    if sum(c.isdigit() for c in quantity.text) > 1:
        yield sentence.hit(quantity.start, quantity.end,
                           "Do not start a sentence with a figure (years excepted); spell it out or recast"), quantity.start
