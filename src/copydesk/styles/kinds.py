"""The generic rule kinds: existence, substitution, occurrence, repetition,
consistency, conditional, capitalization, metric and spelling.

A rule is data (one YAML file); its kind decides how the data is read. Each
kind runs over a *unit*, a piece of prose in a scope (a paragraph, a heading,
a sentence, the raw file), and reports alerts in that unit's own offsets; the
engine maps them to the source. The semantics follow Vale's documentation and
behaviour so that a style written for Vale means the same here; where
copydesk differs it is said in docs/vale-migration.md.
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from copydesk.styles.dialect import DialectError, compile_vale
from copydesk.styles.prefilter import Alternatives, required_words, unit_words

LEVELS = ("suggestion", "warning", "error")
WORD_TEMPLATE = r"\b(?:%s)\b"
NONWORD_TEMPLATE = r"(?:%s)"
_WORD = re.compile(r"(?:[^\W_]|\*)+\S*")  # Vale's case-converter token: letters, digits or *, then up to a space
_FIRST_WORD = re.compile(r"\S+")
_LIST_NUMBER = re.compile(r"\d+\.")


class RuleError(ValueError):
    """A rule file that cannot be used: the message says which key and why."""


@dataclass(frozen=True)
class Alert:
    """What a rule reports, in the offsets of the unit it ran over."""

    start: int
    end: int
    message: str
    # Replacements for the matched text, one fix each; empty when the rule says none.
    replacements: tuple[str, ...] = ()


@dataclass
class Unit:
    """A piece of prose a rule runs over: its text and its scope sections."""

    text: str
    scope: frozenset[str]
    _words: frozenset[str] | None = field(default=None, repr=False)

    @property
    def words(self) -> frozenset[str]:
        """Its lower-case words, read once for every rule's prefilter."""
        if self._words is None:
            self._words = unit_words(self.text)
        return self._words


def format_message(message: str, *subs: str) -> str:
    """Fill each ``%s`` in turn, as Vale's message templates do."""
    parts = message.split("%s")
    if len(parts) == 1:
        return message
    filled = [parts[0]]
    for index, part in enumerate(parts[1:]):
        filled.append(subs[min(index, len(subs) - 1)] if subs else "")
        filled.append(part)
    return "".join(filled)


def _as_list(value, key: str) -> list:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value if v is not None]
    raise RuleError(f"'{key}' must be a list")


def _bool(data: dict, key: str, default: bool = False) -> bool:
    value = data.get(key, default)
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1")
    return bool(value)


class Scope:
    """Which units a rule runs over: Vale's scope selectors.

    A selector such as ``heading.h1`` names sections a unit's scope must all
    have; ``~heading`` one it must not. ``sentence`` units are reached only
    by a rule that asks for sentences, as in Vale.
    """

    def __init__(self, selectors: list[str]) -> None:
        self.options: list[tuple[frozenset[str], frozenset[str]]] = []
        for selector in selectors or ["text"]:
            wanted, unwanted = set(), set()
            for part in selector.split("&"):
                part = part.strip()
                target = unwanted if part.startswith("~") else wanted
                target.update(s for s in part.lstrip("~").split(".") if s)
            self.options.append((frozenset(wanted), frozenset(unwanted)))
        self.sentences = any("sentence" in wanted for wanted, _ in self.options)
        self.raw = any("raw" in wanted for wanted, _ in self.options)

    def matches(self, scope: frozenset[str]) -> bool:
        if "sentence" in scope and not self.sentences:
            return False
        return any(wanted <= scope and not (unwanted & scope) for wanted, unwanted in self.options)


class Rule:
    """What every kind shares: name, message, level, scope, link, action."""

    kind = ""
    # Kinds that keep state across a document's units (in reading order).
    stateful = False

    def __init__(self, name: str, data: dict, accepted: tuple[str, ...] = ()) -> None:
        self.name = name
        self.message = str(data.get("message", "")).strip() or name
        self.level = str(data.get("level", "suggestion")).lower()
        if self.level not in LEVELS:
            raise RuleError(f"'level' must be one of {', '.join(LEVELS)}, not {self.level!r}")
        self.link = str(data.get("link", "") or "")
        self.scope = Scope(_as_list(data.get("scope"), "scope"))
        action = data.get("action") or {}
        if not isinstance(action, dict):
            raise RuleError("'action' must be a mapping with 'name' and 'params'")
        self.action = str(action.get("name", "") or "")
        self.params = [str(p) for p in (action.get("params") or [])]
        self.ignorecase = _bool(data, "ignorecase")
        self.nonword = _bool(data, "nonword")
        self.exceptions = _as_list(data.get("exceptions"), "exceptions")
        # Vocab's accepted words are exceptions too, unless the rule opts out.
        vocab = _bool(data, "vocab", True)
        self.accepted = tuple(accepted) if vocab else ()
        self._exception_re, self._phrase_re = self._exception_patterns(self.exceptions + list(self.accepted))

    # --- exceptions -----------------------------------------------------------------

    @staticmethod
    def _exception_patterns(terms: list[str]):
        if not terms:
            return None, None
        ordered = sorted(terms, key=len, reverse=True)  # greedy alternation, as Vale orders them
        scoped = [t if t.startswith("(?i)") else "(?-i)" + t for t in ordered]
        whole = compile_vale(WORD_TEMPLATE % "|".join(scoped))
        phrases = [t for t in terms if " " in t or "\t" in t or r"\s" in t]
        phrase = compile_vale(r"(?i)\b(?:%s)\b" % "|".join(phrases)) if phrases else None
        return whole, phrase

    def excepted(self, text: str, observed: str, start: int, end: int) -> bool:
        """An exception or accepted word covers this match."""
        if self._exception_re is not None and self._exception_re.search(observed):
            return True
        if self._phrase_re is not None:
            return any(m.start() <= start and end <= m.end() for m in self._phrase_re.finditer(text))
        return False

    # --- actions --------------------------------------------------------------------------

    def replacements(self, observed: str) -> tuple[str, ...]:
        """The fixes the rule's action proposes for ``observed``."""
        params = self.params
        if self.action == "replace":
            return tuple(params)
        if self.action == "remove":
            return ("",)
        if self.action == "edit" and params:
            return _edit(params, observed)
        return ()

    def run(self, unit: Unit, state: dict) -> Iterator[Alert]:
        raise NotImplementedError


def _edit(params: list[str], observed: str) -> tuple[str, ...]:
    operation, args = params[0], params[1:]
    if operation == "trim":
        return (observed.strip(args[0] if args else None),)
    if operation == "trim_right":
        return (observed.rstrip(args[0] if args else None),)
    if operation == "trim_left":
        return (observed.lstrip(args[0] if args else None),)
    if operation == "truncate" and args:
        return (observed.split(args[0])[0],)
    if operation == "split" and len(args) >= 2:
        pieces = observed.split(args[0])
        index = int(args[1]) if args[1].lstrip("-").isdigit() else 0
        return (pieces[index],) if -len(pieces) <= index < len(pieces) else ()
    if operation == "regex" and len(args) >= 2:
        try:
            return (re.sub(args[0], args[1].replace("$", "\\"), observed),)
        except re.error:
            return ()
    return ()


def _tokens_pattern(tokens: list[str], raw: list[str], ignorecase: bool, word: bool, append: bool) -> str:
    body = (WORD_TEMPLATE if word else NONWORD_TEMPLATE) % "|".join(tokens) if tokens else ""
    joined_raw = "".join(raw)
    pattern = body + joined_raw if append else joined_raw + body
    return ("(?i)" if ignorecase else "") + pattern


class Existence(Rule):
    """Tokens or patterns that should not appear."""

    kind = "existence"

    def __init__(self, name, data, accepted=()):
        super().__init__(name, data, accepted if not _bool(data, "nonword") else ())
        tokens = [t for t in _as_list(data.get("tokens"), "tokens") if t.strip()]
        raw = _as_list(data.get("raw"), "raw")
        if not tokens and not raw:
            raise RuleError("an existence rule needs 'tokens' or 'raw'")
        word = not self.nonword and bool(tokens)
        append = _bool(data, "append")
        self.pattern = compile_vale(_tokens_pattern(tokens, raw, self.ignorecase, word, append))
        self.raw_words = _raw_words("".join(raw)) if raw else None
        self.alternatives = None
        if tokens:
            self.alternatives = Alternatives(tokens, word, lambda chosen: compile_vale(_tokens_pattern(
                [tokens[i] for i in chosen], raw, self.ignorecase, word, append)))

    def _matches(self, unit: Unit):
        if self.raw_words is not None and not (self.raw_words & unit.words):
            return
        if self.alternatives is None:
            yield from self.pattern.finditer(unit.text)
        else:
            for match, _ in self.alternatives.matches(unit.text, unit.words):
                yield match

    def run(self, unit, state):
        text = unit.text
        for match in self._matches(unit):
            observed = match.group()
            if match.end() == match.start():
                continue
            if self.excepted(text, observed.strip(), match.start(), match.end()):
                continue
            fixes = self.replacements(observed)
            shown = fixes[0] if len(fixes) == 1 else " or ".join(fixes)
            yield Alert(match.start(), match.end(), format_message(self.message, observed, shown), fixes)


_CAPTURE = re.compile(r"(?<!\\)\((?!\?)")
_BOUNDED_GROUP = re.compile(r"^\\b\((?:\?:)?([^()]*)\)\\b(?:\\s[*+?]?)?$")


def _raw_words(raw: str) -> frozenset[str] | None:
    """Words one of which a ``raw`` prefix such as ``\\b(am|are|is)\\b\\s*`` needs; None if unknown."""
    match = _BOUNDED_GROUP.match(raw)
    if not match:
        return None
    words = [required_words(option, True) for option in match.group(1).split("|")]
    if any(w is None for w in words):
        return None
    return frozenset().union(*words)



class Substitution(Rule):
    """Use X instead of Y: ``swap`` maps what to avoid to what to use."""

    kind = "substitution"

    def __init__(self, name, data, accepted=()):
        super().__init__(name, data, accepted)
        swap = data.get("swap")
        if not isinstance(swap, dict) or not swap:
            raise RuleError("a substitution rule needs a 'swap' mapping")
        self.capitalize = _bool(data, "capitalize")
        # Longest first: the alternation is greedy in order, as Vale sorts it.
        terms = sorted(((str(k), "" if v is None else str(v)) for k, v in swap.items()), key=lambda kv: -len(kv[0]))
        self.terms = [term for term, _ in terms]
        self.expected = [replacement for _, replacement in terms]
        self.alternatives = Alternatives(self.terms, not self.nonword, self._build)

    def _build(self, chosen: tuple[int, ...]):
        groups = "|".join("(%s)" % _CAPTURE.sub("(?:", self.terms[i]) for i in chosen)
        template = NONWORD_TEMPLATE if self.nonword else WORD_TEMPLATE
        return compile_vale(("(?i)" if self.ignorecase else "") + template % groups)

    def run(self, unit, state):
        text = unit.text
        for match, chosen in self.alternatives.matches(text, unit.words):
            index = match.lastindex
            if index is None:
                continue
            start, end = match.span(index)
            observed = text[start:end]
            expected = self._expected(chosen[index - 1], observed)
            options = [o.replace(r"\|", "|") for o in re.split(r"(?<!\\)\|", expected) if o]
            if self.action == "replace":
                same = observed in options
            else:
                same = observed == expected
            if same or self.excepted(text, observed, start, end):
                continue
            message = self.message
            fixes: tuple[str, ...] = ()
            if self.action == "replace":
                fixes = tuple(self.params) or tuple(options)
                if not self.params:
                    message = _convert_message(message)
                    expected = " or ".join(f"'{o}'" for o in options)
            yield Alert(start, end, format_message(message, expected, observed), fixes)

    def _expected(self, index: int, observed: str) -> str:
        expected = self.expected[index]
        if self.capitalize and observed[:1].isupper():
            expected = expected[:1].upper() + expected[1:]
        if re.search(r"\$\d", expected):
            try:
                expected = compile_vale(self.terms[index], self.ignorecase).sub(
                    re.sub(r"\$(\d+)", r"\\\1", expected), observed)
            except (DialectError, re.error):
                pass
        return expected


def _convert_message(message: str) -> str:
    """With several replacements the first ``'%s'`` loses its quotes: each option is quoted."""
    for spec in ("'%s'", '"%s"'):
        if message.count(spec) == 2:
            return message.replace(spec, "%s", 1)
    return message


class Occurrence(Rule):
    """A token more (``max``) or fewer (``min``) times than allowed in a scope."""

    kind = "occurrence"

    def __init__(self, name, data, accepted=()):
        super().__init__(name, data, accepted)
        token = data.get("token")
        if not token:
            raise RuleError("an occurrence rule needs a 'token'")
        self.max = int(data.get("max", 0) or 0)
        self.min = int(data.get("min", 0) or 0)
        self.pattern = compile_vale(("(?i)" if self.ignorecase else "") + "(?:%s)" % token)

    def run(self, unit, state):
        matches = [m for m in self.pattern.finditer(unit.text)]
        count = len(matches)
        if not ((self.max and count > self.max) or (self.min and count < self.min)):
            return
        message = self.message.replace("%d", str(count)) if "%d" in self.message else self.message
        if count == 0:
            first = _FIRST_WORD.search(unit.text)
            if first:
                yield Alert(first.start(), first.end(), message)
            return
        for match in matches:
            if match.group().strip():
                yield Alert(match.start(), match.end(), message)
                return


class Repetition(Rule):
    """The same token twice in a row (``max`` repeats allowed)."""

    kind = "repetition"

    def __init__(self, name, data, accepted=()):
        super().__init__(name, data, accepted)
        tokens = _as_list(data.get("tokens"), "tokens")
        if not tokens:
            raise RuleError("a repetition rule needs 'tokens'")
        self.max = int(data.get("max", 0) or 0)
        self.alpha = _bool(data, "alpha")
        self.pattern = compile_vale(("(?i)" if self.ignorecase else "") + "(%s)" % "|".join(tokens))

    def run(self, unit, state):
        text = unit.text
        previous, previous_start, count = "", 0, 0
        for match in self.pattern.finditer(text):
            current = match.group().strip()
            same = current.lower() == previous.lower() if self.ignorecase else current == previous
            hit = bool(current) and same and (not self.alpha or current.isalpha())
            if hit:
                count += 1
            if hit and count > self.max:
                start, end = previous_start, match.end()
                span = text[start:end]
                # A repeat across a sentence boundary ("end. End") is not a stutter.
                if not re.search(r"[.!?]\s", span) and not self.excepted(text, span, start, end):
                    fixes = self.replacements(span)
                    yield Alert(start, end, format_message(self.message, current), fixes)
                    count = 0
            previous_start, previous = match.start(), current


class Consistency(Rule):
    """One of two spellings per document: ``either`` pairs them."""

    kind = "consistency"
    stateful = True

    def __init__(self, name, data, accepted=()):
        super().__init__(name, data, accepted)
        either = data.get("either")
        if not isinstance(either, dict) or not either:
            raise RuleError("a consistency rule needs an 'either' mapping")
        template = NONWORD_TEMPLATE if self.nonword else WORD_TEMPLATE
        prefix = "(?i)" if self.ignorecase else ""
        self.pairs = [(compile_vale(prefix + template % f"({one})|({other})"), str(one), str(other))
                      for one, other in either.items()]

    def run(self, unit, state):
        seen = state.setdefault(self.name, set())
        for index, (pattern, one, other) in enumerate(self.pairs):
            last = None
            for match in pattern.finditer(unit.text):
                which = match.lastindex
                seen.add((index, which))
                last = match.span(which)
            if last and (index, 1) in seen and (index, 2) in seen:
                observed = unit.text[last[0]:last[1]]
                yield Alert(last[0], last[1], format_message(self.message, observed))


class Conditional(Rule):
    """``first`` needs ``second`` before it (or in the same unit): an acronym defined before use."""

    kind = "conditional"
    stateful = True

    def __init__(self, name, data, accepted=()):
        super().__init__(name, data, accepted)
        first, second = data.get("first"), data.get("second")
        if not first or not second:
            raise RuleError("a conditional rule needs 'first' and 'second'")
        prefix = "(?i)" if self.ignorecase else ""
        self.first = compile_vale(prefix + str(first))
        self.second = compile_vale(prefix + str(second))

    def run(self, unit, state):
        defined = state.setdefault(self.name, set())
        text = unit.text
        for match in self.second.finditer(text):
            if self.second.groups:
                defined.update(g for g in match.groups() if g)
            else:
                defined.add(match.group())
        for match in self.first.finditer(text):
            observed = match.group()
            if observed in defined or self.excepted(text, observed, match.start(), match.end()):
                continue
            yield Alert(match.start(), match.end(), format_message(self.message, observed))


class Capitalization(Rule):
    """A scope in a case style: ``$title``, ``$sentence``, ``$lower``, ``$upper`` or a pattern."""

    kind = "capitalization"

    def __init__(self, name, data, accepted=()):
        super().__init__(name, data, accepted)
        self.match = str(data.get("match", "") or "")
        if not self.match:
            raise RuleError("a capitalization rule needs 'match'")
        self.indicators = tuple(_as_list(data.get("indicators"), "indicators"))
        self.threshold = float(data.get("threshold", 0.8) or 0.8)
        # Exceptions keep a word as written: one equal to it or, as Vale reads them, one that
        # finds itself in it (the exception "I" keeps "APIs" and "SBIR-EZ").
        self.vocabulary = []
        for entry in self.exceptions + list(self.accepted):
            try:
                self.vocabulary.append(compile_vale(entry, multiline=False))
            except DialectError:
                continue
        if not self.match.startswith("$"):
            self.custom = compile_vale(self.match, multiline=False)
        elif self.match not in ("$title", "$sentence", "$lower", "$upper"):
            raise RuleError(f"'match' must be $title, $sentence, $lower, $upper or a pattern, not {self.match!r}")

    def run(self, unit, state):
        text = unit.text.strip()
        if not text:
            return
        start = unit.text.index(text[0])
        expected, ok = self._check(text)
        if not ok:
            recased = self.action == "replace" and not self.params and expected
            fixes = (expected,) if recased else self.replacements(text)
            yield Alert(start, start + len(text), format_message(self.message, text, expected), fixes)

    def _check(self, text: str) -> tuple[str, bool]:
        if self.match == "$lower":
            return text.lower(), text == text.lower()
        if self.match == "$upper":
            return text.upper(), text == text.upper()
        if not self.match.startswith("$"):
            return self.match, bool(self.custom.search(text)) or self.excepted(text, text, 0, len(text))
        if self.match == "$sentence":
            return self._sentence(text)
        return self._title(text)

    def _known(self, word: str) -> str | None:
        return word if any(entry.search(word) for entry in self.vocabulary) else None

    def _sentence(self, text: str) -> tuple[str, bool]:
        words = _WORD.findall(text)
        expected = []
        for index, word in enumerate(words):
            known = self._known(word)
            previous = words[index - 1] if index else ""
            # A word after an indicator (":") starts afresh, and so does one after a list number ("1.").
            after_indicator = index > 0 and (bool(self.indicators) and previous.endswith(self.indicators)
                                             or index == 1 and _LIST_NUMBER.search(previous) is not None)
            if known:
                expected.append(known)
            elif index == 0 or after_indicator:
                expected.append(word[:1].upper() + word[1:].lower())
            else:
                expected.append(word.lower())
        return " ".join(expected), self._score(words, expected, sentence=True)

    def _title(self, text: str) -> tuple[str, bool]:
        small = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "so", "the",
                 "to", "up", "yet"}
        words = _WORD.findall(text)
        expected = []
        for index, word in enumerate(words):
            known = self._known(word)
            if known:
                expected.append(known)
            elif 0 < index < len(words) - 1 and word.lower() in small:
                expected.append(word.lower())
            else:
                expected.append(word[:1].upper() + word[1:])
        return " ".join(expected), self._score(words, expected, sentence=False)

    def _score(self, words: list[str], expected: list[str], sentence: bool) -> bool:
        """Vale's count: a word agrees if it is as expected, an exception, or (title case) in capitals;
        in sentence case a first word not in title case fails outright."""
        if not words:
            return True
        good = 0
        for index, word in enumerate(words):
            if index >= len(expected) or word == expected[index] or self._excepted_word(word):
                good += 1
            elif not sentence and word == word.upper():
                good += 1
            elif sentence and index == 0 and word != word[:1].upper() + word[1:].lower():
                return False
        return good / len(words) >= self.threshold

    def _excepted_word(self, word: str) -> bool:
        return self._exception_re is not None and bool(self._exception_re.search(word))


_OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
              ast.USub: operator.neg, ast.Pow: operator.pow}
_CONDITION = re.compile(r"^\s*(<=|>=|==|!=|<|>)\s*(-?[\d.]+)\s*$")


class Metric(Rule):
    """A formula over the document's counts, compared with a condition (``> 8``)."""

    kind = "metric"
    stateful = True
    VARIABLES = ("words", "sentences", "paragraphs", "characters", "syllables", "complex_words", "long_words",
                 "polysyllabic_words", "heading_h1", "heading_h2", "heading_h3", "heading_h4", "list",
                 "blockquote", "table_cell")

    def __init__(self, name, data, accepted=()):
        super().__init__(name, data, accepted)
        formula = str(data.get("formula", "") or "")
        condition = _CONDITION.match(str(data.get("condition", "") or ""))
        if not formula or not condition:
            raise RuleError("a metric rule needs a 'formula' and a 'condition' such as '> 8'")
        try:
            self.formula = ast.parse(formula, mode="eval").body
        except SyntaxError:
            raise RuleError(f"'formula' is not arithmetic: {formula!r}") from None
        self._validate(self.formula)
        self.comparison, self.bound = condition.group(1), float(condition.group(2))

    def _validate(self, node) -> None:
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
            self._validate(node.left)
            self._validate(node.right)
        elif isinstance(node, ast.UnaryOp) and type(node.op) in _OPERATORS:
            self._validate(node.operand)
        elif isinstance(node, ast.Name) and node.id in self.VARIABLES:
            return
        elif isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return
        else:
            raise RuleError(f"'formula' may use numbers, + - * / ** and {', '.join(self.VARIABLES)}")

    def value(self, counts: dict) -> float | None:
        try:
            return self._evaluate(self.formula, counts)
        except ZeroDivisionError:
            return None

    def _evaluate(self, node, counts: dict) -> float:
        if isinstance(node, ast.BinOp):
            return _OPERATORS[type(node.op)](self._evaluate(node.left, counts), self._evaluate(node.right, counts))
        if isinstance(node, ast.UnaryOp):
            return _OPERATORS[type(node.op)](self._evaluate(node.operand, counts))
        if isinstance(node, ast.Name):
            return float(counts.get(node.id, 0))
        return float(node.value)

    def fails(self, value: float) -> bool:
        compare = {"<": operator.lt, ">": operator.gt, "<=": operator.le, ">=": operator.ge,
                   "==": operator.eq, "!=": operator.ne}[self.comparison]
        return compare(value, self.bound)

    def run(self, unit, state):  # the engine runs metrics once per document, over its counts
        return iter(())


class Spelling(Rule):
    """Words outside the dictionaries, the rule's ``ignore`` lists and the accepted vocabulary."""

    kind = "spelling"
    _TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]|[A-Za-z]")

    def __init__(self, name, data, accepted=(), words: frozenset[str] = frozenset()):
        super().__init__(name, data, accepted)
        self.words = words
        self.folded = frozenset(w.lower() for w in words)

    def run(self, unit, state):
        for match in self._TOKEN.finditer(unit.text):
            word = match.group().replace("’", "'")
            if word in self.words or word.lower() in self.folded or word.removesuffix("'s") in self.words:
                continue
            if word.isupper() or self.excepted(unit.text, word, match.start(), match.end()):
                continue
            yield Alert(match.start(), match.end(), format_message(self.message, match.group()))


KINDS = {cls.kind: cls for cls in (Existence, Substitution, Occurrence, Repetition, Consistency, Conditional,
                                   Capitalization, Metric, Spelling)}
UNSUPPORTED = {"sequence": "needs a part-of-speech tagger", "script": "runs Tengo scripts",
               "readability": "use copydesk's readability family instead"}


@dataclass
class LoadedStyle:
    name: str
    rules: dict[str, Rule] = field(default_factory=dict)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (rule name, why)
