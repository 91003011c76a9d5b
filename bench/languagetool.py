#!/usr/bin/env python3
"""Benchmark copydesk's LanguageTool path on a corpus, in one run.

    .venv/bin/python bench/languagetool.py               # the BBC corpus
    .venv/bin/python bench/languagetool.py --limit 300   # the first 300 articles only

Measures, against one server started here:
  - the server's cold start, and its first check (JVM warm-up);
  - raw HTTP: every article's text sent straight to /v2/check, with the same
    concurrency copydesk uses (LanguageTool's own time, the floor);
  - copydesk lint with grammar and spelling only, empty cache (the overhead
    over raw HTTP is parsing, mapping and caching);
  - the same run again, everything cached;
  - one article (the seed) against the warm server, uncached: the pre-commit case.
Writes the table to bench/results/languagetool.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from copydesk.languagetool.server import LocalServer  # noqa: E402
from report import publish  # noqa: E402
from copydesk.sources import decode  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "bbc"
CATEGORIES = ["business", "entertainment", "politics", "sport", "tech"]


def articles(corpus: Path, limit: int | None) -> list[Path]:
    files = sorted(p for c in CATEGORIES for p in (corpus / c).glob("*.txt"))
    readable = []
    for path in files:
        try:
            decode(path.read_bytes())
            readable.append(path)
        except Exception:  # the Latin-1 article: copydesk reports it, raw HTTP skips it too
            continue
    return readable[:limit] if limit else readable


def raw_check(url: str, text: str) -> None:
    data = urllib.parse.urlencode({"text": text, "language": "en-US"}).encode()
    with urllib.request.urlopen(f"{url}/v2/check", data, timeout=600) as response:
        response.read()


def timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def run_copydesk(paths: list[Path], url: str, cache: Path, extra: list[str]) -> None:
    env = {**os.environ, "COPYDESK_CACHE_DIR": str(cache), "CI": "true"}
    env.setdefault("COPYDESK_LANGUAGETOOL_HOME", str(Path.home() / ".cache" / "copydesk" / "languagetool" / "6.8"))
    command = [str(Path(sys.executable).with_name("copydesk")), "lint", "--select", "grammar,spelling",
               "--languagetool-url", url, "-f", "json", "-o", os.devnull, *extra, *map(str, paths)]
    subprocess.run(command, env=env, check=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--output", type=Path, default=HERE / "results" / "languagetool.md")
    args = parser.parse_args()
    paths = articles(args.corpus, args.limit)
    texts = [decode(p.read_bytes()) for p in paths]
    words = sum(len(t.split()) for t in texts)
    concurrency = max(2, os.cpu_count() or 2)

    server = LocalServer()
    url = server.start()
    rows = [("server cold start (JVM up, port answering)", server.startup_seconds, "")]
    try:
        first = timed(raw_check, url, "The server warms up on its first check. Their going too the shop.")
        rows.append(("first check (rules load, JIT warms up)", first, ""))
        with ThreadPoolExecutor(concurrency) as pool:
            raw = timed(lambda: list(pool.map(lambda t: raw_check(url, t), texts)))
        rows.append((f"raw HTTP /v2/check, {len(paths)} articles, {concurrency} at a time", raw, f"{words / raw:,.0f} words/s"))
        with tempfile.TemporaryDirectory() as cache:
            cold = timed(run_copydesk, paths, url, Path(cache), [])
            rows.append(("copydesk lint, grammar+spelling, empty cache", cold,
                         f"{words / cold:,.0f} words/s; {100 * (cold - raw) / raw:+.0f}% vs raw HTTP"))
            cached = timed(run_copydesk, paths, url, Path(cache), [])
            rows.append(("copydesk lint again, all paragraphs cached", cached, f"{100 * cached / cold:.1f}% of the first run"))
            # The pre-commit case: a warm server and a cache folder that already holds the
            # syllable table, but no cached LanguageTool results (--no-cache).
            seed = sorted((ROOT / "seeds").glob("*.txt"))[:1]
            one = min(timed(run_copydesk, seed, url, Path(cache), ["--no-cache"]) for _ in range(3))
        rows.append(("one article (the seed), warm server, uncached results, whole process (best of 3)", one, ""))
    finally:
        server.stop()

    lines = [f"Corpus: {len(paths):,} articles, {words:,} words; {os.cpu_count()} cores; "
             f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC", "",
             "| measure | seconds | note |", "|---|---:|---|"]
    lines += [f"| {name} | {seconds:.2f} | {note} |" for name, seconds, note in rows]
    publish(lines, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
