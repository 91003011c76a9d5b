"""Every rule has docs, examples and an implementation; word lists are tidy."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import copydesk.families
from copydesk import rules as registry
from copydesk.rules import FAMILIES, RULE_ID, all_rules, rules_dir

SPECS = list(all_rules().values())


def test_there_are_rules():
    assert len(SPECS) >= 6


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.id)
def test_rule_is_documented_with_examples(spec):
    assert RULE_ID.match(spec.id), "ids are family.rule-name, lower-case kebab-case"
    assert spec.family in FAMILIES
    assert spec.summary and spec.summary.endswith(".")
    assert len(spec.rationale) > 80, "the rationale says why the rule matters"
    assert spec.bad, "at least one bad example"
    assert spec.good, "at least one good example"
    assert all(example.findings for example in spec.bad), "bad examples state where their findings are"
    for example in spec.bad + spec.good:
        for name in example.options:
            assert spec.option(name), f"example uses unknown option {name}"
    for option in spec.options:
        assert option.description
        option.validate(option.default, option.name)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.id)
def test_rule_data_file_is_named_after_its_id(spec):
    assert (rules_dir() / spec.family / f"{spec.name}.yaml").is_file()


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.id)
def test_rule_has_an_implementation(spec):
    assert callable(registry.implementation(spec.id))


def test_every_implementation_has_a_data_file():
    for module in pkgutil.iter_modules(copydesk.families.__path__):
        importlib.import_module(f"copydesk.families.{module.name}")
    implemented = {rule_id for rule_id in registry._CHECKS if not rule_id.endswith(".*")}
    assert implemented <= set(all_rules())


WORDLISTS = sorted((rules_dir() / "wordlists").glob("*.txt"))


@pytest.mark.parametrize("path", WORDLISTS, ids=lambda p: p.name)
def test_wordlist_is_sorted_unique_and_clean(path):
    entries = [line for line in path.read_text(encoding="utf-8").split("\n") if line and not line.startswith("#")]
    assert entries == sorted(entries, key=str.casefold), "sorted (case-insensitively)"
    assert len(entries) == len({e.casefold() for e in entries}), "unique"
    assert all(entry == entry.strip() and "  " not in entry for entry in entries), "no stray whitespace"


def test_readme_lists_every_rule():
    readme = (rules_dir().parent / "README.md").read_text(encoding="utf-8")
    missing = [spec.id for spec in SPECS if f"`{spec.id}`" not in readme]
    assert missing == []
