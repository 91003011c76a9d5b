"""The engine around the rules (runner.lint_document): what it works out once per
config must not leak between documents, dates or configs."""

from __future__ import annotations

import pytest

from copydesk.config import ENGINE_FAMILIES, Config
from copydesk.parse import parse
from copydesk.runner import lint_document

ARTICLE = "---\ndate: {date}\n---\n\n# Launch day\n\nThe launch was on Monday, 4 May, in London.\n"


def _rules(doc, config) -> list[str]:
    findings, _ = lint_document(doc, config)
    return [finding.rule_id for finding in findings]


def _article(published: str):
    return parse(ARTICLE.format(date=published), "launch.md")


def test_each_document_is_checked_against_its_own_publication_date():
    """4 May 2020 was a Monday, 4 May 2021 a Tuesday: the rules' contexts are kept per
    date for a config, and each document must get the one for its own date."""
    config = Config().with_overrides(ignore=ENGINE_FAMILIES)
    verdicts = [("figures.weekday-mismatch" in _rules(_article(published), config))
                for published in ("2020-06-01", "2021-06-01", "2020-06-01", "2021-06-01")]
    assert verdicts == [False, True, False, True]


def test_a_config_made_by_with_overrides_runs_its_own_rules():
    config = Config().with_overrides(ignore=ENGINE_FAMILIES)
    doc_text = "# Launch day\n\nThe council met  on Monday.\n"
    assert "typography.double-space" in _rules(parse(doc_text, "a.md"), config)
    narrower = config.with_overrides(ignore=("typography",))
    assert not any(rule.startswith("typography.") for rule in _rules(parse(doc_text, "a.md"), narrower))
    assert "typography.double-space" in _rules(parse(doc_text, "a.md"), config)  # the first config is unchanged


def test_a_rule_cannot_change_the_options_the_next_document_sees(monkeypatch):
    """A context serves every document of its config and date, so its options are read-only."""
    from copydesk import rules

    seen = []

    def greedy(doc, context):
        seen.append(context.options["max-words"])
        with pytest.raises(TypeError):
            context.options["max-words"] = 1
        return iter(())

    monkeypatch.setitem(rules._CHECKS, "readability.sentence-length", greedy)
    config = Config(select=("readability.sentence-length",))
    for _ in range(2):
        lint_document(parse("# A\n\nA sentence.\n", "a.md"), config)
    assert len(seen) == 2 and seen[0] == seen[1] > 1
