"""Load style folders (one YAML file a rule) and a repository's ``.vale.ini``.

A style is a folder whose name is the style's name; each ``*.yml`` in it is a
rule named ``<Style>.<File>``. copydesk reports its findings as
``style.<Style>.<File>``. Problems are errors that name the file and the key,
raised as :class:`StyleError`; kinds copydesk cannot run are collected by
rule name in ``StyleSet.skipped`` and announced once per run.
"""

from __future__ import annotations

import configparser
import fnmatch
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from copydesk.styles.dialect import DialectError, compile_vale
from copydesk.styles.kinds import KINDS, UNSUPPORTED, Existence, LoadedStyle, Repetition, Rule, RuleError, \
    Spelling, Substitution

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
LEVEL_OVERRIDES = ("suggestion", "warning", "error")
_METACHARACTERS = re.compile(r"[\\\[\](){}.*+?^$|]")


class StyleError(Exception):
    """A style folder, rule file or .vale.ini that cannot be used; the message says where and why."""


def _read_yaml(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_LOADER)
    except OSError as error:
        raise StyleError(f"{path}: cannot read rule: {error.strerror}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise StyleError(f"{where}: invalid YAML: {getattr(error, 'problem', error)}") from None
    if not isinstance(data, dict):
        raise StyleError(f"{path}: a rule file must be a YAML mapping with 'extends' and 'message'")
    # Vale reads keys case-insensitively.
    return {str(key).lower(): value for key, value in data.items()}


def _word_file(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip() and not line.lstrip().startswith("#")]


def build_rule(name: str, data: dict, accepted: tuple[str, ...], where: Path) -> Rule:
    kind = str(data.get("extends", "")).strip()
    try:
        if kind == "spelling":
            return Spelling(name, data, accepted, _spelling_words(data, where))
        return KINDS[kind](name, data, accepted)
    except (RuleError, DialectError) as error:
        raise StyleError(f"{where}: {error}") from None
    except (TypeError, ValueError) as error:
        raise StyleError(f"{where}: {error}") from None


def _spelling_words(data: dict, where: Path) -> frozenset[str]:
    """A spelling rule's word list: its .dic dictionaries (stems) and ignore files,
    else copydesk's English word list."""
    words: set[str] = set()
    folder = where.parent
    dicpath = data.get("dicpath")
    base = (folder / str(dicpath)) if dicpath else None
    for dictionary in data.get("dictionaries") or []:
        if base is None:
            raise StyleError(f"{where}: 'dictionaries' needs 'dicpath'")
        words.update(_dic_stems(base / f"{dictionary}.dic", where))
    for ignore in data.get("ignore") or []:
        words.update(_word_file(folder / str(ignore)))
    if not data.get("dictionaries"):
        from copydesk.readability import english_words

        words.update(english_words())
    return frozenset(words)


def _dic_stems(path: Path, where: Path) -> list[str]:
    try:
        lines = _word_file(path)
    except OSError:
        raise StyleError(f"{where}: no dictionary {str(path)!r}") from None
    return [line.split("/", 1)[0] for line in lines[1:]]


def load_style(folder: Path, accepted: tuple[str, ...] = ()) -> LoadedStyle:
    """Every rule in one style folder."""
    if not folder.is_dir():
        raise StyleError(f"{folder}: no such style folder")
    style = LoadedStyle(folder.name)
    for path in sorted(folder.glob("*.yml")) + sorted(folder.glob("*.yaml")):
        name = f"{folder.name}.{path.stem}"
        data = _read_yaml(path)
        kind = str(data.get("extends", "")).strip()
        if kind in UNSUPPORTED:
            style.skipped.append((name, f"{kind}: {UNSUPPORTED[kind]}"))
            continue
        if kind not in KINDS:
            raise StyleError(f"{path}: 'extends' must be one of {', '.join(sorted(KINDS))}, not {kind!r}")
        style.rules[name] = build_rule(name, data, accepted, path)
    return style


def vale_style(accepted: tuple[str, ...], rejected: tuple[str, ...]) -> LoadedStyle:
    """Vale's built-in style: Terms and Avoid from the vocabulary, and Repetition."""
    style = LoadedStyle("Vale")
    style.rules["Vale.Repetition"] = Repetition("Vale.Repetition", {
        "message": "'%s' is repeated!", "level": "error", "alpha": True, "tokens": [r"[^\s]+"],
        "action": {"name": "edit", "params": ["truncate", " "]}})
    if rejected:
        style.rules["Vale.Avoid"] = Existence("Vale.Avoid", {
            "message": "Avoid using '%s'.", "level": "error", "tokens": list(rejected), "vocab": False})
    literal = [term for term in accepted if not _METACHARACTERS.search(term)]
    if literal:
        style.rules["Vale.Terms"] = Substitution("Vale.Terms", {
            "message": "Use '%s' instead of '%s'.", "level": "error", "ignorecase": True, "vocab": False,
            "swap": {term: term for term in literal}})
    style.skipped.append(("Vale.Spelling", "spelling with Vale's built-in Hunspell dictionary; "
                                           "write a spelling rule with dicpath, or use copydesk's spelling family"))
    return style


# --- .vale.ini ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Section:
    """One glob section: the files it names, the styles they are based on, rule overrides."""

    globs: tuple[str, ...]
    based_on: tuple[str, ...]
    overrides: tuple[tuple[str, str], ...]  # (Style or Style.Rule, NO|YES|suggestion|warning|error)
    # Vale's TokenIgnores and BlockIgnores: what they match is not prose to the styles.
    ignores: tuple[re.Pattern, ...] = ()

    def applies_to(self, path: str) -> bool:
        name = Path(path).name
        return any(fnmatch.fnmatchcase(path, g) or fnmatch.fnmatchcase(name, g) for g in self.globs)


@dataclass
class StyleSet:
    """The styles a configuration runs, and which rules each file gets."""

    styles: dict[str, LoadedStyle] = field(default_factory=dict)
    sections: tuple[Section, ...] = ()
    min_level: str = "suggestion"
    skipped: list[tuple[str, str]] = field(default_factory=list)
    source: str = ""  # where the set came from, for messages
    _by_signature: dict = field(default_factory=dict, repr=False)

    def rules_for(self, path: str) -> tuple[tuple[Rule, str], ...]:
        """(rule, level) pairs for one file, levels after overrides, below MinAlertLevel dropped."""
        signature = tuple(i for i, section in enumerate(self.sections) if section.applies_to(path))
        if signature not in self._by_signature:
            self._by_signature[signature] = self._resolve([self.sections[i] for i in signature])
        return self._by_signature[signature]

    def ignores_for(self, path: str) -> tuple[re.Pattern, ...]:
        """The TokenIgnores and BlockIgnores patterns of every section that names the file."""
        return tuple(pattern for section in self.sections if section.applies_to(path) for pattern in section.ignores)

    def _resolve(self, sections: list[Section]) -> tuple[tuple[Rule, str], ...]:
        based_on: list[str] = []
        overrides: dict[str, str] = {}
        for section in sections:
            based_on += [s for s in section.based_on if s not in based_on]
            overrides.update(section.overrides)
        floor = LEVEL_OVERRIDES.index(self.min_level)
        chosen = []
        for style_name, style in self.styles.items():
            for name, rule in style.rules.items():
                # The rule's own setting wins over its style's, which wins over BasedOnStyles.
                on = style_name in based_on
                for setting in (overrides.get(style_name), overrides.get(name)):
                    if setting is not None:
                        on = setting != "NO"
                if not on:
                    continue
                level = overrides.get(name) if overrides.get(name) in LEVEL_OVERRIDES else rule.level
                if LEVEL_OVERRIDES.index(level) >= floor:
                    chosen.append((rule, level))
        return tuple(chosen)


_SECTION_BRACES = re.compile(r"\{([^{}]*)\}")


def _expand_braces(glob: str) -> list[str]:
    match = _SECTION_BRACES.search(glob)
    if not match:
        return [glob]
    return [expanded for choice in match.group(1).split(",")
            for expanded in _expand_braces(glob[:match.start()] + choice.strip() + glob[match.end():])]


def _list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def read_vale_ini(path: Path, house_folders: tuple[Path, ...] = ()) -> StyleSet:
    """A StyleSet from a ``.vale.ini``: StylesPath, BasedOnStyles per glob section,
    ``Style.Rule = NO|YES|suggestion|warning|error``, MinAlertLevel and Vocab."""
    parser = configparser.ConfigParser(interpolation=None, strict=False, delimiters=("=",),
                                       comment_prefixes=("#", ";"), inline_comment_prefixes=None)
    parser.optionxform = str  # Vale's keys and rule names are case-sensitive
    try:
        text = path.read_text(encoding="utf-8")
        parser.read_string("[%s]\n" % _GLOBAL + text, source=str(path))
    except OSError as error:
        raise StyleError(f"{path}: cannot read Vale config: {error.strerror}") from None
    except configparser.Error as error:
        raise StyleError(f"{path}: invalid Vale config: {error.message.splitlines()[0]}") from None
    settings = parser[_GLOBAL]
    styles_path = (path.parent / settings.get("StylesPath", ".")).resolve()
    min_level = settings.get("MinAlertLevel", "suggestion").strip()
    if min_level not in LEVEL_OVERRIDES:
        raise StyleError(f"{path}: MinAlertLevel must be suggestion, warning or error, not {min_level!r}")
    accepted, rejected = _vocabularies(styles_path, _list(settings.get("Vocab", "")), path)
    sections = []
    global_styles = _list(settings.get("BasedOnStyles", ""))
    global_ignores = _ignore_patterns(settings, path, "the top")
    if global_styles or global_ignores:
        sections.append(Section(("*",), global_styles, (), global_ignores))
    for name in parser.sections():
        if name == _GLOBAL:
            continue
        section = parser[name]
        overrides = []
        for key, value in section.items():
            if key in _SECTION_SETTINGS or "." not in key and key[:1].islower():
                continue  # read below, or a per-format setting copydesk has no use for
            value = value.strip()
            setting = value.upper() if value.upper() in ("NO", "YES") else value
            if setting not in ("NO", "YES") + LEVEL_OVERRIDES:
                raise StyleError(f"{path}: [{name}] {key} must be NO, YES, suggestion, warning or error, not {value!r}")
            overrides.append((key, setting))
        globs = tuple(g for part in name.split(",") for g in _expand_braces(part.strip()))
        sections.append(Section(globs, _list(section.get("BasedOnStyles", "")), tuple(overrides),
                                _ignore_patterns(section, path, f"[{name}]")))
    wanted = {s for section in sections for s in section.based_on} | {
        key.split(".", 1)[0] for section in sections for key, _ in section.overrides}
    styles: dict[str, LoadedStyle] = {}
    for name in sorted(wanted):
        if name == "Vale":
            styles[name] = vale_style(accepted, rejected)
        elif (styles_path / name).is_dir():
            styles[name] = cached_style(styles_path / name, accepted)
        else:
            raise StyleError(f"{path}: style {name!r} is not a folder in StylesPath {str(styles_path)!r}")
    for folder in house_folders:
        styles[folder.name] = cached_style(folder, accepted)
        sections.append(Section(("*",), (folder.name,), ()))
    skipped = [item for style in styles.values() for item in style.skipped]
    return StyleSet(styles, tuple(sections), min_level, skipped, str(path))


_GLOBAL = "__vale_global__"
# Section keys that are Vale settings, not rule overrides. TokenIgnores and
# BlockIgnores are read; the others name markup copydesk's parsers already
# decide about (IgnoredScopes, SkippedScopes: code, pre, script are never prose)
# or formats and transforms it has no use for.
_SECTION_SETTINGS = frozenset({"BasedOnStyles", "TokenIgnores", "BlockIgnores", "IgnorePatterns", "IgnoredScopes",
                               "SkippedScopes", "IgnoredClasses", "Transform", "Lang", "CommentDelimiters"})


def _ignore_patterns(section, path: Path, where: str) -> tuple[re.Pattern, ...]:
    """TokenIgnores and BlockIgnores (and Vale 1's IgnorePatterns), each a list of
    patterns split at unescaped commas (``\\,`` is a comma in a pattern)."""
    patterns = []
    for key in ("TokenIgnores", "BlockIgnores", "IgnorePatterns"):
        for pattern in _split_escaped(section.get(key, "")):
            try:
                patterns.append(compile_vale(pattern, multiline=False))
            except DialectError as error:
                raise StyleError(f"{path}: {where} {key}: {error}") from None
    return tuple(patterns)


def _split_escaped(value: str) -> list[str]:
    """Vale's list syntax for patterns: commas split, ``\\,`` is a literal comma."""
    parts, current, escaped = [], [], False
    for char in value:
        if escaped:
            current.append(char if char == "," else "\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ",":
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def shipped_style(name: str) -> Path | None:
    """A style shipped with copydesk as an example (``AP``), by name; None if there is none."""
    from copydesk.rules import rules_dir

    folder = rules_dir() / "styles" / name
    return folder.resolve() if name and "/" not in name and folder.is_dir() else None


def house_styles(folders: tuple[Path, ...]) -> StyleSet:
    """A StyleSet of house style folders alone, on for every file."""
    styles = {folder.name: cached_style(folder, ()) for folder in folders}
    sections = tuple(Section(("*",), (name,), ()) for name in styles)
    skipped = [item for style in styles.values() for item in style.skipped]
    return StyleSet(styles, sections, "suggestion", skipped, ", ".join(map(str, folders)))


def _vocabularies(styles_path: Path, names: tuple[str, ...], ini: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    accepted: list[str] = []
    rejected: list[str] = []
    for name in names:
        for folder in (styles_path / "config" / "vocabularies" / name, styles_path / "Vocab" / name):
            if folder.is_dir():
                break
        else:
            raise StyleError(f"{ini}: Vocab {name!r} has no folder config/vocabularies/{name} in StylesPath")
        for file_name, target in (("accept.txt", accepted), ("reject.txt", rejected)):
            if (folder / file_name).is_file():
                target.extend(_word_file(folder / file_name))
    return tuple(accepted), tuple(rejected)


@lru_cache(maxsize=64)
def _cached_style(folder: Path, accepted: tuple[str, ...], stamp: tuple) -> LoadedStyle:
    return load_style(folder, accepted)


def cached_style(folder: Path, accepted: tuple[str, ...]) -> LoadedStyle:
    """A style folder read once per process while its files are unchanged."""
    folder = folder.resolve()
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.y*ml"))) if folder.is_dir() else ()
    return _cached_style(folder, accepted, stamp)
