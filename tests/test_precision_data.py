"""Measured precision as data: LanguageTool defaults, `copydesk explain`, and the vocabulary command."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from copydesk.cli import main
from copydesk.config import from_table
from copydesk.finding import Severity
from copydesk.precision import describe, languagetool_severity, precision_data
from copydesk.rules import rules_dir
from copydesk.runner import lint_text

ROOT = Path(__file__).resolve().parents[1]


def test_every_languagetool_default_follows_its_measurement():
    """Warning only where every judged corpus reached 80%, except the error classes kept as warnings."""
    protected = ("MORFOLOGIK_RULE_", "EN_A_VS_AN", "ENGLISH_WORD_REPEAT_RULE")
    for rule, entry in precision_data()["languagetool"].items():
        judged = [row for row in entry["measured"].values() if row["judged"]]
        earned = all(row["true"] / row["judged"] >= 0.8 for row in judged)
        if "*" in rule:  # a kind of rules only demotes the unseen ones
            assert entry.get("severity") == (None if earned else "info"), rule
            continue
        expected = "warning" if earned or rule.startswith(protected) else "info"
        assert entry["severity"] == expected, rule


def test_measured_kinds_cover_unseen_rules_of_the_kind():
    # Compound-hyphen demands on plain nouns ("the problems of binge drinking") misfire on news.
    assert languagetool_severity("EN_COMPOUNDS_BINGE_DRINKING") is Severity.INFO
    assert languagetool_severity("EN_COMPOUNDS_SOME_RULE_NEVER_SEEN") is Severity.INFO
    assert languagetool_severity("MORFOLOGIK_RULE_EN_GB") is Severity.WARNING
    assert languagetool_severity("NOT_MEASURED_AT_ALL") is None


def test_compound_hyphen_demand_on_a_plain_noun_is_info(languagetool):
    # BBC politics/019: "binge drinking" as a noun needs no hyphen.
    text = ("Drink row\n\nMr McConnell was speaking on Monday to pupils about the problems of binge drinking "
            "and drink promotions.\n")
    findings = lint_text(text, path="a.txt", config=from_table({"select": ["grammar"]}, "test"))
    assert [(f.rule_id, f.severity) for f in findings] == [("grammar.en-compounds-binge-drinking", Severity.INFO)]


def test_a_user_severity_beats_the_measured_default(languagetool):
    text = "Drink row\n\nHe spoke about the problems of binge drinking in Scotland.\n"
    config = from_table({"select": ["grammar"], "rules": {"grammar.en-compounds-binge-drinking": {"severity": "error"}}},
                        "test")
    assert [f.severity for f in lint_text(text, path="a.txt", config=config)] == [Severity.ERROR]


def test_the_data_file_matches_the_kept_verdicts():
    """rules/precision.json is written from bench/precision/*.jsonl: the counts agree."""
    data = json.loads((rules_dir() / "precision.json").read_text())
    verdicts = {}
    for corpus in ("bbc", "18f-blog"):
        for line in (ROOT / "bench" / "precision" / f"{corpus}.jsonl").read_text().splitlines():
            row = json.loads(line)
            verdicts.setdefault((row["rule"], corpus), []).append(row["verdict"])
    for (rule, corpus), found in verdicts.items():
        entry = data["rules"][rule][corpus]
        assert (entry["judged"], entry["true"]) == (len(found), found.count("true")), (rule, corpus)


def test_explain_shows_measured_precision():
    result = CliRunner().invoke(main, ["explain", "readability.sentence-length"])
    assert result.exit_code == 0
    assert describe("readability.sentence-length") in result.output
    assert "Measured precision: 18f-blog" in result.output
    engine = CliRunner().invoke(main, ["explain", "grammar.en-compounds-binge-drinking"])
    assert engine.exit_code == 0
    assert engine.output.startswith("grammar.en-compounds-binge-drinking  (a LanguageTool rule")
    assert "Measured precision: bbc" in engine.output


def test_vocabulary_writes_names_shared_by_two_files(tmp_path):
    (tmp_path / "one.md").write_text("# Launch\n\nGarklavs and FedRAMP met at the Council.\n")
    (tmp_path / "two.md").write_text("# Review\n\nGarklavs reviewed FedRAMP. Thurlwell agreed.\n")
    output = tmp_path / "vocabulary.txt"
    result = CliRunner().invoke(main, ["vocabulary", str(tmp_path), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert "2 words used in 2 or more of 2 files" in result.output
    words = [line for line in output.read_text().splitlines() if not line.startswith("#")]
    assert words == ["FedRAMP", "Garklavs"]


def test_vocabulary_on_a_missing_folder_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["vocabulary", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output
