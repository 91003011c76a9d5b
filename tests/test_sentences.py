"""Sentence splitting keeps abbreviations, decimals and quotations together."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk.sentences import quotations, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith went to the U.S. on Monday. He left.", ["Mr. Smith went to the U.S. on Monday.", "He left."]),
        ("It opened at 9 a.m. and closed at noon.", ["It opened at 9 a.m. and closed at noon."]),
        ("Growth was 2.5% in 2024. It cost $3.50 each.", ["Growth was 2.5% in 2024.", "It cost $3.50 each."]),
        # A quotation of several sentences is split like any other text.
        ('He said: "Stop. Now." Then he left.', ['He said: "Stop.', 'Now."', "Then he left."]),
        ("Dr. No ran. Gov. Hochul spoke.", ["Dr. No ran.", "Gov. Hochul spoke."]),
        ("Is it? Yes! Done.", ["Is it?", "Yes!", "Done."]),
    ],
)
def test_split(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_offsets_are_code_points_into_the_text():
    text = "😀 First one.  Second one."
    sentences = split_sentences(text)
    assert [(s.start, s.end) for s in sentences] == [(0, 12), (14, 25)]
    assert all(text[s.start : s.end] == s.text for s in sentences)


# Real sentences of the BBC corpus (politics/019, tech/396) and a real headline shape.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A closing quotation mark belongs to the sentence it closes; a reopening one to the next.
        ('Mr MacDonell said: "I think the problem here is that he did say a lot more things about binge drinking '
         'and under age drinking. "But that whole side of things has been lost in the furore over one sentence. '
         'I understand why, but I think there is a much bigger message here that has been obscured." Mr Law, from '
         'voluntary body Alcohol Focus Scotland, believed damage had been done.',
         ['Mr MacDonell said: "I think the problem here is that he did say a lot more things about binge drinking '
          'and under age drinking.',
          '"But that whole side of things has been lost in the furore over one sentence.',
          'I understand why, but I think there is a much bigger message here that has been obscured."',
          'Mr Law, from voluntary body Alcohol Focus Scotland, believed damage had been done.']),
        # "May." is a month that ends a sentence, not an abbreviation.
        ("Sony, Microsoft and Nintendo will debut their new consoles at the annual E3 games Expo in Los Angeles in "
         'May. These so-called "next generation" machines will be faster than current consoles.',
         ["Sony, Microsoft and Nintendo will debut their new consoles at the annual E3 games Expo in Los Angeles in "
          "May.", 'These so-called "next generation" machines will be faster than current consoles.']),
        ("The cost of care now runs into millions. Can a new government fix it?",
         ["The cost of care now runs into millions.", "Can a new government fix it?"]),
        ("He works at No. 10 and lives on St. James's Street. Jan. 5 was a Friday.",
         ["He works at No. 10 and lives on St. James's Street.", "Jan. 5 was a Friday."]),
        ("J. K. Rowling sold the rights. I live in the U.S. How about you?",
         ["J. K. Rowling sold the rights.", "I live in the U.S.", "How about you?"]),
    ],
)
def test_split_as_an_editor_reads(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_quotations_are_found_across_sentences():
    text = 'He said: "We are happy. We won the cup." Then he left. "Fine," she said.'
    assert [text[a:b] for a, b in quotations(text)] == ['"We are happy. We won the cup."', '"Fine,"']


GOLDEN_RULES = Path(__file__).parent / "data" / "golden-rules-en.json"
# pySBD's English Golden Rules that copydesk does not pass (docs/precision.md lists them):
# 18 "a.m. Mr." against "P.M. Mr.", 35/39 run-in lists marked "2." or "b." with no stop before them,
# 48 a sentence that starts with an ellipsis.
KNOWN_FAILING = {18, 35, 39, 48}


def test_golden_rules_pass_count():
    rules = json.loads(GOLDEN_RULES.read_text())["rules"]
    passing = {rule["number"] for rule in rules if [s.text for s in split_sentences(rule["text"])] == rule["sentences"]}
    assert passing == {rule["number"] for rule in rules} - KNOWN_FAILING
    assert len(passing) == 44


@pytest.mark.parametrize("text", ["a" + "." * 40_000 + "x", ". " * 40_000, "Mr. " * 40_000, "U.S. " * 20_000])
def test_splitting_is_linear_on_pathological_input(text):
    import time

    started = time.process_time()
    split_sentences(text)
    assert time.process_time() - started < 2.0
