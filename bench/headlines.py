"""Headline findings on real headlines: the first line of every BBC article
(sentence case, BBC's style) and the front-matter title of every 18F blog
post (auto, and sentence case, 18F's written style).

    .venv/bin/python bench/headlines.py [--todo FILE] [--max 150]

Prints, per corpus and house style, the number of headlines and of headline
findings on them (with subhead findings counted apart), and writes every
finding as a JSON line (key, corpus, file, line, rule, severity, message,
flagged, sentence, context) for reading by a copy editor.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

from copydesk.config import from_table
from copydesk.runner import lint_text

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def _read(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _bbc_articles():
    for path in sorted((CORPORA / "bbc").glob("*/*.txt")):
        text = _read(path)
        lines = text.splitlines()
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        yield path, text, 1, lines[0].strip(), paragraphs[1] if len(paragraphs) > 1 else ""


def _18f_articles():
    for path in sorted((CORPORA / "18f-blog").glob("*.md")):
        text = _read(path)
        lines = text.splitlines()
        title_line = next((i + 1 for i, line in enumerate(lines) if line.startswith("title:")), None)
        if title_line is None:
            continue
        title = lines[title_line - 1][len("title:"):].strip().strip("\"'")
        body = text.split("\n---", 2)[-1] if text.startswith("---") else text
        paragraphs = [p.strip() for p in body.split("\n\n")
                      if p.strip() and p.strip()[:1].isalpha()]
        yield path, text, title_line, title, paragraphs[0] if paragraphs else ""


def measure(corpus: str, articles, style: str, rows: list[dict]) -> None:
    config = from_table({"select": ["headline"], "house": {"headline-case": style}}, "bench")
    headlines = 0
    on_headline: Counter[str] = Counter()
    on_subheads: Counter[str] = Counter()
    flagged_headlines = 0
    for path, text, line, headline, context in articles:
        headlines += 1
        findings = lint_text(text, path=str(path), config=config)
        mine = [f for f in findings if f.line == line]
        subhead_findings = [f for f in findings if f.line != line and f.rule_id != "headline.length"]
        flagged_headlines += bool(mine)
        on_headline.update(f.rule_id for f in mine)
        on_subheads.update(f.rule_id for f in findings if f.line != line)
        source_lines = text.splitlines()
        for finding in mine + subhead_findings:
            heading = headline if finding.line == line else source_lines[finding.line - 1].strip().lstrip("#").strip()
            flagged = source_lines[finding.line - 1][finding.column - 1:finding.end_column - 1] \
                if finding.end_line == finding.line else heading
            relative = str(path.relative_to(CORPORA / corpus))
            key = hashlib.sha1(f"{corpus}:{relative}:{finding.line}:{finding.column}:{finding.rule_id}:{style}"
                               .encode()).hexdigest()[:16]
            rows.append({"key": key, "corpus": corpus, "file": relative, "line": finding.line,
                         "rule": finding.rule_id, "severity": str(finding.severity),
                         "message": finding.message, "flagged": flagged, "sentence": heading,
                         "context": context[:600], "style": style,
                         "kind": "headline" if finding.line == line else "subhead"})
    print(f"{corpus} ({style}): {headlines} headlines, {sum(on_headline.values())} findings on "
          f"{flagged_headlines} of them {dict(on_headline)}; subheads: {dict(on_subheads)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--todo", type=Path)
    parser.add_argument("--max", type=int, default=150)
    args = parser.parse_args()
    if not CORPORA.is_dir():
        sys.exit(f"no corpora at {CORPORA}")
    rows: list[dict] = []
    measure("bbc", _bbc_articles(), "sentence", rows)
    measure("18f-blog", _18f_articles(), "auto", rows)
    measure("18f-blog", _18f_articles(), "sentence", rows)
    if args.todo:
        seen, written = set(), 0
        # Headline findings first, then subheads; length findings (a count of characters) last.
        rows.sort(key=lambda row: (row["kind"] != "headline", row["rule"] == "headline.length"))
        with open(args.todo, "w", encoding="utf-8") as handle:
            for row in rows:
                ident = (row["corpus"], row["file"], row["rule"], row["message"])
                if ident in seen or written >= args.max:
                    continue
                seen.add(ident)
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                written += 1
        print(f"wrote {written} findings to {args.todo}")


if __name__ == "__main__":
    main()
