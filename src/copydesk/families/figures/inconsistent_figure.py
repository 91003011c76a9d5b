"""figures.inconsistent-figure: one quantity with two values in one article.

Three ways: a slipped decimal (17 million cars, then 1.7 million cars); one named thing given two
sums ("the scheme will cost £48m" ... "the £54m scheme"); and a headline figure the body states
differently ("Council to cut 300 jobs" over "250 posts would go"). Hedged figures, figures that
changed over time and figures the body also states are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.numbers import Quantity, same_value
from copydesk.rules import RuleContext, check
from copydesk.families.figures.common import Sentence, sentences
from copydesk.families.figures.lexicon import CHANGED_OVER_TIME, COST_VERBS, SAME_THING
from copydesk.families.figures.reading import may_have_word


def _key(quantity: Quantity, value: float) -> tuple:
    return quantity.noun, quantity.kind, round(value, 6)


def _lower_case_after(sentence: Sentence, quantity: Quantity) -> bool:
    tokens, index = sentence.reading.tokens, sentence.reading.index_of.get(quantity.start, -1)
    return 0 <= index < len(tokens) - 1 and tokens[index + 1].text[:1].islower()


def _in_range(sentence: Sentence, quantity: Quantity) -> bool:
    """"30,000 to 50,000 polygons": the end of a range."""
    tokens, index = sentence.reading.tokens, sentence.reading.index_of.get(quantity.start, 0)
    return index >= 2 and tokens[index - 1].word in ("to", "-", "–", "and", "or") and tokens[index - 2].quantity is not None


def _stated_exactly(sentence: Sentence, quantity: Quantity) -> bool:
    """Whether a figure counts its noun as an exact figure, read from the tokens around it."""
    if sentence.block.kind == "paragraph" and not _lower_case_after(sentence, quantity):
        return False  # "150 Game shops": a name follows, not the noun counted
    return not _in_range(sentence, quantity)  # "30,000 to 50,000 polygons": not a figure stated as exact


def _slipped_decimals(doc: Document, include_headings: bool) -> Iterator[Hit]:
    """17 million and 1.7 million of one noun: the same digits, the decimal point moved (a factor of
    10, 100 or 1,000). Earlier figures are kept by value, so each new one is looked up, not compared.

    Whether a figure is stated exactly needs its sentence's tokens, so it is asked only of figures
    with a slipped partner: each value keeps its figures in order, and the first stated exactly
    is the earlier one (the same as keeping only exact figures, without reading every sentence)."""
    figures: dict[tuple, list[tuple[Sentence, Quantity]]] = {}
    exact: dict[tuple[int, int], bool] = {}

    def is_exact(sentence: Sentence, quantity: Quantity) -> bool:
        key = (sentence.index, quantity.start)
        if key not in exact:
            exact[key] = _stated_exactly(sentence, quantity)
        return exact[key]

    def first_exact(key: tuple) -> Quantity | None:
        return next((q for s, q in figures.get(key, ()) if is_exact(s, q)), None)

    for sentence in sentences(doc, headings=include_headings, with_figures=True):
        for quantity in sentence.quantities:
            if not quantity.noun or quantity.noun == "time" or quantity.kind in ("year",) or quantity.value < 10 \
                    or quantity.hedge:
                continue  # "about 5,000": not a figure stated as exact
            slipped = [key for key in (_key(quantity, quantity.value * 10.0 ** k) for k in (-3, -2, -1, 1, 2, 3))
                       if key in figures]
            if slipped and is_exact(sentence, quantity):
                earlier = next((found for found in map(first_exact, slipped) if found is not None), None)
                if earlier is not None:
                    yield sentence.hit(quantity.start, quantity.end,
                                       f"{quantity.text} {quantity.noun}s here, but {earlier.text} earlier: "
                                       "a slipped decimal or a missing zero?")
            figures.setdefault(_key(quantity, quantity.value), []).append((sentence, quantity))


def _may_name_a_sum(sentence: Sentence) -> bool:
    """Whether a sum of money may be named, told from the figures and the letters: "the" written just
    before one (only white space lies between two tokens), or a cost verb among the words."""
    money = [q for q in sentence.quantities if q.kind == "money"]
    if not money:
        return False  # only sums of money are named
    text, reading = sentence.text, sentence.reading
    return any(q.noun and text[max(reading.end_before(q.start) - 3, 0):reading.end_before(q.start)].lower() == "the"
               for q in money) \
        or may_have_word(sentence.reading, COST_VERBS)


def _named_sums(sentence: Sentence) -> Iterator[tuple[str, Quantity]]:
    """(thing, sum): "the £54m scheme" and "the scheme will cost £48m", definite and unhedged."""
    if not _may_name_a_sum(sentence):
        return  # the sentence is not read word by word
    reading, tokens = sentence.reading, sentence.reading.tokens
    if any(t.word in CHANGED_OVER_TIME for t in tokens):
        return
    for index, token in enumerate(tokens):
        quantity = token.quantity
        if quantity is None or quantity.kind != "money" or reading.hedge(index):
            continue
        if index >= 1 and tokens[index - 1].word == "the" and quantity.noun:
            yield quantity.noun, quantity
            continue
        verb = next((p for p in range(index - 1, max(index - 4, -1), -1) if tokens[p].word in COST_VERBS), None)
        if verb is not None:
            subject = [t.word for t in tokens[max(verb - 4, 0):verb] if t.word.isalpha()]
            if len(subject) >= 2 and subject[-2] == "the" or "the" in subject[-4:-1]:
                nouns = [w for w in subject if w not in ("will", "would", "could", "is", "was", "the", "to")]
                if nouns:
                    yield nouns[-1].rstrip("s") if nouns[-1].endswith("s") and len(nouns[-1]) > 3 else nouns[-1], quantity


def _two_sums(doc: Document) -> Iterator[Hit]:
    first: dict[tuple[str, str], Quantity] = {}
    for sentence in sentences(doc, headings=False, with_figures=True):
        for thing, quantity in _named_sums(sentence):
            key = (thing, quantity.unit)
            earlier = first.setdefault(key, quantity)
            if earlier is not quantity and not same_value(earlier.value, quantity.value, 0.05):
                yield sentence.hit(quantity.start, quantity.end,
                                   f"The {thing} is {quantity.text} here but {earlier.text} earlier in the article; "
                                   "which is it?")


def _group(noun: str) -> set[str]:
    return next((group for group in SAME_THING if noun in group), {noun})


def _adds_up(total: float, values: list[float]) -> bool:
    """"300 jobs" over "250 jobs this year and 50 next year": the body gives the headline's figure in parts."""
    return any(same_value(a + b, total, 0.05) for i, a in enumerate(values) for b in values[i + 1:]) \
        or (len(values) > 2 and same_value(sum(values), total, 0.05))


def _headline_against_body(doc: Document, headline_rule_runs: bool) -> Iterator[Hit]:
    """A headline figure the body contradicts. When headline.figure-mismatch runs it reports the body's
    figures of the same noun, so this reports only the ones it cannot see ("300 jobs" over "250 posts")."""
    body = [q for s in sentences(doc, headings=False, with_figures=True) for q in s.quantities]
    for sentence in sentences(doc, with_figures=True):
        if sentence.block.kind != "headline":
            continue
        for index, token in enumerate(sentence.reading.tokens):
            quantity = token.quantity
            if quantity is None or quantity.kind != "number" or not quantity.noun or sentence.reading.hedge(index):
                continue
            if any(same_value(q.value, quantity.value, 0.05) or q.hedge and same_value(q.value, quantity.value, 0.15)
                   for q in body):
                continue  # the body states it somewhere
            group = _group(quantity.noun)
            rivals = [q for q in body if q.noun in group and q.kind == "number" and not q.hedge and q.value
                      and 0.5 <= quantity.value / q.value <= 2]
            if headline_rule_runs and any(q.noun == quantity.noun for q in rivals):
                continue
            if rivals and not _adds_up(quantity.value, [q.value for q in body if q.kind == "number"][:20]):
                yield sentence.hit(quantity.start, quantity.end,
                                   f"The headline says {quantity.text} {quantity.noun}s; the body says "
                                   f"{rivals[0].text} {rivals[0].noun}s")


@check("figures.inconsistent-figure")
def inconsistent_figure(doc: Document, context: RuleContext) -> Iterator[Hit]:
    include_headings = "headline.figure-mismatch" not in context.enabled  # that rule reports headline slips
    yield from _slipped_decimals(doc, include_headings)
    yield from _two_sums(doc)
    yield from _headline_against_body(doc, not include_headings)
