"""Issue 13: each input or fault that hung copydesk, lost its report or
trusted someone else's server or cache, reproduced; one test per item."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from copydesk.cli import main

EXECUTABLE = Path(sys.executable).parent / "copydesk"


def run(*args, input=None):
    """The CLI in-process; `lint` without LanguageTool unless a test asks for it."""
    args = list(args)
    if args and args[0] == "lint" and "--languagetool-url" not in args:
        args.insert(1, "--no-grammar")
    return CliRunner().invoke(main, args, input=input)


def seconds(function, *args) -> float:
    started = time.process_time()
    function(*args)
    return time.process_time() - started


# --- 1. the readability word counter is linear ------------------------------------------

@pytest.mark.parametrize("run_of", ["-", "%", "(", "[", '"', "“", "'’"])
def test_word_count_is_linear_in_runs_of_punctuation(run_of):
    from copydesk.readability import count_words

    text = "word " + run_of * 100_000 + " word"
    assert count_words(text) == 2
    assert seconds(count_words, text) < 0.5  # the old pattern took minutes on 100,000 hyphens


def test_word_count_keeps_its_meaning():
    from copydesk.readability import count_words

    assert count_words("The -- end & 42 x_y __ “quoted” 3.5% -") == 6


def test_lint_and_stats_on_a_long_run_of_hyphens(tmp_path: Path):
    article = tmp_path / "h.md"
    article.write_text("Headline\n\nword " + "-" * 100_000 + " word\n", encoding="utf-8")
    started = time.process_time()
    assert run("lint", str(article)).exit_code in (0, 1)
    assert run("stats", str(article)).exit_code == 0
    assert time.process_time() - started < 20


# --- 2. only regular files are read; the size limit holds before reading -------------------

def test_a_fifo_in_a_folder_is_refused_without_blocking(tmp_path: Path):
    folder = tmp_path / "d"
    folder.mkdir()
    os.mkfifo(folder / "x.md")
    (folder / "ok.md").write_text("Headline\n\nAll fine here.\n", encoding="utf-8")
    completed = subprocess.run([str(EXECUTABLE), "lint", "--no-grammar", str(folder)], capture_output=True,
                               text=True, timeout=60)
    assert completed.returncode == 2
    assert f"copydesk: {folder / 'x.md'}: a named pipe (FIFO), not an article file" in completed.stderr
    assert "No findings in 1 file; 1 file could not be linted" in completed.stdout


def test_a_symlink_to_dev_zero_is_refused_before_reading(tmp_path: Path):
    link = tmp_path / "z.md"
    link.symlink_to("/dev/zero")
    completed = subprocess.run([str(EXECUTABLE), "lint", "--no-grammar", str(link)], capture_output=True,
                               text=True, timeout=60)
    assert completed.returncode == 2
    assert f"copydesk: {link}: a device, not an article file; lint only regular" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_stdin_is_read_only_up_to_the_limit():
    result = run("lint", "--max-file-size", "1k", "-", input="Headline\n\n" + "word " * 1000)
    assert result.exit_code == 2
    assert "copydesk: <stdin>: too large (more than 1 KB); split the article or raise --max-file-size" in result.output


# --- 18. exact size message -------------------------------------------------------------------

def test_a_file_one_byte_over_the_limit_says_so_exactly(tmp_path: Path):
    article = tmp_path / "big.md"
    article.write_bytes(b"a" * (1_048_576 + 1))
    result = run("lint", "--max-file-size", "1M", str(article))
    assert result.exit_code == 2
    assert "too large (1,048,577 bytes, limit 1,048,576 bytes = 1 MB); split the article" in result.output


# --- helpers: a hostile "LanguageTool" server on a real socket --------------------------------

class HostileServer:
    """An HTTP server that answers /v2/languages like LanguageTool and /v2/check
    with whatever a test gives it: the servers copydesk must not trust."""

    def __init__(self, status: int = 200, body: bytes = b"{}", content_type: str = "application/json") -> None:
        import http.server
        import threading

        owner = self
        self.checks: list[bytes] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                self._answer(200, b'[{"name": "English", "code": "en", "longCode": "en-US"}]', "application/json")

            def do_POST(self):
                owner.checks.append(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                self._answer(status, body, content_type)

            def _answer(self, code, payload, kind):
                self.send_response(code)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def claims_languagetool(rule_id: str) -> bytes:
    """A well-formed answer from a server that claims LanguageTool 6.8 and flags
    the first word of every text."""
    import json

    return json.dumps({
        "software": {"name": "LanguageTool", "version": "6.8"},
        "matches": [{"offset": 0, "length": 3, "message": "Planted by another server.", "replacements": [],
                     "rule": {"id": rule_id, "description": "planted", "issueType": "grammar",
                              "category": {"id": "GRAMMAR", "name": "Grammar"}}}],
    }).encode()


GRAMMAR_ARTICLE = "Council meets\n\nThe mayor ate a apple at the town hall  on Monday.\n"


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch) -> Path:
    from copydesk.languagetool import languagetool_home

    # A private cache folder, but the LanguageTool installed in the real one.
    monkeypatch.setenv("COPYDESK_LANGUAGETOOL_HOME", str(languagetool_home()))
    folder = tmp_path / "cache"
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(folder))
    return folder


# --- 3. a damaged result cache is moved aside, once, and rebuilt ------------------------------

def test_a_garbage_cache_file_is_moved_aside_with_one_warning(cache_home: Path, tmp_path: Path, languagetool_url):
    cache = cache_home / "languagetool" / "results.sqlite3"
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"this is not a database" * 100)
    article = tmp_path / "a.txt"
    article.write_text(GRAMMAR_ARTICLE, encoding="utf-8")
    first = run("lint", "--languagetool-url", languagetool_url, str(article))
    assert first.exit_code == 1
    assert "grammar.en-a-vs-an" in first.output and "typography.double-space" in first.output
    assert first.output.count("copydesk: warning: the LanguageTool result cache") == 1
    assert "was damaged (file is not a database); moved it to results.sqlite3.corrupt-" in first.output
    assert len(list(cache.parent.glob("results.sqlite3.corrupt-*"))) == 1
    second = run("lint", "--languagetool-url", languagetool_url, str(article))  # rebuilt: no more warnings
    assert second.exit_code == 1 and "warning: the LanguageTool result cache" not in second.output
    assert "grammar.en-a-vs-an" in second.output


def test_a_truncated_cache_file_is_rebuilt(tmp_path: Path):
    from copydesk.languagetool.client import Match, ResultCache

    path = tmp_path / "results.sqlite3"
    first = ResultCache(path)
    first.put_many({f"key{i}": [] for i in range(2000)})
    first.close()
    assert path.stat().st_size > 3000
    path.write_bytes(path.read_bytes()[:3000])
    cache = ResultCache(path)
    assert cache.check() is True
    assert len(cache.warnings) == 1 and "was damaged" in cache.warnings[0]
    match = Match(0, 3, "R", "m", ("x",), "C", "c", "grammar", "d", "")
    cache.put_many({"k": [match]})
    assert ResultCache(path).get_many(["k"]) == {"k": [match]}


@pytest.mark.parametrize("row", ['{"start": 1}', '[{"start": 0}]', '[1, 2]', '"text"', "[[[[]]]]", "not json",
                                 '[{"start": 5, "end": 2, "rule_id": "R", "message": "", "replacements": [], '
                                 '"category_id": "", "category_name": "", "issue_type": "", "description": "", '
                                 '"url": ""}]'])
def test_a_row_of_the_wrong_shape_is_a_miss(tmp_path: Path, row: str):
    import sqlite3

    from copydesk.languagetool.client import ResultCache

    path = tmp_path / "results.sqlite3"
    ResultCache(path).put_many({"good": []})
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO results (key, matches) VALUES (?, ?)", ("bad", row))
    assert ResultCache(path).get_many(["bad", "good"]) == {"good": []}


def test_the_cache_files_are_private(cache_home: Path):
    from copydesk.languagetool.client import ResultCache

    cache = ResultCache()
    assert cache.check()
    cache.put_many({"k": []})
    assert (cache_home / "languagetool").stat().st_mode & 0o777 == 0o700
    assert cache_home.stat().st_mode & 0o777 == 0o700
    for path in (cache_home / "languagetool").iterdir():
        assert path.stat().st_mode & 0o777 == 0o600, path.name


# --- 4. the cache key names the server -------------------------------------------------------

def test_a_remote_servers_results_are_never_served_for_another(cache_home: Path, tmp_path: Path, languagetool_url):
    hostile = HostileServer(body=claims_languagetool("PLANTED_RULE"))
    try:
        article = tmp_path / "a.txt"
        article.write_text(GRAMMAR_ARTICLE, encoding="utf-8")
        planted = run("lint", "--languagetool-url", hostile.url, str(article))
        assert "grammar.planted-rule" in planted.output
        honest = run("lint", "--languagetool-url", languagetool_url, str(article))
        assert "planted" not in honest.output.lower()
        assert "grammar.en-a-vs-an" in honest.output
    finally:
        hostile.close()


def test_cache_keys_differ_by_server_identity_even_at_the_same_version():
    from copydesk.languagetool.client import Client

    keys = set()
    for identity in ("local /opt/lt 6.8", "remote http://example.org:8081", None):
        client = Client("http://127.0.0.1:1", identity=identity)
        client._version = "6.8"  # what each server claims
        keys.add(client.cache_key("same text"))
    assert len(keys) == 3


# --- 5. copydesk's own server is verified before any text is sent --------------------------------

def test_listens_on_names_the_process_that_owns_the_port():
    import socket

    from copydesk.languagetool.server import listens_on

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        assert listens_on(os.getpid(), port) is True
        assert listens_on(os.getppid(), port) is False


def test_a_port_taken_by_another_process_gets_no_article(monkeypatch):
    from copydesk.languagetool import server as lt_server

    impostor = HostileServer(body=claims_languagetool("PLANTED_RULE"))
    ports = iter([impostor.port])
    real_free_port = lt_server.free_port
    monkeypatch.setattr(lt_server, "free_port", lambda: next(ports, None) or real_free_port())
    try:
        with lt_server.LocalServer() as local:
            assert local.url != impostor.url  # it noticed, and started again on another port
            assert lt_server.listens_on(local.process.pid, local.port) is True
        assert impostor.checks == []
    finally:
        impostor.close()


def test_a_jvm_that_fails_to_start_is_noticed_and_leaves_nothing(tmp_path: Path):
    import glob

    from copydesk.languagetool import EngineError
    from copydesk.languagetool.server import LocalServer

    before = set(glob.glob("/tmp/copydesk-lt-*"))
    server = LocalServer(heap="1zz")  # the JVM refuses this heap size and exits
    with pytest.raises(EngineError, match="exited while starting"):
        server.start(timeout=60)
    assert set(glob.glob("/tmp/copydesk-lt-*")) == before  # item 17: no properties or log left


# --- 6 and 7. worker processes: a dead one loses nothing, all die with copydesk -------------------

def _articles(folder: Path, count: int) -> list[str]:
    folder.mkdir(exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"story{index:02}.md"
        path.write_text(f"# Story {index}\n\nThe council met  on Monday.\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def _kill_own_worker_on(name: str, times_file: Path | None, monkeypatch) -> None:
    """Fault injection: the worker that lints ``name`` is killed with SIGKILL
    (every time, or only the first time if ``times_file`` records it)."""
    import signal

    from copydesk import runner

    real_lint_file = runner.lint_file

    def lint_file(path, options, resolver):
        if path.endswith(name) and (times_file is None or not times_file.exists()):
            if times_file is not None:
                times_file.write_text("killed once")
            os.kill(os.getpid(), signal.SIGKILL)
        return real_lint_file(path, options, resolver)

    monkeypatch.setattr(runner, "lint_file", lint_file)


def test_a_worker_killed_once_costs_no_file(tmp_path: Path, monkeypatch):
    from copydesk.runner import LintOptions, lint_paths

    paths = _articles(tmp_path / "a", 20)
    _kill_own_worker_on("story05.md", tmp_path / "killed", monkeypatch)
    result = lint_paths(paths, LintOptions(grammar=False, jobs=2))
    assert [r.path for r in result.files] == paths
    assert not result.errors
    assert len(result.findings) == 20  # each article's double space
    assert result.warnings and result.warnings[0].startswith("a worker process died;")


def test_a_file_that_kills_its_worker_every_time_is_reported_failed(tmp_path: Path, monkeypatch):
    from copydesk.runner import WORKER_DIED, LintOptions, lint_paths

    paths = _articles(tmp_path / "a", 20)
    _kill_own_worker_on("story07.md", None, monkeypatch)
    result = lint_paths(paths, LintOptions(grammar=False, jobs=2))
    assert [r.path for r in result.files] == paths
    assert [(r.path, r.error) for r in result.errors] == [(paths[7], WORKER_DIED)]
    assert len(result.findings) == 19
    assert result.exit_code() == 2


def test_workers_run_with_the_parents_heap_frozen_and_the_parent_unfreezes_it(tmp_path: Path, monkeypatch):
    """What the parent loaded before forking is kept from the workers' garbage collector
    (gc.freeze: no walk over it, no copy-on-write of its pages); the parent's own
    collector sees it again once the workers are done."""
    import gc

    from copydesk import runner
    from copydesk.runner import FileResult, LintOptions, lint_paths

    monkeypatch.setattr(runner, "lint_file", lambda path, options, resolver: FileResult(
        path, notice=str(gc.get_freeze_count())))
    result = lint_paths(_articles(tmp_path / "a", 20), LintOptions(grammar=False, jobs=2))
    assert all(int(r.notice) > 1000 for r in result.files)
    assert gc.get_freeze_count() == 0


WORKERS_SCRIPT = """
import sys, time
from copydesk import runner
def slow(path, options, resolver):
    time.sleep(120)
runner.lint_file = slow
runner.lint_paths(sys.argv[1:], runner.LintOptions(grammar=False, jobs=2))
"""


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def test_workers_die_when_copydesk_is_killed(tmp_path: Path):
    import signal

    from copydesk.languagetool.server import _pid_alive

    paths = _articles(tmp_path / "a", 20)
    parent = subprocess.Popen([sys.executable, "-c", WORKERS_SCRIPT, *paths])
    try:
        deadline = time.monotonic() + 30
        while len(workers := _children(parent.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(workers) == 2
        time.sleep(0.5)  # the workers have run their initializer
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 10
    while any(_pid_alive(pid) and _state(pid) != "Z" for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if _pid_alive(pid) and _state(pid) != "Z"]


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


# --- 8 and 9. the warm server: one at a time, and `stop` signals only its own --------------------

def test_a_second_daemon_refuses_to_start_while_one_holds_the_lock(cache_home: Path):
    from copydesk.languagetool.server import daemon_lock_path, file_lock

    with file_lock(daemon_lock_path()) as held:
        assert held
        completed = subprocess.run([sys.executable, "-m", "copydesk.languagetool.daemon"], capture_output=True,
                                   text=True, timeout=60)
    assert completed.returncode == 2
    assert "another warm LanguageTool server is running" in completed.stderr


def test_two_starts_at_once_start_one_server(cache_home: Path):
    from copydesk.languagetool.server import _pid_alive

    command = [str(EXECUTABLE), "languagetool", "start", "--idle-timeout", "120"]
    starts = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [start.communicate(timeout=300) for start in starts]
    try:
        assert [start.returncode for start in starts] == [0, 0], outputs
        pids = {out.split("(pid ")[1].split(")")[0] for out, _ in outputs}
        assert len(pids) == 1  # both name the same server
        daemons = [p for p in Path("/proc").iterdir() if p.name.isdigit() and _is_daemon_here(p, cache_home)]
        assert len(daemons) == 1
    finally:
        stopped = subprocess.run([str(EXECUTABLE), "languagetool", "stop"], capture_output=True, text=True, timeout=60)
    assert stopped.stdout.strip() == "stopped"
    pid = int(pids.pop())
    assert not _pid_alive(pid) or _state(pid) == "Z"  # gone, or dead and not yet reaped by init


def _is_daemon_here(proc: Path, cache_home: Path) -> bool:
    try:
        if b"copydesk.languagetool.daemon" not in (proc / "cmdline").read_bytes():
            return False
        return f"COPYDESK_CACHE_DIR={cache_home}".encode() in (proc / "environ").read_bytes()
    except OSError:
        return False


def test_stop_never_signals_a_process_that_reused_the_pid(cache_home: Path):
    import json

    from copydesk.languagetool.server import state_path

    bystander = subprocess.Popen(["sleep", "60"])
    try:
        state_path().parent.mkdir(parents=True)
        state_path().write_text(json.dumps({"pid": bystander.pid, "java_pid": bystander.pid,
                                            "url": "http://127.0.0.1:9", "idle_timeout": 1, "started": 0}))
        result = run("languagetool", "stop")
        assert result.output == "no background server was running\n"
        assert bystander.poll() is None  # still alive
        assert not state_path().exists()  # the stale state is gone
    finally:
        bystander.kill()
        bystander.wait()


def test_the_state_file_is_private(cache_home: Path):
    from copydesk.languagetool.server import state_path, write_private

    write_private(state_path(), "{}")
    assert state_path().stat().st_mode & 0o777 == 0o600
    assert state_path().parent.stat().st_mode & 0o777 == 0o700


# --- 10. a cache folder that cannot be created is a warning ---------------------------------------

def test_a_cache_folder_that_cannot_be_created_is_a_warning(tmp_path: Path, monkeypatch, languagetool_url):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(blocker / "cache"))
    article = tmp_path / "a.txt"
    article.write_text(GRAMMAR_ARTICLE, encoding="utf-8")
    result = run("lint", "--languagetool-url", languagetool_url, str(article))
    assert result.exit_code == 1, result.output
    assert "grammar.en-a-vs-an" in result.output
    assert "copydesk: warning: the LanguageTool result cache" in result.output
    assert "grammar results are not cached in this run" in result.output
    assert "Traceback" not in result.output
    quiet = run("lint", "--no-cache", "--grammar-optional", "--languagetool-url", languagetool_url, str(article))
    assert quiet.exit_code == 1 and "copydesk: warning" not in quiet.output and "Traceback" not in quiet.output
    assert "grammar.en-a-vs-an" in quiet.output


# --- 11. the HTML report is linear in the findings -----------------------------------------------

def test_the_html_report_is_linear_in_findings(tmp_path: Path):
    from copydesk.formatters.html import format_html
    from copydesk.runner import LintOptions, lint_paths

    timings = []
    for pairs in (2000, 8000):
        article = tmp_path / f"spaces{pairs}.txt"
        article.write_text("Headline\n\n" + "a  b " * pairs + "\n", encoding="utf-8")
        result = lint_paths([str(article)], LintOptions(grammar=False, select=("typography.double-space",),
                                                        keep_source=True))
        assert len(result.findings) == pairs
        started = time.process_time()
        page = format_html(result)
        timings.append(time.process_time() - started)
        assert page.count("<mark ") == pairs
    assert timings[1] < 8 * timings[0] + 0.2  # 4x the findings: linear is ~4x; it was ~16x


def test_overlapping_findings_are_all_named_on_their_common_piece():
    from copydesk.finding import Finding, Severity
    from copydesk.formatters.html import _highlighted

    def finding(start, end, severity, rule):
        return Finding("a.txt", 1, start + 1, 1, end + 1, rule, severity, "m", None, start, end, "")

    findings = [finding(0, 6, Severity.INFO, "typography.a"), finding(3, 9, Severity.ERROR, "typography.b")]
    html = _highlighted("abcdefghij", findings)
    assert html == ('<mark class="info" data-findings="f0" title="typography.a: m">abc</mark>'
                    '<mark class="error" data-findings="f0 f1" title="typography.a: m | typography.b: m">def</mark>'
                    '<mark class="error" data-findings="f1" title="typography.b: m">ghi</mark>j')


# --- 12. control characters from an article are shown, never obeyed -------------------------------

# The headline-case rule quotes the headline back in its suggestion.
ESCAPES_ARTICLE = "# Council approves \x1b]0;PWNED\x07The Budget \x1b[2JFor The Year\n\nThe council approved  the budget.\n"


@pytest.mark.parametrize("output_format", ["text", "github", "html"])
def test_escape_sequences_from_an_article_never_reach_the_output(tmp_path: Path, output_format: str):
    article = tmp_path / "a.md"
    article.write_text(ESCAPES_ARTICLE, encoding="utf-8")
    result = run("lint", "-f", output_format, str(article))
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b]0;PWNED\\x07" in result.output  # shown, escaped, where the article is quoted


def test_printable_escapes_controls_and_bidi_overrides_only():
    from copydesk.formatters import printable

    assert printable("a\x1b[2Jb\x07c\x9bd\u202ee") == "a\\x1b[2Jb\\x07c\\x9bd\\u202ee"
    assert printable("line\nnext\ttab", keep="\n") == "line\nnext\\x09tab"
    assert printable("“Curly” — café 😀") == "“Curly” — café 😀"


# --- 13. --diff passes its value to git as a revision only ----------------------------------------

def test_an_option_as_diff_ref_is_refused_before_git_sees_it(tmp_path: Path):
    article = tmp_path / "a.md"
    article.write_text("# Budget\n\nFine.\n", encoding="utf-8")
    target = tmp_path / "written-by-git"
    result = run("lint", "--diff", f"--output={target}", str(article))
    assert result.exit_code == 2
    assert f"copydesk: error: --diff: '--output={target}' is not a git ref" in result.output
    assert not target.exists()


def test_git_reads_the_diff_ref_as_a_revision_even_past_the_check(tmp_path: Path):
    from copydesk.adoption import AdoptionError, changed_lines

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    article = tmp_path / "a.md"
    article.write_text("# Budget\n", encoding="utf-8")
    with pytest.raises(AdoptionError, match="not a git ref"):
        changed_lines(str(article), "-p")


# --- 14. a server that answers garbage costs grammar only, in one line ----------------------------

@pytest.mark.parametrize("status, body, expected", [
    (200, b"<html>not json</html>", "did not answer with a LanguageTool JSON result"),
    (200, b"[" * 100_000 + b"]" * 100_000, "did not answer with a LanguageTool JSON result"),
    (200, b'{"matches": [{"offset": "x"}]}', "answered with JSON that is not a LanguageTool check result"),
    (200, b'{"matches": 5}', "answered with JSON that is not a LanguageTool check result"),
    (501, b"<html>\n<body>\n<h1>Not Implemented</h1>\n" * 10, "answered HTTP 501 Not Implemented;"),
])
def test_a_garbage_answer_is_one_line_and_other_families_stay(tmp_path: Path, status, body, expected):
    hostile = HostileServer(status=status, body=body, content_type="text/html")
    try:
        article = tmp_path / "a.txt"
        article.write_text(GRAMMAR_ARTICLE, encoding="utf-8")
        result = run("lint", "--no-cache", "--languagetool-url", hostile.url, str(article))
    finally:
        hostile.close()
    assert result.exit_code == 2
    problems = [line for line in result.output.splitlines() if line.startswith("copydesk: error:")]
    assert len(problems) == 1 and expected in problems[0], result.output
    assert f"{article}:3:39: warning typography.double-space" in result.output
    assert "internal error" not in result.output and "Traceback" not in result.output


# --- 15. file names in reports ------------------------------------------------------------------

def test_a_file_name_with_a_newline_cannot_forge_a_finding_line(tmp_path: Path):
    article = tmp_path / "a.md\nfake.md:1:1: error typography.x forged"
    article.write_text("# Budget\n\nThe council approved  the budget.\n", encoding="utf-8")
    result = run("lint", str(article))
    lines = result.output.splitlines()
    assert not any(line.startswith("fake.md") for line in lines)
    assert lines[0].startswith(f"{tmp_path}/a.md\\x0afake.md:1:1: error typography.x forged:3:")


def test_sarif_uris_for_stdin_named_files_and_symlinks(tmp_path: Path, monkeypatch):
    from copydesk.formatters.sarif import artifact_uri

    monkeypatch.chdir(tmp_path)
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "story.md").write_text("x")
    (tmp_path / "link.md").symlink_to(tmp_path / "real" / "story.md")
    assert artifact_uri("<stdin>") == "stdin"
    assert artifact_uri("<stdin>.md") == "%3Cstdin%3E.md"
    assert artifact_uri("link.md") == "link.md"
    outside = Path("/tmp") / "copydesk-outside-link.md"
    assert artifact_uri(str(outside)) == outside.as_uri()


# --- 16. CR-only line endings -------------------------------------------------------------------

@pytest.mark.parametrize("name", ["a.txt", "a.md"])
def test_cr_only_line_endings_are_line_breaks(tmp_path: Path, name: str):
    article = tmp_path / name
    head = "# Budget" if name.endswith(".md") else "Council approves the budget"
    article.write_bytes(f"{head}\r\rThe council approved  the budget on Monday.\r".encode())
    result = run("lint", "--select", "typography,headline", "-f", "json", str(article))
    import json

    findings = json.loads(result.output)["findings"]
    assert [(f["rule"], f["line"], f["column"]) for f in findings] == [("typography.double-space", 3, 21)]


def test_cr_only_document_lines():
    from copydesk.parse import parse

    doc = parse("One\rTwo\r\nThree\nFour", "a.txt")
    assert list(doc.line_starts) == [0, 4, 9, 15]
    assert [doc.line_text(n) for n in (1, 2, 3, 4)] == ["One", "Two", "Three", "Four"]
    assert doc.source == "One\rTwo\r\nThree\nFour"


# --- 18. option values are checked ---------------------------------------------------------------

@pytest.mark.parametrize("setting, message", [
    ('[rules."readability.sentence-length"]\nwarning-words = -5\n',
     "rules.readability.sentence-length.warning-words must be at least 0, not -5"),
    ('[rules."headline.length"]\nmax-chars = -1\n', "rules.headline.length.max-chars must be at least 0, not -1"),
    ('[rules."figures.multiplier"]\ntolerance = nan\n', "rules.figures.multiplier.tolerance must be a finite number"),
])
def test_nonsense_option_values_are_config_errors(tmp_path: Path, setting: str, message: str):
    (tmp_path / "copydesk.toml").write_text(setting, encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("# Budget\n\nFine.\n", encoding="utf-8")
    result = run("lint", str(article))
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
