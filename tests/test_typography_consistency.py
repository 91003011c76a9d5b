"""Consistency findings (mixed apostrophes, mixed quotation marks) are one
finding per article: one inconsistency, one decision, one fix. Block
quotations keep their author's marks. Sentences are from the 18F blog
(public domain) unless noted."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.config import Config
from copydesk.fixes import apply_fixes, chosen_fixes
from copydesk.formatters.json import format_json
from copydesk.formatters.sarif import format_sarif
from copydesk.formatters.text import format_text
from copydesk.runner import FileResult, RunResult, lint_text

TYPOGRAPHY = Config().with_overrides(select=("typography",))

# 2015-10-22-preventing-technical-debt.md, shortened: curly apostrophes, three straight ones.
MIXED = (
    "# Preventing technical debt\n"
    "\n"
    "It’s a problem that doesn’t go away. We've seen teams that can't ship\n"
    "because the code they’re building on wasn’t written to last, and that's\n"
    "the debt we’re talking about.\n"
)


def _findings(text: str, rule: str, path: str = "post.md"):
    return [f for f in lint_text(text, path, None, TYPOGRAPHY) if f.rule_id == rule]


def test_mixed_apostrophes_is_one_finding_at_the_first_minority_mark():
    (finding,) = _findings(MIXED, "typography.mixed-apostrophes")
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (3, 40, 3, 41)
    assert MIXED[finding.offset:finding.end_offset] == "'"
    assert finding.message == ("3 straight apostrophes in an article that uses 5 curly ones; "
                               "use curly ones throughout (the fix changes all 3)")
    assert [(r.line, r.column, r.end_column, r.message) for r in finding.related] == [
        (3, 63, 64, "Straight apostrophe; use ’"), (4, 70, 71, "Straight apostrophe; use ’")]
    (fix,) = finding.fixes
    assert fix.title == "Use curly apostrophes throughout"
    assert [(e.line, e.column, e.original, e.replacement) for e in fix.edits] == [
        (3, 40, "'", "’"), (3, 63, "'", "’"), (4, 70, "'", "’")]


def test_one_fix_writes_what_one_fix_per_mark_wrote():
    findings = lint_text(MIXED, "post.md", None, TYPOGRAPHY)
    fixed, applied = apply_fixes(MIXED, chosen_fixes(findings))
    assert fixed == MIXED.replace("'", "’")
    assert applied == 1
    assert _findings(fixed, "typography.mixed-apostrophes") == []


def test_related_locations_reach_json_and_sarif():
    findings = _findings(MIXED, "typography.mixed-apostrophes")
    run = RunResult([FileResult("post.md", findings)], ["typography.mixed-apostrophes"])
    (entry,) = json.loads(format_json(run))["findings"]
    assert [(r["line"], r["column"], r["end_column"]) for r in entry["related"]] == [(3, 63, 64), (4, 70, 71)]
    (result,) = json.loads(format_sarif(run))["runs"][0]["results"]
    assert [(r["id"], r["physicalLocation"]["region"]["startLine"], r["physicalLocation"]["region"]["startColumn"],
             r["message"]["text"]) for r in result["relatedLocations"]] == [
        (1, 3, 63, "Straight apostrophe; use ’"), (2, 4, 70, "Straight apostrophe; use ’")]
    assert len(result["fixes"][0]["artifactChanges"][0]["replacements"]) == 3


def test_a_finding_of_one_place_has_no_related_key():
    (finding,) = _findings("# A plan\n\nThe team’s plan was the agency's choice. It’s done.\n",
                           "typography.mixed-apostrophes")
    run = RunResult([FileResult("post.md", [finding])], ["typography.mixed-apostrophes"])
    assert "related" not in json.loads(format_json(run))["findings"][0]
    assert "relatedLocations" not in json.loads(format_sarif(run))["runs"][0]["results"][0]


def test_text_output_shows_the_first_edits_and_counts_the_rest():
    text = "# Plans\n\n" + "The team’s plan. " * 8 + "\n\n" + "The agency's plan. " * 7 + "\n"
    findings = _findings(text, "typography.mixed-apostrophes")
    out = format_text(RunResult([FileResult("post.md", findings)], ["typography.mixed-apostrophes"]), color=False)
    assert "7 straight apostrophes in an article that uses 8 curly ones" in out
    assert out.count("  - ") == 5
    assert "      … and 2 more edits (5:106, 5:125)" in out


# 2016-05-24-the-user-centered-redesign-of-identitytheft-gov.md: a Reddit post
# quoted in a block quotation keeps its author's straight marks.
REDDIT = (
    "# The user-centered redesign of IdentityTheft.gov\n"
    "\n"
    "One person who’d used the site wrote about it on Reddit:\n"
    "\n"
    "> I hope this never happens to any of you as the entire thing can be\n"
    "> really stressful. The identitytheft.gov website is a true breath of\n"
    "> fresh air...You can talk to an actual person. They also have this\n"
    "> extremely easy wizard to click through your situation and it will\n"
    "> auto-generate a \"Recovery Plan\" including dispute letters.\n"
    "\n"
    "The team’s “plain language” approach came from research.\n"
)


def test_quotation_marks_in_a_block_quotation_are_the_quoted_author_s():
    assert _findings(REDDIT, "typography.mixed-quotes") == []


def test_the_writer_s_own_straight_marks_still_count_beside_a_block_quotation():
    text = REDDIT + "\nOne user called it \"a breath of fresh air.\"\n"
    (finding,) = _findings(text, "typography.mixed-quotes")
    assert text[finding.offset:finding.end_offset] == '"'
    assert finding.line == 13
    assert finding.message.startswith("2 straight quotation marks in an article that uses 2 curly ones")
    fixed, _ = apply_fixes(text, chosen_fixes([finding]))
    assert fixed.endswith("One user called it “a breath of fresh air.”\n")
    assert '"Recovery Plan"' in fixed


def test_an_unpaired_mark_inside_a_block_quotation_is_still_reported():
    # 2015-09-04-what-is-technical-debt.md: a block quotation that ends with a closing mark it never opened.
    text = ("# What is technical debt?\n\nA report put it this way:\n\n"
            "> As it gets worse customers complain about slow delivery, in a\n"
            "> rapidly spiraling vicious cycle.”\n")
    (finding,) = _findings(text, "typography.unbalanced-quotes")
    assert (finding.line, finding.column) == (6, 35)
    assert finding.message == "Quotation mark closed but never opened in this paragraph"


def test_block_quotations_that_mix_styles_among_themselves_are_held_to_the_article_s():
    # 2016-11-25-what-18f-is-thankful-for-this-thanksgiving.md: statements from several people, pasted in.
    text = ("# What 18F is thankful for\n\nWe asked the team what they’re thankful for.\n\n"
            "> I'm thankful for the opportunity to \"be the change you want to see.\" — **Will Sullivan**\n\n"
            "> C.S. Lewis said “the next best thing to being wise oneself is to live in a circle of those who are.” "
            "I’m so thankful for my team.\n")
    (quotes,) = _findings(text, "typography.mixed-quotes")
    assert (quotes.line, quotes.column) == (5, 39)
    assert quotes.message.startswith("2 straight quotation marks in an article that uses 2 curly ones")
    (apostrophes,) = _findings(text, "typography.mixed-apostrophes")
    assert (apostrophes.line, apostrophes.column) == (5, 4)
    assert apostrophes.message == "1 straight apostrophe in an article that uses 2 curly ones; use ’"


def test_apostrophes_of_a_consistent_block_quotation_are_its_author_s():
    text = REDDIT.replace("I hope this never", "I'd hope this never")
    assert _findings(text, "typography.mixed-apostrophes") == []


def test_a_quoted_paragraph_that_mixes_both_styles_is_held_to_the_article_s():
    # 2024-04-03-18f-practices-in-action.md: a curly opening mark closed by a straight one inside the quotation.
    text = ("# 18F practices in action\n\nThe team’s guide says it plainly:\n\n"
            "> 18F recommendation: “All software development should be centered on the needs of the "
            "software’s actual end users, the specific people who are expected to use it.\"\n\n"
            "We call this “user-centered design.”\n")
    (finding,) = _findings(text, "typography.mixed-quotes")
    assert text[finding.offset:finding.end_offset] == '"'
    assert finding.message == "1 straight quotation mark in an article that uses 3 curly ones; use ”"


def test_a_mark_on_a_line_switched_off_leaves_the_count_and_the_fix():
    text = ("# Preventing technical debt\n\nIt’s a problem that doesn’t go away; we’re on it.\n\n"
            "<!-- copydesk-disable-next-line typography.mixed-apostrophes -->\n"
            "The error said `can't connect`, so we wrote: can't connect.\n\n"
            "The team's plan is the agency's choice.\n")
    (finding,) = _findings(text, "typography.mixed-apostrophes")
    assert (finding.line, finding.column) == (8, 9)
    assert finding.message.startswith("2 straight apostrophes in an article that uses 3 curly ones")
    assert [e.line for e in finding.fixes[0].edits] == [8, 8]
    assert _findings(text.replace("The team's plan is the agency's choice.\n", ""),
                     "typography.mixed-apostrophes") == []


def test_a_straight_pair_inside_a_curly_quotation_is_balanced():
    # 2015-10-15-best-practices-for-distributed-teams.md: a quoted message inside a quotation.
    text = ("# Best practices for distributed teams\n\n"
            "Kate puts it: “Because I'm remote, I send short updates to my teams (\"Hey, all — "
            "I finished writing XYZ.\"), even when standups aren't required.”\n\n"
            "She notes, “I value the ability to join project teams \"in person\" (via Hangouts).”\n")
    assert _findings(text, "typography.unbalanced-quotes") == []


def test_an_inner_quotation_left_open_is_reported_at_its_opening_mark():
    text = "# Notes\n\nShe said, “They called it \"the plan and moved on.”\n"
    (finding,) = _findings(text, "typography.unbalanced-quotes")
    assert (finding.line, finding.column, finding.end_column) == (3, 27, 28)
    assert finding.message == "Quotation mark opened but not closed in this paragraph"


def test_a_quotation_inside_a_quotation_of_the_same_style_is_balanced():
    # 2016-03-23-what-have-you-loved-working-on.md: double marks inside double marks.
    text = ('# What have you loved working on?\n\n'
            '"Loved when an official commended me for putting "Philip sized holes in the walls" '
            'across the Pentagon." (Ed. note: Not literally.)\n')
    assert _findings(text, "typography.unbalanced-quotes") == []


def test_a_quotation_mark_written_as_an_entity_is_read_though_the_source_holds_no_such_mark():
    # The opening mark is “&ldquo;”: only the prose holds “, and it pairs with the first ”.
    text = "# Notes\n\n&ldquo;One” and ”two.\n"
    (finding,) = _findings(text, "typography.unbalanced-quotes")
    assert (finding.line, finding.column) == (3, 17)
    assert finding.message == "Quotation mark closed but never opened in this paragraph"
    (finding,) = _findings(text.replace("&ldquo;", ""), "typography.unbalanced-quotes")
    assert finding.column == 4


MARK_TEXT = st.text(alphabet="ab1 '’\"“”‘(—\n", max_size=40)


@given(MARK_TEXT, st.sampled_from(["post.md", "post.txt"]))
@settings(max_examples=300, deadline=None)
def test_each_article_s_mark_pattern_finds_what_the_pattern_of_all_marks_finds(body, path):
    from copydesk.families.typography import _APOSTROPHE, _DOUBLE_QUOTE, _OPENING_SINGLE
    from copydesk.parse import parse

    doc = parse("# Notes\n\n" + body, path)
    for marks in (_APOSTROPHE, _DOUBLE_QUOTE, _OPENING_SINGLE):
        pattern = marks.in_prose(doc)
        for block in doc.blocks:
            expected = [m.span() for m in marks.pattern.finditer(block.text)]
            assert [m.span() for m in pattern.finditer(block.text)] == expected if pattern else expected == []
