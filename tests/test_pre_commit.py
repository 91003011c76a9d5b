"""The hook, run by the real pre-commit tool against this repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from copydesk.languagetool import languagetool_home
from copydesk.languagetool.server import start_warm_server, stop_warm_server
from conftest import ROOT

pytestmark = pytest.mark.slow
PRE_COMMIT = str(Path(sys.executable).with_name("pre-commit"))


@pytest.fixture
def content_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "content"
    repo.mkdir()
    for command in (["git", "init", "-q"], ["git", "config", "user.email", "a@b.c"], ["git", "config", "user.name", "A"]):
        subprocess.run(command, cwd=repo, check=True)
    (repo / "bad.md").write_text("# Budget\n\nThe council met  on Monday. She ate a apple.\n")
    (repo / "good.md").write_text("# Budget vote\n\nThe council met on Monday. She ate an apple.\n")
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    return repo


def hook(repo: Path, env: dict, *files: str) -> subprocess.CompletedProcess:
    return subprocess.run([PRE_COMMIT, "try-repo", str(ROOT), "copydesk", "--verbose", "--files", *files],
                          cwd=repo, capture_output=True, text=True, env=env, timeout=900)


def environment(tmp_path: Path) -> dict:
    env = {**os.environ, "COPYDESK_CACHE_DIR": str(tmp_path / "cache"),
           "COPYDESK_LANGUAGETOOL_HOME": str(languagetool_home()), "CI": "true"}
    env.pop("COPYDESK_LANGUAGETOOL_URL", None)
    return env


def test_hook_fails_on_errors_and_passes_clean_articles_with_a_warm_server(content_repo, tmp_path, monkeypatch):
    env = environment(tmp_path)
    monkeypatch.setenv("COPYDESK_CACHE_DIR", env["COPYDESK_CACHE_DIR"])
    monkeypatch.setenv("COPYDESK_LANGUAGETOOL_HOME", env["COPYDESK_LANGUAGETOOL_HOME"])
    state = start_warm_server("512m", idle_timeout=600)
    try:
        bad = hook(content_repo, env, "bad.md")
        assert bad.returncode == 1, bad.stdout + bad.stderr
        assert "bad.md:3:16: warning typography.double-space" in bad.stdout
        assert "grammar.en-a-vs-an" in bad.stdout  # grammar came from the warm server
        good = hook(content_repo, env, "good.md")
        assert good.returncode == 0, good.stdout + good.stderr
        assert "No findings in 1 file" in good.stdout
        last_used = Path(env["COPYDESK_CACHE_DIR"]) / "languagetool" / "last-used"
        assert last_used.stat().st_mtime >= state["started"]
    finally:
        stop_warm_server()


def test_hook_without_languagetool_warns_and_still_lints(content_repo, tmp_path):
    env = {**environment(tmp_path), "COPYDESK_LANGUAGETOOL_HOME": str(tmp_path / "not-installed")}
    completed = hook(content_repo, env, "bad.md")
    assert completed.returncode == 1  # the typography finding still fails the hook
    assert "warning: grammar and spelling were skipped: LanguageTool is not installed" in completed.stdout
    assert "typography.double-space" in completed.stdout
