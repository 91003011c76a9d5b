"""Finding and reading articles. Every failure becomes a one-line message that
names the file and the fix; nothing here raises for a user's bad input."""

from __future__ import annotations

import codecs
import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec  # imported where a pattern is matched: most runs name files, not folders

from copydesk.parse import HTML_SUFFIXES, SUPPORTED_SUFFIXES

ARTICLE_SUFFIXES = SUPPORTED_SUFFIXES
# A folder expands to these unless the config's `extensions` says otherwise. HTML is
# opt-in: in a site's repository most .html files are layouts and includes, not articles.
FOLDER_SUFFIXES = tuple(suffix for suffix in SUPPORTED_SUFFIXES if suffix not in HTML_SUFFIXES)
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
STDIN = "-"


class SourceError(Exception):
    """A file that cannot be linted; ``str()`` is the message for the user."""


@dataclass(frozen=True)
class Source:
    path: str  # as the user should see it
    text: str
    notice: str | None = None  # not an error: e.g. an empty file


# Folders that hold other people's files or tools' output, never articles.
BUILTIN_EXCLUDED_FOLDERS = frozenset({"node_modules", "bower_components", "vendor", "site-packages", "__pycache__"})


@dataclass(frozen=True)
class Selection:
    """Which files a folder expands to, and which files are left out.

    ``excludes`` pairs a folder with gitignore-style patterns relative to it
    (the config file's ``exclude`` to its folder, ``--exclude`` to the current one).
    """

    excludes: tuple[tuple[Path, tuple[str, ...]], ...] = ()
    extensions: tuple[str, ...] = ()  # empty: FOLDER_SUFFIXES
    gitignore: bool = True

    @cached_property
    def _specs(self) -> list[tuple[str, pathspec.PathSpec]]:
        if not any(patterns for _, patterns in self.excludes):
            return []
        import pathspec

        return [(os.path.abspath(base), pathspec.GitIgnoreSpec.from_lines(patterns))
                for base, patterns in self.excludes if patterns]

    def excludes_path(self, path: str, is_dir: bool = False) -> bool:
        return _matches_any(self._specs, os.path.abspath(path), is_dir)

    def picks(self, name: str) -> bool:
        suffixes = self.extensions or FOLDER_SUFFIXES
        return name.lower().endswith(suffixes) and not name.startswith(".")


def _matches_any(specs, absolute: str, is_dir: bool) -> bool:
    for base, spec in specs:
        relative = os.path.relpath(absolute, base)
        if relative.startswith(".."):
            continue  # the pattern's folder does not hold this path
        if spec.match_file(relative + ("/" if is_dir else "")):
            return True
    return False


def discover(paths: list[str], selection_for: Callable[[Path], Selection] | None = None
             ) -> tuple[list[str], list[tuple[str, str]]]:
    """Expand folders into article paths (sorted; hidden, vendored and ignored
    ones skipped) and apply the exclusions to named files too. Returns (paths,
    problems) with a message for each bad argument."""
    found: list[str] = []
    problems: list[tuple[str, str]] = []
    for raw in paths:
        if raw == STDIN:
            found.append(raw)
            continue
        path = Path(raw)
        selection = selection_for(path) if selection_for else Selection()
        if path.is_dir():
            articles = _articles_in(path, selection)
            if not articles:
                problems.append((raw, "no articles (.md, .mdx, .markdown, .txt, .rst) in this folder, or all are excluded; "
                                  "pass article files or another folder, or set `extensions` (.html is opt-in)"))
            found.extend(articles)
        elif path.exists():
            if not selection.excludes_path(raw):
                found.append(raw)
        else:
            problems.append((raw, "no such file or folder; check the path"))
    return _unique(found), problems


def _articles_in(folder: Path, selection: Selection) -> list[str]:
    gitignores = _gitignores_above(folder) if selection.gitignore else []
    articles = []
    for root, directories, files in os.walk(folder):
        if selection.gitignore and ".gitignore" in files:
            gitignores.append(_gitignore_spec(Path(root)))
        directories[:] = [d for d in directories
                          if not d.startswith(".") and d not in BUILTIN_EXCLUDED_FOLDERS
                          and not _left_out(os.path.join(root, d), True, selection, gitignores)]
        articles.extend(os.path.join(root, name) for name in files
                        if selection.picks(name) and not _left_out(os.path.join(root, name), False, selection, gitignores))
    return sorted(articles, key=lambda article: Path(article).relative_to(folder).parts)


def _left_out(path: str, is_dir: bool, selection: Selection, gitignores) -> bool:
    return selection.excludes_path(path, is_dir) or _matches_any(gitignores, os.path.abspath(path), is_dir)


def _gitignore_spec(folder: Path) -> tuple[str, pathspec.PathSpec]:
    import pathspec

    try:
        lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    return os.path.abspath(folder), pathspec.GitIgnoreSpec.from_lines(lines)


def _gitignores_above(folder: Path) -> list[tuple[str, pathspec.PathSpec]]:
    """The .gitignore files of the folders above ``folder``, up to its repository's root."""
    specs = []
    if (folder / ".git").exists():
        return specs  # the repository's root: its own .gitignore is read on the way down
    current = Path(os.path.abspath(folder)).parent
    for parent in (current, *current.parents):
        if (parent / ".gitignore").is_file():
            specs.append(_gitignore_spec(parent))
        if (parent / ".git").exists():
            break
    else:
        return []  # not in a repository: a stray .gitignore above is not this project's
    return specs


def _unique(paths: list[str]) -> list[str]:
    seen = set()
    unique = []
    for path in paths:
        key = path if path == STDIN else os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def read_source(path: str, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode one article, or raise SourceError with the fix."""
    if path == STDIN:
        data = _read_limited(sys.stdin.buffer, max_bytes)  # never more than the limit in memory
        display = "<stdin>"
    else:
        display = path
        data = _read_bytes(path, max_bytes)
    if len(data) > max_bytes:
        raise SourceError(too_large(None, max_bytes))
    if b"\x00" in data[:8192]:
        raise SourceError("binary file, not text; lint only .md, .markdown or .txt articles")
    text = decode(data, encoding)
    del data  # the bytes are not needed once decoded: a large file is held once, not twice
    if not text.strip():
        return Source(display, text, notice="empty file, nothing to lint")
    return Source(display, text)


def too_large(size: int | None, max_bytes: int) -> str:
    """The message for input over the limit (``size`` None: a stream, read only
    up to the limit). Sizes that would look equal in MB are given in bytes:
    "10.0 MB, limit 10 MB" for a file one byte over would contradict itself."""
    limit = _human_size(max_bytes)
    if size is None:
        found = f"more than {limit}"
    elif round(size / 1_048_576, 1) > max_bytes / 1_048_576:
        found = f"{size / 1_048_576:.1f} MB, limit {limit}"
    else:
        found = f"{size:,} bytes, limit {max_bytes:,} bytes = {limit}"
    return f"too large ({found}); split the article or raise --max-file-size"


def _human_size(count: int) -> str:
    if count >= 1_048_576:
        return f"{count / 1_048_576:g} MB"
    return f"{count / 1024:g} KB" if count >= 1024 else f"{count} bytes"


def _read_limited(stream, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes: one more than the limit proves the stream is too large."""
    chunks = []
    remaining = max_bytes + 1
    while remaining > 0:
        chunk = stream.read(min(remaining, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _special_file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _read_bytes(path: str, max_bytes: int) -> bytes:
    """A regular file's bytes. Anything else (a FIFO, a device, a symlink to
    /dev/zero) could block forever or never end, so it is refused before a
    byte is read; the size is checked on the open file before reading too."""
    try:
        if os.path.isdir(path):
            raise SourceError("is a folder; pass the folder itself to lint every article in it")
        # O_NONBLOCK: opening a FIFO with no writer would otherwise block right here.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(descriptor, "rb") as handle:
            status = os.fstat(handle.fileno())  # the file actually opened, not a name that may change
            if not stat.S_ISREG(status.st_mode):
                raise SourceError(f"{_special_file_kind(status.st_mode)}, not an article file; "
                                  "lint only regular .md, .markdown or .txt files")
            if status.st_size > max_bytes:
                raise SourceError(too_large(status.st_size, max_bytes))
            data = _read_limited(handle, max_bytes)  # a file that grew since fstat is still capped
    except FileNotFoundError:
        raise SourceError("no such file; check the path") from None
    except PermissionError:
        raise SourceError("permission denied; check the file's permissions") from None
    except IsADirectoryError:
        raise SourceError("is a folder; pass the folder itself to lint every article in it") from None
    except OSError as error:
        raise SourceError(f"cannot read: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise SourceError(too_large(len(data), max_bytes))
    return data


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode bytes: a BOM decides, else UTF-8, else a message naming the byte."""
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise SourceError(f"unknown encoding {encoding!r}; try utf-8, latin-1 or cp1252") from None
        except UnicodeDecodeError as error:
            raise SourceError(f"not valid {encoding} (byte {error.object[error.start]:#04x} at offset {error.start})") from None
        return text.removeprefix("\ufeff")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16").removeprefix("\ufeff")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        raise SourceError(
            f"not UTF-8 (byte {data[error.start]:#04x} at line {line}, column {column}); "
            "re-save it as UTF-8, or pass --encoding latin-1 (or cp1252)"
        ) from None
