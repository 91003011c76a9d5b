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


def test_a_compound_with_empty_parts_first_is_read():
    # "--Ro" is the third part of a compound whose first two are empty; naming it used to stop the file.
    assert [(w.text, w.part) for w in words("--Ro")] == [("Ro", 2)]
    assert [v.word.text for v in violations("--Ro", "sentence", NO_BODY)] == ["Ro"]  # a compound's later part
    assert lint_text("--Ro", path="a.txt") == []  # title case fits it: nothing to report


def test_a_token_of_marks_only_inside_a_quotation_closes_nothing():
    # An ellipsis standing alone after an opening quotation mark used to stop the file (IndexError).
    read = words('Minister said "we will ... see" today')
    assert [(w.text, w.quoted) for w in read] == [("Minister", False), ("said", False), ("we", True), ("will", True),
                                                  ("see", True), ("today", False)]
    findings = lint_text('# Minister said "we will ... see" today\n\nThe minister spoke.\n', path="a.md")
    assert not any(f.rule_id.startswith("headline.") for f in findings)


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
    assert "120 characters (limit 100" in findings[0].message
    # The subheads pass in auto mode, and the byline "Akash Shrivastav" is no headline.
    assert all(f.line == 1 for f in findings)


def _flagged(headline: str, style: str) -> list[str]:
    return [v.word.text for v in violations(headline, style, NO_BODY)]


def _case_findings(text: str, style: str = "auto", path: str = "a.txt"):
    config = from_table({"house": {"headline-case": style}}, "test")
    return [f for f in lint_text(text, path=path, config=config) if f.rule_id.startswith("headline.")]


@pytest.mark.parametrize(
    ("headline", "style", "wrong"),
    [
        # Compounds: the first part always capitalized; Chicago keeps a part after a prefix or letter lower.
        ("The Anti-intellectual Pursuits of the E-flat Concerto", "chicago-title", []),
        ("The Anti-Intellectual Pursuits of the E-Flat Concerto", "chicago-title", []),
        ("The Anti-intellectual Pursuits", "ap-title", ["intellectual"]),
        ("Lying-In Hospital Opens On-Demand Clinic", "ap-title", []),
        ("Follow Step-by-Step Instructions", "chicago-title", []),
        ("Follow Step-By-Step Instructions", "chicago-title", ["By"]),
        ("Pay-As-You-Go Plans Return", "ap-title", []),
        ("Pay-as-You-Go Plans Return", "ap-title", []),
        ("Self-driving cars arrive", "sentence", []),
        ("Self-Driving cars arrive", "sentence", ["Driving"]),
        ("Why Black-ish Matters", "ap-title", []),
        # Title-ending punctuation: the last word before and the first after.
        ("One On: An End", "ap-title", []),
        ("One on: an End", "ap-title", ["on", "an"]),
        ("Is It Over? Fans Wait for the News", "chicago-title", []),
        ("A Season to Remember — The Players Speak", "ap-title", []),
        # Quoted titles keep their capitals; URLs, domains, hashtags and handles their case.
        ("Have You Read “The Lottery”?", "ap-title", []),
        ("This Is Just an example.com and #tag for @someone", "ap-title", []),
        # "A" as a label; "No" before a figure; Latin phrases.
        ("Insert Knob A in Hole B", "ap-title", []),
        ("Band Aid single storms to No 1", "sentence", []),
        ("Cells Grown in Vitro Raise Output per Capita", "chicago-title", []),
        ("Cells Grown In Vitro Raise Output Per Capita", "chicago-title", []),
        # Chicago's participial prepositions pass either way; AP capitalizes them.
        ("Notes Concerning the Budget", "chicago-title", []),
        ("Notes concerning the Budget", "chicago-title", []),
        ("Notes concerning the Budget", "ap-title", ["concerning"]),
        # Start case capitalizes every word.
        ("How To Save On Your Energy Bill", "start", []),
        ("How to Save on Your Energy Bill", "start", ["to", "on"]),
        # A sentence break inside a headline.
        ("Failed bank cost millions. Can a new government fix it?", "sentence", []),
        ("Failed bank cost millions. can a new government fix it?", "sentence", ["can"]),
    ],
)
def test_case_rules_per_style(headline, style, wrong):
    assert _flagged(headline, style) == wrong


def test_names_from_the_dictionary_and_given_names():
    # The dictionary writes these only with a capital; "West" is a name while the body does not use "west".
    assert _flagged("Ukrainians tell West that Putin must act in New Jersey", "sentence") == []
    assert _flagged("Anna Kournikova Dancing With Her Bouncing Baby Is The Cutest Thing", "sentence") == [
        "Dancing", "With", "Her", "Bouncing", "Baby", "Is", "The", "Cutest", "Thing"]
    lower_west = NameEvidence(BodyWords(frozenset(), frozenset({"west", "north"})), frozenset())
    assert [v.word.text for v in violations("Storms move West and North tonight", "sentence", lower_west)] == [
        "West", "North"]


def test_repository_vocabulary_is_name_evidence():
    vocabulary = NameEvidence(BodyWords(frozenset(), frozenset()), frozenset({"Widgetry", "Gizmo"}))
    assert violations("Council buys Widgetry Gizmo kits", "sentence", vocabulary) == []


def test_words_spelling_out_an_acronym_are_names():
    assert _flagged("ETL: Extract, Transform, Learn", "sentence") == []
    assert _flagged("Agents of the Federal Bureau of Investigation (FBI) Speak Out", "sentence") == ["Speak", "Out"]


def test_institution_runs_and_lone_capitals_in_sentence_case():
    assert _flagged("Talks with the California Child Welfare System resume", "sentence") == []
    assert _flagged("Santini resigns as Spurs manager", "sentence") == []
    # One run of two or three capitals after a lower-case word, or after a first word with more text after it.
    assert _flagged("Minister cuts National Insurance by 2p", "sentence") == []
    assert _flagged("Band Aid single storms to No 1", "sentence") == []
    assert _flagged("Council Approves Higher budget", "sentence") == ["Approves", "Higher"]
    # Capitals before a colon are judged within their own phrase.
    assert _flagged("Open Source Purchasing: an experiment in federal acquisition", "sentence") == [
        "Source", "Purchasing"]
    # A capital opening brackets may start a sentence of its own.
    assert _flagged("Colors (In relation to the guidelines)", "sentence") == []


def test_auto_names_the_style_it_chose_and_start_case_is_a_choice():
    findings = _case_findings("How To Save On Your Energy bill\n\nBills rose again this winter.\n")
    assert [(f.rule_id, f.line, f.column) for f in findings] == [("headline.case-style", 1, 1)]
    assert findings[0].message.startswith("This headline is not in start case (auto: the style the main headline "
                                          "fits best; set headline-case to name the house style): “bill” should be")
    named = _case_findings("Council Approves Budget\n\nThe council approved the budget.\n", style="sentence")
    assert named[0].message.startswith("This headline is not in sentence case: ")


def test_auto_holds_subheads_to_the_style_most_subheads_use():
    text = ("# How the Council Spends Your Money\n\nThe council met.\n\n## Where the money goes\n\n"
            "## Who pays for roads\n\n## What Comes Next\n")
    findings = _case_findings(text, path="a.md")
    assert [(f.rule_id, f.line, f.message.split("): ", 1)[1]) for f in findings] == [
        ("headline.case-style", 9, "“Comes” should be lower case, “Next” should be lower case")]
    assert "the style most subheads use" in findings[0].message


def test_recase_fix_edits_only_the_first_letter_of_each_wrong_word():
    text = "Council Approves the new Budget for Schools\n\nThe council approved the budget on Monday.\n"
    [finding] = _case_findings(text, style="ap-title")
    [fix] = finding.fixes
    assert str(fix.applicability) == "unsafe"
    assert [(e.start, e.end, e.replacement) for e in fix.edits] == [(21, 22, "N")]


def test_all_caps_fix_keeps_names_and_acronyms():
    text = "BIDEN MEETS MACRON IN PARIS ABOUT NATO\n\nPresident Biden met Emmanuel Macron on Monday.\n"
    [finding] = _case_findings(text)
    assert finding.rule_id == "headline.all-caps"
    assert finding.suggestion == "Biden meets Macron in Paris about NATO"
    assert [(e.start, e.end, e.replacement) for e in finding.fixes[0].edits] == [
        (0, 5, "Biden"), (6, 11, "meets"), (12, 18, "Macron"), (19, 21, "in"), (22, 27, "Paris"), (28, 33, "about")]


def test_closing_full_stop_fix_deletes_the_stop_safely():
    [finding] = _case_findings("Council approves budget.\n\nThe council met.\n")
    [fix] = finding.fixes
    assert (str(fix.applicability), [(e.start, e.end, e.replacement) for e in fix.edits]) == ("safe", [(23, 24, "")])


def test_capitals_in_subheads_only_against_plain_siblings():
    review = "# Games of the year\n\nThe games.\n\n## TOO FAST TOO FURIOUS\n\n## FATAL FORCE ARRIVES\n"
    assert [f for f in _case_findings(review, path="a.md") if f.rule_id == "headline.all-caps"] == []
    mixed = ("# Games of the year\n\nThe games.\n\n## The first game\n\n## The second game\n\n"
             "## THE THIRD GAME WINS\n")
    assert [(f.rule_id, f.line, f.suggestion) for f in _case_findings(mixed, path="a.md")] == [
        ("headline.all-caps", 9, "The third game wins")]


def test_figure_mismatch_reads_the_main_headline_and_skips_durations():
    text = ("# Cup winners for six times\n\nThe club won four titles in the decade.\n\n"
            "## Over two years of work\n\nThe team spent eight years on it.\n")
    assert [f for f in _case_findings(text, path="a.md") if f.rule_id == "headline.figure-mismatch"] == []


ARTICLE = """# Council approves the budget

Fans of BlackBerry, eBay and McDonald said the West-London plan/scheme was late. The council’s
budget, Mayor O'Brien's plan, passed. Anna Kournikova spoke at example.com.
Visitors from İstanbul and ΟΔΥΣΣΕΥΣ met the west team; ΣΟΦΟΣ was there.
Kournikova's fans cheered. Warner rose.
"""


def _body_queries(doc) -> set[str]:
    from copydesk.families.headline.evidence import _token_parts

    queries = {"", "Blackberry", "blackberry", "Istanbul", "istanbul", "ΣΟΦΟΣ", "σοφος", "σοφοσ"}
    for block in doc.body:
        for token in block.words():
            capitals, lowers = _token_parts(token)
            for word in capitals + lowers:
                queries |= {word, word.lower(), word.upper(), word[:1].upper() + word[1:].lower()}
    return queries


def _whole_body(doc) -> BodyWords:
    """The reference: the body read whole, every token at once. Names are capitalized
    somewhere other than at a sentence's start, or capitalized every time they are
    used and unfamiliar."""
    from itertools import chain

    from copydesk.families.headline.evidence import KnownTokens, easy_words

    known = KnownTokens()
    first_tokens = {tokens[0] for block in doc.body for tokens in block.sentence_words if tokens}
    later_tokens = {token for block in doc.body for tokens in block.sentence_words for token in tokens[1:]}
    known.learn(first_tokens | later_tokens)
    mid_sentence = set(chain.from_iterable(map(known.capitals.__getitem__, later_tokens)))
    capitalized = mid_sentence.union(chain.from_iterable(map(known.capitals.__getitem__, first_tokens)))
    lower = set(chain.from_iterable(map(known.lowers.__getitem__, first_tokens | later_tokens)))
    proper = mid_sentence | {w for w in capitalized if w.lower() not in lower and w.lower() not in easy_words()}
    return BodyWords(frozenset(proper), frozenset(lower), frozenset(capitalized))


def test_the_article_body_read_word_by_word_answers_as_the_whole_body():
    from copydesk.families.headline.evidence import ArticleBody
    from copydesk.parse import parse

    doc = parse(ARTICLE, "article.md")
    whole, by_word = _whole_body(doc), ArticleBody(doc.body)
    for query in sorted(_body_queries(doc)):
        for question in ("is_proper", "writes_lower", "capitalizes", "writes_mixed_case"):
            assert getattr(by_word, question)(query) == getattr(whole, question)(query), (question, query)
    assert by_word.is_proper("Warner") and by_word.is_proper("Kournikova") and not by_word.is_proper("The")
    assert by_word.writes_mixed_case("blackberry") and by_word.writes_mixed_case("mcdonald")
    assert by_word.writes_lower("west") and by_word.writes_lower("scheme") and not by_word.writes_lower("example")


def test_a_headline_with_no_capital_to_decide_leaves_the_body_unread():
    from copydesk.families.headline.casing import analysis
    from copydesk.parse import parse
    from copydesk.rules import RuleContext, all_rules

    doc = parse(ARTICLE, "article.md")
    house = analysis(doc, RuleContext(all_rules()["headline.case-style"], {}, {}))
    assert house.house_style() == "sentence" and house.violations(doc.headline, "sentence") == []
    # (Block reads its words on first use into a slot, None until then.)
    assert all(block._sentence_words is None for block in doc.body)
    named = parse(ARTICLE.replace("# Council approves the budget", "# Council meets Kournikova"), "article.md")
    house = analysis(named, RuleContext(all_rules()["headline.case-style"], {}, {}))
    assert house.violations(named.headline, "sentence") == []  # "Kournikova" is a name: the body says so
    assert named.body[0]._sentence_words is not None  # the paragraph naming her was read
