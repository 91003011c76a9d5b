"""LanguageTool client pieces without a server: offsets, replayed responses,
batching, the result cache and the grammar/spelling mapping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk.families.grammar import _in_a_name, copydesk_id, is_spelling
from copydesk.languagetool import client as lt_client
from copydesk.languagetool.client import Client, Match, ResultCache, parse_matches, utf16_to_code_points

RECORDED = json.loads((Path(__file__).parent / "data" / "languagetool-response.json").read_text(encoding="utf-8"))


def test_utf16_offsets_become_code_points():
    text = "a😀b😀c"
    convert = utf16_to_code_points(text)
    assert [convert(i) for i in (0, 1, 3, 4, 6, 7)] == [0, 1, 2, 3, 4, 5]
    ascii_convert = utf16_to_code_points("plain")
    assert ascii_convert(3) == 3


def test_replayed_response_maps_to_the_right_words():
    text = RECORDED["text"]
    matches = parse_matches(text, RECORDED["response"])
    assert [(text[m.start:m.end], m.rule_id) for m in matches] == [
        ("a", "EN_A_VS_AN"), ("could of", "MODAL_OF"), ("to to", "ENGLISH_WORD_REPEAT_RULE")]
    first = matches[0]
    assert first.replacements == ("an",)
    assert first.url == "" or first.url.startswith("http")
    assert first.description


def test_spelling_or_grammar():
    matches = {m.rule_id: m for m in parse_matches(RECORDED["text"], RECORDED["response"])}
    assert is_spelling(matches["MODAL_OF"])  # LanguageTool files it under TYPOS
    assert not is_spelling(matches["EN_A_VS_AN"])
    assert copydesk_id("grammar", matches["EN_A_VS_AN"]) == "grammar.en-a-vs-an"


@pytest.mark.parametrize(
    ("text", "word", "is_name"),
    [
        ("shared by Yan Chang on X", "Yan", True),
        ("the plane Gulfstream G550 landed", "Gulfstream", True),
        ("Stock Market, Cryptocurreny and more", "Cryptocurreny", False),
        ("a recieved letter", "recieved", False),
    ],
)
def test_capitalized_word_beside_another_reads_as_a_name(text, word, is_name):
    start = text.index(word)
    assert _in_a_name(text, start, start + len(word)) is is_name


class FakeServerClient(Client):
    """Answers from the recorded response shape, counting requests, to test batching."""

    def __init__(self, cache=None):
        super().__init__("http://127.0.0.1:9", cache=cache)
        self._version = "6.8-test"
        self.sent: list[str] = []

    def check(self, text):
        self.sent.append(text)
        return [Match(i, i + 4, "TEST_RULE", "", (), "", "", "", "", "")
                for i in range(len(text)) if text.startswith("oops", i)]


def test_batches_split_matches_back_to_their_paragraphs():
    client = FakeServerClient()
    results = client.check_many(["one oops here", "clean", "oops at start", "end oops"])
    assert len(client.sent) == 1
    assert [[(m.start, m.end) for m in found] for found in results] == [[(4, 8)], [], [(0, 4)], [(4, 8)]]


def test_large_inputs_go_in_several_batches(monkeypatch):
    monkeypatch.setattr(lt_client, "BATCH_CHARACTERS", 30)
    client = FakeServerClient()
    results = client.check_many(["oops " * 4, "x " * 10, "tail oops"])
    assert len(client.sent) == 3
    assert [len(found) for found in results] == [4, 0, 1]


def test_cache_sends_only_changed_paragraphs(tmp_path):
    cache = ResultCache(tmp_path / "cache.sqlite3")
    first = FakeServerClient(cache)
    first.check_many(["para oops one", "para two"])
    second = FakeServerClient(cache)
    results = second.check_many(["para oops one", "para two changed oops"])
    assert second.sent == ["para two changed oops"]
    assert [len(found) for found in results] == [1, 1]


def test_cache_key_depends_on_version_and_settings():
    client = FakeServerClient()
    other = FakeServerClient()
    other.disabled_rules = ("WHITESPACE_RULE",)
    newer = FakeServerClient()
    newer._version = "6.9"
    keys = {c.cache_key("same text") for c in (client, other, newer)}
    assert len(keys) == 3


def test_article_language_follows_the_articles_spelling():
    from copydesk.families.grammar import article_language
    from copydesk.parse import parse

    british = parse("Headline\n\nThe programme's favourite colour was grey.\n", "a.txt")
    american = parse("Headline\n\nThe program's favorite color was gray, not grey.\n", "a.txt")
    assert article_language(british, "auto") == "en-GB"
    assert article_language(american, "auto") == "en-US"
    assert article_language(british, "en-US") == "en-US"


def test_disabled_rules_combine_duplicates_defaults_and_config():
    from copydesk.families.grammar import disabled_rules
    from copydesk.rules import RuleContext, all_rules

    spec = all_rules()["grammar.languagetool"]
    context = RuleContext(spec, {}, {}, enabled=frozenset({"typography.double-space"}),
                          engine={"enable": ["COMMA_COMPOUND_SENTENCE"], "disable": ["PASSIVE_VOICE"]})
    off = disabled_rules(context)
    assert "WHITESPACE_RULE" in off  # typography.double-space reports it
    assert "EN_UNPAIRED_BRACKETS" not in off  # typography.unbalanced-brackets is not on here
    assert "THE_SUPERLATIVE" in off and "PASSIVE_VOICE" in off
    assert "COMMA_COMPOUND_SENTENCE" not in off
