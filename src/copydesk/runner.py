"""The runner: parse once, run the enabled rules, locate and filter findings.

It never prints: results come back as values, and problems with files are
results too, so one bad file never stops the others.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from copydesk.config import Config, ConfigResolver
from copydesk.document import Directive, Document
from copydesk.finding import Finding, Hit, Severity
from copydesk.parse import format_for, parse
from copydesk.rules import RuleContext, all_rules, implementation, matches
from copydesk.sources import DEFAULT_MAX_BYTES, STDIN, Source, SourceError, discover, read_source

PARALLEL_THRESHOLD = 16  # below this, starting worker processes costs more than it saves


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # the file could not be linted
    notice: str | None = None  # linted, but worth a word (an empty file)
    word_count: int = 0


@dataclass
class RunResult:
    files: list[FileResult]
    rules_used: list[str]

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.files for f in result.findings]

    @property
    def errors(self) -> list[FileResult]:
        return [result for result in self.files if result.error]

    def exit_code(self, fail_on: str = "warning") -> int:
        """2 if a file could not be linted, 1 if a finding reaches ``fail_on``, else 0."""
        if self.errors:
            return 2
        if fail_on == "never":
            return 0
        threshold = Severity(fail_on).rank
        return 1 if any(f.severity.rank >= threshold for f in self.findings) else 0


@dataclass(frozen=True)
class LintOptions:
    """Settings for a run that are not per-file configuration."""

    config_path: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    publication_date: date | None = None
    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    stdin_filename: str | None = None
    jobs: int | None = None
    debug: bool = False  # let internal errors raise instead of reporting them per file

    def resolver(self) -> ConfigResolver:
        overrides = {"select": self.select, "ignore": self.ignore, "fail_on": self.fail_on}
        return ConfigResolver(self.config_path, overrides)


def publication_date(doc: Document, config: Config, override: date | None = None) -> date | None:
    """--date wins, then the article's front matter, then the config file."""
    return override or doc.publication_date or config.publication_date


def lint_document(doc: Document, config: Config, date_override: date | None = None) -> list[Finding]:
    specs = all_rules()
    when = publication_date(doc, config, date_override)
    findings = set()
    for rule_id in config.enabled_rules():
        context = RuleContext(specs[rule_id], config.options(rule_id), config.house, when)
        severity = config.severity(rule_id)
        for hit in implementation(rule_id)(doc, context):
            findings.add(_locate(doc, rule_id, severity, hit))
    return sorted(f for f in findings if not _suppressed(f, doc.directives))


def _locate(doc: Document, rule_id: str, severity: Severity, hit: Hit) -> Finding:
    start = min(max(hit.start, 0), len(doc.source))
    end = min(max(hit.end, start), len(doc.source))
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return Finding(
        path=doc.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule_id=rule_id,
        severity=severity,
        message=hit.message,
        suggestion=hit.suggestion,
        offset=start,
        end_offset=end,
        line_text=doc.line_text(line),
    )


def _suppressed(finding: Finding, directives: list[Directive]) -> bool:
    """Apply inline comments in source order: later ones override earlier ones."""
    suppressed = False
    for directive in directives:
        names_rule = not directive.targets or any(matches(finding.rule_id, t) for t in directive.targets)
        if not names_rule:
            continue
        if directive.action == "disable-next-line":
            if finding.line == directive.line + 1:
                return True
        elif directive.line <= finding.line:
            suppressed = directive.action == "disable"
    return suppressed


def lint_text(text: str, path: str = "<text>", fmt: str | None = None, config: Config | None = None,
              date_override: date | None = None) -> list[Finding]:
    """Lint a string. ``fmt`` is ``markdown`` or ``text`` (default: from the path)."""
    doc = parse(text.removeprefix("\ufeff"), path, fmt)
    return lint_document(doc, config or Config(), date_override)


def lint_source(source: Source, config: Config, fmt: str | None = None,
                date_override: date | None = None) -> FileResult:
    doc = parse(source.text, source.path, fmt)
    findings = lint_document(doc, config, date_override)
    words = sum(block.word_count for block in doc.blocks)
    return FileResult(source.path, findings, notice=source.notice, word_count=words)


def lint_file(path: str, options: LintOptions, resolver: ConfigResolver) -> FileResult:
    display = path if path != STDIN else (options.stdin_filename or "<stdin>")
    try:
        source = read_source(path, options.encoding, options.max_bytes)
    except SourceError as error:
        return FileResult(display, error=str(error))
    if path == STDIN:
        source = Source(display, source.text, source.notice)
    fmt = format_for(options.stdin_filename or "stdin.md") if path == STDIN else None
    config = resolver.for_path(None if path == STDIN else Path(path))
    try:
        return lint_source(source, config, fmt, options.publication_date)
    except Exception as error:  # a bug in copydesk must not cost the other files
        if options.debug:
            raise
        return FileResult(display, error=f"internal error ({type(error).__name__}: {error}); "
                                         "please report it, with --debug for the traceback")


# Worker-process state: each worker builds its resolver once.
_WORKER: tuple[LintOptions, ConfigResolver] | None = None


def _init_worker(options: LintOptions) -> None:
    global _WORKER
    _WORKER = (options, options.resolver())


def _lint_in_worker(path: str) -> FileResult:
    options, resolver = _WORKER
    return lint_file(path, options, resolver)


def lint_paths(paths: list[str], options: LintOptions | None = None,
               on_progress: Callable[[int, int], None] | None = None) -> RunResult:
    """Lint files and folders. Config errors raise ConfigError; file problems
    become FileResults with ``error`` set."""
    options = options or LintOptions()
    resolver = options.resolver()
    files, problems = discover(paths)
    results = [FileResult(path, error=message) for path, message in problems]
    jobs = options.jobs or os.cpu_count() or 1
    # Resolve every file's config here first: a config error should stop the run
    # before any work, and the rules used are known for SARIF.
    rules_used: set[str] = set()
    for path in files:
        rules_used.update(resolver.for_path(None if path == STDIN else Path(path)).enabled_rules())
    if jobs > 1 and len(files) >= PARALLEL_THRESHOLD and STDIN not in files:
        context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(options,)) as pool:
            for done, result in enumerate(pool.map(_lint_in_worker, files, chunksize=8), start=1):
                results.append(result)
                if on_progress:
                    on_progress(done, len(files))
    else:
        for done, path in enumerate(files, start=1):
            results.append(lint_file(path, options, resolver))
            if on_progress:
                on_progress(done, len(files))
    return RunResult(results, sorted(rules_used))
