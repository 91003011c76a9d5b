"""Vale's regular-expression dialect, read with Python's ``re``.

Vale compiles its patterns with regexp2 in RE2 mode: ``\\w``, ``\\d`` and
``\\b`` are ASCII, ``\\s`` is ``[\\t\\n\\f\\r ]``, inline flags may appear
anywhere. Python's ``re`` with ``re.ASCII`` agrees on the classes; what
differs is spelled out here and translated, and what cannot be translated is
an error that names the pattern, never a silently different rule.
"""

from __future__ import annotations

import re

# A flag group ``(?i)`` or ``(?-i)`` that Python accepts only at the very start.
_INLINE_FLAGS = re.compile(r"\(\?([imsx]*)(?:-([imsx]+))?\)")
_NAMED_GROUP = re.compile(r"\(\?<([A-Za-z_][A-Za-z0-9_]*)>")
_UNSUPPORTED = re.compile(r"\\[pP]\{|\\[pP][A-Z]|\\Q|\(\?[>|]|[*+?}]\+")


class DialectError(ValueError):
    """A Vale pattern copydesk cannot translate faithfully."""


def translate(pattern: str) -> str:
    """A Vale (regexp2 RE2-mode) pattern as a Python ``re`` pattern."""
    if _UNSUPPORTED.search(pattern):
        raise DialectError(f"unsupported regular-expression syntax in {pattern!r} "
                           "(Unicode classes, \\Q, atomic or possessive groups)")
    pattern = _NAMED_GROUP.sub(r"(?P<\1>", pattern)
    pattern = pattern.replace(r"\z", r"\Z")
    return _scope_flags(pattern)


def _scope_flags(pattern: str) -> str:
    """Turn flag groups that stand mid-pattern into scoped groups.

    regexp2 lets ``(?-i)term`` switch a flag off up to the end of the
    enclosing group; Python wants ``(?-i:term)``. The scoped group runs to the
    end of the enclosing group or alternative branch, which is where regexp2's
    switch stops too.
    """
    out: list[str] = []
    i = 0
    # Per open group: how many scoped flag groups to close before its ')' or a '|'.
    depth_closers = [0]
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if char == "[":
            end = _class_end(pattern, i)
            out.append(pattern[i:end])
            i = end
            continue
        match = _INLINE_FLAGS.match(pattern, i)
        if match and (match.group(1) or match.group(2)):
            on, off = match.group(1), match.group(2) or ""
            out.append(f"(?{on}{'-' + off if off else ''}:")
            depth_closers[-1] += 1
            i = match.end()
            continue
        if char == "(":
            depth_closers.append(0)
            out.append(char)
        elif char == ")":
            out.append(")" * depth_closers.pop())
            out.append(char)
            if not depth_closers:
                depth_closers.append(0)
        elif char == "|":
            out.append(")" * depth_closers[-1])
            depth_closers[-1] = 0
            out.append(char)
        else:
            out.append(char)
        i += 1
    out.append(")" * depth_closers[0])
    return "".join(out)


def _class_end(pattern: str, start: int) -> int:
    """Index just past the character class opening at ``start``."""
    i = start + 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] == "]":
            return i + 1
        i += 1
    return len(pattern)


def compile_vale(pattern: str, ignorecase: bool = False, multiline: bool = True) -> re.Pattern:
    """Compile a Vale pattern: ASCII classes, ``(?m)`` as Vale's templates set it."""
    flags = re.ASCII | (re.IGNORECASE if ignorecase else 0) | (re.MULTILINE if multiline else 0)
    try:
        return re.compile(translate(pattern), flags)
    except re.error as error:
        raise DialectError(f"invalid regular expression {pattern!r}: {error}") from None
