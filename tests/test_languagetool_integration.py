"""Grammar and spelling against a real LanguageTool server, and every way the
server can be missing or fail. No mock stands in for the server here."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jsonschema
import pytest

from copydesk.formatters.sarif import format_sarif
from copydesk.languagetool import client as lt_client
from copydesk.languagetool import languagetool_home
from copydesk.languagetool.server import LocalServer, free_port, start_warm_server, stop_warm_server, warm_server_state
from copydesk.runner import PARALLEL_THRESHOLD, LintOptions, RunEngine, lint_paths
from conftest import SEED, TOOLS

pytestmark = pytest.mark.slow
COPYDESK = str(Path(sys.executable).with_name("copydesk"))
MARKDOWN = """---
title: Council meets on budget
date: 2024-04-28
---
# Council *meets*

The mayor ate a apple at the [town hall](https://example.com/hall) on Monday.
The **council** voted voted on the plan, and she could of stayed.
"""


def languagetool_pids(tmp_path: Path | None = None) -> set[int]:
    """LanguageTool JVMs on this machine; with ``tmp_path``, only those started by a
    copydesk run under ``isolated_env(tmp_path)``: the JVM inherits that run's cache
    folder in its environment, so other copydesk runs on the machine are not counted."""
    marker = f"COPYDESK_CACHE_DIR={tmp_path / 'cache'}".encode() if tmp_path else None
    pids = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if b"org.languagetool.server.HTTPServer" not in (entry / "cmdline").read_bytes():
                    continue
                if marker is None or marker in (entry / "environ").read_bytes().split(b"\0"):
                    pids.add(int(entry.name))
            except OSError:
                continue
    return pids


def isolated_env(tmp_path: Path, **extra) -> dict:
    """No warm server, a fresh result cache, the installed LanguageTool."""
    env = {**os.environ, "COPYDESK_CACHE_DIR": str(tmp_path / "cache"),
           "COPYDESK_LANGUAGETOOL_HOME": str(languagetool_home()), "CI": "true"}
    env.pop("COPYDESK_LANGUAGETOOL_URL", None)
    env.update(extra)
    return env


def test_seed_article_spelling_at_exact_position(languagetool_url):
    result = lint_paths([str(SEED)], LintOptions(languagetool_url=languagetool_url, use_cache=False))
    spelling = [f for f in result.findings if f.rule_id.startswith("spelling.")]
    assert [(f.line, f.column, f.end_column, f.suggestion) for f in spelling] == [(35, 140, 153, "Cryptocurrency")]
    assert dict(spelling[0].properties)["languagetool-rule"] == "MORFOLOGIK_RULE_EN_US"
    # Names are not typos: neither the byline nor "Yan Chang" nor "Gulfstream" draw spelling findings.
    assert result.exit_code() == 1


def test_markdown_errors_at_exact_columns(tmp_path, languagetool_url):
    article = tmp_path / "story.md"
    article.write_text(MARKDOWN, encoding="utf-8")
    result = lint_paths([str(article)], LintOptions(languagetool_url=languagetool_url, use_cache=False,
                                                    select=("grammar", "spelling")))
    found = {(f.rule_id, f.line, f.column, f.end_column) for f in result.findings}
    assert ("grammar.en-a-vs-an", 7, 15, 16) in found
    assert ("grammar.english-word-repeat-rule", 8, 17, 28) in found
    assert ("spelling.modal-of", 8, 50, 58) in found


def test_crlf_and_emoji_keep_columns(tmp_path, languagetool_url):
    article = tmp_path / "story.txt"
    article.write_bytes("Fruit 😀 news\r\n\r\nShe 😀 ate a apple.\r\n".encode("utf-8"))
    result = lint_paths([str(article)], LintOptions(languagetool_url=languagetool_url, use_cache=False,
                                                    select=("grammar",)))
    assert [(f.rule_id, f.line, f.column) for f in result.findings] == [("grammar.en-a-vs-an", 3, 11)]


def test_sarif_carries_languagetool_rule_docs(tmp_path, languagetool_url):
    article = tmp_path / "story.md"
    article.write_text(MARKDOWN, encoding="utf-8")
    result = lint_paths([str(article)], LintOptions(languagetool_url=languagetool_url, use_cache=False))
    log = json.loads(format_sarif(result))
    schema_path = TOOLS / "node_modules" / "@microsoft" / "sarif-multitool-linux" / "sarif-2.1.0.json"
    jsonschema.Draft7Validator(json.loads(schema_path.read_text(encoding="utf-8"))).validate(log)
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    a_vs_an = rules["grammar.en-a-vs-an"]
    assert a_vs_an["properties"]["languagetool-rule"] == "EN_A_VS_AN"
    assert "LanguageTool rule EN_A_VS_AN" in a_vs_an["help"]["text"]
    assert a_vs_an["shortDescription"]["text"]
    assert "grammar.languagetool" in rules and "spelling.languagetool" in rules


def test_config_can_switch_off_one_languagetool_rule(tmp_path, languagetool_url):
    (tmp_path / "copydesk.toml").write_text('[rules."grammar.en-a-vs-an"]\nenabled = false\n')
    article = tmp_path / "story.md"
    article.write_text(MARKDOWN, encoding="utf-8")
    result = lint_paths([str(article)], LintOptions(languagetool_url=languagetool_url, use_cache=False))
    ids = {f.rule_id for f in result.findings}
    assert "grammar.en-a-vs-an" not in ids and "spelling.modal-of" in ids


def test_result_cache_sends_only_changed_paragraphs(tmp_path, languagetool_url, monkeypatch):
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path / "cache"))
    article = tmp_path / "story.txt"
    article.write_text("Headline here\n\nShe ate a apple.\n\nHe went home.\n")
    options = LintOptions(languagetool_url=languagetool_url, jobs=1)
    lint_paths([str(article)], options)
    article.write_text("Headline here\n\nShe ate a apple.\n\nHe went home early.\n")
    lt_client.activate(languagetool_url)
    sent_before = _requests_and_texts(monkeypatch)
    result = lint_paths([str(article)], options)
    assert sent_before == ["He went home early."]
    assert "grammar.en-a-vs-an" in {f.rule_id for f in result.findings}


def _requests_and_texts(monkeypatch) -> list[str]:
    sent: list[str] = []
    original = lt_client.Client._check_batch

    def recording(self, batch):
        sent.extend(text for _, text in batch)
        return original(self, batch)

    monkeypatch.setattr(lt_client.Client, "_check_batch", recording)
    return sent


def _fill_local_cache(tmp_path: Path, url: str, articles: list[Path]) -> None:
    """Lint ``articles`` against the session's server (a LocalServer of the installed
    LanguageTool) under the local installation's name, as a run that started its own
    server would: the result cache of ``isolated_env(tmp_path)`` then holds every paragraph."""
    from copydesk.languagetool.server import installation, local_identity
    from copydesk.runner import lint_text

    environment = isolated_env(tmp_path)
    saved = {name: os.environ.get(name) for name in ("COPYDESK_CACHE_DIR", "COPYDESK_LANGUAGETOOL_HOME")}
    os.environ.update({name: environment[name] for name in saved})
    try:
        with lt_client.activated(url, identity=local_identity(), version=installation()["version"]):
            for article in articles:
                assert any(f.rule_id.startswith("grammar.") for f in lint_text(article.read_text(), str(article)))
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name)
            else:
                os.environ[name] = value


def _lint_watching_for_jvms(tmp_path: Path, *args: str, **env) -> tuple[subprocess.CompletedProcess, set[int]]:
    """Run the CLI like ``run_cli``, and every LanguageTool JVM of this run seen while it ran."""
    process = subprocess.Popen([COPYDESK, "lint", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=isolated_env(tmp_path, **env), cwd=tmp_path)
    seen: set[int] = set()
    while process.poll() is None:
        seen |= languagetool_pids(tmp_path)
        time.sleep(0.005)
    stdout, stderr = process.communicate()
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr), seen


NO_JAVA = {"PATH": str(Path(sys.executable).parent), "JAVA_HOME": ""}


def test_cached_article_lints_without_starting_java(tmp_path, languagetool_url):
    """Every paragraph in the result cache: the run answers from it and starts no
    JVM (Java is not even on its PATH), with the findings of a run against a server."""
    article = tmp_path / "story.md"
    article.write_text(MARKDOWN, encoding="utf-8")
    with_server = run_cli(tmp_path, "--languagetool-url", languagetool_url, "story.md")
    assert with_server.returncode == 1 and "grammar.en-a-vs-an" in with_server.stdout
    _fill_local_cache(tmp_path, languagetool_url, [article])
    cached, jvms = _lint_watching_for_jvms(tmp_path, "story.md", **NO_JAVA)
    assert not jvms
    assert (cached.returncode, cached.stderr) == (1, "")
    assert cached.stdout == with_server.stdout


def test_cached_folder_in_worker_processes_starts_java_only_for_a_changed_file(tmp_path, languagetool_url):
    """The same with worker processes: nothing starts while every file is cached;
    once one paragraph changes, the run starts its own server for that file only."""
    articles = []
    for number in range(PARALLEL_THRESHOLD):
        article = tmp_path / f"{number:02}.txt"
        article.write_text(f"Story {number}\n\nShe ate a apple on day {number}.\n", encoding="utf-8")
        articles.append(article)
    _fill_local_cache(tmp_path, languagetool_url, articles)
    cached, jvms = _lint_watching_for_jvms(tmp_path, "-j", "2", "-f", "json", ".", **NO_JAVA)
    assert not jvms
    assert (cached.returncode, cached.stderr) == (1, "")
    before = json.loads(cached.stdout)["findings"]
    assert sum(f["rule"] == "grammar.en-a-vs-an" for f in before) == PARALLEL_THRESHOLD
    articles[7].write_text("Story 7\n\nShe ate a apple on day 7.\n\nHe could of stayed.\n", encoding="utf-8")
    changed, jvms = _lint_watching_for_jvms(tmp_path, "-j", "2", "-f", "json", ".")
    assert jvms, "a paragraph missing from the cache must start a server"
    assert (changed.returncode, changed.stderr) == (1, "")
    after = json.loads(changed.stdout)["findings"]
    new = [(f["path"], f["line"], f["column"], f["rule"]) for f in after if f not in before]
    assert new == [("./07.txt", 5, 4, "spelling.modal-of")]
    assert [f for f in after if f["path"] != "./07.txt" or f["line"] != 5] == before
    assert not languagetool_pids(tmp_path), "the run left a LanguageTool JVM behind"


def test_cli_starts_and_stops_its_own_server(tmp_path):
    completed = subprocess.run([COPYDESK, "lint", "--select", "spelling", str(SEED)],
                               capture_output=True, text=True, env=isolated_env(tmp_path), timeout=300)
    assert completed.returncode == 1, completed.stderr  # "Cryptocurreny" is one slip from a word: a typo
    assert "35:140: warning spelling.morfologik-rule-en-us" in completed.stdout
    assert not languagetool_pids(tmp_path), "the run left a LanguageTool JVM behind"


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_interrupted_run_leaves_no_jvm(tmp_path, sig):
    process = subprocess.Popen([COPYDESK, "lint", "--select", "grammar", str(SEED)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=isolated_env(tmp_path))
    deadline = time.monotonic() + 120
    while not languagetool_pids(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert languagetool_pids(tmp_path), "the run never started a server"
    process.send_signal(sig)
    process.communicate(timeout=60)
    deadline = time.monotonic() + 30
    while languagetool_pids(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not languagetool_pids(tmp_path), f"a JVM survived {sig.name}"


def run_cli(tmp_path, *args, **env):
    """The CLI from tmp_path, so a copydesk.toml written there is the run's config."""
    return subprocess.run([COPYDESK, "lint", *args], capture_output=True, text=True,
                          env=isolated_env(tmp_path, **env), timeout=300, cwd=tmp_path)


@pytest.fixture
def spaced(tmp_path) -> Path:
    article = tmp_path / "spaced.txt"
    article.write_text("Headline\n\nThe council met  on Monday.\n")
    return article


def test_no_java_is_one_clear_line_and_exit_2(tmp_path, spaced):
    no_java = {"PATH": str(Path(sys.executable).parent), "JAVA_HOME": ""}
    completed = run_cli(tmp_path, str(spaced), **no_java)
    assert completed.returncode == 2
    assert completed.stderr.strip() == ("copydesk: error: grammar and spelling were skipped: Java not found; install "
                                        "Java 17 or newer (e.g. apt-get install openjdk-17-jre-headless), or pass --no-grammar")
    assert "typography.double-space" in completed.stdout  # the other families still ran


def test_no_grammar_flag_skips_languagetool(tmp_path, spaced):
    completed = run_cli(tmp_path, "--no-grammar", str(spaced), PATH=str(Path(sys.executable).parent), JAVA_HOME="")
    assert completed.returncode == 1
    assert completed.stderr == ""


def test_optional_grammar_in_config_is_a_warning(tmp_path, spaced):
    (tmp_path / "copydesk.toml").write_text("[languagetool]\nrequired = false\n")
    completed = run_cli(tmp_path, str(spaced), COPYDESK_LANGUAGETOOL_HOME=str(tmp_path / "nowhere"))
    assert completed.returncode == 1
    assert completed.stderr.startswith("copydesk: warning: grammar and spelling were skipped: LanguageTool is not installed")
    assert "copydesk languagetool install" in completed.stderr


def test_not_installed(tmp_path, spaced):
    completed = run_cli(tmp_path, str(spaced), COPYDESK_LANGUAGETOOL_HOME=str(tmp_path / "nowhere"))
    assert completed.returncode == 2
    assert "LanguageTool is not installed" in completed.stderr and "Traceback" not in completed.stderr


def test_url_that_does_not_answer(tmp_path, spaced):
    url = f"http://127.0.0.1:{free_port()}"
    completed = run_cli(tmp_path, "--languagetool-url", url, str(spaced))
    assert completed.returncode == 2
    assert f"no LanguageTool server answers at {url}" in completed.stderr


def test_server_that_dies_mid_run(tmp_path):
    for number in range(3):
        (tmp_path / f"{number}.txt").write_text(f"Story {number}\n\nShe ate a apple  today.\n")
    server = LocalServer()
    url = server.start()

    def kill_after_first(done, total):
        if done == 1:
            server.process.kill()
            server.process.wait()

    try:
        result = lint_paths([str(tmp_path)], LintOptions(languagetool_url=url, jobs=1, use_cache=False),
                            on_progress=kill_after_first)
    finally:
        server.stop()
    assert result.exit_code() == 2
    assert any("stopped answering" in problem for problem in result.engine_problems)
    per_file = {Path(r.path).name: {f.rule_id for f in r.findings} for r in result.files}
    assert "grammar.en-a-vs-an" in per_file["0.txt"]
    assert all("typography.double-space" in ids for ids in per_file.values())


class _SilentCheck(BaseHTTPRequestHandler):
    def do_GET(self):  # the liveness probe answers...
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"[]")

    def do_POST(self):  # ...but checks never do
        time.sleep(5)

    def log_message(self, *args):
        pass


def test_server_that_times_out(tmp_path, monkeypatch):
    monkeypatch.setattr(lt_client, "REQUEST_TIMEOUT", 1.0)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _SilentCheck)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        article = tmp_path / "a.txt"
        article.write_text("Headline\n\nShe ate a apple  today.\n")
        result = lint_paths([str(article)], LintOptions(languagetool_url=f"http://127.0.0.1:{httpd.server_port}",
                                                        jobs=1, use_cache=False))
    finally:
        httpd.shutdown()
    assert result.exit_code() == 2
    assert any("stopped answering (timed out)" in problem for problem in result.engine_problems)
    assert {f.rule_id for f in result.findings} == {"typography.double-space"}


def test_warm_server_is_found_and_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("COPYDESK_LANGUAGETOOL_HOME", str(languagetool_home()))
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path / "cache"))
    state = start_warm_server("512m", idle_timeout=600)
    try:
        assert warm_server_state()["url"] == state["url"]
        engine = RunEngine(None)
        assert engine.start() == state["url"]
        assert engine._server is None  # reused, nothing started
        completed = subprocess.run([COPYDESK, "languagetool", "status"], capture_output=True, text=True,
                                   env=isolated_env(tmp_path))
        assert f"running: {state['url']}" in completed.stdout
    finally:
        assert stop_warm_server()
    assert warm_server_state() is None
    deadline = time.monotonic() + 20
    while state["java_pid"] in languagetool_pids() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert state["java_pid"] not in languagetool_pids()
