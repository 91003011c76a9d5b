"""Build the headline family's names lists from the SCOWL-derived en_US
Hunspell dictionary (wooorm/dictionaries, dictionaries/en, licence MIT AND BSD).

    git --git-dir=DIR show HEAD:dictionaries/en/index.dic > index.dic
    git --git-dir=DIR show HEAD:dictionaries/en/index.aff > index.aff
    python scripts/build_headline_names.py index.dic index.aff COMMIT

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


def main(dic_path: str, aff_path: str, commit: str) -> None:
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
    names = sorted((w for w in capitalized if w.lower() not in lower), key=str.casefold)
    common = sorted((w for w in capitalized if w.lower() in lower), key=str.casefold)
    out = Path(__file__).resolve().parent.parent / "rules" / "wordlists"
    for name, what, words in (
        ("names-dictionary", "Words the dictionary lists only with a capital: names of places, peoples, people, organisations.", names),
        ("names-also-common", "Words the dictionary lists both capitalized and in lower case (West, May, Reading).", common),
        ("acronyms-dictionary", "Words the dictionary lists in capitals (NASA, FBI).", sorted(acronyms)),
    ):
        (out / f"{name}.txt").write_text(HEADER.format(what=what, commit=commit) + "\n".join(words) + "\n", encoding="utf-8")
        print(name, len(words))


if __name__ == "__main__":
    main(*sys.argv[1:4])
