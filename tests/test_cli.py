"""The command line: exit codes, bad input, stdin, output files."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from copydesk.cli import main
from conftest import SEED

CLEAN = "Council approves the budget\n\nThe council approved the budget on Monday.\n"
SPACED = "Council approves the budget\n\nThe council approved  the budget on Monday.\n"


def run(*args, input=None):
    """The CLI in-process. `lint` runs skip LanguageTool here: grammar has its own tests."""
    args = list(args)
    if args and args[0] == "lint":
        args.insert(1, "--no-grammar")
    return CliRunner().invoke(main, args, input=input)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "spaced.md").write_text("# Budget\n\n" + SPACED.split("\n\n", 1)[1], encoding="utf-8")
    return tmp_path


def test_seed_article_typography_findings():
    result = run("lint", "--select", "typography", str(SEED))
    assert result.exit_code == 1
    assert f"{SEED}:7:19: warning typography.mixed-apostrophes" in result.output
    assert ("    fix (safe): Use the curly apostrophe ’\n"
            "      7:19  - Image of Elon Musk's private plane Gulf…\n"
            "            + Image of Elon Musk’s private plane Gulf…\n") in result.output
    assert result.output.strip().endswith("1 finding (0 errors, 1 warning, 0 info) in 1 file")


def test_clean_file_exits_zero(articles):
    result = run("lint", str(articles / "clean.txt"))
    assert result.exit_code == 0
    assert result.output == "No findings in 1 file\n"


def test_fail_on_threshold(articles):
    spaced = str(articles / "spaced.md")
    assert run("lint", spaced).exit_code == 1
    assert run("lint", "--fail-on", "error", spaced).exit_code == 0
    assert run("lint", "--fail-on", "never", spaced).exit_code == 0
    assert run("lint", "--fail-on", "info", spaced).exit_code == 1


def test_select_and_ignore_flags(articles):
    spaced = str(articles / "spaced.md")
    assert run("lint", "--ignore", "typography.double-space", spaced).exit_code == 0
    assert run("lint", "--select", "typography.unbalanced-quotes,typography.mixed-quotes", spaced).exit_code == 0
    result = run("lint", "--select", "typografy", spaced)
    assert result.exit_code == 2
    assert "no rule or family named 'typografy'" in result.output


def test_directory_is_linted_recursively_skipping_hidden(articles):
    hidden = articles / ".git"
    hidden.mkdir()
    (hidden / "x.md").write_text(SPACED)
    (articles / "image.png").write_bytes(b"\x89PNG\x00")
    result = run("lint", str(articles))
    assert result.exit_code == 1
    assert "1 finding (0 errors, 1 warning, 0 info) in 2 files" in result.output
    assert ".git" not in result.output


def test_bad_inputs_each_get_one_line_and_the_rest_is_linted(tmp_path: Path, articles):
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Headline\n\nThe caf\xe9 opened.\n".encode("latin-1"))
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    empty = tmp_path / "empty.md"
    empty.write_text("")
    folder = tmp_path / "empty-folder"
    folder.mkdir()
    result = run("lint", str(tmp_path / "missing.md"), str(latin1), str(binary), str(empty), str(folder),
                 str(articles / "spaced.md"))
    assert result.exit_code == 2
    stderr_lines = [line for line in result.output.splitlines() if line.startswith("copydesk:")]
    assert f"copydesk: {tmp_path / 'missing.md'}: no such file or folder; check the path" in stderr_lines
    assert (f"copydesk: {latin1}: not UTF-8 (byte 0xe9 at line 3, column 8); re-save it as UTF-8, "
            "or pass --encoding latin-1 (or cp1252)") in stderr_lines
    assert any(line.startswith(f"copydesk: {binary}: binary file") for line in stderr_lines)
    assert f"copydesk: {empty}: empty file, nothing to lint" in stderr_lines
    assert any(line.startswith(f"copydesk: {folder}: no articles (.md, .mdx, .markdown, .txt, .rst) in this folder") for line in stderr_lines)
    assert "spaced.md:3:21: warning typography.double-space" in result.output
    assert "Traceback" not in result.output


def test_encoding_flag_reads_latin1(tmp_path: Path):
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Headline\n\nThe caf\xe9  opened.\n".encode("latin-1"))
    result = run("lint", "--encoding", "latin-1", str(latin1))
    assert result.exit_code == 1
    assert f"{latin1}:3:9: warning typography.double-space" in result.output


def test_too_large_file(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_text("Headline\n\n" + "word " * 300_000)
    result = run("lint", "--max-file-size", "1M", str(big))
    assert result.exit_code == 2
    assert "too large (1.4 MB, limit 1 MB); split the article or raise --max-file-size" in result.output


def test_stdin_with_filename(articles):
    result = run("lint", "--stdin-filename", "story.md", "-", input="# T\n\nA  b.\n")
    assert result.exit_code == 1
    assert "story.md:3:2: warning typography.double-space" in result.output


def test_output_file_and_json(tmp_path: Path, articles):
    report = tmp_path / "report.json"
    result = run("lint", "-f", "json", "-o", str(report), str(articles / "spaced.md"))
    assert result.exit_code == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["summary"] == {"files": 1, "findings": 1, "error": 0, "warning": 1, "info": 0}
    finding = data["findings"][0]
    assert (finding["rule"], finding["line"], finding["column"], finding["end_column"]) == ("typography.double-space", 3, 21, 23)


def test_config_error_exits_two_without_traceback(tmp_path: Path, articles):
    (tmp_path / "copydesk.toml").write_text('fail-on = "sometimes"\n')
    result = run("lint", str(articles / "clean.txt"))
    assert result.exit_code == 2
    assert result.output.startswith("copydesk: error: ")
    assert "fail-on must be one of" in result.output
    assert "Traceback" not in result.output


def test_rules_and_explain():
    listing = run("rules")
    assert listing.exit_code == 0
    assert "typography.double-space" in listing.output
    explained = run("explain", "typography.mixed-quotes")
    assert explained.exit_code == 0
    assert "Straight and curly quotation marks mixed" in explained.output
    assert "-> finding at line 4, column 17" in explained.output
    unknown = run("explain", "typography.nope")
    assert unknown.exit_code == 2
    assert "no rule named 'typography.nope'" in unknown.output


def test_files_are_never_written(articles):
    paths = sorted(articles.iterdir())
    before = {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in paths}
    run("lint", str(articles))
    assert before == {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in paths}


def test_parallel_run_matches_serial_run(tmp_path: Path):
    for number in range(40):
        (tmp_path / f"{number:02}.txt").write_text(f"Story {number}\n\nA  line (number {number}.\n")
    serial = run("lint", "-j", "1", str(tmp_path))
    parallel = run("lint", "-j", "2", str(tmp_path))
    assert serial.output == parallel.output
    assert "80 findings" in parallel.output


def test_console_script_runs_as_a_process(articles):
    """The installed entry point, with a real pipe: no colour, no progress bar."""
    executable = Path(sys.executable).with_name("copydesk")
    completed = subprocess.run([str(executable), "lint", "--no-grammar", str(articles / "spaced.md")],
                               capture_output=True, text=True, env={**os.environ, "CI": "true"})
    assert completed.returncode == 1
    assert "\x1b[" not in completed.stdout
    assert completed.stderr == ""
