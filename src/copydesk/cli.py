"""The command line: glue between click and the library. Nothing here lints."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import click

from copydesk import __version__
from copydesk.formatters import FORMATS, printable

EXIT_OK, EXIT_FINDINGS, EXIT_TROUBLE = 0, 1, 2
PROGRESS_MIN_FILES = 20


def _fail(message: str) -> None:
    click.echo(f"copydesk: error: {message}", err=True)
    sys.exit(EXIT_TROUBLE)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _size(value: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    value = value.strip().lower().removesuffix("b")
    try:
        if value and value[-1] in units:
            return int(float(value[:-1]) * units[value[-1]])
        return int(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a size such as 10M or 500k") from None


def _show_progress() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="copydesk")
def main() -> None:
    """copydesk: an editorial quality linter for articles and reports."""


RUN_OPTIONS = [
    click.argument("paths", nargs=-1, required=True),
    click.option("--select", multiple=True, help="Only these rule ids or families (comma-separated)."),
    click.option("--ignore", multiple=True, help="Skip these rule ids or families (comma-separated)."),
    click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                 help="Use this config file instead of searching for one."),
    click.option("--date", "publication_date", help="Publication date (YYYY-MM-DD) for date checks."),
    click.option("--encoding", help="Decode files with this encoding instead of UTF-8 (e.g. latin-1)."),
    click.option("--max-file-size", default="10M", show_default=True, help="Skip larger files with an error."),
    click.option("--stdin-filename", help="Name (and so format and config folder) for text read from '-'."),
    click.option("--exclude", multiple=True,
                 help="Leave out files matching this gitignore-style glob (repeatable; relative to the current folder)."),
    click.option("-j", "--jobs", type=click.IntRange(1), help="Worker processes [default: CPU count]."),
    click.option("--no-grammar", is_flag=True, help="Skip LanguageTool: no grammar.* or spelling.* findings."),
    click.option("--grammar-optional", is_flag=True,
                 help="If LanguageTool is unavailable, warn and go on instead of exiting 2."),
    click.option("--languagetool-url", help="Use this LanguageTool server instead of starting one."),
    click.option("--no-cache", is_flag=True, help="Do not read or write the LanguageTool result cache."),
    click.option("--no-progress", is_flag=True, help="Never show a progress bar."),
    click.option("--debug", is_flag=True, help="Show tracebacks for internal errors."),
    click.option("--vale-config", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                 help="Also run the styles of this .vale.ini (its StylesPath, BasedOnStyles and overrides)."),
]


def run_options(command):
    """The options shared by `lint` and `baseline`."""
    for option in reversed(RUN_OPTIONS):
        command = option(command)
    return command


def _run(paths, select, ignore, config_path, publication_date, encoding, max_file_size, stdin_filename, exclude, jobs,
         no_grammar, grammar_optional, languagetool_url, no_cache, no_progress, debug, fail_on=None, keep_source=False,
         fixing=None, vale_config=None):
    """Lint ``paths``; report file and engine problems on stderr; return (result, options)."""
    from copydesk.config import ConfigError, parse_date, validate_patterns
    from copydesk.runner import LintOptions, lint_paths

    try:
        options = LintOptions(
            config_path=config_path,
            select=validate_patterns(list(_split(select)), "--select"),
            ignore=validate_patterns(list(_split(ignore)), "--ignore"),
            fail_on=fail_on,
            publication_date=parse_date(publication_date, "--date") if publication_date else None,
            encoding=encoding,
            max_bytes=_size(max_file_size),
            stdin_filename=stdin_filename,
            exclude=tuple(exclude),
            jobs=jobs,
            debug=debug,
            grammar=not no_grammar,
            grammar_optional=grammar_optional,
            languagetool_url=languagetool_url,
            use_cache=not no_cache,
            keep_source=keep_source,
            **(fixing or {}),
            vale_config=vale_config,
        )
        _announce_skipped_style_rules(options, paths)
        progress = _ProgressBar() if not no_progress and _show_progress() else None
        result = lint_paths(list(paths), options, on_progress=progress)
        if progress:
            progress.close()
    except ConfigError as error:
        _fail(str(error))
    except KeyboardInterrupt:
        click.echo("copydesk: interrupted", err=True)
        sys.exit(130)
    for file_result in result.files:  # a file name may hold a newline or an escape sequence
        if file_result.error:
            click.echo(f"copydesk: {printable(file_result.path)}: {printable(file_result.error)}", err=True)
        elif file_result.notice:
            click.echo(f"copydesk: {printable(file_result.path)}: {printable(file_result.notice)}", err=True)
    for warning in result.warnings:
        click.echo(f"copydesk: warning: {printable(warning)}", err=True)
    for problem in result.engine_problems:
        level = "error" if result.engine_required else "warning"
        click.echo(f"copydesk: {level}: grammar and spelling were skipped: {printable(problem)}", err=True)
    return result, options


def _announce_skipped_style_rules(options, paths) -> None:
    """Name, once per run, the house or Vale style rules whose kind copydesk cannot run
    (from the config of the working folder and of each path named)."""
    resolver = options.resolver()
    places = [None] + [Path(p) if Path(p).is_file() else Path(p) / "-" for p in paths if p != "-"]
    skipped: dict[str, str] = {}
    for place in places:
        styles = resolver.for_path(place).styles
        skipped.update(styles.skipped if styles is not None else ())
    if skipped:
        listed = "; ".join(f"{name} ({why})" for name, why in skipped.items())
        click.echo(f"copydesk: warning: {len(skipped)} style rule(s) skipped: {listed}", err=True)


@main.command()
@run_options
@click.option("-f", "--format", "output_format", type=click.Choice(FORMATS),
              default="text", show_default=True, help="Output format (html: one self-contained page).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report to FILE.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Report only findings this baseline (from `copydesk baseline`) does not hold.")
@click.option("--diff", "diff_ref", help="Report only findings on lines changed since this git ref.")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files, then report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix: also apply fixes an author should confirm.")
@click.option("--dry-run", is_flag=True, help="With --fix: print a unified diff instead of writing the files.")
def lint(output_format, output, fail_on, baseline_path, diff_ref, fix, unsafe_fixes, dry_run, **run) -> None:
    """Lint articles (.md, .mdx, .markdown, .txt, .html, .rst; folders recursively; '-' for stdin).

    Exit status: 0 when no finding reaches --fail-on, 1 when one does,
    2 for a usage error, a file that could not be read, or a missing engine.
    With --fix --dry-run: 1 also when a file would change.
    """
    from copydesk.adoption import AdoptionError, check_ref, new_findings, only_changed, read_baseline
    from copydesk.formatters import formatter

    if diff_ref is not None:
        try:
            check_ref(diff_ref)  # before any work: an option-like ref is a usage error
        except AdoptionError as error:
            _fail(str(error))
    if output:
        _check_output_folder(output)
    fixing = _fix_options(fix, unsafe_fixes, dry_run, baseline_path, diff_ref, run["paths"])
    result, options = _run(fail_on=fail_on, keep_source=output_format == "html", fixing=fixing, **run)
    try:
        baseline = read_baseline(baseline_path) if baseline_path else None
        for file_result in result.files:
            if baseline is not None:
                file_result.findings = new_findings(file_result.findings, baseline)
            if diff_ref:
                file_result.findings = only_changed(file_result.findings, diff_ref)
    except AdoptionError as error:
        _fail(str(error))
    threshold = fail_on or options.resolver().for_path(None).fail_on
    color = output is None and output_format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    if fixing and fixing["dry_run"]:
        _report_dry_run(result, output, threshold)
    report = formatter(output_format)(result, color=color)
    if output:
        try:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(report)
        except OSError as error:
            _fail(f"cannot write the report to {output}: {error.strerror or error}")
    else:
        click.echo(report, nl=False)
    if fixing:
        _fix_summary(result)
    sys.exit(result.exit_code(threshold))


def _fix_options(fix: bool, unsafe_fixes: bool, dry_run: bool, baseline_path, diff_ref, paths) -> dict | None:
    """The runner's --fix settings, or a usage error for a combination that makes no sense."""
    if not fix:
        for flag, given in (("--unsafe-fixes", unsafe_fixes), ("--dry-run", dry_run)):
            if given:
                _fail(f"{flag} works only with --fix; add --fix")
        return None
    if baseline_path or diff_ref:
        _fail("--fix applies every fix, so it cannot be combined with --baseline or --diff")
    if "-" in paths and not dry_run:
        _fail("--fix cannot write back to standard input; use --fix --dry-run for a diff")
    return {"fix": True, "unsafe_fixes": unsafe_fixes, "dry_run": dry_run}


def _report_dry_run(result, output, threshold) -> None:
    """--fix --dry-run: the diff on stdout, nothing written; exit 1 if a file would change."""
    diffs = "".join(r.diff for r in result.files if r.diff)
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(diffs)
    else:
        click.echo(diffs, nl=False)
    _fix_summary(result, would=True)
    sys.exit(max(result.exit_code(threshold), EXIT_FINDINGS if diffs else EXIT_OK))


def _fix_summary(result, would: bool = False) -> None:
    fixed = sum(r.fixed for r in result.files)
    files = sum(1 for r in result.files if r.fixed)
    verb = "would fix" if would else "fixed"
    click.echo(f"copydesk: {verb} {fixed} in {files} file{'' if files == 1 else 's'}, "
               f"remaining {len(result.findings)}", err=True)


@main.command()
@run_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=".copydesk-baseline.json",
              show_default=True, help="Where to write the baseline.")
def baseline(output, **run) -> None:
    """Record today's findings, so `lint --baseline FILE` reports only new ones."""
    from copydesk.adoption import write_baseline

    result, _ = _run(**run)
    count = write_baseline(result.findings, output)
    click.echo(f"Recorded {count} findings in {len(result.files)} files to {output}")
    sys.exit(EXIT_TROUBLE if result.errors else EXIT_OK)


def _check_output_folder(output: str) -> None:
    """Before any work: the report's folder must exist (copydesk does not guess and create it)."""
    folder = Path(output).parent
    if not folder.is_dir():
        _fail(f"cannot write the report to {output}: no folder {str(folder)!r}; create it or choose another path")


class _ProgressBar:
    """A progress bar on stderr, shown only once there are enough files."""

    def __init__(self) -> None:
        self._bar = None

    def __call__(self, done: int, total: int) -> None:
        if total < PROGRESS_MIN_FILES:
            return
        if self._bar is None:
            self._bar = click.progressbar(length=total, label="Linting", file=sys.stderr)
            self._bar.__enter__()
        self._bar.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-f", "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--encoding", help="Decode files with this encoding instead of UTF-8.")
def stats(paths, output_format, encoding) -> None:
    """Readability scores, counts and the hardest paragraph of each article."""
    import json

    from copydesk.parse import parse
    from copydesk.readability import article_stats, word_readings
    from copydesk.sources import SourceError, discover, read_source

    memo: dict = {}  # the run's readings of each distinct word, for every article
    files, problems = discover(list(paths))
    failed = bool(problems)
    for path, message in problems:
        click.echo(f"copydesk: {printable(path)}: {message}", err=True)
    reports = []
    for path in files:
        try:
            source = read_source(path, encoding)
        except SourceError as error:
            click.echo(f"copydesk: {printable(path)}: {error}", err=True)
            failed = True
            continue
        reports.append(article_stats(parse(source.text, source.path), readings=word_readings(memo)))
    if output_format == "json":
        click.echo(json.dumps(reports, indent=2, ensure_ascii=False))
    else:
        click.echo("\n\n".join(stats_table(report) for report in reports))
    sys.exit(EXIT_TROUBLE if failed else EXIT_OK)


SCORE_LABELS = {
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning fog",
    "coleman_liau_index": "Coleman-Liau index",
    "automated_readability_index": "Automated readability index",
    "dale_chall_readability_score": "Dale-Chall score",
    "smog_index": "SMOG grade",
}


def stats_table(report: dict) -> str:
    lines = [printable(report["path"]),
             f"  {report['words']} words, {report['sentences']} sentences, {report['paragraphs']} paragraphs; "
             f"reading time {report['reading_minutes']} min"]
    for key, label in SCORE_LABELS.items():
        value = report["scores"].get(key)
        shown = "n/a (needs 30 sentences)" if value is None and key == "smog_index" else value
        if key in report["scores"] or key == "smog_index":
            lines.append(f"  {label:<30} {shown if shown is not None else 'n/a'}")
    hardest = report["hardest_paragraph"]
    if hardest:
        lines.append(f"  {'hardest paragraph':<30} line {hardest['line']}, grade {hardest['grade']}: {hardest['start']}")
    return "\n".join(lines)


@main.group()
def languagetool() -> None:
    """Install LanguageTool and manage a warm background server."""


def _engine_call(function, *args, **kwargs):
    from copydesk.languagetool import EngineError

    try:
        return function(*args, **kwargs)
    except EngineError as error:
        _fail(str(error))


@languagetool.command()
@click.option("--force", is_flag=True, help="Download again even if installed.")
@click.option("--no-verify", is_flag=True, help="Do not start the server afterwards to check it.")
def install(force, no_verify) -> None:
    """Install LanguageTool for English into the cache folder (Maven Central)."""
    from copydesk.languagetool.install import install as run_install

    _engine_call(run_install, report=lambda line: click.echo(line, err=True), verify=not no_verify, force=force)


@languagetool.command()
@click.option("--heap", default="1g", show_default=True, help="The JVM's maximum heap.")
@click.option("--idle-timeout", default=3600, show_default=True, help="Stop after this many idle seconds.")
def start(heap, idle_timeout) -> None:
    """Start a warm background server that lint runs find and reuse."""
    from copydesk.languagetool.server import start_warm_server

    state = _engine_call(start_warm_server, heap, idle_timeout)
    click.echo(f"LanguageTool is running at {state['url']} (pid {state['pid']}); "
               f"it stops after {state['idle_timeout']} s without use")


@languagetool.command()
def stop() -> None:
    """Stop the warm background server."""
    from copydesk.languagetool.server import stop_warm_server

    click.echo("stopped" if stop_warm_server() else "no background server was running")


@languagetool.command()
def status() -> None:
    """Say whether LanguageTool is installed and a warm server runs."""
    import time

    from copydesk.languagetool import EngineError, languagetool_home
    from copydesk.languagetool.server import installation, is_alive, warm_server_state

    try:
        record = installation()
        click.echo(f"installed: LanguageTool {record['version']} in {languagetool_home()} (from {record['source']})")
    except EngineError as error:
        click.echo(f"not installed: {error}")
    state = warm_server_state()
    if state and is_alive(state["url"]):
        uptime = time.time() - state["started"]
        click.echo(f"running: {state['url']} (pid {state['pid']}, up {uptime:.0f} s, "
                   f"idle timeout {state['idle_timeout']} s)")
    else:
        click.echo("no background server; `copydesk languagetool start` starts one")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default="vocabulary.txt",
              show_default=True, help="The word list to write.")
@click.option("--min-files", default=2, show_default=True, type=click.IntRange(min=1),
              help="Keep words that this many files use.")
def vocabulary(paths, output, min_files) -> None:
    """Write the names and product names the articles under PATHS share, for review."""
    from copydesk.sources import discover
    from copydesk.vocabulary import vocabulary_candidates, write_vocabulary

    files, problems = discover(list(paths))
    for path, problem in problems:
        click.echo(f"{path}: {problem}", err=True)
    if not files:
        sys.exit(2)
    entries = vocabulary_candidates(list(paths), min_files)
    try:
        write_vocabulary(entries, output)
    except OSError as error:
        _fail(f"{output}: cannot write the word list: {error.strerror}")
    click.echo(f"{len(entries)} words used in {min_files} or more of {len(files)} files written to {output}; "
               f"review them, then add `vocabulary = [\"{output}\"]` to the config")


@main.command()
@click.option("--stdio", is_flag=True, help="Talk over stdin and stdout (the default and only transport).")
@click.option("--no-grammar", is_flag=True, help="Skip LanguageTool: no grammar.* or spelling.* findings.")
@click.option("--languagetool-url", help="Use this LanguageTool server instead of a warm or new one.")
def lsp(stdio, no_grammar, languagetool_url) -> None:
    """Run the language server: live findings and fixes in an editor (see docs/editors.md)."""
    from copydesk.lsp import serve

    serve(grammar=not no_grammar, languagetool_url=languagetool_url)


@main.command("rules")
@click.option("--family", type=click.Choice(["grammar", "spelling", "readability", "headline", "figures", "typography",
                                            "style"]))
def list_rules(family) -> None:
    """List the rules, their default severity and summary."""
    from copydesk.rules import all_rules

    for spec in all_rules().values():
        if family and spec.family != family:
            continue
        state = "" if spec.enabled else " (off by default)"
        click.echo(f"{spec.id:<36} {spec.severity.value:<8} {spec.summary}{state}")


@main.command()
@click.argument("rule_id")
def explain(rule_id) -> None:
    """Show a rule's documentation, options and examples."""
    from copydesk.rules import all_rules

    from copydesk.precision import describe

    spec = all_rules().get(rule_id)
    family = rule_id.split(".", 1)[0]
    if spec is None and family in ("grammar", "spelling") and "." in rule_id:
        # A LanguageTool rule's id (grammar.en-a-vs-an): its source rule, with its own measurement.
        source = all_rules()[f"{family}.languagetool"]
        measured = describe(rule_id) or "Measured precision: not measured on the corpora"
        click.echo(f"{rule_id}  (a LanguageTool rule, reported through {source.id})\n\n{measured}\n")
        click.echo(explanation(source))
        return
    if spec is None:
        _fail(f"no rule named {rule_id!r}; `copydesk rules` lists them")
    click.echo(explanation(spec))


def explanation(spec) -> str:
    lines = [f"{spec.id}  ({spec.severity.value}{'' if spec.enabled else ', off by default'})", "", spec.summary, ""]
    lines += [textwrap.fill(paragraph, 78) for paragraph in spec.rationale.split("\n\n")]
    from copydesk.precision import describe

    measured = describe(spec.id)
    if measured:
        lines += ["", measured + " (bench/precision.py; docs/precision.md)"]
    if spec.options:
        lines += ["", "Options:"]
        for option in spec.options:
            choices = f" [{', '.join(map(str, option.choices))}]" if option.choices else ""
            lines.append(f"  {option.name} ({option.type}{choices}, default {option.default!r}): {option.description}")
    for label, examples in (("Bad", spec.bad), ("Good", spec.good)):
        for example in examples:
            lines += ["", f"{label}:" + (f" (with {example.options})" if example.options else "")]
            lines += ["    " + line for line in example.text.rstrip("\n").split("\n")]
            for expected in example.findings:
                lines.append(f"    -> finding at line {expected.line}, column {expected.column}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
