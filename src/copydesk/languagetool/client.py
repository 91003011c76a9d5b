"""A client for LanguageTool's HTTP API, with a per-paragraph result cache.

It speaks to the server directly (``POST /v2/check``) rather than through
language-tool-python's ``LanguageTool.check``: that keeps each match's rule
description and URLs (for ``copydesk explain`` and SARIF), converts UTF-16
offsets *and* lengths to code points, and is safe to call from threads.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import sqlite3
import threading
import urllib.parse
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from functools import partial
from pathlib import Path

from copydesk.languagetool import LANGUAGE, EngineError, cache_dir

MAX_REPLACEMENTS = 3
REQUEST_TIMEOUT = 120.0
BATCH_CHARACTERS = 20_000  # paragraphs sent together: one request costs ~60 ms of overhead
PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Match:
    """One LanguageTool match; ``start``/``end`` are code points into the checked text."""

    start: int
    end: int
    rule_id: str
    message: str
    replacements: tuple[str, ...]
    category_id: str
    category_name: str
    issue_type: str
    description: str
    url: str

    @classmethod
    def from_json(cls, data: dict) -> Match:
        return cls(**{**data, "replacements": tuple(data["replacements"])})


@dataclass(frozen=True)
class Markup:
    """Characters of a checked text that LanguageTool must read as markup standing
    for ``interpret_as`` (a placeholder for code or a link): sent in the request's
    ``data`` annotation, so offsets still count the characters themselves."""

    start: int
    end: int
    interpret_as: str


def annotation(text: str, markups: tuple[Markup, ...]) -> list[dict]:
    """LanguageTool's ``data`` annotation parts for ``text`` with ``markups``."""
    parts: list[dict] = []
    position = 0
    for markup in sorted(markups, key=lambda m: m.start):
        if markup.start > position:
            parts.append({"text": text[position:markup.start]})
        parts.append({"markup": text[markup.start:markup.end], "interpretAs": markup.interpret_as})
        position = markup.end
    if position < len(text):
        parts.append({"text": text[position:]})
    return parts


def utf16_to_code_points(text: str):
    """A function from UTF-16 offsets in ``text`` to code-point offsets."""
    if text.isascii() or max(text) < "\U00010000":
        return lambda offset: offset
    table = []
    for index, char in enumerate(text):
        table.append(index)
        if ord(char) > 0xFFFF:
            table.append(index)  # the low surrogate belongs to the same character
    table.append(len(text))
    return lambda offset: table[min(offset, len(table) - 1)]


def parse_matches(text: str, response: dict) -> list[Match]:
    to_code_points = utf16_to_code_points(text)
    matches = []
    for raw in response.get("matches", []):
        rule = raw.get("rule", {})
        start = to_code_points(raw["offset"])
        end = to_code_points(raw["offset"] + raw["length"])
        urls = rule.get("urls") or [{}]
        matches.append(Match(
            start=start,
            end=max(end, start + 1),
            rule_id=rule.get("id", "UNKNOWN"),
            message=raw.get("message", ""),
            replacements=tuple(r["value"] for r in raw.get("replacements", [])[:MAX_REPLACEMENTS]),
            category_id=rule.get("category", {}).get("id", ""),
            category_name=rule.get("category", {}).get("name", ""),
            issue_type=rule.get("issueType", ""),
            description=rule.get("description", ""),
            url=urls[0].get("value", ""),
        ))
    return matches


class ResultCache:
    """LanguageTool results on disk, keyed by text, server version and settings.

    SQLite in WAL mode, so parallel worker processes can share it.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_dir() / "languagetool" / "results.sqlite3"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=30)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, matches TEXT NOT NULL)")
            self._local.connection = connection
        return connection

    def get_many(self, keys: list[str]) -> dict[str, list[Match]]:
        found: dict[str, list[Match]] = {}
        connection = self._connection()
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for key, matches in connection.execute(f"SELECT key, matches FROM results WHERE key IN ({marks})", chunk):
                found[key] = [Match.from_json(m) for m in json.loads(matches)]
        return found

    def put_many(self, items: dict[str, list[Match]]) -> None:
        if not items:
            return
        connection = self._connection()
        rows = [(key, json.dumps([asdict(m) for m in matches])) for key, matches in items.items()]
        with connection:
            connection.executemany("INSERT OR REPLACE INTO results (key, matches) VALUES (?, ?)", rows)


class Client:
    """Checks texts against one server; thread-safe; one keep-alive connection per thread."""

    def __init__(self, url: str, language: str = LANGUAGE, disabled_rules: tuple[str, ...] = (),
                 cache: ResultCache | None = None, concurrency: int | None = None) -> None:
        parsed = urllib.parse.urlsplit(url if "://" in url else f"http://{url}")
        self.url = url
        self._scheme, self._host, self._port = parsed.scheme, parsed.hostname, parsed.port
        self._base_path = parsed.path.rstrip("/")
        if self._base_path.endswith("/v2"):
            self._base_path = self._base_path[: -len("/v2")]
        self.language = language
        self.disabled_rules = tuple(sorted(disabled_rules))
        self.cache = cache
        self.concurrency = concurrency or max(2, os.cpu_count() or 2)
        self._local = threading.local()
        self._version: str | None = None

    # -- HTTP ------------------------------------------------------------------------

    def _connection(self) -> http.client.HTTPConnection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            factory = http.client.HTTPSConnection if self._scheme == "https" else http.client.HTTPConnection
            connection = factory(self._host, self._port, timeout=REQUEST_TIMEOUT)
            self._local.connection = connection
        return connection

    def _post(self, text: str, markups: tuple[Markup, ...] = ()) -> dict:
        body = {"language": self.language}
        if markups:
            body["data"] = json.dumps({"annotation": annotation(text, markups)}, ensure_ascii=False)
        else:
            body["text"] = text
        if self.disabled_rules:
            body["disabledRules"] = ",".join(self.disabled_rules)
        encoded = urllib.parse.urlencode(body).encode("utf-8")
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
        for attempt in (1, 2):  # a kept-alive connection may have been closed by the server
            connection = self._connection()
            try:
                connection.request("POST", f"{self._base_path}/v2/check", encoded, headers)
                response = connection.getresponse()
                payload = response.read()
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                self._local.connection = None
                if attempt == 2:
                    raise EngineError(f"the LanguageTool server at {self.url} stopped answering ({error}); "
                                      "check `copydesk languagetool status`, or pass --no-grammar") from None
                continue
            if response.status != 200:
                raise EngineError(f"the LanguageTool server at {self.url} answered HTTP {response.status}: "
                                  f"{payload[:200].decode('utf-8', 'replace')}")
            return json.loads(payload)
        raise AssertionError("unreachable")

    @property
    def version(self) -> str:
        """The server's LanguageTool version (one small request, once)."""
        if self._version is None:
            self._version = self._post("Ready.").get("software", {}).get("version", "unknown")
        return self._version

    def check(self, text: str, markups: tuple[Markup, ...] = ()) -> list[Match]:
        return parse_matches(text, self._post(text, markups))

    # -- many texts, with the cache ------------------------------------------------------

    def cache_key(self, text: str, markups: tuple[Markup, ...] = ()) -> str:
        settings = json.dumps([self.version, self.language, self.disabled_rules, text, [asdict(m) for m in markups]],
                              ensure_ascii=False)
        return hashlib.sha256(settings.encode("utf-8")).hexdigest()

    def check_many(self, texts: list[str], markups: list[tuple[Markup, ...]] | None = None) -> list[list[Match]]:
        """Check texts (paragraphs), sending only those the cache does not hold;
        ``markups`` gives each text's placeholders.

        Paragraphs travel in batches joined by blank lines, which LanguageTool
        treats as paragraph breaks; each match is then given back to its paragraph.
        """
        markups = markups or [()] * len(texts)
        keys = [self.cache_key(text, marks) for text, marks in zip(texts, markups)]
        results = self.cache.get_many(keys) if self.cache else {}
        marks_by_key = {key: marks for key, marks in zip(keys, markups) if marks}
        missing = {key: text for key, text in zip(keys, texts) if key not in results}
        if missing:
            batches = _batches(list(missing.items()))
            with ThreadPoolExecutor(min(self.concurrency, len(batches))) as pool:
                fresh = {key: found for batch in pool.map(partial(self._check_batch, markups=marks_by_key) if marks_by_key else self._check_batch, batches) for key, found in batch.items()}
            if self.cache:
                self.cache.put_many(fresh)
            results.update(fresh)
        return [results[key] for key in keys]

    def _check_batch(self, batch: list[tuple[str, str]], markups: dict | None = None) -> dict[str, list[Match]]:
        joined = PARAGRAPH_SEPARATOR.join(text for _, text in batch)
        shifted, offset = [], 0
        for key, text in batch:
            shifted += [replace(m, start=m.start + offset, end=m.end + offset) for m in (markups or {}).get(key, ())]
            offset += len(text) + len(PARAGRAPH_SEPARATOR)
        matches = self.check(joined, tuple(shifted)) if shifted else self.check(joined)
        found: dict[str, list[Match]] = {key: [] for key, _ in batch}
        offset = 0
        index = 0
        for match in matches:  # LanguageTool returns matches in text order
            while index < len(batch) and match.start >= offset + len(batch[index][1]) + len(PARAGRAPH_SEPARATOR):
                offset += len(batch[index][1]) + len(PARAGRAPH_SEPARATOR)
                index += 1
            if index >= len(batch) or match.end > offset + len(batch[index][1]):
                continue  # spans the break between two paragraphs: belongs to neither
            found[batch[index][0]].append(replace(match, start=match.start - offset, end=match.end - offset))
        return found


def _batches(items: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    batches: list[list[tuple[str, str]]] = [[]]
    size = 0
    for item in items:
        if batches[-1] and size + len(item[1]) > BATCH_CHARACTERS:
            batches.append([])
            size = 0
        batches[-1].append(item)
        size += len(item[1]) + len(PARAGRAPH_SEPARATOR)
    return batches


# --- the run's client -----------------------------------------------------------------

_settings: tuple[str, bool] | None = None
_clients: dict[tuple, Client] = {}


def activate(url: str | None, use_cache: bool = True) -> None:
    """Make ``url`` the server for grammar and spelling checks in this process (None: no server)."""
    global _settings
    _settings = (url, use_cache) if url else None
    _clients.clear()


@contextmanager
def activated(url: str | None, use_cache: bool = True) -> Iterator[None]:
    """Activate ``url`` for a block, then restore what was active before."""
    global _settings
    saved = (_settings, dict(_clients))
    activate(url, use_cache)
    try:
        yield
    finally:
        _settings = saved[0]
        _clients.clear()
        _clients.update(saved[1])


def is_active() -> bool:
    return _settings is not None


def active_client(language: str = LANGUAGE, disabled_rules: tuple[str, ...] = ()) -> Client:
    """The client for the active server with this language and these disabled rules."""
    if _settings is None:
        raise EngineError("no LanguageTool server is set for this run; start one with "
                          "`copydesk languagetool start`, pass --languagetool-url, or pass --no-grammar")
    key = (language, *sorted(disabled_rules))
    if key not in _clients:
        url, use_cache = _settings
        _clients[key] = Client(url, language, tuple(sorted(disabled_rules)), ResultCache() if use_cache else None)
    return _clients[key]
