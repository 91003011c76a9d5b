"""Formatters, tested by parsing what they emit. Every SARIF shape is checked
against the official 2.1.0 schema and by Microsoft's SARIF Multitool."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest

from copydesk.finding import Applicability, Edit, Finding, Fix, Location, Severity
from copydesk.formatters.github import format_github
from copydesk.formatters.json import format_json
from copydesk.formatters.sarif import artifact_uri, format_sarif
from copydesk.formatters.text import format_text
from copydesk.runner import FileResult, LintOptions, RunResult, lint_paths
from conftest import SEED, TOOLS

MULTITOOL_DIR = TOOLS / "node_modules" / "@microsoft" / "sarif-multitool-linux"
SCHEMA_PATH = MULTITOOL_DIR / "sarif-2.1.0.json"


ONE_SPACE = Fix("Use one space", (Edit(20, 22, " ", 3, 5, 3, 7, "  "),), Applicability.SAFE)
# Two edits, one of them an insertion (an empty region), on another line.
QUOTES = Fix("Use curly quotation marks", (Edit(30, 30, "“", 4, 2, 4, 2, ""), Edit(35, 36, "”", 4, 7, 4, 8, '"')),
             Applicability.UNSAFE)


def finding(**changes) -> Finding:
    values = dict(path="news/story.md", line=3, column=5, end_line=3, end_column=7,
                  rule_id="typography.double-space", severity=Severity.WARNING,
                  message="2 spaces between words; use one", suggestion=" ", line_text="Then  end, 100%",
                  fixes=(ONE_SPACE,))
    values.update(changes)
    if "line" in changes and "end_line" not in changes:
        values["end_line"] = values["line"]
    return Finding(**values)


def result_with(*findings, errors=()) -> RunResult:
    files = [FileResult("news/story.md", list(findings))] + [FileResult(path, error=msg) for path, msg in errors]
    return RunResult(files, sorted({f.rule_id for f in findings} | {"typography.mixed-quotes"}))


def sarif_shapes(tmp_path: Path) -> dict[str, str]:
    """Every SARIF shape the code produces: empty, findings with and without
    fixes, every level, unreadable files, stdin, a path outside the cwd, and a real run."""
    seed_run = lint_paths([str(SEED)], LintOptions())
    return {
        "empty": format_sarif(RunResult([FileResult("a.md")], [])),
        "findings": format_sarif(result_with(
            finding(),
            finding(line=4, severity=Severity.ERROR, suggestion=None, fixes=()),
            finding(line=5, severity=Severity.INFO, rule_id="typography.mixed-quotes", suggestion="“",
                    fixes=(QUOTES,)),
        )),
        "errors": format_sarif(result_with(errors=[("bad.txt", "not UTF-8"), ("<stdin>", "binary file")])),
        "outside": format_sarif(result_with(finding(path=str(tmp_path.parent / "elsewhere.md")))),
        "related": format_sarif(lint_paths([str(_mixed_article(tmp_path))], LintOptions(grammar=False))),
        "seed": format_sarif(seed_run),
    }


def _mixed_article(tmp_path: Path) -> Path:
    """Three straight apostrophes in an article that uses curly ones: one finding, two related locations."""
    path = tmp_path / "mixed.md"
    path.write_text("# Musk’s visit\n\nTesla’s chief landed. Musk's plane isn't new.\n\nThe firm’s rival's shares fell.\n",
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def schema():
    assert SCHEMA_PATH.is_file(), "run scripts/setup.sh: it installs the SARIF Multitool and its schema"
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def test_sarif_shapes_validate_against_the_schema(tmp_path, schema):
    validator = jsonschema.Draft7Validator(schema)
    for name, text in sarif_shapes(tmp_path).items():
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(json.loads(text))]
        assert errors == [], name


def test_sarif_multitool_reports_zero_errors(tmp_path):
    executable = MULTITOOL_DIR / "Sarif.Multitool"
    assert executable.is_file(), "run scripts/setup.sh: it installs the SARIF Multitool"
    paths = []
    for name, text in sarif_shapes(tmp_path).items():
        path = tmp_path / f"{name}.sarif"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    for path in paths:
        log = tmp_path / f"{path.stem}.validation.sarif"
        completed = subprocess.run([str(executable), "validate", str(path), "--output", str(log)],
                                   capture_output=True, text=True, timeout=300)
        assert completed.returncode == 0, completed.stdout + completed.stderr
        results = json.loads(log.read_text(encoding="utf-8-sig"))["runs"][0]["results"]
        errors = [r for r in results if r.get("level") == "error"]
        assert errors == [], f"{path.name}: {errors}"


def test_sarif_content(tmp_path):
    log = json.loads(sarif_shapes(tmp_path)["findings"])
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["typography.double-space", "typography.mixed-quotes"]
    assert rules[0]["name"] == "DoubleSpace"
    assert rules[0]["defaultConfiguration"]["level"] == "warning"
    assert "Bad example" in rules[0]["help"]["text"]
    first, second, third = run["results"]
    assert first["ruleIndex"] == 0 and third["ruleIndex"] == 1
    assert [r["level"] for r in run["results"]] == ["warning", "error", "note"]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "news/story.md"
    assert location["region"] == {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 7}
    assert first["fixes"] == [{
        "description": {"text": "Use one space"},
        "artifactChanges": [{"artifactLocation": {"uri": "news/story.md"}, "replacements": [
            {"deletedRegion": {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 7},
             "insertedContent": {"text": " "}}]}],
        "properties": {"applicability": "safe"},
    }]
    assert "fixes" not in second
    # Each edit replaces only its own region; an insertion is an empty one.
    assert [r["deletedRegion"] for r in third["fixes"][0]["artifactChanges"][0]["replacements"]] == [
        {"startLine": 4, "startColumn": 2, "endLine": 4, "endColumn": 2},
        {"startLine": 4, "startColumn": 7, "endLine": 4, "endColumn": 8}]
    assert third["fixes"][0]["properties"] == {"applicability": "unsafe"}
    # Same rule and same line text: the occurrence index tells them apart.
    assert first["partialFingerprints"]["primaryLocationLineHash"].endswith(":0")
    assert second["partialFingerprints"]["primaryLocationLineHash"].endswith(":1")


def test_sarif_reports_unreadable_files_as_notifications(tmp_path):
    run = json.loads(sarif_shapes(tmp_path)["errors"])["runs"][0]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert [n["message"]["text"] for n in invocation["toolExecutionNotifications"]] == [
        "bad.txt: not UTF-8", "<stdin>: binary file"]


def test_artifact_uri(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert artifact_uri("news/a story.md") == "news/a%20story.md"
    assert artifact_uri(str(tmp_path / "x.md")) == "x.md"
    assert artifact_uri("/elsewhere/x.md") == "file:///elsewhere/x.md"


def test_json_shape():
    data = json.loads(format_json(result_with(finding(), errors=[("bad.txt", "binary file")])))
    assert data["version"] == 1
    assert data["findings"] == [{
        "path": "news/story.md", "rule": "typography.double-space", "severity": "warning",
        "message": "2 spaces between words; use one", "line": 3, "column": 5, "end_line": 3,
        "end_column": 7, "suggestion": " ",
        "fixes": [{"title": "Use one space", "applicability": "safe", "edits": [
            {"start": 20, "end": 22, "line": 3, "column": 5, "end_line": 3, "end_column": 7,
             "original": "  ", "replacement": " "}]}],
    }]
    assert data["errors"] == [{"path": "bad.txt", "message": "binary file"}]
    assert data["summary"] == {"files": 1, "findings": 1, "error": 0, "warning": 1, "info": 0}


def _standard_json(result: RunResult) -> str:
    """The JSON report as the standard library's indented encoder writes it (what format_json must equal)."""
    document = json.loads(format_json(result))
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def test_json_is_byte_for_byte_the_standard_indented_encoding(tmp_path: Path):
    """format_json lays findings out itself (the C encoder per finding); every shape must
    come out exactly as json.dumps(indent=2) writes it: plain findings, with fixes, with
    properties and related places, text that needs escaping, errors, notices, none at all."""
    tricky = finding(message='Quote " and back\\slash, tab\t, newline\n, “curly”, \u2028, \x1b', suggestion=None,
                     fixes=(), path="news/ünïcode story.md")
    shapes = [
        result_with(),
        result_with(finding(fixes=())),
        result_with(finding(), finding(line=4, fixes=(QUOTES, ONE_SPACE)), tricky,
                    finding(line=6, fixes=(), properties=(("languagetool_rule", "EN_A_VS_AN"),)),
                    finding(line=7, fixes=(), related=(Location(40, 42, "also here", 8, 1, 8, 3),)),
                    errors=[("bad.txt", "binary file"), ("other.txt", "not UTF-8")]),
        RunResult([FileResult("empty.md", notice="empty file, nothing to lint")], []),
        lint_paths([str(_mixed_article(tmp_path))], LintOptions(grammar=False)),  # related locations
        lint_paths([str(SEED)], LintOptions(grammar=False)),
    ]
    assert any(f.related for f in shapes[4].findings)
    for result in shapes:
        assert format_json(result) == _standard_json(result)


def test_text_format_and_colour():
    plain = format_text(result_with(finding(), finding(line=4, suggestion=None, severity=Severity.ERROR, fixes=()),
                                    finding(line=5, suggestion="“", fixes=()),
                                    finding(line=4, fixes=(QUOTES,), line_text='I said" no')))
    assert plain.splitlines() == [
        "news/story.md:3:5: warning typography.double-space 2 spaces between words; use one",
        "    fix (safe): Use one space",
        "      3:5  - Then  end, 100%",
        "           + Then end, 100%",
        "news/story.md:4:5: error typography.double-space 2 spaces between words; use one",
        "news/story.md:5:5: warning typography.double-space 2 spaces between words; use one",
        "    suggestion: “",
        "news/story.md:4:5: warning typography.double-space 2 spaces between words; use one",
        "    fix (unsafe): Use curly quotation marks",
        '      4:2  - I said" no',
        '           + I“ said" no',
        '      4:7  - I said" no',
        '           + I said” no',
        "4 findings (1 error, 3 warnings, 0 info) in 1 file",
    ]
    coloured = format_text(result_with(finding()), color=True)
    assert "\x1b[" in coloured and "\x1b[" not in plain


def test_github_annotations_escape_their_data():
    text = format_github(result_with(
        finding(message="50% off, today:\nnow", severity=Severity.INFO, path="a,b:c.md"),
        errors=[("bad.txt", "binary file")],
    ))
    assert text.splitlines() == [
        "::notice file=a%2Cb%3Ac.md,line=3,col=5,endLine=3,endColumn=7,title=typography.double-space"
        "::50%25 off, today:%0Anow (fix (safe): Use one space)",
        "::error file=bad.txt,title=copydesk::binary file",
    ]
