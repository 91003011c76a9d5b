"""The runner: parse once, run the enabled rules, locate and filter findings.

It never prints: results come back as values, and problems with files are
results too, so one bad file never stops the others. A LanguageTool server,
when grammar or spelling rules are on, lives exactly as long as one run.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from types import MappingProxyType

from copydesk.config import ENGINE_FAMILIES, Config, ConfigResolver
from copydesk.document import Directive, Document
from copydesk.finding import Finding, Hit, Location, Severity
from copydesk.fixes import locate_fixes
from copydesk.languagetool import EngineError, ServerNeeded
from copydesk.parse import format_for, parse
from copydesk.rules import RuleContext, all_rules, implementation, suppressed
from copydesk.sources import DEFAULT_MAX_BYTES, STDIN, Selection, Source, SourceError, discover, read_source

PARALLEL_THRESHOLD = 16  # below this, starting worker processes costs more than it saves
# Files a worker is sent at a time. Each group is a round trip through the pool's queues
# (about a millisecond of the parent's CPU), so groups start large; they shrink towards
# the end of the run so that the workers finish together.
CHUNK_MAX_FILES = 64
CHUNK_MIN_FILES = 2
# Linted once in the parent before workers fork, so that the family modules, word lists and
# syllable table every worker would load on its first file are loaded once and shared.
WARM_UP_TEXT = ("Warm-up: Council says 3,000 homes cost £1.5m\n\n"
                "The council said on 4 May 2004 that 3,000 homes, about 12% of the total, cost £1.5m. "
                "\"It is the largest scheme in the country,\" Mr Smith told the BBC (on Monday).\n")


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # the file could not be linted
    notice: str | None = None  # linted, but worth a word (an empty file)
    word_count: int = 0
    engine_error: str | None = None  # linted without grammar and spelling: why
    source: str | None = None  # the text, kept only for reports that show it (HTML)
    stats: dict | None = None  # readability figures, kept with the source
    fixed: int = 0  # fixes applied by --fix (or that --fix --dry-run would apply)
    diff: str | None = None  # --fix --dry-run: the unified diff of those fixes
    needs_server: bool = False  # not linted: a paragraph is not in the grammar cache and no server runs yet


@dataclass
class RunResult:
    files: list[FileResult]
    rules_used: list[str]
    engine_error: str | None = None  # LanguageTool could not be used for this run
    engine_required: bool = True
    warnings: list[str] = field(default_factory=list)  # worth saying, never a failure (a damaged cache)

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.files for f in result.findings]

    @property
    def errors(self) -> list[FileResult]:
        return [result for result in self.files if result.error]

    @property
    def engine_problems(self) -> list[str]:
        """Distinct reasons grammar and spelling were skipped, for the run or some files."""
        problems = [self.engine_error] if self.engine_error else []
        for result in self.files:
            if result.engine_error and result.engine_error not in problems:
                problems.append(result.engine_error)
        return problems

    def exit_code(self, fail_on: str = "warning") -> int:
        """2 if a file could not be linted or a required engine failed, 1 if a
        finding reaches ``fail_on``, else 0."""
        if self.errors or (self.engine_problems and self.engine_required):
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
    exclude: tuple[str, ...] = ()  # --exclude: gitignore-style globs, relative to the current folder
    jobs: int | None = None
    debug: bool = False  # let internal errors raise instead of reporting them per file
    grammar: bool = True  # False: --no-grammar, LanguageTool is not used at all
    grammar_optional: bool = False  # a missing LanguageTool is a warning, not exit 2
    languagetool_url: str | None = None
    languagetool_identity: str | None = None  # the server, for the result cache (set by the run)
    languagetool_version: str | None = None  # the local installation's version, for the result cache
    languagetool_on_demand: bool = False  # no server yet: grammar from the cache, a miss needs one started
    use_cache: bool = True
    cache_verified: bool = False  # the run has opened and checked the result cache already
    keep_source: bool = False  # keep each file's text and readability figures (the HTML report)
    vale_config: Path | None = None  # --vale-config: run this .vale.ini's styles (issue 17)
    fix: bool = False  # --fix: apply fixes and write the files (see copydesk.rewrite)
    unsafe_fixes: bool = False  # --unsafe-fixes: apply unsafe fixes too
    dry_run: bool = False  # --fix --dry-run: compute the diff, write nothing

    def selection(self, resolver: ConfigResolver) -> Callable[[Path], Selection]:
        """For each path argument, the files its config (and --exclude) selects."""
        def for_argument(path: Path) -> Selection:
            config = resolver.for_path(path / "_" if path.is_dir() else path)
            base = config.path.parent if config.path else Path.cwd()
            return Selection(((base, config.exclude), (Path.cwd(), self.exclude)), config.extensions, config.gitignore)

        return for_argument

    def config_path_for(self, path: str) -> Path | None:
        """The file whose folder's config applies: text on stdin takes --stdin-filename's."""
        if path == STDIN:
            return Path(self.stdin_filename) if self.stdin_filename else None
        return Path(path)

    def resolver(self) -> ConfigResolver:
        ignore = self.ignore if self.grammar else self.ignore + ENGINE_FAMILIES
        overrides = {"select": self.select, "ignore": ignore, "fail_on": self.fail_on, "vale_config": self.vale_config}
        return ConfigResolver(self.config_path, overrides)


def publication_date(doc: Document, config: Config, override: date | None = None) -> date | None:
    """--date wins, then the article's front matter, then the config file."""
    return override or doc.publication_date or config.publication_date


def lint_document(doc: Document, config: Config, date_override: date | None = None) -> tuple[list[Finding], str | None]:
    """Findings for one document, and why grammar was skipped if it was."""
    plan = _plan(config)
    findings = set()
    engine_error = None
    for rule_id, context, finished in zip(plan.rule_ids, plan.contexts(publication_date(doc, config, date_override)),
                                          plan.finished_families):
        try:
            for hit in implementation(rule_id)(doc, context):
                finding_id = hit.rule_id or rule_id
                if config.keeps(finding_id, rule_id):
                    findings.add(_locate(doc, finding_id, config.severity_of(finding_id, rule_id, hit.severity), hit))
        except EngineError as error:
            engine_error = str(error)
        if finished:
            _release(doc, finished)
    if doc.directives:
        findings = [f for f in findings if not _suppressed(f, doc.directives)]
    return sorted(findings), engine_error


class _RulePlan:
    """What lint_document works out from a config alone, once per config rather than
    once per document: the enabled rules in running order, the family each one
    finishes (if it is its family's last), and the rules' contexts."""

    MAX_DATES = 64  # contexts kept for this many publication dates (a site's articles have one each)

    def __init__(self, config: Config) -> None:
        self.config = config
        self.rule_ids = tuple(_family_order(config.enabled_rules()))
        families = [_family(rule_id) for rule_id in self.rule_ids]
        self.finished_families = tuple(family if family not in families[index + 1:] else None
                                       for index, family in enumerate(families))
        self.enabled = frozenset(self.rule_ids)
        self._contexts: dict[date | None, tuple[RuleContext, ...]] = {}

    def contexts(self, when: date | None) -> tuple[RuleContext, ...]:
        """Each rule's context for documents published ``when``. A context is read, never
        changed, by the rules, so one serves every document of that date; its options are
        read-only so that no rule can change what the next document sees."""
        contexts = self._contexts.get(when)
        if contexts is None:
            if len(self._contexts) >= self.MAX_DATES:
                self._contexts.clear()
            contexts = self._contexts[when] = tuple(self._context(rule_id, when) for rule_id in self.rule_ids)
        return contexts

    def _context(self, rule_id: str, when: date | None) -> RuleContext:
        config = self.config
        return RuleContext(all_rules()[rule_id], MappingProxyType(config.options(rule_id)), config.house, when,
                           self.enabled, config.vocabulary(), config.languagetool, styles=config.styles,
                           run_memo=config.run_memo)


def _plan(config: Config) -> _RulePlan:
    plan = config.derived.get("rule-plan")
    if plan is None:
        plan = config.derived["rule-plan"] = _RulePlan(config)
    return plan


def _family(rule_id: str) -> str:
    return rule_id.split(".")[0]


def _family_order(enabled: list[str]) -> list[str]:
    """The rules family by family, grammar and spelling first: a paragraph missing
    from their cache stops the document at once (ServerNeeded), before the other
    families spend time on a text that is linted again."""
    families = list(dict.fromkeys(_family(rule_id) for rule_id in enabled))
    rank = {family: (family not in ENGINE_FAMILIES, index) for index, family in enumerate(families)}
    return sorted(enabled, key=lambda rule_id: rank[_family(rule_id)])


def _release(doc: Document, family: str) -> None:
    """Drop what one family kept for its own rules (``doc.cache`` keys named
    "<family>-..."), once its last rule has run: a family's readings of a long
    article (every sentence's figures and tokens) need not outlive it."""
    for key in [key for key in doc.cache if isinstance(key, str) and key.startswith(f"{family}-")]:
        del doc.cache[key]


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
        properties=hit.properties,
        fixes=locate_fixes(doc, hit.fixes),
        related=tuple(_located_related(doc, location) for location in hit.related),
    )


def _located_related(doc: Document, location: Location) -> Location:
    start = min(max(location.start, 0), len(doc.source))
    end = min(max(location.end, start), len(doc.source))
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return replace(location, start=start, end=end, line=line, column=column, end_line=end_line, end_column=end_column)


def _suppressed(finding: Finding, directives: list[Directive]) -> bool:
    return suppressed(finding.rule_id, finding.line, directives, finding.column, _matched_text(finding))


def _matched_text(finding: Finding) -> str:
    if finding.end_line != finding.line:
        return ""
    return finding.line_text[finding.column - 1 : finding.end_column - 1]


def lint_text(text: str, path: str = "<text>", fmt: str | None = None, config: Config | None = None,
              date_override: date | None = None) -> list[Finding]:
    """Lint a string. ``fmt`` is ``markdown`` or ``text`` (default: from the path).

    Grammar and spelling run only while a LanguageTool server is active
    (``copydesk.languagetool.client.activate(url)``); ``lint_paths`` starts one itself.
    """
    from copydesk.languagetool.client import is_active

    config = config or Config()
    if not is_active():
        config = config.with_overrides(ignore=ENGINE_FAMILIES)
    doc = parse(text.removeprefix("\ufeff"), path, fmt, config.front_matter)
    findings, engine_error = lint_document(doc, config, date_override)
    if engine_error:
        raise EngineError(engine_error)
    return findings


def lint_source(source: Source, config: Config, fmt: str | None = None,
                date_override: date | None = None, keep_source: bool = False) -> FileResult:
    doc = parse(source.text, source.path, fmt, config.front_matter)
    findings, engine_error = lint_document(doc, config, date_override)
    words = sum(block.word_count for block in doc.blocks)
    result = FileResult(source.path, findings, notice=source.notice, word_count=words, engine_error=engine_error)
    if keep_source:
        from copydesk.readability import article_stats, word_readings

        result.source, result.stats = doc.source, article_stats(doc, readings=word_readings(config.run_memo))
    return result


def lint_file(path: str, options: LintOptions, resolver: ConfigResolver) -> FileResult:
    display = path if path != STDIN else (options.stdin_filename or "<stdin>")
    try:
        source = read_source(path, options.encoding, options.max_bytes)
    except SourceError as error:
        return FileResult(display, error=str(error))
    if path == STDIN:
        source = Source(display, source.text, source.notice)
    fmt = format_for(options.stdin_filename or "stdin.md") if path == STDIN else None
    config = resolver.for_path(options.config_path_for(path))
    try:
        if options.fix:
            return _fix_file(path, source, config, fmt, options)
        return lint_source(source, config, fmt, options.publication_date, options.keep_source)
    except ServerNeeded:  # the run starts LanguageTool and lints this file again
        return FileResult(display, needs_server=True)
    except Exception as error:  # a bug in copydesk must not cost the other files
        if options.debug:
            raise
        return FileResult(display, error=f"internal error ({type(error).__name__}: {error}); "
                                         "please report it, with --debug for the traceback")


def _fix_file(path: str, source: Source, config: Config, fmt: str | None, options: LintOptions) -> FileResult:
    from copydesk.rewrite import fix_file

    def lint(text: str) -> FileResult:
        return lint_source(Source(source.path, text, source.notice), config, fmt, options.publication_date,
                           options.keep_source)

    return fix_file(path, source.text, lint, encoding=options.encoding, unsafe=options.unsafe_fixes,
                    dry_run=options.dry_run, stdin=path == STDIN)


# --- LanguageTool for the run -----------------------------------------------------------

class RunEngine:
    """Finds or starts the LanguageTool server for one run, and stops what it started.

    Order: --languagetool-url, config ``languagetool.url``, $COPYDESK_LANGUAGETOOL_URL,
    a warm server from ``copydesk languagetool start``, else a new local server.
    ``find`` looks without starting anything, so a run whose paragraphs are all in
    the result cache never starts Java; ``start`` finds, then starts if need be.
    """

    def __init__(self, url: str | None) -> None:
        self.requested_url = url or os.environ.get("COPYDESK_LANGUAGETOOL_URL")
        self.url: str | None = None
        self.identity: str | None = None  # whose answers these are, for the result cache
        self.version: str | None = None  # the local installation's version (a remote server is asked)
        self._server = None
        self._found = False

    def find(self) -> str | None:
        """The named or warm server's URL, or None: the local installation is
        there (EngineError if not) and ``start`` would start its server."""
        from copydesk.languagetool.server import installation, is_alive, local_identity, warm_server_url

        self._found = True
        if self.requested_url:
            if not is_alive(self.requested_url, timeout=5.0):
                raise EngineError(f"no LanguageTool server answers at {self.requested_url}; "
                                  "check the URL, or pass --no-grammar")
            self.url = self.requested_url
            self.identity = f"remote {self.requested_url}"
            return self.url
        self.url = warm_server_url()
        try:
            version = installation().get("version")
        except EngineError:
            if self.url is None:
                raise  # not installed: say so now, with the fix
            version = None
        # The installation's version, not the server's word for it: a cache filled
        # through a warm server serves a run that has none, and the other way round.
        self.version = version if isinstance(version, str) else None
        self.identity = local_identity()
        return self.url

    def start(self) -> str:
        from copydesk.languagetool.server import LocalServer

        if not self._found:
            self.find()
        if self.url is None:
            self._server = LocalServer()
            self.url = self._server.start()
        return self.url

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None


# Worker-process state: each worker builds its resolver once.
_WORKER: tuple[LintOptions, ConfigResolver] | None = None


def _init_worker(options: LintOptions, parent: int) -> None:
    global _WORKER
    from copydesk.languagetool.server import die_with_parent

    die_with_parent()  # a killed copydesk takes its workers with it
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)
    _WORKER = (options, options.resolver())
    from copydesk.languagetool.client import activate

    activate(**_engine_settings(options))


def _engine_settings(options: LintOptions) -> dict:
    """The arguments of ``activate`` for this run's LanguageTool."""
    return {"url": options.languagetool_url, "use_cache": options.use_cache,
            "identity": options.languagetool_identity, "cache_verified": options.cache_verified,
            "version": options.languagetool_version, "cache_only": options.languagetool_on_demand}


def _lint_in_worker(paths: list[str]) -> list[FileResult]:
    options, resolver = _WORKER
    return [lint_file(path, options, resolver) for path in paths]


def lint_paths(paths: list[str], options: LintOptions | None = None,
               on_progress: Callable[[int, int], None] | None = None) -> RunResult:
    """Lint files and folders. Config errors raise ConfigError; file problems
    become FileResults with ``error`` set; an engine that cannot be used is
    reported in ``RunResult.engine_error`` and the other families still run."""
    options = options or LintOptions()
    resolver = options.resolver()
    files, problems = discover(paths, options.selection(resolver))
    # Resolve every file's config first: a config error stops the run before any
    # work, and the rules used are known for SARIF and for starting LanguageTool.
    rules_used: set[str] = set()
    for path in files:
        rules_used.update(resolver.for_path(options.config_path_for(path)).enabled_rules())
    run_config = resolver.for_path(None)
    required = run_config.languagetool.get("required", True) and not options.grammar_optional
    engine_error = None
    engine = None
    warnings: list[str] = []
    if files and any(rule.split(".")[0] in ENGINE_FAMILIES for rule in rules_used):
        engine = RunEngine(options.languagetool_url or run_config.languagetool.get("url"))
        try:
            options = _with_checked_cache(_with_engine(options, engine), warnings)
            if options.languagetool_on_demand and not options.use_cache:  # no cache to answer from
                options = replace(options, languagetool_url=engine.start(), languagetool_on_demand=False)
        except EngineError as error:
            engine_error = str(error)
            options = _without_engine(options)
    try:
        results = [FileResult(path, error=message) for path, message in problems]
        run = _Run(options, engine, warnings)
        results += _lint_files(files, run, on_progress)
        engine_error = engine_error or run.engine_error
    finally:
        if engine:
            engine.stop()
    if engine_error:
        rules_used = {r for r in rules_used if r.split(".")[0] not in ENGINE_FAMILIES}
    return RunResult(results, sorted(rules_used), engine_error, required, warnings)


def _with_engine(options: LintOptions, engine: RunEngine) -> LintOptions:
    """Options naming the run's server. With the result cache on and no server
    running, none is started yet: files lint from the cache, and the first
    paragraph the cache lacks starts one (``_Run.start_engine``)."""
    url = engine.find() if options.use_cache else engine.start()
    return replace(options, languagetool_url=url, languagetool_identity=engine.identity,
                   languagetool_version=engine.version, languagetool_on_demand=url is None)


def _without_engine(options: LintOptions) -> LintOptions:
    return replace(options, grammar=False, languagetool_url=None, languagetool_on_demand=False)


class _Run:
    """The options files are linted with, which change once if LanguageTool has to be started."""

    def __init__(self, options: LintOptions, engine: RunEngine | None, warnings: list[str]) -> None:
        self.options, self.engine, self.warnings = options, engine, warnings
        self.engine_error: str | None = None

    def start_engine(self) -> LintOptions:
        """Start the server for a file the cache cannot answer: options that use it,
        or, if it cannot start, options without grammar (the reason in ``engine_error``)."""
        if self.options.languagetool_on_demand:
            try:
                self.options = replace(self.options, languagetool_url=self.engine.start(), languagetool_on_demand=False)
            except EngineError as error:
                self.engine_error = str(error)
                self.options = _without_engine(self.options)
        return self.options


def _with_checked_cache(options: LintOptions, warnings: list[str]) -> LintOptions:
    """Open and check the result cache once, before any worker starts: a damaged
    cache is rebuilt and one that cannot be used is switched off, each with one warning."""
    if not options.use_cache:
        return options
    from copydesk.languagetool.client import ResultCache

    cache = ResultCache()
    usable = cache.check()
    warnings.extend(cache.warnings)
    return replace(options, use_cache=usable, cache_verified=True)


def _lint_files(files: list[str], run: _Run, on_progress: Callable[[int, int], None] | None) -> list[FileResult]:
    options = run.options
    jobs = options.jobs or os.cpu_count() or 1
    if jobs > 1 and len(files) >= PARALLEL_THRESHOLD and STDIN not in files:
        return _lint_in_pools(files, run, jobs, _Progress(len(files), on_progress))
    results = []
    resolver = options.resolver()
    with _activated(options):  # this run's server only
        for done, path in enumerate(files, start=1):
            result = lint_file(path, options, resolver)
            if result.needs_server:
                from copydesk.languagetool.client import activate

                options = run.start_engine()
                resolver = options.resolver()
                activate(**_engine_settings(options))
                result = lint_file(path, options, resolver)
            results.append(result)
            if on_progress:
                on_progress(done, len(files))
    return results


def _activated(options: LintOptions):
    """The run's LanguageTool, active in this process for a block (nothing to do without one)."""
    if options.languagetool_url is None and not options.languagetool_on_demand:
        return nullcontext()
    from copydesk.languagetool.client import activated

    return activated(**_engine_settings(options))


class _Progress:
    def __init__(self, total: int, report: Callable[[int, int], None] | None) -> None:
        self.total, self.done, self.report = total, 0, report

    def step(self) -> None:
        self.done += 1
        if self.report:
            self.report(self.done, self.total)


WORKER_DIED = ("the worker process linting this file died (killed, or out of memory) twice; "
               "lint it again alone, or with -j 1")


def _lint_in_pools(files: list[str], run: _Run, jobs: int, progress: _Progress) -> list[FileResult]:
    """Lint in worker processes; then, if some file needs a paragraph the grammar
    cache lacks, start LanguageTool and lint those files again."""
    results: dict[int, FileResult] = {}
    forking = hasattr(os, "fork")
    if forking:
        _warm_up(files, run.options)
    with _frozen_heap() if forking else nullcontext():
        _lint_indexes_in_pools(files, list(range(len(files))), run.options, jobs, results, progress, run.warnings)
        waiting = [index for index, result in results.items() if result.needs_server]
        if waiting:
            _lint_indexes_in_pools(files, waiting, run.start_engine(), jobs, results, progress, run.warnings)
    return [results[index] for index in range(len(files))]


@contextmanager
def _frozen_heap():
    """Keep what the parent has made so far (modules, word lists, the warm-up's tables)
    out of the garbage collector's sight while forked workers run: a full collection in
    a worker then does not walk those objects again, nor write to their pages, which
    copy-on-write would copy into every worker (the pattern ``gc.freeze`` exists for)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _lint_indexes_in_pools(files: list[str], indexes: list[int], options: LintOptions, jobs: int,
                           results: dict[int, FileResult], progress: _Progress, warnings: list[str]) -> None:
    """Lint ``files[i]`` for each index into ``results``. A worker that dies
    (``kill -9``, the OOM killer) breaks its pool and every file still in it:
    those files are linted again in a new pool, then one file per process, so a
    file that kills its worker each time is reported as failed and no other file is lost."""
    lost = _pool_round(files, indexes, options, jobs, results, progress)
    if lost:
        count = f"{len(lost)} file was" if len(lost) == 1 else f"{len(lost)} files were"
        warnings.append(f"a worker process died; {count} linted again")
        lost = _pool_round(files, lost, options, jobs, results, progress)
    for index in lost:  # alone now: only a file that kills its own worker again fails
        if _pool_round(files, [index], options, 1, results, progress):
            results[index] = FileResult(files[index], error=WORKER_DIED)
            progress.step()


def _warm_up(files: list[str], options: LintOptions) -> None:
    """Lint a short text of each format in the run, in this process, with the run's config:
    every family loads its modules and data here, and forked workers inherit them.
    Grammar is left out (the parent has no LanguageTool client), and so is any error: a
    worker meets the same one on a real file and reports it there."""
    config = options.resolver().for_path(None).with_overrides(ignore=ENGINE_FAMILIES)
    for fmt in sorted({format_for(path) for path in files}):
        try:
            parsed = parse(WARM_UP_TEXT, f"warm-up.{fmt}", fmt, config.front_matter)
            lint_document(parsed, config)
        except Exception:  # noqa: BLE001 - only a head start; the real files report their own errors
            return


def _chunks(indexes: list[int], jobs: int) -> list[list[int]]:
    """The files in groups, each about a quarter of a worker's share of the files still
    to hand out (within CHUNK_MIN_FILES..CHUNK_MAX_FILES): few round trips, and small
    groups last, so that no worker is left with a long one while the others idle."""
    chunks = []
    start = 0
    while start < len(indexes):
        size = max(CHUNK_MIN_FILES, min(CHUNK_MAX_FILES, (len(indexes) - start) // (jobs * 4)))
        chunks.append(indexes[start:start + size])
        start += size
    return chunks


def _pool_round(files: list[str], indexes: list[int], options: LintOptions, jobs: int,
                results: dict[int, FileResult], progress: _Progress) -> list[int]:
    """Lint ``files[i]`` for each index into ``results``; return the indexes lost to a dead worker
    (every file of a group whose worker died)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    lost = []
    with ProcessPoolExecutor(min(jobs, len(indexes)), mp_context=context, initializer=_init_worker,
                             initargs=(options, os.getpid())) as pool:
        futures = {}
        for chunk in _chunks(indexes, jobs):
            try:
                futures[pool.submit(_lint_in_worker, [files[index] for index in chunk])] = chunk
            except BrokenProcessPool:  # a worker died while the files were being handed out
                lost.extend(chunk)
        for future in as_completed(futures):
            chunk = futures[future]
            try:
                linted = future.result()
            except BrokenProcessPool:
                lost.extend(chunk)
                continue
            for index, result in zip(chunk, linted):
                results[index] = result
                if not result.needs_server:  # linted again once the server is up
                    progress.step()
    return sorted(lost)
