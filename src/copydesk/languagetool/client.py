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
import time
import urllib.parse
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from functools import partial
from pathlib import Path

from copydesk.languagetool import LANGUAGE, EngineError, ServerNeeded, cache_dir

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
    def from_json(cls, data: object) -> Match:
        """A match from a cache row; ValueError if the row has another shape
        (an older copydesk, a hand edit, a damaged file)."""
        if not isinstance(data, dict) or set(data) != _MATCH_FIELDS:
            raise ValueError("a cached match with other fields")
        if not all(isinstance(data[name], int) and not isinstance(data[name], bool) for name in ("start", "end")):
            raise ValueError("a cached match without integer offsets")
        replacements = data["replacements"]
        texts = [data[name] for name in _MATCH_FIELDS - {"start", "end", "replacements"}]
        if not isinstance(replacements, list) or not all(isinstance(t, str) for t in replacements + texts):
            raise ValueError("a cached match with a value of the wrong type")
        if not 0 <= data["start"] < data["end"]:
            raise ValueError("a cached match with an empty or negative span")
        return cls(**{**data, "replacements": tuple(replacements)})


_MATCH_FIELDS = frozenset(("start", "end", "rule_id", "message", "replacements", "category_id", "category_name",
                           "issue_type", "description", "url"))


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


def parse_matches(text: str, response: object, url: str = "the server") -> list[Match]:
    """The matches of a /v2/check answer; EngineError if it is not shaped like one."""
    try:
        return _parse_matches(text, response)
    except (AttributeError, KeyError, TypeError, ValueError, IndexError):
        raise EngineError(f"the LanguageTool server at {url} answered with JSON that is not a LanguageTool "
                          "check result; check --languagetool-url, or pass --no-grammar") from None


def _parse_matches(text: str, response: dict) -> list[Match]:
    to_code_points = utf16_to_code_points(text)
    matches = []
    for raw in response.get("matches", []):
        rule = raw.get("rule", {})
        offset, length = raw["offset"], raw["length"]
        if not (isinstance(offset, int) and isinstance(length, int) and offset >= 0 and length >= 0):
            raise ValueError("offsets are not counts")
        start = to_code_points(offset)
        end = to_code_points(offset + length)
        urls = rule.get("urls") or [{}]
        matches.append(Match(
            start=start,
            end=max(end, start + 1),
            rule_id=str(rule.get("id", "UNKNOWN")),
            message=str(raw.get("message", "")),
            replacements=tuple(str(r["value"]) for r in raw.get("replacements", [])[:MAX_REPLACEMENTS]),
            category_id=str(rule.get("category", {}).get("id", "")),
            category_name=str(rule.get("category", {}).get("name", "")),
            issue_type=str(rule.get("issueType", "")),
            description=str(rule.get("description", "")),
            url=str(urls[0].get("value", "")),
        ))
    return matches


def default_cache_path() -> Path:
    return cache_dir() / "languagetool" / "results.sqlite3"


class ResultCache:
    """LanguageTool results on disk, keyed by text, server identity and settings.

    SQLite in WAL mode, so parallel worker processes can share it. The cache is
    only ever an optimisation: a corrupt file is moved aside and rebuilt, a row
    of the wrong shape is a miss, and a cache that cannot be written costs speed,
    never a finding. ``warnings`` says what went wrong, once, for the run to show.
    """

    def __init__(self, path: Path | None = None, verified: bool = False) -> None:
        self.path = path or default_cache_path()
        self.warnings: list[str] = []
        self._verified = verified  # a parent process has checked the file already
        self._usable = True
        self._local = threading.local()

    def check(self) -> bool:
        """Open the cache now: create it privately, check its integrity, move a
        corrupt file aside and start a new one. False if it cannot be used."""
        return self._connection() is not None

    def _connection(self) -> sqlite3.Connection | None:
        if not self._usable:
            return None
        connection = getattr(self._local, "connection", None)
        if connection is None:
            try:
                connection = self._open()
            except (sqlite3.Error, OSError) as error:
                self._give_up(f"cannot be used ({error})")
                return None
            self._local.connection = connection
        return connection

    def _open(self) -> sqlite3.Connection:
        private_folder(self.path.parent)
        if not self._verified:
            try:
                return self._connect(check=True)
            except sqlite3.DatabaseError as error:  # not a database, truncated, or failing its check
                aside = self._move_aside()
                self.warnings.append(f"the LanguageTool result cache {self.path} was damaged ({error}); "
                                     f"moved it to {aside.name} and started a new one")
        return self._connect(check=False)

    def _connect(self, check: bool) -> sqlite3.Connection:
        if not self.path.exists():
            descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(descriptor)  # created private before SQLite writes a byte to it
        connection = sqlite3.connect(self.path, timeout=30)
        try:
            connection.execute("PRAGMA journal_mode=WAL")  # SQLite gives -wal and -shm the file's mode
            if check:
                problem = connection.execute("PRAGMA quick_check").fetchone()[0]
                if problem != "ok":
                    raise sqlite3.DatabaseError(problem)
            connection.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, matches TEXT NOT NULL)")
            if check:
                self._check_writable(connection)
        except BaseException:
            connection.close()
            raise
        return connection

    def _check_writable(self, connection: sqlite3.Connection) -> None:
        try:
            connection.execute("BEGIN IMMEDIATE")  # takes the write lock, writes nothing
            connection.execute("ROLLBACK")
        except sqlite3.OperationalError as error:
            if "locked" in str(error):
                return  # another run is writing: writable, just busy
            raise OSError(f"read-only: {error}") from None

    def _move_aside(self) -> Path:
        aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}-{os.getpid()}")
        os.replace(self.path, aside)
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        return aside

    def close(self) -> None:
        """Close this thread's connection (the last one to close folds the WAL into the file)."""
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    def _give_up(self, why: str) -> None:
        self._usable = False
        self.warnings.append(f"the LanguageTool result cache {self.path} {why}; "
                             "grammar results are not cached in this run")

    def get_many(self, keys: list[str]) -> dict[str, list[Match]]:
        """The cached results for ``keys``; a row that cannot be read is a miss (and is rewritten)."""
        found: dict[str, list[Match]] = {}
        connection = self._connection()
        if connection is None:
            return found
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for key, matches in connection.execute(f"SELECT key, matches FROM results WHERE key IN ({marks})", chunk):
                    decoded = _decoded_row(matches)
                    if decoded is not None:
                        found[key] = decoded
        except sqlite3.Error as error:  # damaged after it was checked: a miss, not a failure
            self._give_up(f"could not be read ({error})")
        return found

    def put_many(self, items: dict[str, list[Match]]) -> None:
        if not items:
            return
        connection = self._connection()
        if connection is None:
            return
        rows = [(key, json.dumps([asdict(m) for m in matches])) for key, matches in items.items()]
        try:
            with connection:
                connection.executemany("INSERT OR REPLACE INTO results (key, matches) VALUES (?, ?)", rows)
        except sqlite3.Error as error:
            self._give_up(f"could not be written ({error})")


def _decoded_row(matches: str) -> list[Match] | None:
    try:
        rows = json.loads(matches)
        if not isinstance(rows, list):
            return None
        return [Match.from_json(row) for row in rows]
    except (ValueError, TypeError, RecursionError):
        return None


def private_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) readable by its owner only: 0700."""
    missing = [folder, *folder.parents]
    missing = [path for path in missing if not path.exists()]
    for path in reversed(missing):  # each folder copydesk creates is private, not only the last
        path.mkdir(mode=0o700, exist_ok=True)
    if folder.stat().st_mode & 0o077:
        try:
            folder.chmod(0o700)
        except OSError:
            pass  # not ours to change (a shared folder someone else made)


class Client:
    """Checks texts against one server; thread-safe; one keep-alive connection per thread.

    Without a ``url`` it answers from the result cache alone and raises
    ServerNeeded for a text the cache lacks; ``version`` (the local
    installation's) then stands in for the server's own in the cache key.
    """

    def __init__(self, url: str | None, language: str = LANGUAGE, disabled_rules: tuple[str, ...] = (),
                 cache: ResultCache | None = None, concurrency: int | None = None,
                 identity: str | None = None, version: str | None = None) -> None:
        parsed = urllib.parse.urlsplit("" if url is None else url if "://" in url else f"http://{url}")
        self.url = url
        # Which server's answers these are, for the cache key: the local install
        # (path and version) or the remote URL. A server that merely claims the
        # same version must not be served another one's results.
        self.identity = identity or f"remote {url}"
        self._scheme, self._host, self._port = parsed.scheme, parsed.hostname, parsed.port
        self._base_path = parsed.path.rstrip("/")
        if self._base_path.endswith("/v2"):
            self._base_path = self._base_path[: -len("/v2")]
        self.language = language
        self.disabled_rules = tuple(sorted(disabled_rules))
        self.cache = cache
        self.concurrency = concurrency or max(2, os.cpu_count() or 2)
        self._local = threading.local()
        self._version: str | None = version

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
                raise EngineError(f"the LanguageTool server at {self.url} answered HTTP {response.status} "
                                  f"{_one_line(response.reason)}; check --languagetool-url and the server's log, "
                                  "or pass --no-grammar")
            return self._decoded(payload)
        raise AssertionError("unreachable")

    def _decoded(self, payload: bytes) -> dict:
        try:
            answer = json.loads(payload)
        except (ValueError, RecursionError):  # not JSON, or nested deeper than Python's stack
            answer = None
        if not isinstance(answer, dict):
            raise EngineError(f"the LanguageTool server at {self.url} did not answer with a LanguageTool JSON "
                              "result; check --languagetool-url, or pass --no-grammar")
        return answer

    @property
    def version(self) -> str:
        """The server's LanguageTool version (one small request, once)."""
        if self._version is None:
            if self.url is None:
                raise ServerNeeded("the installation does not record its version: the server must say it")
            software = self._post("Ready.").get("software")
            version = software.get("version") if isinstance(software, dict) else None
            self._version = version if isinstance(version, str) else "unknown"
        return self._version

    def check(self, text: str, markups: tuple[Markup, ...] = ()) -> list[Match]:
        return parse_matches(text, self._post(text, markups), self.url)

    # -- many texts, with the cache ------------------------------------------------------

    def cache_key(self, text: str, markups: tuple[Markup, ...] = ()) -> str:
        settings = json.dumps([self.identity, self.version, self.language, self.disabled_rules, text,
                               [asdict(m) for m in markups]],
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
        if missing and self.url is None:
            raise ServerNeeded(f"{len(missing)} of {len(texts)} paragraphs are not in the result cache")
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


def _one_line(text: str) -> str:
    """Text from a server, as one short line without control characters."""
    cleaned = "".join(char if char.isprintable() else " " for char in text or "")
    return " ".join(cleaned.split())[:80]


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

_settings: tuple[str | None, bool, str | None, bool, str | None] | None = None
_clients: dict[tuple, Client] = {}


def activate(url: str | None, use_cache: bool = True, identity: str | None = None,
             cache_verified: bool = False, version: str | None = None, cache_only: bool = False) -> None:
    """Make ``url`` the server for grammar and spelling checks in this process
    (None: no server). ``identity`` names the server for the result cache
    (default: the URL); ``cache_verified``: the run checked the cache already.
    ``cache_only``: no server yet; answer from the cache, keyed by ``identity``
    and ``version``, and raise ServerNeeded for a paragraph it lacks."""
    global _settings
    _settings = (url, use_cache, identity, cache_verified, version) if url or cache_only else None
    _clients.clear()


@contextmanager
def activated(url: str | None, use_cache: bool = True, identity: str | None = None,
              cache_verified: bool = False, version: str | None = None, cache_only: bool = False) -> Iterator[None]:
    """Activate ``url`` for a block, then restore what was active before."""
    global _settings
    saved = (_settings, dict(_clients))
    activate(url, use_cache, identity, cache_verified, version, cache_only)
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
        url, use_cache, identity, verified, version = _settings
        cache = ResultCache(verified=verified) if use_cache else None
        _clients[key] = Client(url, language, tuple(sorted(disabled_rules)), cache, identity=identity,
                               version=version)
    return _clients[key]
