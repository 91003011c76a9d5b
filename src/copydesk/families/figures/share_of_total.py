"""figures.share-of-total: a part stated as a share of a total that the figures do not bear out.

"3,150 pupils passed, or 63% of the 4,500 who sat"; "raised £36,000, or 90% of its £30,000 target";
"More than 60% of workers, or about 1.9 million of the 3 million"; "40% of the £250m cost; its
share, £120m"."""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check
from copydesk.families.figures.arithmetic import figure_interval, meet, number_part, stated_interval
from copydesk.families.figures.changes import Stated, compatible, value_of
from copydesk.families.figures.common import sentences
from copydesk.families.figures.lexicon import FRACTIONS

_SHARE_WORDS = {"share", "portion", "part", "contribution", "stake", "slice"}
_WINDOW = 16  # a share and its figures sit within a few words of each other
_DETERMINERS = {"the", "its", "their", "his", "her", "a", "total", "all", "our", "this", "that", "those"}


def _quantity_within(reading, start: int, limit: int, skip=_DETERMINERS):
    """The first figure from ``start`` with only determiners or a hedge before it."""
    for position in range(start, min(limit, start + 4)):
        token = reading.tokens[position]
        if token.quantity is not None:
            return position, token.quantity
        if token.word not in skip and not reading.hedge(position + 1):
            return -1, None
    return -1, None


def _part_of_whole_before(reading, index: int):
    """(A, B) for "A of [the] B ..., or P%": the percentage restates a part of a whole just before it."""
    if reading.words(index - 2, index) != [",", "or"]:
        return None
    figures = [(p, reading.tokens[p].quantity) for p in range(max(index - _WINDOW, 0), index - 2)
               if reading.tokens[p].quantity is not None]
    if len(figures) < 2:
        return None
    (a, part), (b, whole) = figures[-2], figures[-1]
    between = reading.words(a + 1, b)
    if "of" in between and set(between) <= _DETERMINERS | {"of"} and compatible(part, whole):
        return part, whole
    return None


def _stated(quantity, hedge: str) -> Stated:
    return Stated("percent", quantity.value, quantity.start, quantity.end, hedge, quantity.step, quantity.text)


def _or_part_of_whole(reading, index: int):
    """(A, B) for "..., or A of [the] B" within reach after token ``index``."""
    for position in range(index + 2, min(len(reading.tokens), index + _WINDOW)):
        if reading.words(position, position + 2) == [",", "or"]:
            at, part = _quantity_within(reading, position + 2, len(reading.tokens))
            if part is not None and reading.words(at + 1, at + 2) == ["of"]:
                _, total = _quantity_within(reading, at + 2, len(reading.tokens))
                if total is not None and compatible(part, total):
                    return part, total
            return None
    return None


def _fraction_claims(reading, index: int):
    token = reading.tokens[index]
    found = _or_part_of_whole(reading, index)
    if found:
        stated = Stated("fraction", FRACTIONS[token.word] * 100, token.start, token.end,
                        reading.hedge(index - (1 if reading.words(index - 1, index) == ["a"] else 0)), text=token.text)
        yield (*found, stated)


def _may_state_a_share(sentence) -> bool:
    """A share is stated by a fraction word before "of" (a word token is a lower-cased piece of the
    text), or by a percentage with "of" after it or ", or" before it: a sentence with none of these
    is passed over before its tokens are made."""
    lowered = sentence.text.lower()
    return any(fraction in lowered for fraction in FRACTIONS) \
        or any(_percentage_in_share(sentence.reading, q) for q in sentence.quantities if q.kind == "percent")


def _percentage_in_share(reading, quantity) -> bool:
    """Whether the token after a percentage may be "of", or the two before it ", or". A numeral's
    token starts where it does, with white space only after the token before; its own token may run
    on past it ("5 percent-based"), and a number word's may start before it: then it may be."""
    text = reading.text
    if quantity.is_word or text[quantity.end:quantity.end + 1] in ("-", "'", "’") \
            or text[quantity.end:quantity.end + 1].isalpha():
        return True
    end = reading.end_before(quantity.start)
    if text[max(end - 2, 0):end].lower() == "or":
        comma = reading.end_before(end - 2)
        if comma > 0 and text[comma - 1] == ",":
            return True
    return reading.word_from(quantity.end) == "of"


def claims(sentence):
    """(part, whole, stated percent) for each share the sentence states."""
    if not _may_state_a_share(sentence):
        return
    reading, tokens = sentence.reading, sentence.reading.tokens
    for index, token in enumerate(tokens):
        quantity = token.quantity
        if quantity is None and token.word in FRACTIONS and reading.words(index + 1, index + 2) == ["of"]:
            yield from _fraction_claims(reading, index)  # "A third of adults, or 17 million people"
            continue
        if quantity is None or quantity.kind != "percent":
            continue
        words = reading.words(index + 1, index + 3)
        if words[:1] != ["of"]:
            part_and_whole = _part_of_whole_before(reading, index)  # "450 of the 600 staff, or 60%"
            if part_and_whole:
                yield (*part_and_whole, _stated(quantity, reading.hedge(index)))
            continue
        stated = _stated(quantity, reading.hedge(index))
        _, whole = _quantity_within(reading, index + 2, len(tokens))
        if reading.words(index - 1, index) == ["or"] and whole is not None:
            parts = [t.quantity for t in tokens[max(reading.clause(index)[0], index - _WINDOW):index - 1]
                     if t.quantity is not None
                     and t.quantity.kind not in ("percent", "year")]
            if parts and compatible(parts[-1], whole):
                yield parts[-1], whole, stated
                continue
        found = _or_part_of_whole(reading, index)  # "P% of ..., or A of B"
        if found:
            yield (*found, stated)
        if whole is not None and whole.kind == "money":  # "40% of the £250m cost; its share, £120m"
            for position in range(index + 3, min(len(tokens), index + _WINDOW)):
                if tokens[position].word in _SHARE_WORDS:
                    at, part = _quantity_within(reading, position + 1, len(tokens), _DETERMINERS | {","})
                    if part is not None and part.kind == "money" and part.unit == whole.unit:
                        yield part, whole, stated
                    break


@check("figures.share-of-total")
def share_of_total(doc: Document, context: RuleContext) -> Iterator[Hit]:
    tolerance = context.options["tolerance-points"]
    for sentence in sentences(doc, with_figures=True):
        for part, whole, stated in claims(sentence):
            low_part, high_part = figure_interval(part, whole)
            low_whole, high_whole = figure_interval(whole, part)
            if low_whole <= 0:
                continue
            actual = (low_part / high_whole * 100, high_part / low_whole * 100)
            if meet(actual, stated_interval(stated), tolerance):
                continue
            computed = value_of(part, whole) / value_of(whole, part) * 100
            start, end = number_part(stated.text)
            fix = sentence.fix(f"Write {computed:.0f}%", stated.start + start, stated.start + end, f"{computed:.0f}",
                               safe=False)
            told = f"“{stated.text}” ({stated.value:.0f}%)" if stated.kind == "fraction" else f"{stated.value:g}%"
            yield sentence.hit(stated.start, stated.end, f"{part.text} of {whole.text} is {computed:.1f}%, not {told}",
                               f"{computed:.0f}%", fixes=(fix,) if stated.kind == "percent" else ())
