"""`copydesk lsp` end to end: pytest-lsp starts the real server over stdio and
talks to it as an editor would (open, edit, diagnostics, code actions, apply)."""

from __future__ import annotations

import asyncio
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from copydesk.lsp import FIX_ALL_KIND, FIX_ALL_TITLE, Positions

# A curly-quote article with one straight apostrophe and a double space: two safe fixes.
# The emoji before them is two UTF-16 code units but one code point.
ARTICLE = "Musk’s visit\n\nTesla’s chief 🚀 landed.  Musk's plane is Tesla’s.\n"


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=[sys.executable, "-m", "copydesk.cli", "lsp", "--no-grammar"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    yield
    await lsp_client.shutdown_session()


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP edits (UTF-16 positions) to text, as an editor does."""
    positions = Positions(text, lambda chunk: len(chunk.encode("utf-16-le")) // 2)

    def offset(position: types.Position) -> int:
        start = positions.line_starts[position.line]
        line_end = text.find("\n", start)
        line = text[start:line_end if line_end != -1 else len(text)]
        units = 0
        for index, char in enumerate(line):
            if units >= position.character:
                return start + index
            units += len(char.encode("utf-16-le")) // 2
        return start + len(line)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


async def open_document(client: LanguageClient, uri: str, text: str) -> list[types.Diagnostic]:
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[uri]


@pytest.mark.asyncio
async def test_open_publishes_diagnostics_at_utf16_positions(client: LanguageClient, tmp_path):
    uri = (tmp_path / "story.txt").as_uri()
    diagnostics = await open_document(client, uri, ARTICLE)
    found = {d.code: d for d in diagnostics}
    apostrophe, spaces = found["typography.mixed-apostrophes"], found["typography.double-space"]
    # The rocket counts two UTF-16 units: code points would put these one column earlier.
    assert spaces.range == types.Range(start=types.Position(line=2, character=24),
                                       end=types.Position(line=2, character=26))
    assert apostrophe.range == types.Range(start=types.Position(line=2, character=30),
                                           end=types.Position(line=2, character=31))
    assert apostrophe.severity == types.DiagnosticSeverity.Warning
    assert apostrophe.source == "copydesk"
    assert apostrophe.message.startswith("1 straight apostrophe in an article that uses 3 curly ones")
    assert apostrophe.related_information is None


@pytest.mark.asyncio
async def test_one_inconsistency_lists_its_other_places_as_related_information(client: LanguageClient, tmp_path):
    uri = (tmp_path / "story.txt").as_uri()
    text = "Musk’s visit\n\nTesla’s chief 🚀 landed. Musk's plane isn't Tesla’s.\n"
    diagnostics = await open_document(client, uri, text)
    (apostrophe,) = [d for d in diagnostics if d.code == "typography.mixed-apostrophes"]
    assert apostrophe.message.startswith("2 straight apostrophes in an article that uses 3 curly ones")
    assert apostrophe.range.start == types.Position(line=2, character=29)
    (other,) = apostrophe.related_information
    assert other.location.uri == uri
    assert other.location.range == types.Range(start=types.Position(line=2, character=41),
                                               end=types.Position(line=2, character=42))
    assert other.message == "Straight apostrophe; use ’"


@pytest.mark.asyncio
async def test_edit_then_code_actions_apply_cleanly(client: LanguageClient, tmp_path):
    uri = (tmp_path / "story.txt").as_uri()
    await open_document(client, uri, "Musk’s visit\n\nTesla’s chief landed.\n")
    assert list(client.diagnostics[uri]) == []
    # Type the faulty sentence at the end of line 3 (an incremental change).
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=2, character=21), end=types.Position(line=2, character=21)),
            text="  Musk's plane is Tesla’s.")]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    text = "Musk’s visit\n\nTesla’s chief landed.  Musk's plane is Tesla’s.\n"
    diagnostics = client.diagnostics[uri]
    assert sorted(d.code for d in diagnostics) == ["typography.double-space", "typography.mixed-apostrophes"]

    apostrophe = next(d for d in diagnostics if d.code == "typography.mixed-apostrophes")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=apostrophe.range,
        context=types.CodeActionContext(diagnostics=[apostrophe])))
    titles = [action.title for action in actions]
    assert titles == ["Use the curly apostrophe ’ (typography.mixed-apostrophes)", FIX_ALL_TITLE]
    quick, fix_all = actions
    assert quick.kind == types.CodeActionKind.QuickFix and quick.is_preferred
    assert apply(text, quick.edit.changes[uri]) == "Musk’s visit\n\nTesla’s chief landed.  Musk’s plane is Tesla’s.\n"
    assert fix_all.kind == FIX_ALL_KIND

    # Apply "fix all" as the editor would, send the result: nothing is left.
    fixed = apply(text, fix_all.edit.changes[uri])
    assert fixed == "Musk’s visit\n\nTesla’s chief landed. Musk’s plane is Tesla’s.\n"
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[uri]) == []


@pytest.mark.asyncio
async def test_only_source_fix_all_when_asked(client: LanguageClient, tmp_path):
    uri = (tmp_path / "story.txt").as_uri()
    await open_document(client, uri, ARTICLE)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll])))
    assert [action.title for action in actions] == [FIX_ALL_TITLE]
    assert apply(ARTICLE, actions[0].edit.changes[uri]) == ARTICLE.replace("  ", " ").replace("Musk's", "Musk’s")


@pytest.mark.asyncio
async def test_configuration_comes_from_the_documents_folder(client: LanguageClient, tmp_path):
    quiet = tmp_path / "quiet"
    quiet.mkdir()
    (quiet / "copydesk.toml").write_text('ignore = ["typography.double-space"]\n', encoding="utf-8")
    loud_uri, quiet_uri = (tmp_path / "a.txt").as_uri(), (quiet / "a.txt").as_uri()
    assert "typography.double-space" in {d.code for d in await open_document(client, loud_uri, ARTICLE)}
    assert "typography.double-space" not in {d.code for d in await open_document(client, quiet_uri, ARTICLE)}


@pytest.mark.asyncio
async def test_config_error_is_shown_once_and_a_save_picks_up_the_fix(client: LanguageClient, tmp_path):
    config = tmp_path / "copydesk.toml"
    config.write_text('ignore = ["typography.no-such-rule"]\n', encoding="utf-8")
    uri = (tmp_path / "a.txt").as_uri()
    assert list(await open_document(client, uri, ARTICLE)) == []
    # The warning goes out before the (empty) diagnostics.
    assert [m.type for m in client.messages] == [types.MessageType.Warning]
    assert "no-such-rule" in client.messages[0].message
    config.write_text('ignore = ["typography.double-space"]\n', encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert [d.code for d in client.diagnostics[uri]] == ["typography.mixed-apostrophes"]


@pytest.mark.asyncio
async def test_close_clears_diagnostics(client: LanguageClient, tmp_path):
    uri = (tmp_path / "story.txt").as_uri()
    assert await open_document(client, uri, ARTICLE)
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[uri]) == []


def test_positions_count_utf16_units_within_each_line():
    positions = Positions("a🚀b\r\nc🚀d", lambda chunk: len(chunk.encode("utf-16-le")) // 2)
    assert positions.position(2) == types.Position(line=0, character=3)  # after the rocket
    assert positions.position(5) == types.Position(line=1, character=0)  # "\r\n" ends line 0
    assert positions.range(6, 7) == types.Range(start=types.Position(line=1, character=1),
                                               end=types.Position(line=1, character=3))


@pytest.mark.slow
@pytest.mark.asyncio
async def test_grammar_findings_arrive_once_languagetool_is_up(languagetool_url, tmp_path):
    """With a real LanguageTool server: typography first, grammar as soon as the engine is up."""
    from pytest_lsp import make_test_lsp_client

    client = make_test_lsp_client()
    await client.start_io(sys.executable, "-m", "copydesk.cli", "lsp", "--languagetool-url", languagetool_url)
    try:
        await client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
        uri = (tmp_path / "fruit.txt").as_uri()
        client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=uri, language_id="plaintext", version=1, text="Fruit news\n\nShe ate a apple yesterday.\n")))
        for _ in range(3):
            await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60)
            grammar = [d for d in client.diagnostics[uri] if str(d.code).startswith("grammar.")]
            if grammar:
                break
        assert [(d.range.start.line, d.range.start.character, d.range.end.character) for d in grammar] == [(2, 8, 9)]
        await client.shutdown_session()
    finally:
        await client.stop()
