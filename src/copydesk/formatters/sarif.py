"""SARIF 2.1.0 for code scanning: every rule used, results with code-point regions."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from copydesk import __version__
from copydesk.finding import Finding, Fix, Location
from copydesk.rules import RuleSpec, all_rules
from copydesk.runner import RunResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


PSEUDO_PATHS = ("<stdin>", "<text>")  # names for text that is not a file


def artifact_uri(path: str, base: Path | None = None) -> str:
    """A URI relative to the working directory, or a file URI outside it.

    The path is made absolute but not resolved: a symlinked article is reported
    where the user keeps it, not at its target. Only the exact names of text
    without a file are shown bare; a real file called ``<stdin>.md`` is a file.
    """
    if path in PSEUDO_PATHS:
        return quote(path.strip("<>"))
    absolute = Path(os.path.abspath(path))
    base = Path(os.path.abspath(base or Path.cwd()))
    try:
        relative = absolute.relative_to(base)
    except ValueError:
        return absolute.as_uri()
    return quote(relative.as_posix())


def _rule_help(spec: RuleSpec) -> tuple[str, str]:
    """Plain text and Markdown help: what, why, options, examples."""
    text = [spec.summary, "", spec.rationale]
    markdown = [f"**{spec.summary}**", "", spec.rationale]
    if spec.options:
        markdown += ["", "Options:"]
        for option in spec.options:
            markdown.append(f"- `{option.name}` ({option.type}, default `{option.default}`): {option.description}")
    for label, examples in (("Bad", spec.bad), ("Good", spec.good)):
        if examples:
            text += ["", f"{label} example:", examples[0].text.rstrip()]
            markdown += ["", f"{label} example:", "", "```", examples[0].text.rstrip(), "```"]
    return "\n".join(text).strip(), "\n".join(markdown).strip()


def _rule_descriptor(spec: RuleSpec) -> dict:
    help_text, help_markdown = _rule_help(spec)
    descriptor = {
        "id": spec.id,
        "name": spec.title,
        "shortDescription": {"text": spec.summary},
        "fullDescription": {"text": spec.rationale or spec.summary},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": LEVELS[spec.severity.value]},
        "properties": {"family": spec.family, "tags": [spec.family]},
    }
    if spec.help_url:
        descriptor["helpUri"] = spec.help_url
    return descriptor


def _engine_rule_descriptor(rule_id: str, finding: Finding, source: RuleSpec | None) -> dict:
    """A rule that LanguageTool reported under its own id: its docs come with the finding."""
    facts = dict(finding.properties)
    engine_rule = facts.get("languagetool-rule", rule_id)
    description = facts.get("description") or engine_rule
    lines = [f"{description} (LanguageTool rule {engine_rule}, category {facts.get('languagetool-category', '')})."]
    if facts.get("url"):
        lines.append(f"More: {facts['url']}")
    if source:
        lines += ["", source.rationale]
    descriptor = {
        "id": rule_id,
        "name": "".join(part.capitalize() for part in rule_id.split(".", 1)[1].split("-")),
        "shortDescription": {"text": description},
        "fullDescription": {"text": lines[0]},
        "help": {"text": "\n".join(lines).strip(), "markdown": "\n".join(lines).strip()},
        "defaultConfiguration": {"level": LEVELS[finding.severity.value]},
        "properties": {"family": rule_id.split(".")[0], "tags": [rule_id.split(".")[0], "languagetool"],
                       "languagetool-rule": engine_rule},
    }
    if facts.get("url", "").startswith(("http://", "https://")):
        descriptor["helpUri"] = facts["url"]
    return descriptor


def _descriptors(rule_ids: list[str], findings: list[Finding]) -> list[dict]:
    specs = all_rules()
    first = {}
    for finding in findings:
        first.setdefault(finding.rule_id, finding)
    descriptors = []
    for rule_id in rule_ids:
        if rule_id in specs:
            descriptors.append(_rule_descriptor(specs[rule_id]))
        else:
            source = specs.get(f"{rule_id.split('.')[0]}.languagetool")
            descriptors.append(_engine_rule_descriptor(rule_id, first[rule_id], source))
    return descriptors


def _region(finding: Finding) -> dict:
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }


def _line_hash(finding: Finding) -> str:
    digest = hashlib.sha256(f"{finding.rule_id}\0{finding.line_text.strip()}".encode()).hexdigest()
    return digest[:16]


def _result(finding: Finding, rule_index: int, fingerprint: str) -> dict:
    location = {"artifactLocation": {"uri": artifact_uri(finding.path)}, "region": _region(finding)}
    result = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity.value],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {"primaryLocationLineHash": fingerprint},
    }
    if finding.related:
        result["relatedLocations"] = [_related(finding.path, index, location)
                                      for index, location in enumerate(finding.related, start=1)]
    if finding.fixes:
        result["fixes"] = [_fix(finding.path, fix) for fix in finding.fixes]
    return result


def _related(path: str, index: int, location: Location) -> dict:
    """Another occurrence of the same inconsistency, reported with the first."""
    related = {
        "id": index,
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(path)},
            "region": {"startLine": location.line, "startColumn": location.column,
                       "endLine": location.end_line, "endColumn": location.end_column},
        },
    }
    if location.message:
        related["message"] = {"text": location.message}
    return related


def _fix(path: str, fix: Fix) -> dict:
    """A SARIF fix: each edit replaces exactly the region it changes (an
    insertion is an empty region), never the whole finding."""
    replacements = [
        {
            "deletedRegion": {"startLine": edit.line, "startColumn": edit.column,
                              "endLine": edit.end_line, "endColumn": edit.end_column},
            "insertedContent": {"text": edit.replacement},
        }
        for edit in fix.edits
    ]
    return {
        "description": {"text": fix.title},
        "artifactChanges": [{"artifactLocation": {"uri": artifact_uri(path)}, "replacements": replacements}],
        "properties": {"applicability": fix.applicability.value},
    }


def format_sarif(result: RunResult, **_) -> str:
    rule_ids = sorted(set(result.rules_used) | {f.rule_id for f in result.findings})
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    occurrences: Counter = Counter()
    results = []
    for finding in result.findings:
        line_hash = _line_hash(finding)
        key = (finding.path, line_hash)
        fingerprint = f"{line_hash}:{occurrences[key]}"
        occurrences[key] += 1
        results.append(_result(finding, index[finding.rule_id], fingerprint))
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{r.path}: {r.error}"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.path)}}}],
        }
        for r in result.errors
    ]
    run = {
        "tool": {
            "driver": {
                "name": "copydesk",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": _descriptors(rule_ids, result.findings),
            }
        },
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": not result.errors, "toolExecutionNotifications": notifications}],
        "results": results,
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
