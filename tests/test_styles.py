"""House rules as YAML: every generic kind, exact positions and fixes; .vale.ini loading."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from copydesk.config import Config, ConfigError, RuleSettings, from_table, load_config
from copydesk.finding import Severity
from copydesk.fixes import apply_fixes, chosen_fixes
from copydesk.runner import lint_text
from copydesk.styles import StyleError, house_styles, read_vale_ini
from copydesk.styles.dialect import DialectError, translate


def style(tmp_path: Path, name: str, rules: dict[str, str]) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for rule, body in rules.items():
        (folder / f"{rule}.yml").write_text(textwrap.dedent(body), encoding="utf-8")
    return folder


def lint(text: str, folder: Path, path: str = "a.txt", **config):
    styles = house_styles((folder,))
    return lint_text(text, path, config=Config(select=("style",), styles=styles, **config))


def spans(findings):
    return [(f.rule_id, f.line, f.column, f.end_line, f.end_column) for f in findings]


def fixed(text: str, findings) -> str:
    return apply_fixes(text, chosen_fixes(findings, unsafe=True))[0]


def test_existence_reports_each_token_with_message_level_and_link(tmp_path):
    folder = style(tmp_path, "House", {"Banned": """
        extends: existence
        message: "Don't use '%s'."
        link: https://example.org/style#banned
        level: error
        ignorecase: true
        tokens:
          - very
          - utilize
        """})
    findings = lint("Headline\n\nIt is Very good to utilize tools.\n", folder)
    assert spans(findings) == [("style.House.Banned", 3, 7, 3, 11), ("style.House.Banned", 3, 20, 3, 27)]
    assert [f.message for f in findings] == ["Don't use 'Very'.", "Don't use 'utilize'."]
    assert findings[0].severity is Severity.ERROR
    assert dict(findings[0].properties)["link"] == "https://example.org/style#banned"


def test_existence_word_boundaries_exceptions_and_nonword(tmp_path):
    folder = style(tmp_path, "House", {
        "Words": """
            extends: existence
            message: "'%s'"
            tokens: [cat]
            exceptions: [Cat]
            """,
        "Marks": """
            extends: existence
            message: "'%s'"
            nonword: true
            tokens: ['\\.\\.\\.']
            """})
    findings = lint("Title\n\nA cat, a Cat and a category... done.\n", folder)
    assert spans(findings) == [("style.House.Words", 3, 3, 3, 6), ("style.House.Marks", 3, 28, 3, 31)]


def test_existence_remove_action_is_a_fix(tmp_path):
    folder = style(tmp_path, "House", {"Hedge": """
        extends: existence
        message: "Remove '%s'."
        action:
          name: remove
        raw:
          - '\\bquite\\s'
        """})
    text = "Title\n\nThe plan is quite good.\n"
    findings = lint(text, folder)
    assert spans(findings) == [("style.House.Hedge", 3, 13, 3, 19)]
    assert fixed(text, findings) == "Title\n\nThe plan is good.\n"


def test_substitution_swaps_with_a_fix_and_keeps_capitals(tmp_path):
    folder = style(tmp_path, "House", {"Terms": """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        level: warning
        ignorecase: true
        capitalize: true
        action:
          name: replace
        swap:
          e-mail: email
          towards: toward
          'web ?site': website
        """})
    text = "Title\n\nE-mail us towards noon via the web site.\n"
    findings = lint(text, folder)
    assert spans(findings) == [("style.House.Terms", 3, 1, 3, 7), ("style.House.Terms", 3, 11, 3, 18),
                               ("style.House.Terms", 3, 32, 3, 40)]
    assert findings[0].message == "Use 'Email' instead of 'E-mail'."
    assert fixed(text, findings) == "Title\n\nEmail us toward noon via the website.\n"


def test_substitution_leaves_the_preferred_form_alone(tmp_path):
    folder = style(tmp_path, "House", {"Names": """
        extends: substitution
        message: "Use '%s'."
        swap:
          'java ?script': JavaScript
        """})
    findings = lint("Title\n\nWe write JavaScript and javascript.\n", folder)
    assert spans(findings) == [("style.House.Names", 3, 25, 3, 35)]


def test_occurrence_flags_a_long_sentence_once_at_its_first_token(tmp_path):
    folder = style(tmp_path, "House", {"Long": """
        extends: occurrence
        message: "Keep sentences under 5 words (%d)."
        scope: sentence
        max: 5
        token: '\\b(\\w+)\\b'
        """})
    findings = lint("Title\n\nShort one here. This sentence has far too many words in it.\n", folder)
    assert spans(findings) == [("style.House.Long", 3, 17, 3, 21)]
    assert findings[0].message == "Keep sentences under 5 words (9)."


def test_repetition_flags_a_doubled_word_and_fixes_it(tmp_path):
    folder = style(tmp_path, "House", {"Twice": """
        extends: repetition
        message: "'%s' is repeated."
        ignorecase: true
        alpha: true
        action:
          name: edit
          params: [truncate, " "]
        tokens: ['[^\\s]+']
        """})
    text = "Title\n\nThe the plan is set. Set it.\n"
    findings = lint(text, folder)
    assert spans(findings) == [("style.House.Twice", 3, 1, 3, 8)]
    assert fixed(text, findings) == "Title\n\nThe plan is set. Set it.\n"


def test_consistency_flags_the_second_spelling_in_a_document(tmp_path):
    folder = style(tmp_path, "House", {"Spelling": """
        extends: consistency
        message: "Inconsistent spelling of '%s'."
        ignorecase: true
        either:
          advisor: adviser
        """})
    findings = lint("Title\n\nThe advisor spoke.\n\nLater the adviser left.\n", folder)
    assert spans(findings) == [("style.House.Spelling", 5, 11, 5, 18)]


def test_conditional_needs_a_definition_before_use(tmp_path):
    folder = style(tmp_path, "House", {"Acronyms": """
        extends: conditional
        message: "'%s' has no definition."
        first: '\\b([A-Z]{3,5})\\b'
        second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'
        exceptions: [NASA]
        """})
    findings = lint("Title\n\nThe WHO and NASA met the Food Agency (FDA). The FDA agreed.\n", folder)
    assert spans(findings) == [("style.House.Acronyms", 3, 5, 3, 8)]


def test_capitalization_of_headings_in_markdown(tmp_path):
    folder = style(tmp_path, "House", {"Headings": """
        extends: capitalization
        message: "'%s' should use sentence case."
        scope: heading
        match: $sentence
        exceptions: [Congress]
        """})
    text = "# Budget Passes In Congress\n\n## Budget passes in Congress\n\nBody Text Here Is Not A Heading.\n"
    findings = lint(text, folder, path="a.md")
    assert spans(findings) == [("style.House.Headings", 1, 3, 1, 28)]


def test_capitalization_title_and_pattern(tmp_path):
    folder = style(tmp_path, "House", {
        "Title": """
            extends: capitalization
            message: "Title case: '%s'."
            scope: heading.h1
            match: $title
            """,
        "Shout": """
            extends: capitalization
            message: "Lower case please."
            scope: heading.h2
            match: $lower
            """})
    findings = lint("# the plan for the city\n\n## Notes\n\nText.\n", folder, path="a.md")
    assert spans(findings) == [("style.House.Title", 1, 3, 1, 24), ("style.House.Shout", 3, 4, 3, 9)]


def test_metric_compares_a_formula_over_counts(tmp_path):
    folder = style(tmp_path, "House", {"Words": """
        extends: metric
        message: "Average sentence length is %s words."
        formula: words / sentences
        condition: "> 4"
        """})
    findings = lint("Title\n\nOne two three four five six. Seven eight nine ten.\n", folder)
    assert spans(findings) == [("style.House.Words", 3, 1, 3, 4)]
    assert findings[0].message == "Average sentence length is 5 words."


def test_spelling_with_a_house_word_list(tmp_path):
    folder = style(tmp_path, "House", {"Spelling": """
        extends: spelling
        message: "Did you really mean '%s'?"
        dicpath: .
        dictionaries: [house]
        """})
    (folder / "house.dic").write_text("3\ncouncil\nmet\nthe/S\n", encoding="utf-8")
    findings = lint("The council mett.\n", folder)
    assert spans(findings) == [("style.House.Spelling", 1, 13, 1, 17)]


def test_scopes_list_blockquote_table_and_raw(tmp_path):
    folder = style(tmp_path, "House", {
        "InList": "extends: existence\nmessage: list\nscope: list\ntokens: [alpha]\n",
        "InQuote": "extends: existence\nmessage: quote\nscope: blockquote\ntokens: [alpha]\n",
        "InCell": "extends: existence\nmessage: cell\nscope: table.cell\ntokens: [alpha]\n",
        "Raw": "extends: existence\nmessage: raw\nscope: raw\nnonword: true\ntokens: ['<br>']\n",
    })
    text = "# T\n\nalpha\n\n- alpha\n\n> alpha\n\n| h |\n|---|\n| alpha |\n\nline<br>\n"
    findings = lint(text, folder, path="a.md")
    assert spans(findings) == [("style.House.InList", 5, 3, 5, 8), ("style.House.InQuote", 7, 3, 7, 8),
                               ("style.House.InCell", 11, 3, 11, 8), ("style.House.Raw", 13, 5, 13, 9)]


def test_code_and_link_placeholders_are_never_matched(tmp_path):
    folder = style(tmp_path, "House", {"Words": "extends: existence\nmessage: x\ntokens: [code, link]\n"})
    assert lint("# T\n\nRun `x` at <https://example.org> now.\n", folder, path="a.md") == []


def test_unsupported_kinds_are_named_and_skipped(tmp_path):
    folder = style(tmp_path, "House", {
        "Tagged": "extends: sequence\nmessage: x\ntokens: []\n",
        "Script": "extends: script\nmessage: x\nscript: x\n",
        "Fine": "extends: existence\nmessage: x\ntokens: [x]\n"})
    styles = house_styles((folder,))
    assert styles.skipped == [("House.Script", "script: runs Tengo scripts"),
                              ("House.Tagged", "sequence: needs a part-of-speech tagger")]
    assert [rule.name for rule, _ in styles.rules_for("a.md")] == ["House.Fine"]


@pytest.mark.parametrize(("body", "message"), [
    ("extends: nonsense\nmessage: x\n", "'extends' must be one of"),
    ("extends: existence\nmessage: x\n", "needs 'tokens' or 'raw'"),
    ("extends: existence\nmessage: x\ntokens: ['(']\n", "invalid regular expression"),
    ("extends: existence\nlevel: fatal\ntokens: [x]\n", "'level' must be one of"),
    ("extends: [\n", "invalid YAML"),
])
def test_a_bad_rule_is_an_error_naming_the_file(tmp_path, body, message):
    folder = style(tmp_path, "House", {"Bad": body})
    with pytest.raises(StyleError, match=message) as caught:
        house_styles((folder,))
    assert "Bad.yml" in str(caught.value)


def test_dialect_translates_inline_flags_and_named_groups():
    assert translate("(?-i)API|(?i)foo") == "(?-i:API)|(?i:foo)"
    assert translate("(?<year>\\d{4})") == "(?P<year>\\d{4})"
    with pytest.raises(DialectError):
        translate("\\p{L}+")


VALE_INI = """\
StylesPath = styles
MinAlertLevel = warning
Vocab = News

[*]
BasedOnStyles = House, Vale
House.Quiet = error
House.Loud = NO

[*.md]
House.Quiet = suggestion
"""


def vale_repo(tmp_path: Path) -> Path:
    styles = tmp_path / "styles"
    styles.mkdir()
    style(styles, "House", {
        "Quiet": "extends: existence\nmessage: quiet\nlevel: suggestion\ntokens: [quiet]\n",
        "Loud": "extends: existence\nmessage: loud\nlevel: error\ntokens: [loud]\n",
        "Warn": "extends: existence\nmessage: warn\nlevel: warning\ntokens: [warn, Kubectl]\n"})
    vocab = styles / "config" / "vocabularies" / "News"
    vocab.mkdir(parents=True)
    (vocab / "accept.txt").write_text("Kubectl\nGitHub\n", encoding="utf-8")
    (vocab / "reject.txt").write_text("synergy\n", encoding="utf-8")
    (tmp_path / ".vale.ini").write_text(VALE_INI, encoding="utf-8")
    return tmp_path / ".vale.ini"


def test_vale_ini_sections_overrides_min_level_and_vocab(tmp_path):
    styles = read_vale_ini(vale_repo(tmp_path))
    text = "Title\n\nA quiet, loud warn about synergy on github with Kubectl.\n"
    found = lint_text(text, "a.txt", config=Config(select=("style",), styles=styles))
    # Quiet is raised to error for .txt; Loud is off; Kubectl is accepted vocabulary;
    # Vale.Avoid rejects synergy and Vale.Terms wants GitHub's capitals.
    assert [(f.rule_id, f.column, f.severity.value) for f in found] == [
        ("style.House.Quiet", 3, "error"), ("style.House.Warn", 15, "warning"),
        ("style.Vale.Avoid", 26, "error"), ("style.Vale.Terms", 37, "error")]
    # In Markdown Quiet is a suggestion again, below MinAlertLevel.
    found_md = lint_text(text.replace("Title\n", "# Title\n"), "a.md", config=Config(select=("style",), styles=styles))
    assert "style.House.Quiet" not in [f.rule_id for f in found_md]


def test_config_keys_ids_and_regrading(tmp_path):
    ini = vale_repo(tmp_path)
    (tmp_path / "copydesk.toml").write_text(
        'vale-config = ".vale.ini"\n'
        '[rules."style.House.Warn"]\nseverity = "info"\n'
        '[rules."style.Vale.Avoid"]\nenabled = false\n', encoding="utf-8")
    config = load_config(tmp_path / "copydesk.toml")
    assert config.vale_config == ini.resolve()
    found = lint_text("Title\n\nA warn about synergy.\n", "a.txt", config=config)
    assert [(f.rule_id, f.severity.value) for f in found if f.rule_id.startswith("style.")] == [
        ("style.House.Warn", "info")]
    text = "Title\n\nA warn about synergy and quiet.\n"
    selected = lint_text(text, "a.txt", config=config.with_overrides(select=("style.House",)))
    assert [f.rule_id for f in selected] == ["style.House.Warn", "style.House.Quiet"]
    ignored = lint_text(text, "a.txt", config=config.with_overrides(ignore=("style.House.Warn",)))
    assert [f.rule_id for f in ignored if f.rule_id.startswith("style.")] == ["style.House.Quiet"]


def test_config_errors_name_the_key(tmp_path):
    with pytest.raises(ConfigError, match="styles: no style folder"):
        from_table({"styles": ["missing"]}, "copydesk.toml", tmp_path / "copydesk.toml")
    with pytest.raises(ConfigError, match="vale-config: no such file"):
        from_table({"vale-config": "nope.ini"}, "copydesk.toml", tmp_path / "copydesk.toml")
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n[*]\nBasedOnStyles = Ghost\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="style 'Ghost' is not a folder"):
        from_table({"vale-config": ".vale.ini"}, "copydesk.toml", tmp_path / "copydesk.toml")


def test_shipped_ap_style_is_off_unless_named():
    text = "Title\n\nSend an e-mail towards noon.\n"
    assert [f for f in lint_text(text, "a.txt", config=Config()) if f.rule_id.startswith("style.")] == []
    config = Config(rules={"style.house": RuleSettings(options={"shipped-styles": ["AP"]})})
    assert [f.rule_id for f in lint_text(text, "a.txt", config=config) if f.rule_id.startswith("style.")] == [
        "style.AP.Email", "style.AP.Toward"]


def test_cli_vale_config_names_skipped_rules_once_and_reports_style_ids(tmp_path):
    from click.testing import CliRunner

    from copydesk.cli import main

    ini = vale_repo(tmp_path)
    style(tmp_path / "styles", "Tagger", {"Adverbs": "extends: sequence\nmessage: x\ntokens: []\n"})
    ini.write_text(VALE_INI.replace("BasedOnStyles = House, Vale", "BasedOnStyles = House, Vale, Tagger"),
                   encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nA warn here.\n", encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text("Title\n\nAnother warn.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", "--no-grammar", "--select", "style", "--vale-config", str(ini),
                                       str(article), str(second)])
    assert result.exit_code == 1
    assert result.stderr.count("Tagger.Adverbs (sequence: needs a part-of-speech tagger)") == 1
    assert "Vale.Spelling" in result.stderr
    assert f"{article}:3:3: warning style.House.Warn warn" in result.stdout
    assert f"{second}:3:9: warning style.House.Warn warn" in result.stdout


def test_cli_bad_style_is_a_config_error(tmp_path):
    from click.testing import CliRunner

    from copydesk.cli import main

    ini = vale_repo(tmp_path)
    (tmp_path / "styles" / "House" / "Broken.yml").write_text("extends: existence\nmessage: x\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nText.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", "--no-grammar", "--vale-config", str(ini), str(article)])
    assert result.exit_code == 2
    assert "Broken.yml: an existence rule needs 'tokens' or 'raw'" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_names_skipped_rules_from_the_config_next_to_the_articles(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from copydesk.cli import main

    vale_repo(tmp_path)
    style(tmp_path / "styles", "Tagger", {"Adverbs": "extends: sequence\nmessage: x\ntokens: []\n"})
    (tmp_path / ".vale.ini").write_text(VALE_INI.replace("House, Vale", "House, Tagger"), encoding="utf-8")
    (tmp_path / "copydesk.toml").write_text('vale-config = ".vale.ini"\n', encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Title\n\nA warn here.\n", encoding="utf-8")
    elsewhere = tmp_path.parent / f"{tmp_path.name}-cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = CliRunner().invoke(main, ["lint", "--no-grammar", "--select", "style", str(articles)])
    assert result.exit_code == 1
    assert result.stderr.count("Tagger.Adverbs (sequence: needs a part-of-speech tagger)") == 1
    assert "style.House.Warn" in result.stdout


# --- Vale's control comments, TokenIgnores and BlockIgnores ----------------------------------

def ban(tmp_path: Path) -> Path:
    return style(tmp_path, "House", {
        "Banned": "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: error\nignorecase: true\ntokens: [synergy]\n",
        "Weak": "extends: existence\nmessage: \"Weak '%s'.\"\nlevel: warning\nignorecase: true\ntokens: [very, really]\n"})


def test_vale_off_and_on_comments_switch_the_styles_between_them(tmp_path):
    text = ("# Title\n\nSynergy one.\n\n<!-- vale off -->\n\nSynergy two, very.\n\n<!-- vale on -->\n\n"
            "Synergy three.\n")
    found = lint(text, ban(tmp_path), "a.md")
    assert spans(found) == [("style.House.Banned", 3, 1, 3, 8), ("style.House.Banned", 11, 1, 11, 8)]


def test_vale_rule_and_style_comments_are_separate_switches(tmp_path):
    text = ("# Title\n\n<!-- vale House.Banned = NO -->\n\nSynergy, very.\n\n<!-- vale on -->\n\nSynergy, really.\n\n"
            "<!-- vale House.Banned = YES -->\n<!-- vale House = NO -->\n\nSynergy, very.\n\n<!-- vale House = YES -->\n\n"
            "Synergy, really.\n")
    found = lint(text, ban(tmp_path), "a.md")
    # `vale on` does not undo `House.Banned = NO` (as in Vale); `House = NO` silences the whole style.
    assert spans(found) == [("style.House.Weak", 5, 10, 5, 14), ("style.House.Weak", 9, 10, 9, 16),
                            ("style.House.Banned", 18, 1, 18, 8), ("style.House.Weak", 18, 10, 18, 16)]


def test_vale_comment_inside_a_paragraph_starts_where_it_stands(tmp_path):
    text = "# Title\n\nSynergy first <!-- vale House.Banned[\"synergy\"] = NO --> then synergy, very.\n"
    found = lint(text, ban(tmp_path), "a.md")
    assert spans(found) == [("style.House.Banned", 3, 1, 3, 8), ("style.House.Weak", 3, 72, 3, 76)]


def test_vale_comments_leave_copydesk_rules_and_share_copydesk_comments(tmp_path):
    text = "# Title\n\n<!-- vale off -->\n\nSynergy  here.\n\n<!-- copydesk-disable-next-line style.House -->\nSynergy again.\n"
    styles = house_styles((ban(tmp_path),))
    found = lint_text(text, "a.md", config=Config(select=("style", "typography.double-space"), styles=styles))
    assert spans(found) == [("typography.double-space", 5, 8, 5, 10)]


def test_vale_comments_in_an_html_file(tmp_path):
    text = ("<html><body><article><h1>Title</h1><p>Synergy one.</p>\n<!-- vale House.Banned = NO -->\n"
            "<p>Synergy two, very.</p></article></body></html>\n")
    found = lint(text, ban(tmp_path), "a.html")
    assert spans(found) == [("style.House.Banned", 1, 39, 1, 46), ("style.House.Weak", 3, 17, 3, 21)]


def test_token_and_block_ignores_are_not_prose_to_the_styles(tmp_path):
    (tmp_path / "styles").mkdir()
    ban(tmp_path / "styles")
    (tmp_path / ".vale.ini").write_text(
        "StylesPath = styles\n\n[*.md]\nBasedOnStyles = House\n"
        "TokenIgnores = (\\{\\{< [^>]+ >\\}\\}), (:[a-z]+:)\n"
        "BlockIgnores = (?s)(\\{% raw %\\}.*?\\{% endraw %\\})\n"
        "IgnoredScopes = code, tt\nSkippedScopes = script, pre\n", encoding="utf-8")  # accepted, not applied
    styles = read_vale_ini(tmp_path / ".vale.ini")
    text = ("# Title\n\nSee {{< ref synergy >}} and :synergy: now; synergy counts.\n\n"
            "{% raw %}\nVery much synergy\n{% endraw %}\n\nReally.\n")
    found = lint_text(text, "a.md", config=Config(select=("style",), styles=styles))
    assert spans(found) == [("style.House.Banned", 3, 44, 3, 51), ("style.House.Weak", 9, 1, 9, 7)]
    # Only the files the section names: a .txt file has no ignores (and no styles).
    assert lint_text(text, "a.txt", config=Config(select=("style",), styles=styles)) == []


def test_raw_html_and_front_matter_prose_reach_the_styles_at_exact_positions(tmp_path):
    text = ('---\ntitle: "Title"\nexcerpt: "We value synergy."\nimage: /img/synergy.png\n---\n\n'
            '<p>Our <em>synergy</em> is\nvery real.</p>\n\n'
            '<blockquote class="twitter-tweet"><p>Synergy!</p>&mdash; A (@a)</blockquote>\n\n'
            '<script>var synergy = 1;</script>\n')
    found = lint(text, ban(tmp_path), "a.md")
    assert spans(found) == [("style.House.Banned", 3, 20, 3, 27), ("style.House.Banned", 7, 12, 7, 19),
                            ("style.House.Weak", 8, 1, 8, 5), ("style.House.Banned", 10, 38, 10, 45)]
