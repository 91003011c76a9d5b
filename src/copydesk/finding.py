"""Findings: what a rule reports, located in the source."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def __str__(self) -> str:
        return self.value


_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


class Applicability(str, Enum):
    """How far a fix may be applied without the author looking.

    ``safe``: the meaning cannot change (quotes to the article's majority, a
    double space); ``--fix`` applies it. ``unsafe``: a reasonable rewrite the
    author should confirm (a spelling suggestion, a recased headline);
    ``--unsafe-fixes`` adds it. ``display``: shown, never applied.
    """

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY = "display"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``source[start:end]`` with ``replacement``: source offsets,
    never inside markup, code or front matter.

    A rule gives the offsets and the replacement; the runner, which knows
    the document, adds the 1-based positions (columns in code points, the end
    just past the last character) and the text replaced, for the formatters.
    """

    start: int
    end: int
    replacement: str
    line: int = field(default=0, compare=False)
    column: int = field(default=0, compare=False)
    end_line: int = field(default=0, compare=False)
    end_column: int = field(default=0, compare=False)
    original: str = field(default="", compare=False)

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "line": self.line, "column": self.column,
                "end_line": self.end_line, "end_column": self.end_column,
                "original": self.original, "replacement": self.replacement}


@dataclass(frozen=True)
class Fix:
    """One way to resolve a finding: edits applied together."""

    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.UNSAFE

    def to_dict(self) -> dict:
        return {"title": self.title, "applicability": self.applicability.value,
                "edits": [edit.to_dict() for edit in self.edits]}


@dataclass(frozen=True)
class Location:
    """Another place a finding concerns (SARIF ``relatedLocations``): the other
    occurrences of one inconsistency reported once. Source offsets; the runner
    fills in the 1-based positions as for an Edit."""

    start: int
    end: int
    message: str = ""
    line: int = field(default=0, compare=False)
    column: int = field(default=0, compare=False)
    end_line: int = field(default=0, compare=False)
    end_column: int = field(default=0, compare=False)

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "line": self.line, "column": self.column,
                "end_line": self.end_line, "end_column": self.end_column, "message": self.message}


@dataclass(frozen=True)
class Hit:
    """What a rule yields: a source range and a message. The runner adds the
    rule id, the configured severity and the line/column positions."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    # Engines such as LanguageTool report under ids of their own (grammar.en-a-vs-an).
    rule_id: str | None = None
    severity: Severity | None = None
    properties: tuple[tuple[str, str], ...] = ()
    fixes: tuple[Fix, ...] = ()
    related: tuple[Location, ...] = ()  # the other occurrences, when one finding stands for several


@dataclass(frozen=True, order=True)
class Finding:
    """One finding. Lines and columns are 1-based; columns count Unicode code
    points; ``end_line``/``end_column`` point just past the last character,
    as in SARIF and LSP."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule_id: str
    severity: Severity
    message: str
    suggestion: str | None = None
    offset: int = 0
    end_offset: int = 0
    # The finding's whole source line: keys SARIF fingerprints and baselines.
    line_text: str = field(default="", compare=False, repr=False)
    # Extra facts, such as the LanguageTool rule behind the finding.
    properties: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)
    fixes: tuple[Fix, ...] = field(default=(), compare=False, repr=False)
    related: tuple[Location, ...] = field(default=(), compare=False, repr=False)

    def to_dict(self) -> dict:
        extra = {"properties": dict(self.properties)} if self.properties else {}
        if self.related:
            extra["related"] = [location.to_dict() for location in self.related]
        return {
            "path": self.path,
            "rule": self.rule_id,
            "severity": self.severity.value,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "suggestion": self.suggestion,
            "fixes": [fix.to_dict() for fix in self.fixes],
            **extra,
        }
