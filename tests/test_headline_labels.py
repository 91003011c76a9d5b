"""Subheads that are labels or numbered questions, not headlines: real
subheads from the 18F blog (public domain), and the boundary where a
heading is a headline again."""

from __future__ import annotations

from copydesk.config import Config
from copydesk.families.headline import BodyWords, NameEvidence
from copydesk.families.headline.labels import name_and_role
from copydesk.runner import lint_text

HEADLINES = Config().with_overrides(select=("headline", "typography"))


def _rules(text: str) -> list[tuple[int, str]]:
    return [(f.line, f.rule_id) for f in lint_text(text, "post.md", None, HEADLINES)]


# 2023-02-13-looking-back-and-forward.md: every subhead names a designer and a role.
LOOKING_BACK = """# We asked our design team: what did you learn in 2022?

We brought some of that reflection into a design chapter meeting.

## Julie Strothman, Product Designer

I learned a lot about research.

## Anne Petersen, UX Designer

I learned to ask for help.

## Jia Gu, Product Designer

I learned to sketch in the open.

## Laura Nash, Design Supervisor

I learned to delegate.

## Join us!

We are hiring.
"""


def test_name_and_job_title_subheads_are_labels_in_no_case_style():
    assert _rules(LOOKING_BACK) == []


def test_a_label_subhead_among_sentence_case_subheads_still_leaves_the_others_judged():
    text = LOOKING_BACK.replace("## Join us!", "## What we learned together\n\nA lot.\n\n## How We Hire Designers")
    assert _rules(text) == [(25, "headline.case-style")]


# 2020-03-10-ask-18f-po-vs-cor.md: names, a spaced hyphen, the team.
ASK_18F = """# Ask 18F: What is the difference between a COR and a PO?

Dear 18F: we are starting an agile project.

### Miatta Myers and Rebecca Refoy - Acquisitions

### Uchenna Moka-Solana - Product

## What is a COR?

A contracting officer’s representative is appointed by the contracting officer.
"""


def test_names_and_team_labels_draw_neither_case_nor_dash_findings():
    assert _rules(ASK_18F) == []


def test_a_bold_name_and_role_line_keeps_its_hyphen():
    # 2018-08-02-ask-18f-talent.md
    text = ("# Ask 18F: How do you recruit employees?\n\nDear 18F: We’re curious.\n\n"
            "**Amanda Schonfeld - Talent Team recruiting lead**\n\n"
            "I’m part of the talent team - the people who hire.\n")
    assert _rules(text) == [(7, "typography.hyphen-as-dash")]


# 2016-04-05-three-teams-using-the-draft-us-web-design-standards-talk-about-their-experiences.md
NUMBERED = """# Three teams using the Draft U.S. Web Design Standards talk about their experiences

We asked three teams about the standards.

## 1. How did you hear about the Draft Standards and how did you integrate them into your sites?

## 2) What components did you use?

## (3) Do you have any advice for other federal web administrators?

## d. Anything else you'd like to add?
"""


def test_numbered_question_subheads_start_after_their_number():
    assert [r for r in _rules(NUMBERED) if r[1].startswith("headline")] == []


def test_a_numbered_subhead_is_still_held_to_its_style():
    text = NUMBERED.replace("## 2) What components did you use?", "## 2) What Components Did You Use?")
    assert [r for r in _rules(text) if r[1].startswith("headline")] == [(7, "headline.case-style")]


EVIDENCE = NameEvidence(BodyWords(frozenset(), frozenset({"design", "product", "mobile", "desktop"})), frozenset())


def test_labels_are_recognised_by_shape_and_name_evidence():
    label = name_and_role("Priya Raman, Senior Content Strategist", EVIDENCE)
    assert (label.names, label.role, label.separator) == ("Priya Raman", "Senior Content Strategist", (11, 13))
    assert name_and_role("Tomás Ortega — Engineering", EVIDENCE).role == "Engineering"
    assert name_and_role("Howard Webb (South Yorkshire)", EVIDENCE).role == "South Yorkshire"


def test_headlines_that_look_like_labels_are_not_labels():
    for text in ("Mobile First, Desktop Later",  # the article writes both words in lower case
                 "Design Systems, Content Strategy",
                 "Jane Doe: What we learned",  # a sentence after the name
                 "Jane Doe, who leads design",
                 "Gordon Brown, Alistair Darling clash",  # a second person, not a role
                 "Putin, Xi Pledge Cooperation",  # one word is no full name
                 "Ask 18F - How can I best advocate for open source?"):
        assert name_and_role(text, EVIDENCE) is None, text


# BBC News (the bbc corpus): sentence-case news headlines with names, titles and
# proper adjectives, each with its article's first paragraph only.
NEWS = [
    ("Golden rule boost for Chancellor", "Chancellor Gordon Brown has been given a £2.1bn boost in his attempts to "
     "meet his golden economic rule, which allows him to borrow only for investment."),
    ("Williams battles to Aussie title", "Serena Williams staged a remarkable recovery to beat Lindsay Davenport and "
     "win her second Australian Open title."),
    ("Agassi fear for Melbourne", "Andre Agassi's involvement in the Australian Open was put in doubt after he pulled "
     "out of the Kooyong Classic with a hip injury."),
    ("Putting a face to 'Big Brother'", "Literally putting a face on technology could be one of the keys to improving "
     "our interaction with hi-tech gadgets."),
    ("Gatlin and Hayes win Owen awards", "American Olympic stars Justin Gatlin and Joanna Hayes have been named the "
     "winners of the 2004 Jesse Owens Awards, USA Track & Field's (USATF) top honour."),
]


def test_sentence_case_news_headlines_with_names_and_titles_pass_in_a_sentence_case_house():
    house = Config(house={"headline-case": "sentence"}).with_overrides(select=("headline",))
    for headline, body in NEWS:
        assert lint_text(f"{headline}\n\n{body}\n", "story.txt", "text", house) == [], headline
    title_cased = lint_text("Golden Rule Boost For Chancellor\n\n" + NEWS[0][1] + "\n", "story.txt", "text", house)
    assert [f.message for f in title_cased] == [
        "This headline is not in sentence case: “Rule” should be lower case, “Boost” should be lower case, "
        "“For” should be lower case"]
