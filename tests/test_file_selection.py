"""Choosing files in a content repository: sorted expansion, built-in excludes,
.gitignore, exclude globs (config and --exclude), extensions; --stdin-filename's
folder config; a report into a missing folder."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from copydesk.cli import main
from copydesk.config import ConfigError, from_table
from copydesk.runner import LintOptions
from copydesk.sources import discover

ARTICLE = "# Budget vote\n\nThe council approved  the budget.\n"


def make_site(root: Path) -> Path:
    files = [
        "z.md", "posts/b.md", "posts/a.md", "posts/2024/c.mdx", "notes.txt", "drafts/wip.md",
        "node_modules/pkg/README.md", "vendor/lib/CHANGELOG.md", ".github/ISSUE.md",
        "vocab/words.md", "build/out.md", "image.png", "_layouts/post.html", "docs/guide.rst",
    ]
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE, encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".gitignore").write_text("build/\n*.txt\n", encoding="utf-8")
    (root / "posts" / ".gitignore").write_text("a.md\n", encoding="utf-8")
    return root


def expand(root: Path, *paths: str, exclude=()) -> list[str]:
    options = LintOptions(exclude=tuple(exclude))
    found, problems = discover([str(root / p) for p in paths] or [str(root)], options.selection(options.resolver()))
    assert problems == []
    return [Path(p).relative_to(root).as_posix() for p in found]


def test_folders_expand_sorted_without_vendored_hidden_or_gitignored_files(tmp_path):
    site = make_site(tmp_path)
    # HTML is opt-in for folders (a site's layouts are .html); named .html files are linted.
    assert expand(site) == ["docs/guide.rst", "drafts/wip.md", "posts/2024/c.mdx", "posts/b.md", "vocab/words.md", "z.md"]
    assert expand(site, "_layouts/post.html") == ["_layouts/post.html"]


def test_config_exclude_is_relative_to_the_config_file(tmp_path, monkeypatch):
    site = make_site(tmp_path)
    (site / "copydesk.toml").write_text('exclude = ["vocab/", "drafts/**"]\n', encoding="utf-8")
    monkeypatch.chdir(site / "posts")  # the current folder does not matter
    assert expand(site) == ["docs/guide.rst", "posts/2024/c.mdx", "posts/b.md", "z.md"]
    # Named files are excluded too, so pre-commit's file lists follow the config.
    assert expand(site, "vocab/words.md", "z.md") == ["z.md"]


def test_command_line_exclude_is_relative_to_the_current_folder(tmp_path, monkeypatch):
    site = make_site(tmp_path)
    monkeypatch.chdir(site)
    assert expand(site, exclude=["posts/**/*.mdx", "z.md", "*.rst"]) == ["drafts/wip.md", "posts/b.md", "vocab/words.md"]


def test_gitignore_can_be_turned_off_and_extensions_chosen(tmp_path):
    site = make_site(tmp_path)
    (site / "copydesk.toml").write_text('gitignore = false\nextensions = ["mdx", ".txt", "html"]\n', encoding="utf-8")
    assert expand(site) == ["_layouts/post.html", "notes.txt", "posts/2024/c.mdx"]


def test_bad_selection_settings_are_config_errors():
    with pytest.raises(ConfigError, match="extensions: copydesk cannot read '.docx' files"):
        from_table({"extensions": ["docx"]}, "copydesk.toml")
    with pytest.raises(ConfigError, match="exclude must be a string or a list of strings"):
        from_table({"exclude": 3}, "copydesk.toml")
    with pytest.raises(ConfigError, match="gitignore must be true or false"):
        from_table({"gitignore": "no"}, "copydesk.toml")


def test_cli_exclude_option(tmp_path, monkeypatch):
    site = make_site(tmp_path)
    monkeypatch.chdir(site)
    result = CliRunner().invoke(main, ["lint", "--no-grammar", "-f", "json", "--exclude", "posts",
                                       "--exclude", "drafts/", "--exclude", "*.rst", "."])
    assert result.exit_code == 1, result.output
    paths = sorted({finding["path"] for finding in json.loads(result.output)["findings"]})
    assert paths == [os.path.join(".", "vocab", "words.md"), os.path.join(".", "z.md")]


def test_stdin_filename_takes_the_config_of_its_own_folder(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "posts").mkdir(parents=True)
    (site / "copydesk.toml").write_text('ignore = ["typography.double-space"]\n', encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    stdin_name = str(site / "posts" / "story.md")
    quiet = CliRunner().invoke(main, ["lint", "--no-grammar", "--stdin-filename", stdin_name, "-"], input=ARTICLE)
    assert quiet.exit_code == 0, quiet.output
    loud = CliRunner().invoke(main, ["lint", "--no-grammar", "--stdin-filename", "story.md", "-"], input=ARTICLE)
    assert loud.exit_code == 1
    assert "story.md:3:21: warning typography.double-space" in loud.output


def test_report_into_a_missing_folder_is_one_line_and_exit_2(tmp_path):
    article = tmp_path / "a.md"
    article.write_text(ARTICLE, encoding="utf-8")
    report = tmp_path / "missing" / "report.json"
    result = CliRunner().invoke(main, ["lint", "--no-grammar", "-o", str(report), str(article)])
    assert result.exit_code == 2
    assert result.output.strip() == (f"copydesk: error: cannot write the report to {report}: "
                                     f"no folder {str(report.parent)!r}; create it or choose another path")
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_missing_corpus_skips_with_its_path_or_fails_when_required(tmp_path, monkeypatch):
    from conftest import require_corpus

    missing = tmp_path / "corpora" / "bbc"
    monkeypatch.delenv("COPYDESK_REQUIRE_CORPORA", raising=False)
    with pytest.raises(pytest.skip.Exception, match=f"corpus not found at {missing}"):
        require_corpus(missing)
    monkeypatch.setenv("COPYDESK_REQUIRE_CORPORA", "1")
    with pytest.raises(pytest.fail.Exception, match=f"corpus not found at {missing}"):
        require_corpus(missing)
    missing.mkdir(parents=True)
    assert require_corpus(missing) == missing
