"""The published test vectors of four title-case libraries (python-titlecase,
to-title-case, change-case, ap-style-title-case), copied as data into
tests/data/headline-title-case-suites.json with repository, path, commit and
licence. A correct title draws no finding under the style closest to its
suite; a miscased input is corrected to the suite's answer. Every exception
is stated per vector, with the words copydesk flags and why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk.families.headline import BodyWords, NameEvidence, corrected, violations
from copydesk.families.headline.all_caps import preview, recased_words

DATA = json.loads((Path(__file__).parent / "data" / "headline-title-case-suites.json").read_text(encoding="utf-8"))
NO_BODY = NameEvidence(BodyWords(frozenset(), frozenset()), frozenset())


def _id(vector) -> str:
    return f"{vector['suite']}:{vector['expect'][:40]}"


@pytest.mark.parametrize("vector", DATA["vectors"], ids=_id)
def test_correct_title_draws_no_finding(vector):
    flagged = [v.word.text for v in violations(vector["expect"], vector["style"], NO_BODY)]
    deviation = vector.get("expect_deviation")
    assert flagged == (deviation["flagged"] if deviation else [])


def _capitals_fixed(text: str, style: str) -> str:
    return preview(text, recased_words(text, style, NO_BODY))


@pytest.mark.parametrize("vector", [v for v in DATA["vectors"] if v["input"] != v["expect"]], ids=_id)
def test_miscased_input_is_corrected(vector):
    if vector.get("input_in_capitals"):
        ours = _capitals_fixed(vector["input"], vector["style"])
    else:
        ours = corrected(vector["input"], violations(vector["input"], vector["style"], NO_BODY))
    deviation = vector.get("input_deviation")
    assert ours == (deviation["corrected"] if deviation else vector["expect"])


def test_every_deviation_is_explained_and_every_source_cited():
    for vector in DATA["vectors"]:
        for key in ("expect_deviation", "input_deviation"):
            if key in vector:
                assert len(vector[key]["why"]) > 20
    suites = {v["suite"] for v in DATA["vectors"]}
    cited = {s["suite"]: s for s in DATA["sources"]}
    assert suites == set(cited)
    for source in cited.values():
        assert len(source["commit"]) == 40 and source["licence"] and source["repo"] and source["path"]
    assert len(DATA["vectors"]) == 233
