"""A repository's own vocabulary: the names and product names its articles share.

A capitalized word that the dictionary lacks but two or more articles of the
same repository use is a name (a product, a tool, a person, a place), not a
typo: spelling findings on it are dropped. `copydesk vocabulary` writes the
same kind of words, sorted by how many files use them, to a file the team
reviews and names in config (``vocabulary = ["vocabulary.txt"]``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# A word standing alone (not part of an address or a path); names are picked from them.
_WORD = re.compile(r"(?<![\w.@#/:-])[A-Za-z][\w'’-]*+(?![@/])")


def _is_a_name(word: str) -> bool:
    """Capitalized or mixed case: Yukos, GitHub, FedRAMP, iPhone, GSA."""
    return word[0].isupper() and (len(word) > 1) or any(char.isupper() for char in word[1:])
ROOT_MARKERS = (".git", "copydesk.toml", "pyproject.toml")
MAX_FILES = 5000  # a repository larger than this is read only this far


@dataclass(frozen=True)
class Entry:
    word: str
    files: int
    uses: int


def repository_root(path: str) -> Path | None:
    """The folder that holds ``path``'s repository: the nearest one up with a .git
    or a copydesk config, else the file's own folder; None for a text with no file."""
    file = Path(path)
    if not file.is_file():
        return None
    folder = file.resolve().parent
    for candidate in (folder, *folder.parents):
        if any((candidate / marker).exists() for marker in ROOT_MARKERS):
            return candidate
    return folder


def repository_names(path: str, min_files: int = 2) -> frozenset[str]:
    """Capitalized words used in ``min_files`` or more articles of ``path``'s repository."""
    root = repository_root(path)
    if root is None:
        return frozenset()
    return _names_under(str(root), min_files)


@lru_cache(maxsize=8)
def _names_under(root: str, min_files: int) -> frozenset[str]:
    """Read from the cache while no article under ``root`` has changed (every
    worker process and every pre-commit run would otherwise read them all again)."""
    from copydesk.languagetool import cache_dir
    from copydesk.sources import discover

    files, _ = discover([root])
    signature = hashlib.sha256(json.dumps(
        [min_files, *[(f, os.stat(f).st_mtime_ns, os.stat(f).st_size) for f in files[:MAX_FILES]]]).encode()).hexdigest()
    cache = cache_dir() / "vocabulary" / (hashlib.sha256(root.encode()).hexdigest()[:24] + ".json")
    try:
        cached = json.loads(cache.read_text(encoding="utf-8"))
        if cached.get("signature") == signature:
            return frozenset(cached["names"])
    except (OSError, ValueError):
        pass
    names = sorted(entry.word for entry in scan([root]) if entry.files >= min_files)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps({"signature": signature, "names": names}), encoding="utf-8")
        os.replace(temporary, cache)
    except OSError:
        pass  # a read-only cache only costs time
    return frozenset(names)


def scan(paths: list[str]) -> list[Entry]:
    """Every capitalized word in the prose of the articles under ``paths`` (front
    matter, code and markup left out), with the number of files and uses, most files first."""
    from copydesk.parse import parse
    from copydesk.sources import SourceError, discover, read_source

    files, _ = discover(paths)
    in_files: Counter[str] = Counter()
    uses: Counter[str] = Counter()
    for file in files[:MAX_FILES]:
        try:
            source = read_source(file)
        except SourceError:
            continue
        words = Counter(word for block in parse(source.text, file).blocks
                        for word in (match.group() for match in _WORD.finditer(block.text)) if _is_a_name(word))
        uses.update(words)
        in_files.update(words.keys())
    entries = [Entry(word, in_files[word], uses[word]) for word in in_files]
    return sorted(entries, key=lambda e: (-e.files, -e.uses, e.word))


def vocabulary_candidates(paths: list[str], min_files: int = 2) -> list[Entry]:
    """Names for the team to review: used in ``min_files`` or more files and not
    an ordinary English word (the CMU dictionary, lower-cased) or an accepted one."""
    from copydesk.readability import english_words
    from copydesk.rules import wordlist

    known = english_words() | {word.lower() for word in wordlist("accepted-words")}

    def ordinary(word: str) -> bool:
        plain = word.lower().replace("’", "'").removesuffix("'s")
        return all(part in known or part.removesuffix("s") in known for part in plain.split("-") if part)

    return [entry for entry in scan(paths) if entry.files >= min_files and not ordinary(entry.word)]


def write_vocabulary(entries: list[Entry], output: Path) -> None:
    header = ("# Names and product names this repository's articles share, most files first\n"
              "# (written by `copydesk vocabulary`). Review it: delete any misspelling, then\n"
              "# name the file in config: vocabulary = [\"" + output.name + "\"].\n")
    temporary = output.with_name(output.name + ".tmp")
    temporary.write_text(header + "".join(f"{entry.word}\n" for entry in entries), encoding="utf-8")
    os.replace(temporary, output)
