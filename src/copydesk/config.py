"""Configuration: ``[tool.copydesk]`` in pyproject.toml, or copydesk.toml.

The nearest file walking up from a linted file wins; ``--config`` overrides.
Unknown keys and wrong types are errors that name the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

from copydesk.finding import Severity
from copydesk.parse.frontmatter import DEFAULT_FIELDS, FrontMatterFields
from copydesk.rules import FAMILIES, RULE_ID, STYLE_ID, all_rules, matches, wordlist

FAIL_ON = ("error", "warning", "info", "never")
HOUSE_SETTINGS = {
    "headline-case": ("auto", "sentence", "ap-title", "chicago-title", "start"),
    "numerals": ("ap", "chicago"),
}
HOUSE_DEFAULTS = {"headline-case": "auto", "numerals": "ap"}
TOP_LEVEL_KEYS = ("select", "ignore", "fail-on", "date", "house", "rules", "vocabulary", "languagetool",
                  "exclude", "extensions", "gitignore", "front-matter", "styles", "vale-config")
FRONT_MATTER_KEYS = ("headline", "date", "description")
LANGUAGETOOL_KEYS = {"url": str, "required": bool, "language": str, "enable": list, "disable": list}
ENGINE_FAMILIES = ("grammar", "spelling")  # families whose rule ids come from LanguageTool


class ConfigError(Exception):
    """A configuration file or option that cannot be used; the message says why."""


@dataclass(frozen=True)
class RuleSettings:
    enabled: bool | None = None
    severity: Severity | None = None
    options: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "warning"
    publication_date: date | None = None
    house: dict = field(default_factory=lambda: dict(HOUSE_DEFAULTS))
    rules: dict[str, RuleSettings] = field(default_factory=dict)
    path: Path | None = None
    vocabulary_paths: tuple[Path, ...] = ()
    languagetool: dict = field(default_factory=dict)  # url, required, language
    # Choosing files: gitignore-style globs relative to the config file's folder,
    # the suffixes a folder expands to (empty: every supported one), and .gitignore.
    exclude: tuple[str, ...] = ()
    extensions: tuple[str, ...] = ()
    gitignore: bool = True
    front_matter: FrontMatterFields = DEFAULT_FIELDS
    # House style folders and a .vale.ini (issue 17): see copydesk.styles and docs/house-rules.md.
    style_folders: tuple[Path, ...] = ()
    vale_config: Path | None = None
    styles: object = field(default=None, compare=False)  # the loaded copydesk.styles.StyleSet, or None
    # Work the rules keep for every document this config lints in one run (the resolver keeps
    # one Config per folder for a run): syllable counts of distinct words. Never part of equality.
    run_memo: dict = field(default_factory=dict, compare=False, repr=False)

    def is_enabled(self, rule_id: str) -> bool:
        spec = all_rules()[rule_id]
        settings = self.rules.get(rule_id)
        if settings and settings.enabled is not None:
            enabled = settings.enabled
        elif self.select:
            # A family or glob selects the rules that are on by default; an exact id also an opt-in rule.
            enabled = rule_id in self.select or (spec.enabled and any(matches(rule_id, p) for p in self.select)) or (
                spec.dynamic and any(p.startswith(spec.family + ".") for p in self.select))
        else:
            enabled = spec.enabled
        return enabled and not any(matches(rule_id, p) for p in self.ignore)

    def keeps(self, finding_rule_id: str, source_rule_id: str) -> bool:
        """Whether an engine finding (grammar.en-a-vs-an, from grammar.languagetool) is wanted."""
        if finding_rule_id == source_rule_id:
            return True
        settings = self.rules.get(finding_rule_id)
        if settings and settings.enabled is False:
            return False
        if any(matches(finding_rule_id, p) for p in self.ignore):
            return False
        return not self.select or any(matches(finding_rule_id, p) or matches(source_rule_id, p) for p in self.select)

    def severity_of(self, finding_rule_id: str, source_rule_id: str, suggested: Severity | None) -> Severity:
        """The user's configured severity always wins: first for the finding's own
        id (grammar.en-a-vs-an), then for the rule that produced it; only then the
        severity the hit suggests (an error for a very long sentence), then the default."""
        for rule_id in (finding_rule_id, source_rule_id):
            settings = self.rules.get(rule_id)
            if settings and settings.severity:
                return settings.severity
        return suggested or all_rules()[source_rule_id].severity

    def vocabulary(self) -> frozenset[str]:
        """Accepted words: the shipped list and the repository's own files."""
        return _vocabulary(self.vocabulary_paths)

    def enabled_rules(self) -> list[str]:
        return list(self._enabled_rules)

    @cached_property
    def _enabled_rules(self) -> tuple[str, ...]:
        """Worked out once per config: the runner asks for every file it lints."""
        return tuple(rule_id for rule_id in all_rules() if self.is_enabled(rule_id))

    def severity(self, rule_id: str) -> Severity:
        settings = self.rules.get(rule_id)
        if settings and settings.severity:
            return settings.severity
        return all_rules()[rule_id].severity

    def options(self, rule_id: str) -> dict:
        """A rule's options: its defaults, then this config's settings (worked out once per rule;
        each caller gets its own copy)."""
        known = self._options_by_rule
        if rule_id not in known:
            options = all_rules()[rule_id].defaults()
            settings = self.rules.get(rule_id)
            if settings:
                options.update(settings.options)
            known[rule_id] = options
        return dict(known[rule_id])

    @cached_property
    def _options_by_rule(self) -> dict[str, dict]:
        return {}

    @cached_property
    def derived(self) -> dict:
        """Work derived from this config alone, kept for every document it lints (the
        runner's rule plan). Unlike ``run_memo``, which a config made by ``with_overrides``
        shares, it belongs to this config only: other settings would derive other work."""
        return {}

    def with_overrides(self, select=None, ignore=(), fail_on=None, vale_config=None) -> Config:
        """The CLI's flags on top of the file's settings."""
        overridden = replace(
            self,
            select=tuple(select) if select else self.select,
            ignore=self.ignore + tuple(ignore),
            fail_on=fail_on or self.fail_on,
        )
        if vale_config:
            vale_config = Path(vale_config).resolve()
            overridden = replace(overridden, vale_config=vale_config,
                                 styles=load_styles(self.style_folders, vale_config, "--vale-config"))
        return overridden


def _engine_rule_id(name: str) -> bool:
    """A LanguageTool-derived id such as grammar.en-a-vs-an (not known until the server answers),
    or a house or Vale style rule's id, style.<Style>[.<Rule>] (known once its styles load)."""
    return (bool(RULE_ID.match(name)) and name.split(".", 1)[0] in ENGINE_FAMILIES) or bool(STYLE_ID.match(name))


def validate_patterns(patterns, where: str) -> tuple[str, ...]:
    """Rule ids, families or globs; a name that matches no rule is an error."""
    if isinstance(patterns, str):
        patterns = [p for p in patterns.split(",")]
    if not isinstance(patterns, list | tuple):
        raise ConfigError(f"{where} must be a list of rule ids or families")
    cleaned = []
    for pattern in patterns:
        if not isinstance(pattern, str):
            raise ConfigError(f"{where} must hold strings, not {pattern!r}")
        pattern = pattern.strip()
        if not pattern:
            continue
        known = pattern in FAMILIES or _engine_rule_id(pattern) or any(matches(r, pattern) for r in all_rules())
        if not known:
            raise ConfigError(f"{where}: no rule or family named {pattern!r} (see `copydesk rules`)")
        cleaned.append(pattern)
    return tuple(cleaned)


def parse_date(value, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where} must be a date such as 2024-04-28, not {value!r}") from None


def _rule_settings(rule_id: str, table, where: str) -> RuleSettings:
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table")
    spec = all_rules().get(rule_id)
    if spec is None and not _engine_rule_id(rule_id):
        raise ConfigError(f"{where}: unknown rule {rule_id!r} (see `copydesk rules`)")
    enabled = table.get("enabled")
    if enabled is not None and not isinstance(enabled, bool):
        raise ConfigError(f"{where}.enabled must be true or false")
    severity = table.get("severity")
    if severity is not None:
        if severity not in ("error", "warning", "info"):
            raise ConfigError(f"{where}.severity must be error, warning or info, not {severity!r}")
        severity = Severity(severity)
    options = {}
    for key, value in table.items():
        if key in ("enabled", "severity"):
            continue
        option = spec.option(key) if spec else None
        if option is None:
            known = ", ".join(["enabled", "severity"] + [o.name for o in (spec.options if spec else ())])
            raise ConfigError(f"{where}: unknown option {key!r} (known: {known})")
        try:
            options[key] = option.validate(value, f"{where}.{key}")
        except (TypeError, ValueError) as error:
            raise ConfigError(str(error)) from None
    return RuleSettings(enabled, severity, options)


def from_table(table: dict, where: str, path: Path | None = None) -> Config:
    """Build a Config from the ``[tool.copydesk]`` table (or copydesk.toml's top level)."""
    for key in table:
        if key not in TOP_LEVEL_KEYS:
            raise ConfigError(f"{where}: unknown key {key!r} (known: {', '.join(TOP_LEVEL_KEYS)})")
    fail_on = table.get("fail-on", "warning")
    if fail_on not in FAIL_ON:
        raise ConfigError(f"{where}.fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    house = dict(HOUSE_DEFAULTS)
    house_table = table.get("house", {})
    if not isinstance(house_table, dict):
        raise ConfigError(f"{where}.house must be a table")
    for key, value in house_table.items():
        if key not in HOUSE_SETTINGS:
            raise ConfigError(f"{where}.house: unknown key {key!r} (known: {', '.join(HOUSE_SETTINGS)})")
        if value not in HOUSE_SETTINGS[key]:
            raise ConfigError(f"{where}.house.{key} must be one of {', '.join(HOUSE_SETTINGS[key])}, not {value!r}")
        house[key] = value
    rules_table = table.get("rules", {})
    if not isinstance(rules_table, dict):
        raise ConfigError(f"{where}.rules must be a table of rule ids")
    rules = {rid: _rule_settings(rid, t, f"{where}.rules.{rid}") for rid, t in rules_table.items()}
    style_folders, vale_config = _style_sources(table, where, path)
    return Config(
        style_folders=style_folders,
        vale_config=vale_config,
        styles=load_styles(style_folders, vale_config, where),
        vocabulary_paths=_vocabulary_paths(table.get("vocabulary", []), f"{where}.vocabulary", path),
        languagetool=_languagetool_settings(table.get("languagetool", {}), f"{where}.languagetool"),
        select=validate_patterns(table.get("select", []), f"{where}.select"),
        ignore=validate_patterns(table.get("ignore", []), f"{where}.ignore"),
        fail_on=fail_on,
        publication_date=parse_date(table["date"], f"{where}.date") if "date" in table else None,
        house=house,
        rules=rules,
        path=path,
        exclude=_strings(table.get("exclude", []), f"{where}.exclude"),
        extensions=_extensions(table.get("extensions", []), f"{where}.extensions"),
        gitignore=_boolean(table.get("gitignore", True), f"{where}.gitignore"),
        front_matter=_front_matter_fields(table.get("front-matter", {}), f"{where}.front-matter"),
    )


def _strings(value, where: str) -> tuple[str, ...]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ConfigError(f"{where} must be a string or a list of strings")
    return tuple(v for v in values if v.strip())


def _boolean(value, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where} must be true or false")
    return value


def _extensions(value, where: str) -> tuple[str, ...]:
    """File suffixes such as ``.md``; the dot is optional, each must be one copydesk reads."""
    from copydesk.parse import SUPPORTED_SUFFIXES

    suffixes = []
    for name in _strings(value, where):
        suffix = "." + name.strip().lower().lstrip(".")
        if suffix not in SUPPORTED_SUFFIXES:
            raise ConfigError(f"{where}: copydesk cannot read {suffix!r} files (known: {', '.join(SUPPORTED_SUFFIXES)})")
        suffixes.append(suffix)
    return tuple(suffixes)


def _front_matter_fields(table, where: str) -> FrontMatterFields:
    """Which front-matter fields hold the headline, date and description, tried in order."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table")
    names = {}
    for key, value in table.items():
        if key not in FRONT_MATTER_KEYS:
            raise ConfigError(f"{where}: unknown key {key!r} (known: {', '.join(FRONT_MATTER_KEYS)})")
        names[key] = _strings(value, f"{where}.{key}")
        if not names[key]:
            raise ConfigError(f"{where}.{key} must name at least one field")
    return replace(DEFAULT_FIELDS, **names)


def _vocabulary_paths(value, where: str, config_path: Path | None) -> tuple[Path, ...]:
    """Word-list files, relative to the config file's folder; each must exist."""
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ConfigError(f"{where} must be a path or a list of paths")
    base = config_path.parent if config_path else Path.cwd()
    paths = tuple((base / v).resolve() for v in values)
    for path in paths:
        if not path.is_file():
            raise ConfigError(f"{where}: no such file {str(path)!r}")
    return paths


def _style_sources(table: dict, where: str, config_path: Path | None) -> tuple[tuple[Path, ...], Path | None]:
    """``styles`` (house style folders, or a style shipped with copydesk by name) and ``vale-config``."""
    from copydesk.styles.loader import shipped_style

    base = config_path.parent if config_path else Path.cwd()
    values = table.get("styles", [])
    values = [values] if isinstance(values, str) else values
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ConfigError(f"{where}.styles must be a list of style folders")
    folders = []
    for value in values:
        folder = (base / value).resolve()
        if not folder.is_dir():
            folder = shipped_style(value)
        if folder is None:
            raise ConfigError(f"{where}.styles: no style folder {str((base / value).resolve())!r}")
        folders.append(folder)
    vale = table.get("vale-config")
    if vale is not None and not isinstance(vale, str):
        raise ConfigError(f"{where}.vale-config must be the path of a .vale.ini")
    vale_path = (base / vale).resolve() if vale else None
    if vale_path and not vale_path.is_file():
        raise ConfigError(f"{where}.vale-config: no such file {str(vale_path)!r}")
    return tuple(folders), vale_path


def load_styles(folders: tuple[Path, ...], vale_config: Path | None, where: str):
    """The StyleSet for these sources (None when there are none); a bad style is a ConfigError."""
    if not folders and vale_config is None:
        return None
    from copydesk.styles import StyleError

    try:
        return _styles(folders, vale_config, vale_config.stat().st_mtime_ns if vale_config else 0)
    except StyleError as error:
        raise ConfigError(f"{where}: {error}") from None


@lru_cache(maxsize=16)  # one StyleSet per sources: files re-resolve configs, and forked workers share it
def _styles(folders: tuple[Path, ...], vale_config: Path | None, stamp: int):
    from copydesk.styles import house_styles, read_vale_ini

    return read_vale_ini(vale_config, folders) if vale_config else house_styles(folders)


def _languagetool_settings(table, where: str) -> dict:
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table")
    for key, value in table.items():
        if key not in LANGUAGETOOL_KEYS:
            raise ConfigError(f"{where}: unknown key {key!r} (known: {', '.join(LANGUAGETOOL_KEYS)})")
        if not isinstance(value, LANGUAGETOOL_KEYS[key]):
            raise ConfigError(f"{where}.{key} must be {LANGUAGETOOL_KEYS[key].__name__}")
    return dict(table)


@lru_cache(maxsize=32)
def _vocabulary(paths: tuple[Path, ...]) -> frozenset[str]:
    words = set(wordlist("accepted-words"))
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            words.update(line.strip() for line in handle if line.strip() and not line.startswith("#"))
    return frozenset(words)


def load_config(path: Path) -> Config:
    """Read one config file: copydesk.toml, or pyproject.toml's [tool.copydesk]."""
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    if path.name == "pyproject.toml":
        return from_table(data.get("tool", {}).get("copydesk", {}), f"{path}: tool.copydesk", path)
    return from_table(data, str(path), path)


def _config_file_in(directory: Path) -> Path | None:
    candidate = directory / "copydesk.toml"
    if candidate.is_file():
        return candidate
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file():
        try:
            with open(pyproject, "rb") as handle:
                if "copydesk" in tomllib.load(handle).get("tool", {}):
                    return pyproject
        except (OSError, tomllib.TOMLDecodeError):
            return None
    return None


class ConfigResolver:
    """Finds each file's config by walking up from it; caches per directory.

    Folders that share a config file (or have none) share one Config, made once: its
    run memos (syllable counts, the rule plan) then serve every folder of the run."""

    def __init__(self, explicit: Path | None = None, overrides: dict | None = None) -> None:
        self._explicit = load_config(explicit) if explicit else None
        self._overrides = overrides or {}
        self._by_directory: dict[Path, Config] = {}
        self._by_file: dict[Path | None, Config] = {}  # by config file; None: none found, the defaults
        self._resolved: dict[Path, Path] = {}

    def for_path(self, path: Path | None) -> Config:
        if self._explicit is not None:
            return self._config(None)
        folder = path.parent if path else Path.cwd()
        directory = self._resolved.get(folder)
        if directory is None:  # resolved once per folder: a run lints many files in each
            directory = self._resolved[folder] = folder.resolve()
        if directory not in self._by_directory:
            self._by_directory[directory] = self._config(self._find(directory))
        return self._by_directory[directory]

    def _config(self, found: Path | None) -> Config:
        """The config read from ``found`` (None: --config's, else the defaults) with the run's overrides."""
        if found not in self._by_file:
            config = load_config(found) if found else self._explicit or Config()
            self._by_file[found] = config.with_overrides(**self._overrides)
        return self._by_file[found]

    def _find(self, directory: Path) -> Path | None:
        for folder in (directory, *directory.parents):
            found = _config_file_in(folder)
            if found:
                return found
        return None
