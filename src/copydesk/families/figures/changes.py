"""Changes stated in a sentence, with the figures they claim to describe.

A change is an anchor word (rose, slipped, a 30% rise, up, doubled, five times faster) with what it
states (a percentage, points, a fraction or a multiplier, and its hedge), and the pair of figures it
describes: from A to B in either order, "B, up 6% from A", or "A against B". Rules compare the two.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from copydesk.numbers import Quantity, word_value
from copydesk.families.figures.lexicon import (CHANGE_NOUNS, CHANGE_WORDS, COMPARATIVE_DIRECTIONS, COMPARATIVES,
                                               DIRECTION_ADVERBS, FRACTIONS, HEDGE_WORDS, HEDGES, MULTIPLIER_WORDS)
from copydesk.families.figures.common import sentences
from copydesk.families.figures.reading import Reading, may_have_word

_SKIP_BEFORE_FIGURE = {"a", "an", "the", "its", "their", "his", "her", "just", "only", "by", "some", "almost"}


@dataclass(frozen=True)
class Stated:
    kind: str  # percent, points, fraction, multiplier
    value: float  # percent and points as written; fractions as a percentage; multipliers as a factor
    start: int  # offsets in the sentence
    end: int
    hedge: str = ""
    step: float = 1.0  # the precision written
    text: str = ""


@dataclass(frozen=True)
class Change:
    anchor: str  # the change word as written
    direction: int  # +1 up, -1 down, 0 unknown
    stated: Stated | None
    before: Quantity | None
    after: Quantity | None
    amount: Quantity | None = None  # a change by an amount: "fell by £20bn, or 14%"

    @property
    def pair(self) -> bool:
        return self.before is not None and self.after is not None


def _figure_after(reading: Reading, index: int, limit: int) -> tuple[int, str]:
    """The index of the first quantity after ``index`` with only a hedge or an article between."""
    position = index + 1
    while position < limit and position <= index + 4:
        token = reading.tokens[position]
        if token.quantity is not None:
            return position, reading.hedge(position)
        if token.word not in _SKIP_BEFORE_FIGURE and token.word not in HEDGE_WORDS:
            return -1, ""
        position += 1
    return -1, ""


def _stated_after(reading: Reading, index: int, limit: int) -> Stated | None:
    """What a change verb states: "slipped 8%", "grew by 12 per cent", "rose by a quarter", "fell 9 points"."""
    tokens = reading.tokens
    position, hedge = _figure_after(reading, index, limit)
    if position >= 0:
        quantity = tokens[position].quantity
        if quantity.kind in ("percent", "points"):
            return Stated(quantity.kind, quantity.value, quantity.start, quantity.end, hedge, quantity.step, quantity.text)
        if quantity.kind == "number" and quantity.noun == "point":
            return Stated("points", quantity.value, quantity.start, quantity.end, hedge, quantity.step, quantity.text)
        return None
    words = reading.words(index + 1, min(limit, index + 5))
    for offset, word in enumerate(words):
        if word in FRACTIONS and all(w in ("by", "a", "an", "one", "almost", "nearly", "about", "more", "than",
                                             "roughly") for w in words[:offset]):
            token = tokens[index + 1 + offset]
            return Stated("fraction", FRACTIONS[word] * 100, token.start, token.end,
                          reading.hedge(index + 1 + offset - (1 if words[offset - 1:offset] == ["a"] else 0)),
                          text=token.text)
    return None


def _stated_before_noun(reading: Reading, index: int) -> Stated | None:
    """"a 30% rise", "a 9-point fall"."""
    if index >= 1 and reading.tokens[index - 1].quantity is not None:
        quantity = reading.tokens[index - 1].quantity
        if quantity.kind in ("percent", "points"):
            return Stated(quantity.kind, quantity.value, quantity.start, quantity.end, reading.hedge(index - 1),
                          quantity.step, quantity.text)
    return None


def _multiplier(reading: Reading, index: int) -> Stated | None:
    """doubled, tripled, halved; "five times faster", "three times as many"."""
    token = reading.tokens[index]
    verb = CHANGE_WORDS.get(token.word, ("", 0))[0]
    if verb in MULTIPLIER_WORDS and token.word not in ("double", "triple", "treble", "half"):
        hedge = ""  # "more than tripled", "has almost doubled": the nearest hedge within three words
        for back in range(index, max(index - 4, 0) - 1, -1):
            hedge = hedge or reading.hedge(back)
        return Stated("multiplier", MULTIPLIER_WORDS[verb], token.start, token.end, hedge, text=token.text)
    if token.word.endswith("fold") and len(token.word) > 4:  # "fourfold", "ten-fold"
        factor = word_value(token.word[:-4].rstrip("-"))
        if factor and factor > 1:
            return Stated("multiplier", factor, token.start, token.end, reading.hedge(index), text=token.text)
    if token.word == "times" and index >= 1 and index + 1 < len(reading.tokens) \
            and reading.tokens[index + 1].word in COMPARATIVES:
        previous = reading.tokens[index - 1]
        value = previous.quantity.value if previous.quantity is not None and previous.quantity.kind == "number" \
            else word_value(previous.word) if previous.word else None
        if value and value > 1:
            return Stated("multiplier", value, previous.start, reading.tokens[index + 1].end,
                          reading.hedge(index - 1), text=reading.text[previous.start:reading.tokens[index + 1].end])
    return None


def compatible(a: Quantity, b: Quantity) -> bool:
    """Two figures of one measure: both rates, both sums of one currency, or both plain counts."""
    if a.kind == "year" or b.kind == "year":
        return False
    if a.kind != b.kind:
        return False
    return a.kind != "money" or a.unit == b.unit


def value_of(quantity: Quantity, partner: Quantity) -> float:
    """The value on the partner's scale: "from 3.5 to 4.6 million" reads 3.5 as 3.5 million."""
    if quantity.scale == 1 and partner.scale > 1 and quantity.value < 1000:
        return quantity.value * partner.scale
    return quantity.value


def _quantity_after(reading: Reading, word: str, start: int, end: int, near: int) -> Quantity | None:
    """The figure after the relation word nearest token ``near`` in [start, end)."""
    for position in reading.near(word, near, start, end):
        found, _ = _figure_after(reading, position, end)
        if found >= 0 and reading.tokens[found].quantity.kind != "year":
            return reading.tokens[found].quantity
    return None


def _quantity_before(reading: Reading, index: int, start: int, partner: Quantity) -> Quantity | None:
    """The figure just before the change word, for "costs £4,120, up 6% from £3,710"."""
    for position in range(index - 1, max(start, index - 6) - 1, -1):
        quantity = reading.tokens[position].quantity
        if quantity is not None and quantity.kind != "year":  # "1.8 million cars in 2023, up 38% from ..."
            return quantity if compatible(quantity, partner) else None
    return None


def _quantity_after_phrase(reading: Reading, phrase: tuple[str, ...], start: int, end: int, near: int
                           ) -> Quantity | None:
    """The figure after "compared with", "against", "versus" nearest token ``near``."""
    for position in reading.near(phrase[0], near, start, end):
        last = position + len(phrase) - 1
        if tuple(reading.words(position, last + 1)) != phrase:
            continue
        found, _ = _figure_after(reading, last, end)
        if found >= 0 and reading.tokens[found].quantity.kind != "year":
            return reading.tokens[found].quantity
    return None


_BASES = (("compared", "with"), ("compared", "to"), ("against",), ("versus",), ("vs",))


def _base(reading: Reading, index: int, start: int, end: int) -> Quantity | None:
    """What a change starts from: "from £55m", or "compared with €4bn", "against 100"."""
    before = _quantity_after(reading, "from", start, end, index)
    for phrase in _BASES:
        if before is not None:
            break
        before = _quantity_after_phrase(reading, phrase, index + 1, end, index)
    return before


def _level(reading: Reading, index: int, start: int, end: int) -> Quantity | None:
    """What a change ends at: "to £46m", or after the change word "at ¥980", "left the index at 3,400"."""
    after = _quantity_after(reading, "to", start, end, index)
    if after is None:
        after = _quantity_after(reading, "at", index + 1, end, index)
    return after


def _pair(reading: Reading, index: int, start: int, end: int, stated: Stated | None, adverb: bool
          ) -> tuple[Quantity | None, Quantity | None]:
    if stated is not None and stated.kind == "multiplier" and reading.tokens[index].word == "times":
        against = _base(reading, index, index + 1, end)  # "five times faster, at 400 against 100"
        ahead = [t.quantity for t in reading.tokens[index + 1:min(end, index + 12)] if t.quantity is not None]
        before, after = against, (ahead[0] if ahead and ahead[0] is not against else None)
    else:
        before = _base(reading, index, start, end)
        after = _level(reading, index, start, end)
        if before is not None and after is None and adverb:
            after = _quantity_before(reading, index, start, before)
    if before is None or after is None or before is after or not compatible(before, after):
        return None, None
    if stated is not None and stated.start in (before.start, after.start):
        return None, None
    return before, after


@dataclass(frozen=True)
class _Anchor:
    index: int
    direction: int
    stated: Stated | None
    adverb: bool
    relation: bool = False  # followed at once by from/to/by: "down from $3.8bn", "fell from 5% to 4%"
    amount: Quantity | None = None


_BEFORE_CHANGE_ADVERB = {",", "(", "—", "–", "is", "are", "was", "were", "be", "been", "being", "now", "still",
                         "sharply", "slightly", "also", "and", "but", "just", "only", "markedly", "significantly",
                         "respectively", "while", "so", "again", "further", "strongly", "modestly", "steeply"}


def _adverb_of_change(reading: Reading, index: int) -> bool:
    """"profits, up 6%", "sales were down 3%": a change. "makes up 45% of", "set up 3 firms": a verb's particle."""
    if index == 0:
        return True
    previous = reading.tokens[index - 1]
    return previous.quantity is not None or previous.word in _BEFORE_CHANGE_ADVERB


def _comparative(reading: Reading, index: int) -> Stated | None:
    """"20% higher", "a third lower": a change stated before a comparative."""
    if reading.tokens[index].word not in COMPARATIVE_DIRECTIONS or index == 0:
        return None
    quantity = reading.tokens[index - 1].quantity
    if quantity is not None and quantity.kind == "percent":
        return Stated("percent", quantity.value, quantity.start, quantity.end, reading.hedge(index - 1),
                      quantity.step, quantity.text)
    previous = reading.tokens[index - 1].word
    if previous in FRACTIONS:
        token = reading.tokens[index - 1]
        return Stated("fraction", FRACTIONS[previous] * 100, token.start, token.end, text=token.text)
    return None


def _amount_after(reading: Reading, index: int, end: int) -> Quantity | None:
    """"fell by £20bn, or 14%": the amount a change is by, written straight after it."""
    position, hedge = _figure_after(reading, index, end)
    if position < 0 or hedge:
        return None
    quantity = reading.tokens[position].quantity
    between = reading.words(index + 1, position)
    return quantity if quantity.kind in ("money", "number") and "to" not in between and "from" not in between \
        else None


def _restated(reading: Reading, index: int, end: int) -> Stated | None:
    """"increased from £10m to £12m, or 20%": the change restated after its figures."""
    for position in reading.near("or", index, index + 1, end):
        quantity = reading.tokens[position + 1].quantity if position + 1 < end else None
        if reading.words(position - 1, position) == [","] and quantity is not None and quantity.kind == "percent" \
                and reading.words(position + 2, position + 3) != ["of"]:
            return Stated("percent", quantity.value, quantity.start, quantity.end, reading.hedge(position + 1),
                          quantity.step, quantity.text)
    return None


def _may_anchor(word: str) -> bool:
    """Whether a word can state or mark a change, checked before any closer reading."""
    return word in CHANGE_WORDS or word in DIRECTION_ADVERBS or word in COMPARATIVE_DIRECTIONS or word == "times" \
        or (word.endswith("fold") and len(word) > 4)


# The words that can anchor a change (``_may_anchor``) but the "-fold" ones, for passing over a
# sentence without one before its tokens are made. A comparative that is nothing else ("more",
# "bigger") anchors only after a percentage or a fraction ("20% more", "a third bigger").
_ANCHOR_WORDS = frozenset(CHANGE_WORDS) | frozenset(DIRECTION_ADVERBS) | {"times"}
_ONLY_COMPARATIVES = frozenset(COMPARATIVE_DIRECTIONS) - _ANCHOR_WORDS


def _may_state_a_change(reading: Reading) -> bool:
    lowered = reading.text.lower()
    if "fold" in lowered or may_have_word(reading, _ANCHOR_WORDS):
        return True
    after_a_share = any(q.kind == "percent" for q in reading.figures) or any(f in lowered for f in FRACTIONS)
    return after_a_share and may_have_word(reading, _ONLY_COMPARATIVES)


def _anchors(reading: Reading) -> list[_Anchor]:
    """Change words with what each states (or None: "climbed from 58% to 66%" states no change itself)."""
    found: list[_Anchor] = []
    if not _may_state_a_change(reading):
        return found
    tokens = reading.tokens
    for index, token in enumerate(tokens):
        word = token.word
        if not _may_anchor(word):
            continue
        end = reading.clause(index)[1]
        stated = _multiplier(reading, index)
        comparative = _comparative(reading, index)
        if comparative is not None:
            found.append(_Anchor(index, COMPARATIVE_DIRECTIONS[word], comparative, False))
            continue
        amount = None
        adverb = word in DIRECTION_ADVERBS and _adverb_of_change(reading, index)
        if word in DIRECTION_ADVERBS and not adverb:
            continue
        if stated is None and (word in CHANGE_WORDS or adverb):
            stated = _stated_after(reading, index, end)
            if stated is None and word in CHANGE_NOUNS:
                stated = _stated_before_noun(reading, index)
                if stated is None and index + 1 < end and tokens[index + 1].word == "of":
                    stated = _stated_after(reading, index + 1, end)
            if adverb and stated is None and reading.words(index + 1, index + 2) != ["from"]:
                continue  # "up" and "down" count only with a figure ("up 6%") or a base ("down from $3.8bn")
            if stated is None:
                stated = _restated(reading, index, end)
            amount = _amount_after(reading, index, end) if stated is not None and stated.kind == "percent" else None
        elif stated is None:
            continue
        direction = DIRECTION_ADVERBS.get(word) or CHANGE_WORDS.get(word, ("", 0))[1]
        if stated is not None and stated.kind == "multiplier" and word == "times":
            direction = 1
        found.append(_Anchor(index, direction, stated, adverb,
                             reading.words(index + 1, index + 2) in (["from"], ["to"], ["by"]),
                             amount if word in CHANGE_WORDS else None))
    return found


def _bounds(anchor: _Anchor, other: _Anchor) -> bool:
    """Whether ``other`` ends ``anchor``'s reach: another stated change does, and so does a change the
    other way ("grew 15.7% ..., down from 23%"); "halved, falling from 7,400 to 5,100" is one change."""
    return other.stated is not None or (other.direction != anchor.direction and anchor.direction and other.direction)


def _domain(anchors: list[_Anchor], position: int, start: int, end: int) -> tuple[int, int]:
    anchor = anchors[position]
    for other in reversed(anchors[max(position - 6, 0):position]):
        if _bounds(anchor, other):
            # "down from $3.8bn, while revenue rose 4.5%": the word after the other change is its own
            start = max(start, other.index + (2 if other.relation else 1))
            break
    for other in anchors[position + 1:position + 7]:
        if _bounds(anchor, other):
            end = min(end, other.index)
            break
    return start, end


def _one_sided(quantity: Quantity | None) -> bool:
    """"from less than 5bn euros": a bound, not a figure to compute with."""
    return quantity is not None and HEDGES.get(quantity.hedge, "near") != "near"


def read_changes(reading: Reading) -> list[Change]:
    """Every change the sentence states, each with the pair of figures within its reach (or None).

    Left to right: a change that bounds the next one ("fell to 41,000 from 45,000, and prices rose 5%
    to £52") keeps its own figures, so the next one starts after them."""
    found: list[Change] = []
    anchors = _anchors(reading)
    reach: list[int] = []  # the last token each change's figures use
    for position, anchor in enumerate(anchors):
        start, end = _domain(anchors, position, *reading.clause(anchor.index))
        bound = next((reach[p] for p in range(position - 1, max(position - 7, -1), -1)
                      if _bounds(anchor, anchors[p])), -1)
        start = max(start, bound + 1)
        if anchor.amount is not None:  # "fell by £20bn, or 14%, from £140bn" (or "to £120bn"): one end will do
            before, after = _base(reading, anchor.index, start, end), _level(reading, anchor.index, start, end)
        else:
            before, after = _pair(reading, anchor.index, start, end, anchor.stated, anchor.adverb)
        if _one_sided(before) or _one_sided(after):
            before = after = None
        used = [reading.index_of[q.start] for q in (before, after) if q is not None]
        reach.append(max(used + [anchor.index + (1 if anchor.relation else 0)]))
        if anchor.amount is not None and anchor.amount in (before, after):
            before = after = None  # the amount is not one end of the change
        found.append(Change(reading.tokens[anchor.index].text, anchor.direction, anchor.stated, before, after,
                            anchor.amount))
    return found


def changes_of(sentence) -> list[Change]:
    """The sentence's changes, read once."""
    cache = sentence.reading.cache
    if "changes" not in cache:
        cache["changes"] = read_changes(sentence.reading)
    return cache["changes"]


def sentence_changes(doc) -> Iterator[tuple[object, Change]]:
    """Each change stated in a sentence with two or more figures (a change is
    checked against two), with its sentence: what every change rule walks."""
    if "figures-two-figures" not in doc.cache:  # three rules walk these: found once
        doc.cache["figures-two-figures"] = [s for s in sentences(doc, with_figures=True) if len(s.quantities) >= 2]
    for sentence in doc.cache["figures-two-figures"]:
        for change in changes_of(sentence):
            yield sentence, change
