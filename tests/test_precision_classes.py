"""False-alarm classes measured on edited copy (issue 10), each with a real sentence of its kind,
and the true errors beside them that must still be warnings."""

from __future__ import annotations

import pytest

from copydesk.config import from_table
from copydesk.families.grammar import article_language, is_code_like, surrounding_token
from copydesk.finding import Applicability, Severity
from copydesk.fixes import apply_fixes
from copydesk.parse import parse
from copydesk.runner import lint_text

ENGINE = from_table({"select": ["grammar", "spelling"]}, "test")


def _engine_findings(text: str, path: str = "a.md", config=ENGINE):
    return [(f.line, f.column, f.rule_id, f.severity) for f in lint_text(text, path=path, config=config)]


# --- placeholders (18f blog: "an `upcast` method"; a subhead starting with inline code) ---

def test_inline_code_never_draws_grammar_findings(languagetool):
    text = ("# Building an `upcast` helper\n\nWe added an `upcast` method to the parser.\n\n"
            "## `codes` to know\n\nSee https://a.gov/x https://b.gov/y for more.\n")
    assert _engine_findings(text) == []


def test_a_true_article_error_next_to_code_still_fires(languagetool):
    findings = lint_text("# Notes\n\nShe ate a apple near the `main` branch.\n", path="a.md", config=ENGINE)
    assert [(f.line, f.column, f.rule_id, f.severity) for f in findings] == [
        (3, 9, "grammar.en-a-vs-an", Severity.WARNING)]


# --- LanguageTool rules that misfire on news ---

def test_a_tennis_score_is_not_a_repeated_word(languagetool):
    # BBC sport: results repeat by nature.
    assert _engine_findings("Result\n\nFederer won 6-2 6-2 in the final in Dubai.\n", "a.txt") == []


def test_a_doubled_word_is_a_warning_with_a_safe_fix(languagetool):
    text = "Council news\n\nThe council met on Monday and and voted.\n"
    findings = lint_text(text, path="a.txt", config=ENGINE)
    assert [(f.line, f.column, f.rule_id, f.severity) for f in findings] == [
        (3, 27, "grammar.english-word-repeat-rule", Severity.WARNING)]
    fix = findings[0].fixes[0]
    assert fix.applicability is Applicability.SAFE
    assert apply_fixes(text, [fix]) == ("Council news\n\nThe council met on Monday and voted.\n", 1)


def test_a_an_fix_is_safe_and_replaces_only_the_article(languagetool):
    text = "Fruit news\n\nShe ate a apple yesterday.\n"
    (finding,) = lint_text(text, path="a.txt", config=ENGINE)
    assert finding.fixes[0].applicability is Applicability.SAFE
    assert apply_fixes(text, [finding.fixes[0]]) == ("Fruit news\n\nShe ate an apple yesterday.\n", 1)


def test_languagetool_weekday_rules_leave_dates_to_copydesk(languagetool):
    # LanguageTool checks the weekday against the current year; figures.weekday-mismatch uses the publication date.
    config = from_table({"select": ["grammar", "spelling", "figures.weekday-mismatch"]}, "test")
    text = "Match report\n\nThe final was played on Tuesday 3 March 2004 in Leeds.\n"
    findings = lint_text(text, path="a.txt", config=config)
    assert [f.rule_id for f in findings if "weekday" in f.rule_id] == ["figures.weekday-mismatch"]


# --- dialect ---

BRITISH = ("Quake hits coast\n\n"
           "The epicentre of the earthquake was near the town, and a jeweller lost his shop to the fire. "
           "England have the ability to rebuild, the minister said.\n")


def test_dialect_comes_from_the_large_table_and_the_articles_own_spellings():
    assert article_language(parse(BRITISH, "a.txt"), "auto") == "en-GB"
    assert article_language(parse("Quake\n\nThe epicenter was near the town.\n", "a.txt"), "auto") == "en-US"


def test_british_spellings_and_collective_agreement_pass_under_en_gb(languagetool):
    assert _engine_findings(BRITISH, "a.txt") == []


def test_british_collective_agreement_is_not_flagged_when_the_house_sets_en_gb(languagetool):
    config = from_table({"select": ["grammar"], "languagetool": {"language": "en-GB"}}, "test")
    text = "Series preview\n\nEngland have the ability to win the series, the coach said.\n"
    assert _engine_findings(text, "a.txt", config) == []


# --- spelling on code-like tokens and names ---

@pytest.mark.parametrize(("text", "word", "token"), [
    ("The crate is on docs.rs, as before.", "rs", "docs.rs"),
    ("We use a crates.io-based index.", "io", "crates.io-based"),
    ("Thanks to @jdoe for the fix.", "jdoe", "@jdoe"),
    ("We shipped it :tada: today.", "tada", ":tada:"),
    ("Call get_value or getValue first.", "get", "get_value"),
    ("Version v1.2.3 is out.", "v", "v1.2.3"),
    ("Write to team@example.gov today.", "example", "team@example.gov"),
    ("Read /usr/local/bin/tool now.", "usr", "/usr/local/bin/tool"),
])
def test_code_like_tokens_are_never_spell_checked(text, word, token):
    start = text.index(word)
    assert surrounding_token(text, start, start + len(word)) == token
    assert is_code_like(token)


def test_an_ordinary_misspelling_is_not_code_like():
    text = "Investors moved into Cryptocurreny and bonds."
    start = text.index("Cryptocurreny")
    assert not is_code_like(surrounding_token(text, start, start + len("Cryptocurreny")))


def test_blog_tokens_draw_no_spelling_findings(languagetool):
    text = "# Release notes\n\nThe crate is on docs.rs and uses a crates.io-based index :tada: thanks @jdoe.\n"
    assert _engine_findings(text) == []


def test_the_seed_misspelling_is_still_a_warning(languagetool):
    findings = lint_text("Market report\n\nInvestors moved into Cryptocurreny and bonds.\n", path="a.txt", config=ENGINE)
    assert [(f.line, f.column, f.severity) for f in findings] == [(3, 22, Severity.WARNING)]
    assert findings[0].rule_id.startswith("spelling.morfologik")
    assert findings[0].fixes and findings[0].fixes[0].applicability is Applicability.UNSAFE


def test_a_name_two_files_of_the_repository_use_is_not_a_warning(languagetool, tmp_path):
    (tmp_path / ".git").mkdir()
    first = tmp_path / "one.md"
    first.write_text("# Team news\n\nGarklavs joined the team this week.\n")
    (tmp_path / "two.md").write_text("# More news\n\nGarklavs wrote the guide.\n")
    config = from_table({"select": ["spelling"]}, "test")
    assert lint_text(first.read_text(), path=str(first), config=config) == []
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / ".git").mkdir()
    single = alone / "one.md"
    single.write_text(first.read_text())
    assert [f.rule_id for f in lint_text(single.read_text(), path=str(single), config=config)] == [
        "spelling.morfologik-rule-en-us"]


@pytest.mark.parametrize(("text", "severity"), [
    ("They played at Murrayfield on Saturday.", Severity.INFO),  # a name: LanguageTool splits it
    ("Shares in Yukos fell sharply.", Severity.INFO),  # short names sit near many words
    ("Goverment officials said it would act.", Severity.WARNING),  # one letter dropped
    ("Recieving staff left early.", Severity.WARNING),  # two letters swapped
    ("Research by firms Earthlink and Webroot was published.", [Severity.INFO, Severity.INFO]),  # names
    ("NM2's co-ordinator explained the new genre.", Severity.INFO),  # the hyphenated variant
    ('"Media users will become active engagers," he said.', Severity.INFO),  # a derived form
    # BBC tech/232 and sport/468: a slip in lower case is a warning, a coinage info.
    ("More than 277 million enquiries were made, asking for informaton of a wide range.", Severity.WARNING),
    ("The team calls it protosketching and likes it.", Severity.INFO),
    ("Relationships and skillsharing have the power to spread innovation.", Severity.INFO),
])
def test_an_unknown_word_is_a_warning_only_when_it_reads_as_a_typo(languagetool, text, severity):
    findings = lint_text(f"News\n\n{text}\n", path="a.txt", config=ENGINE)
    assert [f.severity for f in findings] == (severity if isinstance(severity, list) else [severity])


def test_template_tags_and_html_entities_are_not_prose_to_spell(languagetool):
    # 18f blog: a Liquid filter inside a link; BBC politics/177: an entity left in plain text.
    text = ('# Join us\n\nThis is what gets me excited about working at [18F]({{ "/" | url }}) every day!\n\n'
            "F&#244;n was released without charge.\n")
    assert _engine_findings(text) == []


def test_a_coined_term_in_quotation_marks_is_info(languagetool):
    # 18f blog: "crowdworking" coined and quoted by the writer.
    text = 'Crowd work\n\nThe team calls this practice "crowdworking" and uses it every week.\n'
    assert _engine_findings(text, "a.txt") == [(3, 31, "spelling.morfologik-rule-en-us", Severity.INFO)]


def test_abbreviations_in_a_team_line_up_are_info(languagetool):
    # BBC sport/331: "capt" in a line-up is the standard abbreviation.
    text = ("Lions squad\n\nBacks: C Paterson (Scotland), B Cohen (England), B O'Driscoll (Ireland, capt), "
            "D Traille (France), O Smith (England), C Sweeney (Wales), D Humphreys (Ireland).\n")
    assert _engine_findings(text, "a.txt") == [(3, 73, "spelling.morfologik-rule-en-us", Severity.INFO)]


def test_a_term_the_article_repeats_is_not_a_typo(languagetool):
    # 18f blog (database post): the same unknown lower-case term three times is the writer's term.
    text = ("# Moving data\n\nWe moved the tablespaces first. Then the tablespaces were checked, "
            "and the tablespaces were locked.\n")
    assert _engine_findings(text) == []


def test_a_typo_copied_into_two_files_of_the_repository_is_still_a_warning(languagetool, tmp_path):
    (tmp_path / ".git").mkdir()
    first = tmp_path / "one.md"
    first.write_text("# Markets\n\nInvestors moved into Cryptocurreny and bonds.\n")
    (tmp_path / "two.md").write_text("# Notes\n\nWe cover Finance, Stock Market, Cryptocurreny and more.\n")
    config = from_table({"select": ["spelling"]}, "test")
    assert [(f.line, f.column, f.severity) for f in lint_text(first.read_text(), path=str(first), config=config)] == [
        (3, 22, Severity.WARNING)]


@pytest.mark.parametrize("text", [
    "The firm had had a difficult year before the deal.",  # BBC business: past perfect
    "It agreed an £800m deal with the bank on Monday.",  # BBC business: "an eight hundred million"
])
def test_grammatical_doubles_and_spoken_figures_are_not_flagged(languagetool, text):
    assert _engine_findings(f"Deal news\n\n{text}\n", "a.txt") == []
