"""Baselines and --diff: adopting copydesk on a repository with old articles."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from click.testing import CliRunner

from copydesk.cli import main

OLD = "# Budget\n\nThe council met  on Monday.\n"


def lint(*args):
    return CliRunner().invoke(main, ["lint", "--no-grammar", "--select", "typography", *args])


def test_baseline_suppresses_old_findings_and_lets_new_ones_through(tmp_path: Path):
    article = tmp_path / "story.md"
    article.write_text(OLD)
    baseline = tmp_path / "baseline.json"
    recorded = CliRunner().invoke(main, ["baseline", "--no-grammar", "--select", "typography", "-o", str(baseline),
                                         str(article)])
    assert recorded.exit_code == 0 and "Recorded 1 findings" in recorded.output
    assert json.loads(baseline.read_text())["version"] == 1
    assert lint("--baseline", str(baseline), str(article)).exit_code == 0
    # Unrelated edits above the old finding move its line; it stays suppressed.
    article.write_text("# Budget\n\nA new first paragraph.\n\nThe council met  on Monday.\n")
    assert lint("--baseline", str(baseline), str(article)).exit_code == 0
    # A new finding is reported, the old one still is not.
    article.write_text("# Budget\n\nA new  paragraph.\n\nThe council met  on Monday.\n")
    result = lint("--baseline", str(baseline), str(article))
    assert result.exit_code == 1
    assert ":3:6: warning typography.double-space" in result.output and ":5:" not in result.output


def test_bad_baseline_is_a_clear_error(tmp_path: Path):
    broken = tmp_path / "baseline.json"
    broken.write_text("not json")
    article = tmp_path / "a.md"
    article.write_text(OLD)
    result = lint("--baseline", str(broken), str(article))
    assert result.exit_code == 2 and "not a copydesk baseline" in result.output


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_diff_reports_only_changed_lines(tmp_path: Path):
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "a@b.c")
    git(tmp_path, "config", "user.name", "A")
    article = tmp_path / "story.md"
    article.write_text(OLD)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "old")
    article.write_text(OLD + "\nA fresh  line.\n")
    result = lint("--diff", "HEAD", str(article))
    assert result.exit_code == 1
    assert ":5:8: warning typography.double-space" in result.output and ":3:" not in result.output
    new = tmp_path / "new.md"
    new.write_text(OLD)  # untracked: every line is new
    assert ":3:16:" in lint("--diff", "HEAD", str(new)).output
    bad_ref = lint("--diff", "no-such-ref", str(article))
    assert bad_ref.exit_code == 2 and "git diff against 'no-such-ref' failed" in bad_ref.output


def test_diff_keeps_an_article_wide_finding_whose_other_places_changed(tmp_path: Path):
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "a@b.c")
    git(tmp_path, "config", "user.name", "A")
    article = tmp_path / "story.md"
    old = "# Musk’s visit\n\nTesla’s chief landed. Musk's plane is new.\n"
    article.write_text(old)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "old")
    assert lint("--diff", "HEAD", str(article)).exit_code == 0  # the mix is old news
    article.write_text(old + "\nThe firm’s rival's shares fell.\n")
    result = lint("--diff", "HEAD", str(article))
    assert result.exit_code == 1
    assert ":3:27: warning typography.mixed-apostrophes 2 straight apostrophes" in result.output
