"""The number and date readers, on their own."""

from __future__ import annotations

import pytest

from copydesk.dates import is_possible, read_dates, read_relative
from copydesk.numbers import read_quantities, same_value, word_value


def one(text):
    found = read_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "kind", "unit", "noun"),
    [
        ("sold 17,000,000 cars", 17_000_000, "number", "", "car"),
        ("sold 17 million cars", 17_000_000, "number", "", "car"),
        ("sold 17m cars", 17_000_000, "number", "", "car"),
        ("profit of $1.7bn", 1_700_000_000, "money", "USD", ""),
        ("a £600m loan", 600_000_000, "money", "GBP", "loan"),
        ("a 2.5% rise", 2.5, "percent", "%", "rise"),
        ("up 3 per cent", 3, "percent", "%", ""),
        ("a fall of 3 percentage points", 3, "points", "points", ""),
        ("twenty-five people", 25, "number", "", "people"),
        ("a dozen eggs", 12, "number", "", "egg"),
        ("in 1998", 1998, "year", "", ""),
        ("1,400 pounds of grain", 1400, "money", "GBP", "pound"),
        ("3.50 euros each", 3.5, "money", "EUR", "euro"),
    ],
)
def test_values_units_and_nouns(text, value, kind, unit, noun):
    quantity = one(text)
    assert (quantity.value, quantity.kind, quantity.unit, quantity.noun) == (value, kind, unit, noun)
    assert text[quantity.start:quantity.end] == quantity.text


def test_codes_and_scores_read_nothing():
    for text in ("a Gulfstream G550", "registration N272BG", "version 1.2.3", "at 3:30", "they won 3-1"):
        assert read_quantities(text) == (), text


def test_metres_are_not_millions():
    assert one("won the 200m final").value == 200
    assert one("a 17m loss").value == 17_000_000


def test_hedges():
    assert one("more than 17 million cars").hedge == "more than"
    assert one("about 40 people").hedge == "about"
    assert one("Over 17 Million Cars").hedge == "over"
    assert not one("17 million cars").approximate


def test_word_values_and_rounding():
    assert word_value("ninety-nine") == 99 and word_value("half") == 0.5 and word_value("lots") is None
    assert same_value(17_000_000, 17_000_000.0)
    assert same_value(12.4, 12.45)
    assert not same_value(17, 1.7)


@pytest.mark.parametrize(
    ("text", "day", "month", "year", "weekday", "ordinal"),
    [
        ("on May 4, 2024", 4, 5, 2024, None, False),
        ("on 4 May 2024", 4, 5, 2024, None, False),
        ("on the 4th of May", 4, 5, None, None, True),
        ("on Friday, July 4, 2023", 4, 7, 2023, 4, False),
        ("on February 30", 30, 2, None, None, False),
        ("on Sept. 11th 2001", 11, 9, 2001, None, True),
    ],
)
def test_dates(text, day, month, year, weekday, ordinal):
    (mention,) = read_dates(text)
    assert (mention.day, mention.month, mention.year, mention.weekday, mention.ordinal_form) == (day, month, year, weekday, ordinal)


def test_may_the_verb_is_no_date():
    assert read_dates("the company may introduce FSD for Chinese customers later this month") == ()


def test_possible_dates():
    assert not is_possible(30, 2, 2024) and not is_possible(31, 4, None)
    assert is_possible(29, 2, 2024) and not is_possible(29, 2, 2023) and is_possible(29, 2, None)


def test_relative_time():
    found = read_relative("It began nine days ago, ends later this month, and recently moved; last year too.")
    assert [(r.text, r.count, r.unit, r.kind) for r in found] == [
        ("nine days ago", 9, "day", "ago"), ("later this month", None, "month", "this"),
        ("recently", None, "recently", "word"), ("last year", None, "year", "edge")]


@pytest.mark.parametrize(
    ("text", "step", "scale", "form"),
    [
        ("costs £4.6 million", 100_000, 1e6, "words"),
        ("costs £46m", 1e6, 1e6, "short"),
        ("costs 1.03bn euros", 10_000_000, 1e9, "short"),
        ("sold 17,000,000 cars", 1, 1, "digits"),
        ("rose 12.5%", 0.1, 1, ""),
    ],
)
def test_precision_scale_and_form_are_read_with_the_value(text, step, scale, form):
    quantity = one(text)
    assert (quantity.scale, quantity.form) == (scale, form)
    assert quantity.step == pytest.approx(step)


def test_hedges_are_read_across_a_line_break():
    assert one("for more\nthan 5 years").hedge == "more than"


def test_days_inside_dates_are_not_figures_for_the_rules():
    from copydesk.families.figures.reading import read_sentence

    reading = read_sentence("Sales from 3 August to 24 December rose 2.9%.")
    assert [q.text for q in reading.quantities] == ["2.9%"]
    assert [d.text for d in reading.dates] == ["3 August", "24 December"]


# The readers try NUMBER_WORD and RELATIVE only where a match can start; these hold them to the
# matches a scan of the whole text finds, on texts built from the pieces that decide it (number
# and time words in any case, "a " before "dozen", digits, and the letters outside ASCII that
# case-insensitive matching takes for ASCII ones).
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import dates, numbers

_NUMBER_PIECES = ["a", "A", " ", "  ", "-", "dozen", "Dozen", "hundred", "twenty", "five", "one", "Seven", "teen", "x",
                  "_", "1", ",", "%", " percent", " per cent", " million", "thousand", "points", "'", "’", "ſix", "é",
                  "£", "İ", "ı", "\u212a", "ONE", "Ten", "\u00a0"]
_TIME_PIECES = ["ago", "AGO", "later", "this", "week", "year", "last", "next", "Monday", "two", "days", " ", "ſ", "İ",
                "\u212a", "é", "£", "a few", "A", "an", "recently", "yeſterday", "x", "3", "12", "٣", "_", "-", "few",
                "several", "Many", "s", "\n", "decade"]


def _spans(matches):
    return [(match.span(), match.groupdict()) for match in matches]


@given(st.lists(st.sampled_from(_NUMBER_PIECES), max_size=14).map("".join))
@settings(max_examples=2000, deadline=None)
def test_number_words_are_the_matches_of_a_full_scan(text):
    assert _spans(numbers._number_words(text)) == _spans(numbers.NUMBER_WORD.finditer(text))
    if any(True for _ in numbers.NUMBER_WORD.finditer(text)):
        assert numbers._may_hold_number_words(text)


@given(st.lists(st.sampled_from(_TIME_PIECES), max_size=12).map("".join))
@settings(max_examples=2000, deadline=None)
def test_relative_times_are_the_matches_of_a_full_scan(text):
    assert _spans(dates._relative_matches(text)) == _spans(dates.RELATIVE.finditer(text))
    if dates.RELATIVE.search(text):
        assert dates.may_hold_relative(text)


def test_only_four_letters_outside_ascii_fold_to_ascii_ones():
    assert numbers.folds_like_ascii("£5m for the café")
    assert not numbers.folds_like_ascii("ſeven days ago")  # the long s matches "s" without ignoring case
    assert [m.group() for m in numbers._number_words("ſeven or seven")] == ["ſeven", "seven"]
