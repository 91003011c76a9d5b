"""Where copydesk's CPU time goes, family by family, on one corpus in one process.

    .venv/bin/python bench/families.py /work/shared/corpora/bbc [--repeat 3]

Reads every file first (reading is not timed), then parses and lints each one as
`copydesk lint --no-grammar` does, with the project's default config, and prints the
CPU seconds (time.process_time) spent parsing, in each family's rules, and in the
engine around them (locating findings, suppression, severity). The fastest of
--repeat runs counts: the machine is shared. This is a profile for engineers, not the
benchmark against peers (that is bench/run.py).
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from copydesk import runner
from copydesk.config import ENGINE_FAMILIES, Config
from copydesk.parse import parse
from copydesk.rules import implementation
from copydesk.sources import SourceError, read_source


def corpus_sources(folder: Path) -> list:
    sources = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in {".txt", ".md", ".markdown"}:
            try:
                sources.append(read_source(str(path)))
            except SourceError:
                continue  # the one latin-1 BBC file: the CLI reports it, the profile skips it
    return sources


def timed_implementation(spent: dict[str, float]):
    """``implementation`` whose rules add their CPU time to ``spent`` under their family."""
    def timed(rule_id: str):
        rule = implementation(rule_id)
        family = rule_id.split(".")[0]

        def run(doc, context):
            started = time.process_time()
            hits = list(rule(doc, context))
            spent[family] += time.process_time() - started
            return hits
        return run
    return timed


def profile_once(sources: list, config: Config) -> dict[str, float]:
    spent: dict[str, float] = defaultdict(float)
    original = runner.implementation
    runner.implementation = timed_implementation(spent)
    try:
        total = time.process_time()
        for source in sources:
            started = time.process_time()
            doc = parse(source.text, source.path, None, config.front_matter)
            spent["(parse)"] += time.process_time() - started
            runner.lint_document(doc, config)
        spent["(all)"] = time.process_time() - total
    finally:
        runner.implementation = original
    spent["(engine)"] = spent["(all)"] - sum(v for k, v in spent.items() if not k.startswith("("))- spent["(parse)"]
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    sources = corpus_sources(args.corpus)
    config = Config().with_overrides(ignore=ENGINE_FAMILIES)
    runs = [profile_once(sources, config) for _ in range(args.repeat)]
    best = {key: min(run[key] for run in runs) for key in runs[0]}
    print(f"{len(sources)} files from {args.corpus}; CPU seconds, fastest of {args.repeat}")
    for key, seconds in sorted(best.items(), key=lambda item: -item[1]):
        print(f"{key:14} {seconds:7.2f}")


if __name__ == "__main__":
    main()
