"""`copydesk lsp`: findings live in any editor, over the Language Server Protocol.

A pygls server on stdio. It lints a document when it is opened or saved, and
after a short pause in typing (each change restarts the wait); it publishes
the findings as diagnostics and offers each finding's fixes as code actions,
with one more that applies every safe fix in the file.

Each document is linted with the configuration found from its own folder
upwards, as `copydesk lint` would. Grammar and spelling use one LanguageTool
server for the whole session (a warm one from `copydesk languagetool start`
if it runs, else one started in the background) and copydesk's result cache,
so after the first check only changed paragraphs go to LanguageTool. Until
that server is up, findings come without grammar and are refreshed once it is.

Positions: copydesk counts code points from the start of the source; LSP
counts lines and, within a line, UTF-16 code units unless the client agreed
on another encoding. :class:`Positions` converts, once per linted text.
"""

from __future__ import annotations

import asyncio
import bisect
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from copydesk import __version__
from copydesk.config import ENGINE_FAMILIES, ConfigError, ConfigResolver
from copydesk.finding import Applicability, Finding, Fix, Severity
from copydesk.fixes import accepted_fixes, chosen_fixes
from copydesk.languagetool import EngineError

DEBOUNCE_SECONDS = 0.15  # a pause in typing this long triggers a lint
SOURCE = "copydesk"
FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.copydesk"
FIX_ALL_TITLE = "Fix all safe copydesk findings in this file"
SEVERITIES = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
              Severity.INFO: types.DiagnosticSeverity.Information}
FORMATS = {"markdown": "markdown", "plaintext": "text"}


class Positions:
    """Source offsets (code points) to LSP positions (lines, client code units)."""

    def __init__(self, text: str, count_units) -> None:
        self.text = text
        self.count_units = count_units  # code units of a string in the negotiated encoding
        self.line_starts = [0]
        position = text.find("\n")
        while position != -1:
            self.line_starts.append(position + 1)
            position = text.find("\n", position + 1)

    def position(self, offset: int) -> types.Position:
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return types.Position(line=line, character=self.count_units(self.text[self.line_starts[line]:offset]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))


@dataclass
class Linted:
    """The findings for one version of a document."""

    version: int | None
    text: str
    positions: Positions
    findings: list[Finding]
    diagnostics: list[types.Diagnostic]


class CopydeskServer(LanguageServer):
    def __init__(self, grammar: bool = True, languagetool_url: str | None = None,
                 debounce: float = DEBOUNCE_SECONDS) -> None:
        super().__init__(SOURCE, __version__)
        self.grammar = grammar
        self.languagetool_url = languagetool_url
        self.debounce = debounce
        self.resolver = ConfigResolver()
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Task] = {}
        # One thread lints, so the LanguageTool client and its cache are never shared between threads.
        self.linter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copydesk-lint")
        self.engine = None
        self.engine_ready = threading.Event()
        self.warned: set[str] = set()
        self.event_loop: asyncio.AbstractEventLoop | None = None  # set once the session starts

    # --- LanguageTool, started once per session ---------------------------------------

    def start_engine(self) -> None:
        """Find or start LanguageTool in the background; re-lint open documents when it is up."""
        if not self.grammar:
            return
        threading.Thread(target=self._start_engine, name="copydesk-languagetool", daemon=True).start()

    def _start_engine(self) -> None:
        from copydesk.languagetool.client import activate
        from copydesk.runner import RunEngine

        engine = RunEngine(self.languagetool_url)
        try:
            url = engine.start()
        except EngineError as error:
            self.grammar = False
            self.warn(f"grammar and spelling are off for this session: {error}")
            return
        self.engine = engine
        self.linter.submit(activate, url, True).result()
        self.engine_ready.set()
        asyncio.run_coroutine_threadsafe(self.relint_all(), self.event_loop)

    def stop_engine(self) -> None:
        if self.engine is not None:
            self.engine.stop()
            self.engine = None

    async def relint_all(self) -> None:
        """Lint every open document again (now with grammar), though its text has not changed."""
        for uri in list(self.linted):
            self.linted.pop(uri, None)
            await self.lint_and_publish(uri)

    # --- linting ------------------------------------------------------------------------

    def warn(self, message: str) -> None:
        """Show a warning once, not on every keystroke; safe to call from any thread."""
        if message not in self.warned:
            self.warned.add(message)
            params = types.ShowMessageParams(type=types.MessageType.Warning, message=f"copydesk: {message}")
            self.event_loop.call_soon_threadsafe(self.window_show_message, params)

    def lint(self, document: TextDocument) -> list[Finding]:
        """Findings for the document's current text; runs on the lint thread."""
        from copydesk.runner import lint_text

        path = to_fs_path(document.uri) if document.uri.startswith("file:") else None
        name = path or document.uri
        fmt = FORMATS.get(document.language_id or "") if not name.lower().endswith((".md", ".txt")) else None
        try:
            config = self.resolver.for_path(Path(path) if path else None)
        except ConfigError as error:
            self.warn(str(error))
            return []
        if not self.engine_ready.is_set():
            config = config.with_overrides(ignore=ENGINE_FAMILIES)
        try:
            return lint_text(document.source, path=name, fmt=fmt, config=config)
        except EngineError as error:
            self.warn(f"grammar and spelling were skipped: {error}")
            return lint_text(document.source, path=name, fmt=fmt, config=config.with_overrides(ignore=ENGINE_FAMILIES))

    async def linted_now(self, uri: str) -> Linted | None:
        """The findings for the document as it stands, linting it if they are stale."""
        document = self.workspace.get_text_document(uri)
        known = self.linted.get(uri)
        if known and known.version == document.version and known.text == document.source:
            return known
        version, text = document.version, document.source
        findings = await asyncio.get_running_loop().run_in_executor(self.linter, self.lint, document)
        if document.version != version or document.source != text:
            return None  # edited meanwhile: a newer lint is on its way
        positions = Positions(text, document.position_codec.client_num_units)
        linted = Linted(version, text, positions, findings, [diagnostic(f, positions, uri) for f in findings])
        self.linted[uri] = linted
        return linted

    async def lint_and_publish(self, uri: str) -> None:
        linted = await self.linted_now(uri)
        if linted is not None:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=uri, version=linted.version, diagnostics=linted.diagnostics))

    def schedule(self, uri: str, delay: float) -> None:
        """Lint after ``delay`` seconds unless another change comes first."""
        previous = self.pending.pop(uri, None)
        if previous:
            previous.cancel()

        async def later() -> None:
            await asyncio.sleep(delay)
            await self.lint_and_publish(uri)

        self.pending[uri] = asyncio.ensure_future(later())

    def forget(self, uri: str) -> None:
        task = self.pending.pop(uri, None)
        if task:
            task.cancel()
        self.linted.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    # --- code actions -------------------------------------------------------------------

    async def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        linted = await self.linted_now(uri)
        if linted is None:
            return []
        wanted = params.context.only
        actions = []
        if _wants(wanted, types.CodeActionKind.QuickFix):
            for finding, diag in zip(linted.findings, linted.diagnostics):
                if _touches(diag.range, params.range):
                    actions += [quick_fix(uri, fix, finding, diag, linted) for fix in finding.fixes
                                if fix.applicability is not Applicability.DISPLAY]
        if _wants(wanted, FIX_ALL_KIND):
            fix_all = fix_all_action(uri, linted)
            if fix_all:
                actions.append(fix_all)
        return actions


def diagnostic(finding: Finding, positions: Positions, uri: str) -> types.Diagnostic:
    message = finding.message
    if finding.suggestion and not finding.fixes:
        message += f" (suggestion: {finding.suggestion})"
    # The other occurrences of one inconsistency reported once (mixed apostrophes).
    related = [types.DiagnosticRelatedInformation(
        location=types.Location(uri=uri, range=positions.range(location.start, location.end)),
        message=location.message or finding.message) for location in finding.related]
    return types.Diagnostic(
        range=positions.range(finding.offset, finding.end_offset),
        message=message,
        severity=SEVERITIES[finding.severity],
        code=finding.rule_id,
        source=SOURCE,
        related_information=related or None,
    )


def _text_edits(fix: Fix, positions: Positions) -> list[types.TextEdit]:
    return [types.TextEdit(range=positions.range(edit.start, edit.end), new_text=edit.replacement)
            for edit in fix.edits]


def quick_fix(uri: str, fix: Fix, finding: Finding, diag: types.Diagnostic, linted: Linted) -> types.CodeAction:
    return types.CodeAction(
        title=f"{fix.title} ({finding.rule_id})",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diag],
        is_preferred=fix.applicability is Applicability.SAFE,
        edit=types.WorkspaceEdit(changes={uri: _text_edits(fix, linted.positions)}),
    )


def fix_all_action(uri: str, linted: Linted) -> types.CodeAction | None:
    """Every safe fix that overlaps no earlier one; the rest are offered again after."""
    fixes = accepted_fixes(chosen_fixes(linted.findings))
    if not fixes:
        return None
    edits = [text_edit for fix in fixes for text_edit in _text_edits(fix, linted.positions)]
    return types.CodeAction(title=FIX_ALL_TITLE, kind=FIX_ALL_KIND, edit=types.WorkspaceEdit(changes={uri: edits}))


def _wants(only: list[str] | None, kind: str) -> bool:
    """LSP kinds are hierarchical: asking for "source.fixAll" includes "source.fixAll.copydesk"."""
    return not only or any(kind == wanted or kind.startswith(f"{wanted}.") for wanted in only)


def _touches(a: types.Range, b: types.Range) -> bool:
    def key(position: types.Position) -> tuple[int, int]:
        return position.line, position.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def build_server(grammar: bool = True, languagetool_url: str | None = None,
                 debounce: float = DEBOUNCE_SECONDS) -> CopydeskServer:
    server = CopydeskServer(grammar, languagetool_url, debounce)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: CopydeskServer, params: types.InitializedParams) -> None:
        ls.event_loop = asyncio.get_running_loop()
        ls.start_engine()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: CopydeskServer, params: types.DidOpenTextDocumentParams) -> None:
        await ls.lint_and_publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: CopydeskServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: CopydeskServer, params: types.DidSaveTextDocumentParams) -> None:
        # A saved copydesk.toml or pyproject.toml takes effect: every open document is linted again.
        ls.resolver = ConfigResolver()
        ls.warned.clear()
        await ls.relint_all()

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: CopydeskServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND], resolve_provider=False))
    async def code_action(ls: CopydeskServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return await ls.code_actions(params)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: CopydeskServer, params: None) -> None:
        ls.stop_engine()

    return server


def serve(grammar: bool = True, languagetool_url: str | None = None) -> None:
    server = build_server(grammar, languagetool_url)
    try:
        server.start_io()
    finally:
        server.stop_engine()
