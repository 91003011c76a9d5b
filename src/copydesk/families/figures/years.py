"""Years and ages read from a sentence's tokens: "N years later/after/before/earlier", "born in 1971",
"the author, 61,", "aged 61", "turned 70"."""

from __future__ import annotations

from dataclasses import dataclass

from copydesk.families.figures.lexicon import LATER_WORDS


@dataclass(frozen=True)
class Span:
    count: float
    word: str  # later, after, before, earlier
    index: int  # token index of the count
    start: int
    end: int


def years_written(reading) -> list[int]:
    """The years in the sentence, in order, without its tokens. They are the years among the tokens:
    a year is a numeral, and nothing before a numeral can run into its first digit (no letter, digit
    or point precedes it), so a token of its own starts where it does."""
    return [int(quantity.value) for quantity in reading.figures if quantity.kind == "year"]


def year_positions(reading) -> list[tuple[int, int]]:
    """(token index, year) for every year in the sentence, read once."""
    if "years" not in reading.cache:
        reading.cache["years"] = [(i, int(t.quantity.value)) for i, t in enumerate(reading.tokens)
                                  if t.quantity is not None and t.quantity.kind == "year"]
    return reading.cache["years"]


def spans(reading) -> list[Span]:
    """"five years later", "4 years after": exact counts of years (hedged ones are left out)."""
    found = []
    if not any(quantity.kind == "number" and quantity.noun == "year" for quantity in reading.figures):
        return found  # no count of years: the tokens are not made
    tokens = reading.tokens
    for index, token in enumerate(tokens[:-1]):
        quantity = token.quantity
        if quantity is None or quantity.kind != "number" or quantity.noun != "year" or reading.hedge(index):
            continue
        following = reading.words(index + 1, index + 3)
        if len(following) == 2 and following[0] in ("year", "years") and following[1] in LATER_WORDS:
            found.append(Span(quantity.value, following[1], index, quantity.start, quantity.end))
    return found


def ages(reading) -> list[tuple[int, object, str]]:
    """(token index, quantity, how): "the author, 61,", "aged 61", "turned 70", "61-year-old"."""
    tokens = reading.tokens
    found = []
    for index, token in enumerate(tokens):
        quantity = token.quantity
        if quantity is None or quantity.kind != "number" or quantity.value != int(quantity.value) \
                or not 1 <= quantity.value <= 120 or reading.hedge(index):
            continue
        before = reading.words(index - 1, index)
        after = reading.words(index + 1, index + 2)
        if before == ["aged"] or before == ["age"]:
            found.append((index, quantity, "aged"))
        elif before == ["turned"] or before == ["turns"]:
            found.append((index, quantity, "turned"))
        elif before == [","] and after in ([","], [")"]) and index >= 2 and tokens[index - 2].word[:1].isalpha():
            found.append((index, quantity, "apposition"))
        elif reading.text[quantity.end:quantity.end + 9].lower() in ("-year-old", " year old") \
                or reading.words(index + 1, index + 3) == ["years", "old"]:
            found.append((index, quantity, "old"))
        elif before in (["is"], ["was"], ["now"]) and after in ([","], ["."], [";"], []):
            found.append((index, quantity, "is"))  # "The singer, born in 1984, is 40."
    return found


def year_of_age(reading, index: int) -> int | None:
    """The year an age is given for: "turned 30 in 2019", "aged 40 in 2015"."""
    for position in range(index + 1, min(index + 4, len(reading.tokens))):
        quantity = reading.tokens[position].quantity
        if quantity is not None:
            return int(quantity.value) if quantity.kind == "year" and reading.words(position - 1, position) == ["in"] \
                else None
    return None


def birth_years(reading) -> list[tuple[int, int]]:
    """(token index, year) after "born": "born in 1971", "born in March 1971", "(born 1971)"."""
    found = []
    tokens = reading.tokens
    for index, token in enumerate(tokens):
        if token.word != "born":
            continue
        for position in range(index + 1, min(index + 5, len(tokens))):
            quantity = tokens[position].quantity
            if quantity is not None:
                if quantity.kind == "year":
                    found.append((position, int(quantity.value)))
                break
    return found
