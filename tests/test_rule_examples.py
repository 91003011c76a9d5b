"""Every rule's bad and good examples, straight from its data file in rules/."""

from __future__ import annotations

import pytest

from copydesk.config import ENGINE_FAMILIES, Config, RuleSettings, parse_date
from copydesk.fixes import apply_fixes, chosen_fixes
from copydesk.rules import all_rules
from copydesk.runner import lint_text


def _cases(kind: str):
    for spec in all_rules().values():
        for number, example in enumerate(getattr(spec, kind), start=1):
            yield pytest.param(spec, example, id=f"{spec.id}-{kind}{number}")


def _lint(spec, example):
    config = Config(select=(spec.id,), rules={spec.id: RuleSettings(enabled=True, options=example.options)})
    date = parse_date(example.date, "example date") if example.date else None
    suffix = ".md" if example.format == "markdown" else ".txt"
    findings = lint_text(example.text, path=f"example{suffix}", config=config, date_override=date)
    return [f for f in findings if f.rule_id == spec.id or (spec.dynamic and f.rule_id.startswith(spec.family + "."))]


@pytest.fixture
def engine(request, spec):
    """Rules backed by LanguageTool run their examples against the real server."""
    if spec.dynamic and spec.family in ENGINE_FAMILIES:
        request.getfixturevalue("languagetool")


@pytest.mark.parametrize(("spec", "example"), list(_cases("bad")))
def test_bad_example_draws_findings_at_stated_positions(spec, example, engine):
    findings = _lint(spec, example)
    assert [(f.line, f.column) for f in findings] == [(e.line, e.column) for e in example.findings]
    for finding, expected in zip(findings, example.findings):
        if expected.end_line is not None:
            assert (finding.end_line, finding.end_column) == (expected.end_line, expected.end_column)
        if expected.message is not None:
            assert expected.message in finding.message
    if example.output is not None:
        fixed, _ = apply_fixes(example.text, chosen_fixes(findings, unsafe=True))
        assert fixed == example.output


@pytest.mark.parametrize(("spec", "example"), list(_cases("good")))
def test_good_example_draws_nothing(spec, example, engine):
    assert _lint(spec, example) == []
