#!/usr/bin/env python3
"""The precision protocol: how often copydesk's findings are right, per rule.

    .venv/bin/python bench/precision.py                       # both corpora, a report
    .venv/bin/python bench/precision.py --corpus bbc --todo NAME   # also a sheet of unjudged findings
    .venv/bin/python bench/precision.py --verdicts FILE.verdicts.jsonl  # file a judge's verdicts

It lints a seeded sample of articles of each corpus (grammar and spelling on,
against a local LanguageTool server it starts, or --languagetool-url), keys
every finding on its file, rule, the flagged text and its sentence (not on
line numbers, so an edit elsewhere keeps the verdict), and reports per rule
(and per LanguageTool rule id): findings per 1,000 words, how many are
judged, their precision, and the share of articles that carry no false
warning. Verdicts live in bench/precision/<corpus>.jsonl, one JSON object a
line: {"key", "file", "rule", "flagged", "sentence", "verdict", "reason"},
verdict true (an editor would change the text), false or debatable.

Judging is done by someone who did not write the rules: --todo writes the
findings that have no verdict yet (warnings and errors first, then a seeded
sample per rule of the info ones) as JSON lines with the finding, its
sentence and its paragraph, and nothing that hints at the answer.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from copydesk.config import Config  # noqa: E402
from copydesk.document import Document  # noqa: E402
from copydesk.finding import Finding, Severity  # noqa: E402
from copydesk.languagetool.client import activated  # noqa: E402
from copydesk.parse import parse  # noqa: E402
from copydesk.runner import lint_document  # noqa: E402
from copydesk.sources import decode  # noqa: E402
from report import publish  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpora"
VERDICTS = HERE / "precision"
# corpus name -> articles sampled (fixed seeds pick the same ones every run)
CORPORA = {"bbc": 800, "18f-blog": 160}
FIRST_ROUND = {"bbc": 150, "18f-blog": 80}
SEED = 10
LOUD_PER_RULE = None  # every warning and error is judged (None: no cap), so precision is not a stratified guess
# Families whose defaults this protocol decides get the full sample; the
# document-level scores and the other families a smaller one per round.
DECIDING_FAMILIES = ("grammar.", "spelling.", "readability.sentence-length")
OTHER_PER_RULE = 6
INFO_PER_RULE = 6  # info findings judged per rule and corpus (to see whether one deserves promotion)
TARGET_PRECISION = 0.8


@dataclass
class Judged:
    """A finding with what a judge needs to see, and its verdict if it has one."""

    key: str
    corpus: str
    file: str
    finding: Finding
    flagged: str
    sentence: str
    context: str
    verdict: str | None = None

    @property
    def rule(self) -> str:
        return self.finding.rule_id

    @property
    def loud(self) -> bool:
        return self.finding.severity is not Severity.INFO

    def todo(self) -> dict:
        f = self.finding
        return {"key": self.key, "corpus": self.corpus, "file": self.file, "line": f.line, "rule": f.rule_id,
                "severity": f.severity.value, "message": f.message, "flagged": self.flagged,
                "sentence": self.sentence, "context": self.context}


def sample_articles(corpus: str, count: int) -> list[Path]:
    """The first round's seeded sample, then a second seeded sample of the rest
    (so the articles judged in the first round stay in)."""
    folder = SHARED / corpus
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md") and p.name != "README.TXT")
    first = random.Random(SEED).sample(files, min(FIRST_ROUND[corpus], len(files)))
    rest = sorted(set(files) - set(first))
    more = random.Random(SEED + 1).sample(rest, min(max(0, count - len(first)), len(rest)))
    return sorted(first + more)


def finding_key(file: str, rule: str, flagged: str, sentence: str) -> str:
    return hashlib.sha1(json.dumps([file, rule, flagged, sentence], ensure_ascii=False).encode()).hexdigest()[:16]


def _sentence_and_context(doc: Document, finding: Finding) -> tuple[str, str]:
    """The sentence and paragraph around a finding (for the judge: searching is fine here)."""
    for block in doc.blocks:
        if not block.text or not (block.source_start <= finding.offset < block.source_end or
                                  block.source_start <= finding.offset == block.source_end):
            continue
        context = block.text if len(block.text) <= 900 else None
        for sentence in block.sentences:
            start, end = block.source_range(sentence.start, sentence.end)
            if start <= finding.offset < end:
                if context is None:
                    middle = sentence.start
                    context = block.text[max(0, middle - 400): sentence.end + 400]
                return sentence.text, context
        return block.text[:900], context or block.text[:900]
    line = doc.line_text(finding.line)
    return line, line


def lint_corpus(corpus: str, count: int) -> tuple[list[Judged], int, list[str]]:
    judged: list[Judged] = []
    words = 0
    files = []
    config = Config()
    for path in sample_articles(corpus, count):
        relative = str(path.relative_to(SHARED / corpus))
        try:
            text = decode(path.read_bytes())
        except Exception:
            continue
        files.append(relative)
        doc = parse(text.removeprefix("\ufeff"), str(path))
        words += sum(block.word_count for block in doc.blocks)
        findings, engine_error = lint_document(doc, config)
        if engine_error:
            raise SystemExit(f"{relative}: {engine_error}")
        for finding in findings:
            flagged = doc.source[finding.offset:finding.end_offset]
            sentence, context = _sentence_and_context(doc, finding)
            key = finding_key(relative, finding.rule_id, flagged, sentence)
            judged.append(Judged(key, corpus, relative, finding, flagged, sentence, context))
    return judged, words, files


def load_verdicts(corpus: str) -> dict[str, dict]:
    path = VERDICTS / f"{corpus}.jsonl"
    if not path.exists():
        return {}
    rows = (json.loads(line) for line in path.read_text().splitlines() if line.strip())
    return {row["key"]: row for row in rows}


def file_verdicts(verdicts_file: Path, findings: dict[str, Judged]) -> None:
    """Copy a judge's verdicts into bench/precision/<corpus>.jsonl, with the finding they judge."""
    by_corpus: dict[str, dict[str, dict]] = defaultdict(dict)
    for line in verdicts_file.read_text().splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        item = findings.get(row["key"])
        if item is None:
            print(f"no current finding for key {row['key']}; kept with what the todo said", file=sys.stderr)
            continue
        by_corpus[item.corpus][row["key"]] = {
            "key": row["key"], "file": item.file, "rule": item.rule, "flagged": item.flagged,
            "sentence": item.sentence, "verdict": row["verdict"], "reason": row.get("reason", "")}
    for corpus, rows in by_corpus.items():
        existing = load_verdicts(corpus)
        existing.update(rows)
        _write_verdicts(corpus, existing)


def _write_verdicts(corpus: str, rows: dict[str, dict]) -> None:
    VERDICTS.mkdir(exist_ok=True)
    ordered = sorted(rows.values(), key=lambda r: (r["file"], r["rule"], r["key"]))
    (VERDICTS / f"{corpus}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ordered))


def file_todo_verdicts(todo_file: Path, verdicts_file: Path) -> None:
    """File verdicts against the todo sheet they answer (when the findings have since changed)."""
    todo = {row["key"]: row for row in (json.loads(line) for line in todo_file.read_text().splitlines() if line.strip())}
    by_corpus: dict[str, dict[str, dict]] = defaultdict(dict)
    for line in verdicts_file.read_text().splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        item = todo.get(row["key"])
        if item is None:
            continue
        by_corpus[item["corpus"]][row["key"]] = {
            "key": row["key"], "file": item["file"], "rule": item["rule"], "flagged": item["flagged"],
            "sentence": item["sentence"], "verdict": row["verdict"], "reason": row.get("reason", "")}
    for corpus, rows in by_corpus.items():
        existing = load_verdicts(corpus)
        existing.update(rows)
        _write_verdicts(corpus, existing)


def to_judge(items: list[Judged], limit: int, with_info: bool = True) -> list[Judged]:
    """Unjudged findings: every warning and error, then a seeded sample of info ones per rule."""
    loud = _sampled(items, True, LOUD_PER_RULE)
    quiet = _sampled(items, False, INFO_PER_RULE) if with_info else []
    return (loud + quiet)[:limit]


def _sampled(items: list[Judged], loud: bool, per_rule: int | None) -> list[Judged]:
    """Up to ``per_rule`` judged findings of each rule (all when None): the unjudged ones to add, seeded."""
    by_rule: dict[str, list[Judged]] = defaultdict(list)
    for item in items:
        if item.loud == loud:
            by_rule[item.rule].append(item)
    chosen = []
    for rule in sorted(by_rule):
        group = by_rule[rule]
        judged = sum(1 for item in group if item.verdict is not None)
        fresh = sorted((item for item in group if item.verdict is None), key=lambda item: item.key)
        random.Random(f"{SEED}:{rule}").shuffle(fresh)
        if per_rule is None:
            chosen.extend(fresh)
            continue
        cap = per_rule if rule.startswith(DECIDING_FAMILIES) else min(per_rule, OTHER_PER_RULE)
        chosen.extend(fresh[: max(0, cap - judged)])
    return chosen


def precision(items: list[Judged]) -> tuple[int, int, int, float | None]:
    """(true, false, debatable, precision); a debatable finding does not count as right."""
    true = sum(item.verdict == "true" for item in items)
    false = sum(item.verdict == "false" for item in items)
    debatable = sum(item.verdict == "debatable" for item in items)
    judged = true + false + debatable
    return true, false, debatable, (true / judged if judged else None)


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def _family_rows(loud: list[Judged], words: int) -> list[str]:
    by_family: dict[str, list[Judged]] = defaultdict(list)
    for item in loud:
        by_family[item.rule.split(".")[0]].append(item)
    rows = []
    for family, group in sorted(by_family.items(), key=lambda kv: -len(kv[1])):
        t, f, d, p = precision([item for item in group if item.verdict])
        rows.append(f"| {family} | {len(group)} | {1000 * len(group) / max(words, 1):.2f} | {t + f + d} | {_percent(p)} |")
    return rows


def report(corpus: str, items: list[Judged], words: int, files: list[str]) -> list[str]:
    loud = [item for item in items if item.loud]
    true, false, debatable, loud_precision = precision([item for item in loud if item.verdict])
    by_file: dict[str, list[Judged]] = defaultdict(list)
    for item in loud:
        by_file[item.file].append(item)
    fully_judged = [f for f in files if all(item.verdict for item in by_file.get(f, []))]
    clean = [f for f in fully_judged if not any(item.verdict == "false" for item in by_file.get(f, []))]
    failing = sum(1 for f in files if by_file.get(f))
    lines = [
        f"### {corpus}: {len(files)} articles, {words:,} words",
        "",
        f"- Warning- and error-level findings: {len(loud)} ({1000 * len(loud) / max(words, 1):.2f} per 1,000 words); "
        f"{failing} of {len(files)} articles have at least one.",
        f"- Judged: {true + false + debatable} of {len(loud)}; true {true}, false {false}, debatable {debatable}: "
        f"precision {_percent(loud_precision)} (debatable counts as not right).",
        f"- Articles with no false warning: {len(clean)} of {len(fully_judged)} whose warnings are all judged "
        f"({_percent(len(clean) / len(fully_judged) if fully_judged else None)}).",
        "",
        "Warnings and errors by family:",
        "",
        "| Family | Findings | per 1,000 words | Judged | Precision |",
        "|---|---:|---:|---:|---:|",
        *_family_rows(loud, words),
        "",
        "| Rule | Severity | Findings | per 1,000 words | Judged | True | False | Debatable | Precision |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    by_rule: dict[tuple[str, str], list[Judged]] = defaultdict(list)
    for item in items:
        by_rule[(item.rule, item.finding.severity.value)].append(item)
    for (rule, severity), group in sorted(by_rule.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        t, f, d, p = precision([item for item in group if item.verdict])
        lines.append(f"| {rule} | {severity} | {len(group)} | {1000 * len(group) / max(words, 1):.2f} | {t + f + d} | "
                     f"{t} | {f} | {d} | {_percent(p)} |")
    return lines + [""]


# LanguageTool rules of a kind share a default: an unseen EN_COMPOUNDS_* rule
# gets what its measured kind earned.
KINDS = {"EN_COMPOUNDS_*": "compound hyphens", "*_COMPOUNDS": "compound hyphens", "*_HYPHEN": "compound hyphens",
         "*DIACRITIC*": "diacritics", "*_COMMA*": "commas", "COMMA_*": "commas"}
# True error classes stay warnings whatever a sample says: their false alarms are
# fixed in copydesk's filters instead (a misspelling, a/an, a doubled word).
ERROR_CLASSES = ("MORFOLOGIK_RULE_*", "EN_A_VS_AN", "ENGLISH_WORD_REPEAT_RULE")


def languagetool_id(rule: str) -> str | None:
    family, _, name = rule.partition(".")
    if family not in ("grammar", "spelling") or name == "languagetool":
        return None
    return name.upper().replace("-", "_")


def earns_warning(per_corpus: dict[str, dict]) -> bool:
    """At least 80% right on every corpus where it was judged."""
    judged = [row for row in per_corpus.values() if row["judged"]]
    return bool(judged) and all(row["precision"] >= TARGET_PRECISION for row in judged)


def _tally(verdicts: list[str]) -> dict:
    true = verdicts.count("true")
    return {"judged": len(verdicts), "true": true, "false": verdicts.count("false"),
            "debatable": verdicts.count("debatable"), "precision": round(true / len(verdicts), 3)}


def deciding_counts(results: dict) -> dict[str, dict[str, dict]]:
    """Per rule and corpus, the verdicts a LanguageTool rule's default severity
    answers for: findings the current code still reports, less those its context
    already makes info with a note (a quotation's wording, notional agreement, a
    name read as grammar), which the rule's default does not decide."""
    from copydesk.families.grammar_context import NAME_NOTE, NOTIONAL_NOTE, QUOTATION_NOTE

    notes = (NAME_NOTE, NOTIONAL_NOTE, QUOTATION_NOTE)
    counts: dict[str, dict[str, dict]] = defaultdict(dict)
    for corpus, (items, _, _) in results.items():
        by_rule: dict[str, list[str]] = defaultdict(list)
        for item in items:
            if item.verdict and not item.finding.message.endswith(notes):
                by_rule[item.rule].append(item.verdict)
        for rule, verdicts in by_rule.items():
            counts[rule][corpus] = _tally(verdicts)
    return counts


def write_data(results: dict) -> dict:
    """rules/precision.json: per rule the judged counts per corpus (every kept
    verdict), and for LanguageTool ids (and kinds of them) the default severity
    they earn on the findings the current code reports (deciding_counts), or on
    every kept verdict for a rule the sample no longer shows judged."""
    import fnmatch

    counts: dict[str, dict[str, dict]] = defaultdict(dict)
    for corpus in results:
        by_rule: dict[str, list[str]] = defaultdict(list)
        for row in load_verdicts(corpus).values():
            by_rule[row["rule"]].append(row["verdict"])
        for rule, verdicts in by_rule.items():
            counts[rule][corpus] = _tally(verdicts)
    languagetool: dict[str, dict] = {}
    kinds: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    deciding = deciding_counts(results)
    # A rule the sample no longer shows judged keeps the measurement of every kept verdict.
    for rule, per_corpus in sorted({**counts, **deciding}.items()):
        lt = languagetool_id(rule)
        if lt is None:
            continue
        protected = any(fnmatch.fnmatchcase(lt, pattern) for pattern in ERROR_CLASSES)
        severity = "warning" if protected or earns_warning(per_corpus) else "info"
        languagetool[lt] = {"severity": severity, "measured": per_corpus}
        for pattern in KINDS:
            if fnmatch.fnmatchcase(lt, pattern):
                for corpus, row in per_corpus.items():
                    kinds[pattern][corpus][0] += row["true"]
                    kinds[pattern][corpus][1] += row["judged"]
    for pattern, per_corpus in kinds.items():
        measured = {corpus: {"judged": judged, "true": true, "precision": round(true / judged, 3)}
                    for corpus, (true, judged) in per_corpus.items() if judged}
        # A kind only demotes: a few right findings of some rules are no promise for the unseen ones.
        entry = {"kind": KINDS[pattern], "measured": measured}
        if not earns_warning(measured):
            entry = {"severity": "info", **entry}
        languagetool[pattern] = entry
    data = {"about": "Written by bench/precision.py from bench/precision/*.jsonl; see docs/precision.md.",
            "rules": dict(sorted(counts.items())), "languagetool": languagetool}
    rules_path().write_text(
        json.dumps(data, indent=1, ensure_ascii=False, sort_keys=False) + "\n")
    return data


def rules_path() -> Path:
    from copydesk.rules import rules_dir

    return rules_dir() / "precision.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", action="append", choices=sorted(CORPORA), help="default: both")
    parser.add_argument("--languagetool-url", help="a running server (default: start one)")
    parser.add_argument("--todo", metavar="PATH", help="write unjudged findings here as JSON lines")
    parser.add_argument("--todo-limit", type=int, default=150, help="at most this many per corpus")
    parser.add_argument("--verdicts", metavar="PATH", action="append", default=[],
                        help="a judge's verdicts (JSON lines with key, verdict, reason) to file")
    parser.add_argument("--no-info", action="store_true", help="judge only warnings and errors this round")
    parser.add_argument("--write-data", action="store_true",
                        help="write rules/precision.json (default severities of LanguageTool rules) from the verdicts")
    parser.add_argument("--output", default=str(HERE / "results" / "precision.md"))
    args = parser.parse_args()
    corpora = args.corpus or list(CORPORA)
    server = None
    url = args.languagetool_url
    if not url:
        from copydesk.languagetool.server import LocalServer

        server = LocalServer()
        url = server.start()
    try:
        with activated(url):
            results = {corpus: lint_corpus(corpus, CORPORA[corpus]) for corpus in corpora}
    finally:
        if server:
            server.stop()
    everything = {item.key: item for items, _, _ in results.values() for item in items}
    for verdicts in args.verdicts:
        todo = Path(verdicts.replace(".verdicts.jsonl", ".todo.jsonl"))
        if todo.exists():
            file_todo_verdicts(todo, Path(verdicts))
        else:
            file_verdicts(Path(verdicts), everything)
    lines = ["# Precision of copydesk's findings", "",
             f"Seeds {SEED} and {SEED + 1}; articles sampled per corpus: "
             + ", ".join(f"{c} {CORPORA[c]}" for c in corpora) + "; grammar and spelling on.", ""]
    todo_rows = []
    for corpus, (items, words, files) in results.items():
        verdicts = load_verdicts(corpus)
        for item in items:
            if item.key in verdicts:
                item.verdict = verdicts[item.key]["verdict"]
        lines += report(corpus, items, words, files)
        todo_rows += [item.todo() for item in to_judge(items, args.todo_limit, not args.no_info)]
    publish(lines, Path(args.output))
    if args.write_data:
        write_data(results)
        print(f"wrote {rules_path()}")
    if args.todo:
        Path(args.todo).write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in todo_rows))
        print(f"{len(todo_rows)} findings to judge in {args.todo}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
