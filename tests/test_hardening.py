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
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


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
    started = time.perf_counter()
    assert run("lint", str(article)).exit_code in (0, 1)
    assert run("stats", str(article)).exit_code == 0
    assert time.perf_counter() - started < 20


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
