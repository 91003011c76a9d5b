"""`lint --fix`: apply fixes to an article and write it back, or show the diff.

This is the only place copydesk writes a file it read. A file is written
only when an explicit --fix asks for it, atomically (a temporary file beside
it, then a rename), in the bytes it came in: its encoding, byte-order mark,
line endings and permissions. A file that changed since copydesk read it is
left alone, and so is one that could not be read or linted.
"""

from __future__ import annotations

import codecs
import difflib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass

from copydesk.finding import Fix
from copydesk.fixes import apply_fixes, chosen_fixes, with_newline
from copydesk.sources import SourceError, decode

CHANGED = "not fixed: it changed since copydesk read it; run copydesk again"
# Overlapping fixes wait for the next pass; passes stop when nothing changes.
MAX_PASSES = 10


@dataclass(frozen=True)
class Storage:
    """How a file's text is stored as bytes."""

    codec: str
    bom: bytes
    newline: str

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.codec)

    def can_write(self, fix: Fix) -> bool:
        try:
            for edit in fix.edits:
                edit.replacement.encode(self.codec)
        except UnicodeEncodeError:
            return False
        return True


def storage_of(data: bytes, text: str, encoding: str | None) -> Storage:
    """The codec, byte-order mark and line ending that ``data`` (decoded as ``text``) uses."""
    newline = "\r\n" if text.count("\r\n") * 2 > text.count("\n") else "\n"
    if encoding:
        codec = codecs.lookup(encoding).name
        if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
            return Storage("utf-8", codecs.BOM_UTF8, newline)
        return Storage(codec, b"", newline)  # utf-16 and utf-8-sig write their own mark
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return Storage(codec, bom, newline)
    return Storage("utf-8", b"", newline)


@dataclass
class Fixed:
    """The outcome of fixing one text: the new text, how many fixes, and the last lint."""

    text: str
    applied: int
    result: object  # the runner's FileResult for ``text``


def fix_text(text: str, lint: Callable[[str], object], unsafe: bool,
             writable: Callable[[Fix], bool] = lambda fix: True, newline: str = "\n") -> Fixed:
    """Lint, apply the chosen fixes, lint again, until nothing more applies.

    Fixes that overlap an earlier one wait for the next pass, so one --fix
    leaves nothing a second run would change (within MAX_PASSES passes).
    """
    result = lint(text)
    applied = 0
    for _ in range(MAX_PASSES):
        fixes = [with_newline(fix, newline) for fix in chosen_fixes(result.findings, unsafe)]
        fixes = [fix for fix in fixes if writable(fix)]
        new_text, count = apply_fixes(text, fixes)
        if not count or new_text == text:
            break
        text, applied = new_text, applied + count
        result = lint(text)
    return Fixed(text, applied, result)


def unified_diff(path: str, before: str, after: str) -> str:
    old, new = (path, path) if os.path.isabs(path) else (f"a/{path}", f"b/{path}")
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=old, tofile=new)
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def fix_file(path: str, original: str, lint: Callable[[str], object], *, encoding: str | None,
             unsafe: bool, dry_run: bool, stdin: bool = False):
    """Fix one article. Returns the runner's FileResult for the text as it now
    stands, with ``fixed`` and, for a dry run, ``diff`` set; when the file
    cannot be written, ``error`` says why and the file is untouched."""
    if stdin:
        data, before = original.encode("utf-8"), None
    else:
        try:
            data, before = _read(path)
        except OSError as error:
            return replace_result(lint(original), error=f"could not read it again to fix it ({error.strerror}); not fixed")
        if _decoded(data, encoding) != original:
            return replace_result(lint(original), error=CHANGED)
    storage = storage_of(data, original, encoding)
    fixed = fix_text(original, lint, unsafe, storage.can_write, storage.newline)
    result = fixed.result
    if fixed.text == original:
        return result
    if dry_run or stdin:
        return replace_result(result, fixed=fixed.applied, diff=unified_diff(result.path, original, fixed.text))
    problem = _write(path, data, before, original, fixed.text, storage)
    if problem:
        return replace_result(lint(original), error=problem)
    return replace_result(result, fixed=fixed.applied)


def replace_result(result, **changes):
    for key, value in changes.items():
        setattr(result, key, value)
    return result


def _read(path: str) -> tuple[bytes, os.stat_result]:
    with open(path, "rb") as handle:
        before = os.fstat(handle.fileno())
        return handle.read(), before


def _decoded(data: bytes, encoding: str | None) -> str | None:
    try:
        return decode(data, encoding)
    except SourceError:
        return None


def _write(path: str, data: bytes, before: os.stat_result, original: str, text: str, storage: Storage) -> str | None:
    """Write ``text`` over ``path`` atomically; a message if it was not written."""
    if storage.encode(original) != data:
        return "not fixed: its bytes would not come back the same from its encoding; fix it by hand"
    target = os.path.realpath(path)  # a symbolic link stays a link to the fixed file
    folder, name = os.path.split(target)
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".copydesk-fix")
    except OSError as error:
        return f"not fixed: could not create a temporary file beside it ({error.strerror})"
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(storage.encode(text))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, before.st_mode & 0o7777)
        _keep_owner(temporary, before)
        if _changed_since(target, data, before):
            os.unlink(temporary)
            return CHANGED
        os.replace(temporary, target)
    except OSError as error:
        if os.path.exists(temporary):
            os.unlink(temporary)
        return f"not fixed: could not write it ({error.strerror}); the file is unchanged"
    return None


def _keep_owner(temporary: str, before: os.stat_result) -> None:
    try:
        os.chown(temporary, before.st_uid, before.st_gid)
    except (OSError, AttributeError):
        pass  # only the owner or root may give a file away; the mode is kept regardless


def _changed_since(path: str, data: bytes, before: os.stat_result) -> bool:
    try:
        now = os.stat(path)
        if (now.st_mtime_ns, now.st_size, now.st_ino) != (before.st_mtime_ns, before.st_size, before.st_ino):
            return True
        with open(path, "rb") as handle:
            return handle.read() != data
    except OSError:
        return True
