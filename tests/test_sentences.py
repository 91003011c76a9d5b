"""Sentence splitting keeps abbreviations, decimals and quotations together."""

from __future__ import annotations

import pytest

from copydesk.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith went to the U.S. on Monday. He left.", ["Mr. Smith went to the U.S. on Monday.", "He left."]),
        ("It opened at 9 a.m. and closed at noon.", ["It opened at 9 a.m. and closed at noon."]),
        ("Growth was 2.5% in 2024. It cost $3.50 each.", ["Growth was 2.5% in 2024.", "It cost $3.50 each."]),
        ('He said: "Stop. Now." Then he left.', ['He said: "Stop. Now."', "Then he left."]),
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
