"""Time `copydesk lsp` from a `didChange` to the diagnostics it publishes.

    .venv/bin/python bench/lsp_latency.py                                  # without grammar
    .venv/bin/python bench/lsp_latency.py --languagetool-url URL           # a warm LanguageTool

The server runs as an editor runs it (a subprocess over stdio, pytest-lsp's
client). The article is opened and its first diagnostics awaited (for
grammar: until LanguageTool's findings are in), then each round types a new
word into a different paragraph, as a writer does, and measures until the
diagnostics for that version arrive. The time includes the server's 150 ms
pause before linting (the debounce), so it is what a writer waits after the
last keystroke. With grammar, each round's paragraph is new to LanguageTool's
result cache; the other paragraphs are cached.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pytest_lsp import make_test_lsp_client

ROOT = Path(__file__).resolve().parents[1]
WORDS = ["today", "again", "indeed", "still", "now", "too", "also", "then", "here", "once"]


async def diagnostics_for(client, uri: str, version: int, grammar: bool) -> list[types.Diagnostic]:
    while True:
        params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if params.uri == uri and params.version == version and (not grammar or any(
                str(d.code).startswith(("grammar.", "spelling.")) for d in params.diagnostics)):
            return params.diagnostics


async def measure(article: Path, rounds: int, url: str | None) -> list[float]:
    client = make_test_lsp_client()
    arguments = ["--languagetool-url", url] if url else ["--no-grammar"]
    await client.start_io(sys.executable, "-m", "copydesk.cli", "lsp", *arguments)
    await client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    text = article.read_text(encoding="utf-8")
    uri = article.resolve().as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
    await diagnostics_for(client, uri, 1, grammar=bool(url))
    paragraphs = [i for i, line in enumerate(text.split("\n")) if len(line) > 80]
    timings = []
    for round_ in range(rounds):
        lines = text.split("\n")
        line = paragraphs[round_ % len(paragraphs)]
        character = len(lines[line]) - 1  # before the paragraph's full stop
        word = f" {WORDS[round_ % len(WORDS)]}{round_}"
        lines[line] = lines[line][:character] + word + lines[line][character:]
        text = "\n".join(lines)
        version = round_ + 2
        started = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=line, character=character),
                                  end=types.Position(line=line, character=character)), text=word)]))
        await diagnostics_for(client, uri, version, grammar=bool(url))
        timings.append(time.perf_counter() - started)
    await client.shutdown_session()
    await client.stop()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", type=Path, default=ROOT / "seeds" / "000_bc07e470474295b6.txt")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--languagetool-url")
    arguments = parser.parse_args()
    timings = asyncio.run(measure(arguments.article, arguments.rounds, arguments.languagetool_url))
    milliseconds = sorted(t * 1000 for t in timings)
    print(f"{arguments.article.name}: {len(milliseconds)} edits, grammar {'on' if arguments.languagetool_url else 'off'}; "
          f"median {statistics.median(milliseconds):.0f} ms, p90 {milliseconds[int(len(milliseconds) * 0.9) - 1]:.0f} ms, "
          f"max {milliseconds[-1]:.0f} ms")


if __name__ == "__main__":
    main()
