"""Applying fixes: edits in source offsets, overlaps resolved deterministically."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from copydesk.document import Document
from copydesk.finding import Applicability, Edit, Finding, Fix


def applicable(fix: Fix, unsafe: bool) -> bool:
    if fix.applicability is Applicability.SAFE:
        return True
    return unsafe and fix.applicability is Applicability.UNSAFE


def chosen_fixes(findings: Iterable[Finding], unsafe: bool = False) -> list[Fix]:
    """The first applicable fix of each finding, in source order of the findings.

    Ties (two findings on one range) break on rule, message and the fixes
    themselves, so the choice never depends on the order findings came in.
    """
    chosen = []
    for finding in sorted(findings, key=lambda f: (f.offset, f.end_offset, f.rule_id, f.message, repr(f.fixes))):
        fix = next((fix for fix in finding.fixes if applicable(fix, unsafe)), None)
        if fix is not None:
            chosen.append(fix)
    return chosen


def apply_fixes(source: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """The source with every fix applied whose edits overlap no earlier fix's.

    A fix is all or nothing: if any of its edits touches a range an earlier
    fix already changed, the whole fix waits for the next run. Returns the new
    text and the number of fixes applied.
    """
    accepted = accepted_fixes(fixes)
    parts, cursor = [], 0
    for edit in sorted(edit for fix in accepted for edit in fix.edits):
        parts.append(source[cursor:edit.start])
        parts.append(edit.replacement)
        cursor = edit.end
    parts.append(source[cursor:])
    return "".join(parts), len(accepted)


def accepted_fixes(fixes: Iterable[Fix]) -> list[Fix]:
    """The fixes, in the order given, that overlap no fix accepted before them."""
    taken: list[Edit] = []
    accepted = []
    for fix in fixes:
        if any(_overlaps(edit, other) for edit in fix.edits for other in taken):
            continue
        taken.extend(fix.edits)
        accepted.append(fix)
    return accepted


def _overlaps(a: Edit, b: Edit) -> bool:
    # Two insertions at one point also conflict: their order would be arbitrary.
    if a.start == a.end == b.start == b.end:
        return True
    return a.start < b.end and b.start < a.end


def locate_fixes(doc: Document, fixes: Iterable[Fix]) -> tuple[Fix, ...]:
    """The fixes with each edit's positions and replaced text filled in.

    A fix with an edit outside the source, or two edits of its own that
    overlap, is dropped whole: a rule's slip must never become a bad write.
    """
    located = []
    for fix in fixes:
        edits = sorted(fix.edits)
        inside = all(0 <= edit.start <= edit.end <= len(doc.source) for edit in edits)
        if not edits or not inside or any(_overlaps(a, b) for a, b in zip(edits, edits[1:])):
            continue
        located.append(replace(fix, edits=tuple(_located(doc, edit) for edit in edits)))
    return tuple(located)


def _located(doc: Document, edit: Edit) -> Edit:
    line, column = doc.position(edit.start)
    end_line, end_column = doc.position(edit.end)
    return replace(edit, line=line, column=column, end_line=end_line, end_column=end_column,
                   original=doc.source[edit.start:edit.end])


def with_newline(fix: Fix, newline: str) -> Fix:
    """The fix with line breaks in its replacements written as the file writes them."""
    if newline == "\n" or not any("\n" in edit.replacement for edit in fix.edits):
        return fix
    edits = tuple(replace(edit, replacement=edit.replacement.replace("\r\n", "\n").replace("\n", newline))
                  for edit in fix.edits)
    return replace(fix, edits=edits)
