"""The rule registry: metadata from ``rules/*/*.yaml``, logic from ``families/``.

Each rule's data file is the one source for its docs, its options and its
examples: ``copydesk explain``, the SARIF rule help and the example tests all
read it. Family modules are imported only when one of their rules runs, so a
run that needs no textstat or LanguageTool never loads them.
"""

from __future__ import annotations

import fnmatch
import importlib
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

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


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=1)
def all_rules() -> dict[str, RuleSpec]:
    """Every rule with a data file, by id, in id order."""
    specs = {}
    for path in sorted(rules_dir().glob("*/*.yaml")):
        with open(path, encoding="utf-8") as handle:
            spec = _spec(yaml.load(handle, Loader=_LOADER))
        specs[spec.id] = spec
    return dict(sorted(specs.items()))


def matches(rule_id: str, pattern: str) -> bool:
    """A pattern names a rule by id, by family, or by glob (``typography.*``)."""
    return rule_id == pattern or rule_id.startswith(pattern + ".") or fnmatch.fnmatchcase(rule_id, pattern)


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
