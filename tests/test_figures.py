"""Figure sanity on the seed article, with and without a publication date, and tolerances."""

from __future__ import annotations

from datetime import date

import pytest

from copydesk.config import Config, from_table
from copydesk.runner import lint_text
from conftest import SEED


def figures(text, path="a.txt", when=None, select=("figures",)):
    return [f for f in lint_text(text, path=path, config=Config(select=select), date_override=when)]


def test_seed_article_figures():
    found = figures(SEED.read_text(encoding="utf-8"), str(SEED))
    by_text = {(f.rule_id, f.line_text[f.column - 1:f.end_column - 1]) for f in found}
    for expected in [
        ("figures.relative-date", "four years ago"),
        ("figures.relative-date", "later this month"),
        ("figures.relative-date", "nine days ago"),
        ("figures.date-style", "the 4th of May"),
        ("figures.unsourced-superlative", "the largest in the world"),
        ("figures.unsourced-superlative", "the largest auto show in the country"),
        ("figures.unsourced-claim", "17 million"),
        ("figures.reference-bound", "17 million"),
        ("figures.numeral-style", "8"),
    ]:
        assert expected in by_text, expected
    flagged = {text for _, text in by_text}
    assert not {"2021", "G550", "N272BG", "may"} & flagged
    assert not any(f.rule_id == "figures.inconsistent-figure" for f in found)


def test_publication_date_turns_relative_dates_into_suggestions():
    text = "Show\n\nIt began nine days ago, four years after the plan, and ends later this month.\n"
    found = [f for f in figures(text, when=date(2024, 4, 28)) if f.rule_id == "figures.relative-date"]
    assert [f.suggestion for f in found] == ["on April 19", "later in April 2024"]


def test_without_a_publication_date_ages_cannot_be_verified():
    text = "Gig\n\nThe singer, 30, was born in 1980 in Leeds.\n"
    (undated,) = [f for f in figures(text) if f.rule_id == "figures.age-mismatch"]
    assert undated.severity.value == "info" and "cannot be checked" in undated.message
    (dated,) = [f for f in figures(text, when=date(2024, 5, 1)) if f.rule_id == "figures.age-mismatch"]
    assert dated.severity.value == "warning" and "43 or 44" in dated.message


def test_weekday_without_year_uses_the_publication_year():
    text = "Parade\n\nThe parade is on Friday, July 4.\n"
    assert not [f for f in figures(text) if f.rule_id == "figures.weekday-mismatch"]
    (found,) = [f for f in figures(text, when=date(2023, 6, 1)) if f.rule_id == "figures.weekday-mismatch"]
    assert found.suggestion == "Tuesday"


@pytest.mark.parametrize(
    "sentence",
    [
        "Profits rose 12% to 112.4m from 100m.",  # 12.4%: ordinary rounding
        "Sales fell 25% to 300,000 from 400,000.",
        "Costs almost doubled, from 10 to 18.",  # hedged
        "The poll put Labour 41%, Conservatives 38%, Liberal Democrats 21.5%.",  # 100.5%: rounding
        "The club sold 3,000 tickets, or 49.6% of the 6,000 on sale.",
    ],
)
def test_tolerances_let_rounding_and_hedges_pass(sentence):
    warnings = [f for f in figures(f"Report\n\n{sentence}\n") if f.severity.value != "info"]
    assert warnings == []


def test_front_matter_date_is_the_publication_date():
    text = "---\ntitle: Show\ndate: 2024-04-28\n---\n\nIt began nine days ago.\n"
    (found,) = [f for f in figures(text, path="a.md") if f.rule_id == "figures.relative-date"]
    assert found.suggestion == "on April 19"


def test_house_fact_sheet(tmp_path):
    sheet = tmp_path / "facts.yaml"
    sheet.write_text("facts:\n  - name: Acme staff\n    match: [acme]\n    noun: workers\n    max: 500\n"
                     "    unit: people\n    source: Acme annual report 2023\n    as_of: 2024-01-01\n")
    config = from_table({"select": ["figures.reference-bound"],
                         "rules": {"figures.reference-bound": {"sheet": str(sheet)}}}, "test")
    found = lint_text("Acme\n\nAcme employs 800 workers in Leeds.\n", config=config)
    assert [f.rule_id for f in found] == ["figures.reference-bound"]
    assert "Acme annual report 2023" in found[0].message
