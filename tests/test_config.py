"""Configuration files: discovery, validation, selection and overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.config import ConfigError, ConfigResolver, from_table, load_config
from copydesk.finding import Severity
from copydesk.runner import lint_text

TEXT = "Headline\n\nThe council met on Monday.  It approved (the budget.\n"


def test_defaults_enable_every_default_rule():
    config = from_table({}, "test")
    assert "typography.double-space" in config.enabled_rules()
    assert config.fail_on == "warning"
    assert config.house["headline-case"] == "auto"


def test_select_and_ignore_by_family_and_id():
    config = from_table({"select": ["typography"], "ignore": ["typography.double-space"]}, "test")
    rules = config.enabled_rules()
    assert "typography.unbalanced-brackets" in rules
    assert "typography.double-space" not in rules
    assert {f.rule_id for f in lint_text(TEXT, config=config)} == {"typography.unbalanced-brackets"}


def test_per_rule_severity_options_and_enabled():
    config = from_table(
        {"rules": {
            "typography.double-space": {"severity": "error"},
            "typography.unbalanced-brackets": {"enabled": False},
            "typography.hyphen-as-dash": {"dash": "en-spaced", "check-ascii-documents": True},
        }},
        "test",
    )
    assert config.severity("typography.double-space") is Severity.ERROR
    assert "typography.unbalanced-brackets" not in config.enabled_rules()
    findings = lint_text("Title\n\nA plan - approved  today.\n", config=config)
    by_rule = {f.rule_id: f for f in findings}
    assert by_rule["typography.double-space"].severity is Severity.ERROR
    assert by_rule["typography.hyphen-as-dash"].suggestion == " – "


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"colour": "red"}, "unknown key 'colour'"),
        ({"fail-on": "sometimes"}, "fail-on must be one of"),
        ({"select": ["typografy"]}, "no rule or family named 'typografy'"),
        ({"house": {"headline-case": "shouting"}}, "house.headline-case must be one of"),
        ({"house": {"font": "serif"}}, "unknown key 'font'"),
        ({"rules": {"typography.nope": {}}}, "unknown rule 'typography.nope'"),
        ({"rules": {"typography.double-space": {"severity": "fatal"}}}, "severity must be error, warning or info"),
        ({"rules": {"typography.hyphen-as-dash": {"dash": 3}}}, "dash must be choice, not int"),
        ({"rules": {"typography.hyphen-as-dash": {"dashes": "em"}}}, "unknown option 'dashes'"),
        ({"date": "yesterday"}, "date must be a date"),
    ],
)
def test_invalid_config_names_the_key(table, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        from_table(table, "test")


def test_pyproject_and_copydesk_toml_are_found_walking_up(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[tool.copydesk]\nfail-on = "error"\n')
    nested = tmp_path / "news" / "2024"
    nested.mkdir(parents=True)
    article = nested / "story.md"
    article.write_text("# Title\n")
    assert ConfigResolver().for_path(article).fail_on == "error"
    (tmp_path / "news" / "copydesk.toml").write_text('fail-on = "info"\n')
    assert ConfigResolver().for_path(article).fail_on == "info"


def test_folders_that_share_a_config_file_share_one_config(tmp_path: Path):
    """One Config per config file (and one for folders with none): its run memos, such
    as syllable counts, then serve every folder of a run instead of being rebuilt per folder."""
    (tmp_path / "copydesk.toml").write_text('fail-on = "error"\n')
    own = tmp_path / "own"
    for folder in ("news", "sport", "own"):
        (tmp_path / folder).mkdir()
    (own / "copydesk.toml").write_text('fail-on = "info"\n')
    resolver = ConfigResolver(overrides={"ignore": ("grammar",)})
    news, sport = resolver.for_path(tmp_path / "news" / "a.md"), resolver.for_path(tmp_path / "sport" / "b.md")
    assert news is sport and news.fail_on == "error" and news.ignore == ("grammar",)
    assert resolver.for_path(own / "c.md").fail_on == "info"
    explicit = ConfigResolver(tmp_path / "copydesk.toml")
    assert explicit.for_path(tmp_path / "news" / "a.md") is explicit.for_path(own / "c.md")
    assert explicit.for_path(own / "c.md").fail_on == "error"


def test_pyproject_without_our_table_is_skipped(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    article = tmp_path / "a.md"
    article.write_text("# T\n")
    assert ConfigResolver().for_path(article).path is None


def test_explicit_config_and_overrides(tmp_path: Path):
    config_file = tmp_path / "house.toml"
    config_file.write_text('select = ["typography"]\ndate = 2024-04-28\n[rules."typography.double-space"]\nseverity = "info"\n')
    config = load_config(config_file)
    assert config.publication_date.isoformat() == "2024-04-28"
    assert config.severity("typography.double-space") is Severity.INFO
    resolver = ConfigResolver(config_file, {"ignore": ("typography.double-space",), "fail_on": "never"})
    resolved = resolver.for_path(None)
    assert "typography.double-space" not in resolved.enabled_rules()
    assert resolved.fail_on == "never"


def test_broken_toml_is_a_clear_error(tmp_path: Path):
    config_file = tmp_path / "copydesk.toml"
    config_file.write_text("select = [\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(config_file)


LONG_SENTENCES = (
    "Council backs new park\n\n"
    "The council, which met on Monday evening in the town hall after a long delay caused by a dispute over "
    "funding and a row about the car park, voted by nine votes to four for the plan to build the park.\n"
)


def test_configured_severity_wins_over_the_hits_own():
    """A 41-word sentence is an error for a house with error-words = 35; set the rule to info and it is info."""
    house = {"readability.sentence-length": {"error-words": 35}}
    default = [f for f in lint_text(LONG_SENTENCES, config=from_table({"rules": house}, "test"))
               if f.rule_id == "readability.sentence-length"]
    assert [f.severity for f in default] == [Severity.ERROR]
    house["readability.sentence-length"]["severity"] = "info"
    configured = [f for f in lint_text(LONG_SENTENCES, config=from_table({"rules": house}, "test"))
                  if f.rule_id == "readability.sentence-length"]
    assert [(f.severity, f.line, f.column) for f in configured] == [(Severity.INFO, 3, 1)]


def test_engine_finding_severity_from_its_own_id_then_its_source_rule():
    config = from_table({"rules": {"grammar.languagetool": {"severity": "error"},
                                   "grammar.en-a-vs-an": {"severity": "info"}}}, "test")
    assert config.severity_of("grammar.en-a-vs-an", "grammar.languagetool", Severity.WARNING) is Severity.INFO
    assert config.severity_of("grammar.morfologik", "grammar.languagetool", Severity.INFO) is Severity.ERROR
    assert from_table({}, "test").severity_of("grammar.x", "grammar.languagetool", Severity.INFO) is Severity.INFO
