"""The rule registry: metadata from ``rules/*/*.yaml``, logic from ``families/``.

Each rule's data file is the one source for its docs, its options and its
examples: ``copydesk explain``, the SARIF rule help and the example tests all
read it. Family modules are imported only when one of their rules runs, so a
run that needs no textstat or LanguageTool never loads them.
"""

from __future__ import annotations

import fnmatch
import hashlib
import importlib
import marshal
import math
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from copydesk.finding import Hit, Severity

FAMILIES = ("grammar", "spelling", "readability", "headline", "figures", "typography", "style")
RULE_ID = re.compile(r"^(%s)\.[a-z0-9]+(-[a-z0-9]+)*$" % "|".join(FAMILIES))
# House and Vale style rules report as style.<Style>.<Rule>, in the style's own spelling
# (style.Microsoft.Avoid, style.write-good.E-Prime); a pattern may name a whole style or glob.
STYLE_ID = re.compile(r"^style\.[A-Za-z0-9_*?\[\]-]+(\.[A-Za-z0-9_.*?\[\]-]+)?$")
OPTION_TYPES = {"int": int, "float": (int, float), "str": str, "bool": bool, "list": list, "choice": str}


def rules_dir() -> Path:
    """The ``rules/`` data folder: inside the installed package, or the source tree."""
    packaged = Path(__file__).parent / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


@dataclass(frozen=True)
class OptionSpec:
    name: str
    type: str
    default: object
    description: str = ""
    choices: tuple = ()
    minimum: float | None = None  # the YAML's ``min``; int options are counts, never negative

    def validate(self, value: object, where: str) -> object:
        expected = OPTION_TYPES[self.type]
        if isinstance(value, bool) and self.type in ("int", "float"):
            raise TypeError(f"{where} must be {self.type}, not a boolean")
        if not isinstance(value, expected):
            raise TypeError(f"{where} must be {self.type}, not {type(value).__name__}")
        if self.choices and value not in self.choices:
            raise ValueError(f"{where} must be one of {', '.join(map(str, self.choices))}, not {value!r}")
        if self.type == "float" and not math.isfinite(value):  # TOML allows nan and inf
            raise ValueError(f"{where} must be a finite number, not {value!r}")
        lowest = self.minimum if self.minimum is not None else (0 if self.type == "int" else None)
        if lowest is not None and value < lowest:
            raise ValueError(f"{where} must be at least {lowest:g}, not {value!r}")
        return value


@dataclass(frozen=True)
class ExpectedFinding:
    """A bad example's finding: where it starts and, where the data says so,
    where it ends and a fragment of its message."""

    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None
    message: str | None = None


@dataclass(frozen=True)
class Example:
    text: str
    format: str = "text"
    findings: tuple[ExpectedFinding, ...] = ()
    options: dict = field(default_factory=dict, hash=False)
    date: str | None = None
    # The text once every fix of this rule is applied (safe and unsafe), as
    # textlint-tester's ``output``; None where the example does not say.
    output: str | None = None


@dataclass(frozen=True)
class RuleSpec:
    id: str
    severity: Severity
    summary: str
    rationale: str
    options: tuple[OptionSpec, ...]
    bad: tuple[Example, ...]
    good: tuple[Example, ...]
    enabled: bool = True
    help_url: str = ""
    # An engine rule (LanguageTool) that reports under ids of its own: family.engine-rule.
    dynamic: bool = False

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.id.split(".", 1)[1]

    @property
    def title(self) -> str:
        """PascalCase name, as SARIF's ``rule.name`` expects."""
        return "".join(part.capitalize() for part in self.name.split("-"))

    def defaults(self) -> dict:
        return {option.name: option.default for option in self.options}

    def option(self, name: str) -> OptionSpec | None:
        return next((o for o in self.options if o.name == name), None)


def _example(data: dict) -> Example:
    findings = tuple(
        ExpectedFinding(f["line"], f["column"], f.get("end_line"), f.get("end_column"), f.get("message"))
        for f in data.get("findings", ())
    )
    return Example(
        text=data["text"],
        format=data.get("format", "text"),
        findings=findings,
        options=data.get("options", {}),
        date=str(data["date"]) if data.get("date") else None,
        output=data.get("output"),
    )


def _spec(data: dict) -> RuleSpec:
    options = tuple(
        OptionSpec(
            name=o["name"],
            type=o["type"],
            default=o["default"],
            description=o.get("description", ""),
            choices=tuple(o.get("choices", ())),
            minimum=o.get("min"),
        )
        for o in data.get("options", ())
    )
    examples = data.get("examples", {})
    return RuleSpec(
        id=data["id"],
        severity=Severity(data["severity"]),
        summary=data["summary"].strip(),
        rationale=data.get("rationale", "").strip(),
        options=options,
        bad=tuple(_example(e) for e in examples.get("bad", ())),
        good=tuple(_example(e) for e in examples.get("good", ())),
        enabled=data.get("enabled", True),
        help_url=data.get("help_url", ""),
        dynamic=data.get("dynamic", False),
    )


@lru_cache(maxsize=1)
def all_rules() -> dict[str, RuleSpec]:
    """Every rule with a data file, by id, in id order."""
    specs = {}
    for data in _rule_data(tuple(sorted(rules_dir().glob("*/*.yaml")))):
        spec = _spec(data)
        specs[spec.id] = spec
    return dict(sorted(specs.items()))


def _rule_data(paths: tuple[Path, ...]) -> list:
    """The rules' YAML, parsed; kept in the cache folder as marshal data while no
    rule file changes (parsing some forty files costs every one-article run ~50 ms)."""
    from copydesk.languagetool import cache_dir

    signature = repr([(str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in paths])
    cache = cache_dir() / f"rules-{hashlib.sha256(signature.encode()).hexdigest()[:24]}.marshal"
    try:
        return _with_dates(marshal.loads(cache.read_bytes()))
    except (OSError, ValueError, EOFError, TypeError):
        pass
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            data.append(yaml.load(handle, Loader=loader))
    try:
        encoded = marshal.dumps(_without_dates(data))  # ValueError for a value marshal cannot keep
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        temporary.write_bytes(encoded)
        os.replace(temporary, cache)
    except (OSError, ValueError):
        pass  # not cached: the next run parses the files again
    return data


_DATE_TAG = "\0date"  # a YAML date (an example's publication date), kept as (tag, ISO text)


def _without_dates(value):
    if isinstance(value, dict):
        return {key: _without_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_dates(item) for item in value]
    return (_DATE_TAG, value.isoformat()) if isinstance(value, date) else value


def _with_dates(value):
    if isinstance(value, dict):
        return {key: _with_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_dates(item) for item in value]
    if isinstance(value, tuple) and len(value) == 2 and value[0] == _DATE_TAG:
        return date.fromisoformat(value[1])
    return value


def matches(rule_id: str, pattern: str) -> bool:
    """A pattern names a rule by id, by family, or by glob (``typography.*``)."""
    return rule_id == pattern or rule_id.startswith(pattern + ".") or fnmatch.fnmatchcase(rule_id, pattern)


def suppressed(rule_id: str, line: int, directives: Iterable, column: int = 1, matched: str = "") -> bool:
    """Whether inline comments (document.Directive) switch ``rule_id`` off at
    ``line``:``column`` for the ``matched`` text: applied in source order, later
    ones override earlier ones.

    copydesk's comments share one switch per rule; a Vale control comment
    (``directive.key``) is its own switch, as in Vale, so the rule is off
    while any switch that names it is off."""
    off = False
    switches: dict[str, bool] = {}
    for directive in directives:
        names_rule = not directive.targets or any(matches(rule_id, t) for t in directive.targets)
        if not names_rule or (directive.matches and matched not in directive.matches):
            continue
        if directive.action == "disable-next-line":
            if line == directive.line + 1:
                return True
        elif (directive.line, directive.column) <= (line, column):
            if directive.key:
                switches[directive.key] = directive.action == "disable"
            else:
                off = directive.action == "disable"
    return off or any(switches.values())


@lru_cache(maxsize=None)
def wordlist(name: str) -> frozenset[str]:
    """A word list from ``rules/wordlists/NAME.txt``: one entry a line, # comments."""
    path = rules_dir() / "wordlists" / f"{name}.txt"
    with open(path, encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip() and not line.startswith("#"))


# --- rule logic -------------------------------------------------------------

Check = Callable[["object", "RuleContext"], Iterable[Hit]]
_CHECKS: dict[str, Check] = {}


def check(rule_id: str) -> Callable[[Check], Check]:
    """Register the function that implements ``rule_id``."""

    def register(function: Check) -> Check:
        _CHECKS[rule_id] = function
        return function

    return register


# Families whose logic lives in another family's module (both come from LanguageTool).
FAMILY_MODULES = {"spelling": "grammar"}


def implementation(rule_id: str) -> Check:
    family = rule_id.split(".", 1)[0]
    if rule_id not in _CHECKS:
        importlib.import_module(f"copydesk.families.{FAMILY_MODULES.get(family, family)}")
    return _CHECKS[rule_id]


@dataclass
class RuleContext:
    """What a check sees besides the document: its options and house settings."""

    spec: RuleSpec
    options: dict
    house: dict
    publication_date: object = None
    enabled: frozenset[str] = frozenset()  # every rule id enabled for this document
    vocabulary: frozenset[str] = frozenset()  # accepted words: shipped list plus the repository's
    engine: dict = field(default_factory=dict)  # the [languagetool] settings: language, enable, disable
    styles: object = None  # the house and Vale styles to run (copydesk.styles.StyleSet), if configured
    # Work kept for every document of one run (the config's ``run_memo``): syllable counts of distinct words.
    run_memo: dict = field(default_factory=dict)
