"""`lint --fix`: fixes applied to real files through the command line, in the
bytes they came in, atomically, and never to a file that changed or could not be read."""

from __future__ import annotations

import codecs
import os
import stat

import pytest
from click.testing import CliRunner

from copydesk.cli import main
from copydesk.finding import Applicability, Edit, Finding, Fix, Severity
from copydesk.fixes import apply_fixes, chosen_fixes
from copydesk.rewrite import CHANGED, fix_file, fix_text
from copydesk.runner import FileResult, lint_text

# Curly majority (three curly apostrophes, one straight) and a double space: two safe fixes.
ARTICLE = "Musk’s visit\n\nTesla’s chief landed.  Musk's plane is Tesla’s.\n"
FIXED = "Musk’s visit\n\nTesla’s chief landed. Musk’s plane is Tesla’s.\n"


def lint(*args: str):
    return CliRunner().invoke(main, ["lint", "--no-grammar", "--no-progress", *args])


def write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_fix_writes_safe_fixes_and_reports_what_remains(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE.encode())
    result = lint("--fix", str(path))
    assert path.read_bytes() == FIXED.encode()
    assert "copydesk: fixed 2 in 1 file, remaining 0" in result.stderr
    assert result.exit_code == 0
    assert not [name for name in os.listdir(tmp_path) if name != "a.txt"]  # no temporary file left


def test_second_run_changes_nothing(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE.encode())
    lint("--fix", str(path))
    before = path.stat()
    again = lint("--fix", str(path))
    assert "fixed 0 in 0 files" in again.stderr
    assert path.read_bytes() == FIXED.encode()
    assert path.stat().st_mtime_ns == before.st_mtime_ns  # not even rewritten


def test_utf8_bom_and_crlf_are_kept(tmp_path):
    crlf = ARTICLE.replace("\n", "\r\n")
    path = write(tmp_path / "a.md", codecs.BOM_UTF8 + crlf.encode())
    lint("--fix", str(path))
    assert path.read_bytes() == codecs.BOM_UTF8 + FIXED.replace("\n", "\r\n").encode()


def test_cp1252_and_latin1_files_keep_their_encoding(tmp_path):
    # cp1252 writes a curly apostrophe as byte 0x92; the straight majority wins, é and ü stay one byte each.
    text = "Café owners\n\nThe café's owner and Müller's son met.  Müller’s wife, too.\n"
    path = write(tmp_path / "a.txt", text.encode("cp1252"))
    result = lint("--fix", "--encoding", "cp1252", "--select", "typography", str(path))
    assert path.read_bytes() == "Café owners\n\nThe café's owner and Müller's son met. Müller's wife, too.\n".encode("cp1252")
    assert "fixed 2 in 1 file, remaining 0" in result.stderr
    latin = write(tmp_path / "b.txt", "Café menu\n\nThe café's owner met.  Müller's son.\n".encode("latin-1"))
    result = lint("--fix", "--encoding", "latin-1", "--select", "typography", str(latin))
    assert latin.read_bytes() == "Café menu\n\nThe café's owner met. Müller's son.\n".encode("latin-1")
    assert "fixed 1 in 1 file, remaining 0" in result.stderr


def test_fix_that_cannot_be_encoded_is_left_for_the_author(tmp_path):
    # Curly majority forced by the config; latin-1 has no curly apostrophe.
    (tmp_path / "copydesk.toml").write_text('[rules."typography.mixed-apostrophes"]\nstyle = "curly"\n')
    path = write(tmp_path / "a.txt", "Café menu\n\nThe café's owner.\n".encode("latin-1"))
    result = lint("--fix", "--encoding", "latin-1", "--config", str(tmp_path / "copydesk.toml"), str(path))
    assert path.read_bytes() == "Café menu\n\nThe café's owner.\n".encode("latin-1")
    assert "fixed 0 in 0 files, remaining 1" in result.stderr
    assert "typography.mixed-apostrophes" in result.stdout


def test_permissions_and_symbolic_links_are_kept(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE.encode())
    path.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(path)
    lint("--fix", str(link))
    assert link.is_symlink()
    assert path.read_bytes() == FIXED.encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_unreadable_file_is_never_written_and_others_still_are(tmp_path):
    bad = write(tmp_path / "bad.txt", b"Caf\xe9  owners\n\nThe caf\xe9's owner.\n")  # latin-1, read as UTF-8
    good = write(tmp_path / "good.txt", ARTICLE.encode())
    result = lint("--fix", str(bad), str(good))
    assert bad.read_bytes() == b"Caf\xe9  owners\n\nThe caf\xe9's owner.\n"
    assert good.read_bytes() == FIXED.encode()
    assert result.exit_code == 2
    assert "bad.txt: not UTF-8" in result.stderr


def test_dry_run_prints_a_diff_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", ARTICLE.encode())
    result = lint("--fix", "--dry-run", "a.txt")
    assert (tmp_path / "a.txt").read_bytes() == ARTICLE.encode()
    assert result.stdout == (
        "--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n Musk’s visit\n \n"
        "-Tesla’s chief landed.  Musk's plane is Tesla’s.\n+Tesla’s chief landed. Musk’s plane is Tesla’s.\n")
    assert "would fix 2 in 1 file, remaining 0" in result.stderr
    assert result.exit_code == 1  # a file would change


def test_unsafe_fixes_only_when_asked(tmp_path):
    text = "Tesla’s plans\n\nThe factory - the largest - opened.\n"
    path = write(tmp_path / "a.txt", text.encode())
    result = lint("--fix", str(path))
    assert path.read_bytes() == text.encode()
    assert "remaining 1" in result.stderr  # one finding: the article's dashes set as hyphens, with one fix for both
    lint("--fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == "Tesla’s plans\n\nThe factory — the largest — opened.\n"


def test_fix_options_are_checked(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE.encode())
    assert lint("--dry-run", str(path)).exit_code == 2
    assert "--dry-run works only with --fix" in lint("--dry-run", str(path)).stderr
    stdin = CliRunner().invoke(main, ["lint", "--no-grammar", "--fix", "-"], input=ARTICLE)
    assert stdin.exit_code == 2 and "cannot write back to standard input" in stdin.stderr
    diff = CliRunner().invoke(main, ["lint", "--no-grammar", "--fix", "--dry-run", "--stdin-filename", "s.txt", "-"],
                              input=ARTICLE)
    assert "+Tesla’s chief landed. Musk’s plane is Tesla’s.\n" in diff.stdout


def _lint_text(path):
    def lint_once(text: str) -> FileResult:
        return FileResult(str(path), lint_text(text, path=str(path)))
    return lint_once


def test_file_changed_while_being_fixed_is_left_alone(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE.encode())
    someone_else = "Someone else's text\n\nSaved while copydesk was linting.\n"
    inner = _lint_text(path)

    def lint_while_an_editor_saves(text: str) -> FileResult:
        path.write_text(someone_else, encoding="utf-8")
        return inner(text)

    result = fix_file(str(path), ARTICLE, lint_while_an_editor_saves, encoding=None, unsafe=False, dry_run=False)
    assert result.error == CHANGED
    assert path.read_text(encoding="utf-8") == someone_else
    assert result.fixed == 0


def test_file_that_changed_after_it_was_linted_is_left_alone(tmp_path):
    path = write(tmp_path / "a.txt", b"Edited since\n\nA newer  text.\n")
    result = fix_file(str(path), ARTICLE, _lint_text(path), encoding=None, unsafe=False, dry_run=False)
    assert result.error == CHANGED
    assert path.read_bytes() == b"Edited since\n\nA newer  text.\n"


def _finding(start: int, end: int, *fixes: Fix) -> Finding:
    return Finding("a.txt", 1, start + 1, 1, end + 1, "typography.double-space", Severity.WARNING, "m",
                   offset=start, end_offset=end, fixes=fixes)


def _fix(*edits: tuple[int, int, str], applicability=Applicability.SAFE) -> Fix:
    return Fix("t", tuple(Edit(*edit) for edit in edits), applicability)


def test_overlapping_fixes_resolve_in_source_order_and_the_rest_wait():
    source = "abcdef"
    first = _finding(1, 3, _fix((1, 3, "X")))
    overlapping = _finding(2, 4, _fix((2, 4, "Y")))
    later = _finding(4, 5, _fix((4, 5, "Z")))
    insert_a = _finding(6, 6, _fix((6, 6, "!")))
    insert_b = _finding(6, 6, _fix((6, 6, "?")))
    # Given in any order, the same result.
    outcomes = {apply_fixes(source, chosen_fixes(findings))
                for findings in ([later, overlapping, first, insert_a, insert_b],
                                 [insert_b, first, overlapping, later, insert_a])}
    # Two insertions at one point conflict too: one wins, the same one whatever the order given.
    assert outcomes == {("aXdZf!", 3)}
    assert apply_fixes(source, chosen_fixes([later, overlapping, first])) == ("aXdZf", 2)


def test_a_fix_is_all_or_nothing():
    two_edits = _finding(0, 1, _fix((0, 1, "A"), (4, 5, "E")))
    earlier_on_e = _finding(0, 0, _fix((4, 5, "x")))  # sorts first and takes "e"
    text, applied = apply_fixes("abcdef", chosen_fixes([two_edits, earlier_on_e]))
    assert (text, applied) == ("abcdxf", 1)


def test_unsafe_and_display_fixes():
    unsafe = _finding(0, 1, _fix((0, 1, "A"), applicability=Applicability.UNSAFE))
    display = _finding(2, 3, _fix((2, 3, "C"), applicability=Applicability.DISPLAY))
    assert apply_fixes("abc", chosen_fixes([unsafe, display]))[0] == "abc"
    assert apply_fixes("abc", chosen_fixes([unsafe, display], unsafe=True))[0] == "Abc"


def test_passes_until_nothing_changes():
    """Overlapping fixes wait for the next pass, within one --fix: the second run has nothing to do."""
    def lint_once(text: str) -> FileResult:
        # Every doubled "aa" is a finding whose fix halves it; "aaaa" gives overlapping ones.
        findings = [_finding(i, i + 2, _fix((i, i + 2, "a"))) for i in range(len(text) - 1) if text[i:i + 2] == "aa"]
        return FileResult("a.txt", findings)

    fixed = fix_text("baaaab", lint_once, unsafe=False)
    assert (fixed.text, fixed.applied, fixed.result.findings) == ("bab", 3, [])
    assert fix_text(fixed.text, lint_once, unsafe=False).applied == 0


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_inserted_line_breaks_follow_the_file(newline):
    def lint_once(text: str) -> FileResult:
        findings = [] if "\n" in text[:3] else [_finding(1, 1, _fix((1, 1, "\n")))]
        return FileResult("a.txt", findings)

    assert fix_text("ab", lint_once, unsafe=False, newline=newline).text == f"a{newline}b"
