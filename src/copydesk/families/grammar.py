"""grammar.* and spelling.*: LanguageTool's findings, mapped to source positions.

Each prose block (headline, subhead, paragraph, cell) is checked on its own, so
results cache per paragraph. LanguageTool rules that duplicate a copydesk rule
are switched off while that copydesk rule is on, so a problem is reported once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from copydesk.document import Block, Document
from copydesk.finding import Applicability, Edit, Fix, Hit, Severity
from copydesk.languagetool.client import Markup, Match, active_client
from copydesk.precision import languagetool_severity
from copydesk.rules import RuleContext, check, wordlist
from copydesk.vocabulary import repository_names

# LanguageTool rule -> the copydesk rule that reports the same problem.
DUPLICATES = {
    "WHITESPACE_RULE": "typography.double-space",
    "CONSECUTIVE_SPACES": "typography.double-space",
    "EN_UNPAIRED_BRACKETS": "typography.unbalanced-brackets",
    "EN_UNPAIRED_QUOTES": "typography.unbalanced-quotes",
    "EN_QUOTES": "typography.mixed-quotes",
    "DASH_RULE": "typography.hyphen-as-dash",
    "DATE_WEEKDAY": "figures.weekday-mismatch",
    "DATE_WEEKDAY_WITHOUT_YEAR": "figures.weekday-mismatch",
    "EN_DATE_WEEKDAY": "figures.weekday-mismatch",
    "EN_DATE_WEEKDAY_CURRENTYEAR": "figures.weekday-mismatch",
    "INVALID_DATE": "figures.impossible-date",
}
# Any other LanguageTool rule about weekdays and dates duplicates copydesk's, which knows
# the publication date (LanguageTool assumes the current year).
DUPLICATE_KINDS = {"WEEKDAY": "figures.weekday-mismatch"}
# LanguageTool's informal or stylistic issue types: reported as info, not warnings.
STYLE_ISSUE_TYPES = {"style", "register", "locale-violation", "typographical", "whitespace"}
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def is_spelling(match: Match) -> bool:
    """Typos (the TYPOS category) and spelling rules are spelling.*; the rest grammar.*."""
    return match.category_id == "TYPOS" or "SPELL" in match.rule_id or match.rule_id.startswith(("MORFOLOGIK", "HUNSPELL"))


def copydesk_id(family: str, match: Match) -> str:
    return f"{family}.{match.rule_id.lower().replace('_', '-')}"


def disabled_rules(context: RuleContext) -> tuple[str, ...]:
    """LanguageTool rules to switch off: duplicates of enabled copydesk rules,
    the shipped news defaults, and the config's own list, minus what it enables."""
    duplicates = {lt for lt, ours in DUPLICATES.items() if ours in context.enabled}
    wanted_on = set(context.engine.get("enable", ()))
    off = (duplicates | set(wordlist("languagetool-off")) | set(context.engine.get("disable", ()))) - wanted_on
    return tuple(sorted(off))


_BRITISH_ENDING = re.compile(r"(?:is(?:ation|ations|ed|es|ing)|[bhilmnv]our|[bhilmnv]ours|[bhilmnv]oured)$")


def _looks_british(word: str, american_words) -> bool:
    """organised, privatisation, harbour: British when the American spelling
    (z for s, -or for -our) is an English word and this one is not."""
    match = _BRITISH_ENDING.search(word)
    if not match or len(word) < 6 or word in american_words:
        return False
    ending = match.group()
    american = word[: match.start()] + (ending.replace("is", "iz", 1) if ending.startswith("is") else ending.replace("our", "or", 1))
    return american in american_words


def article_language(doc: Document, configured: str) -> str:
    """en-GB or en-US for ``auto``: whichever spelling the article uses more.
    Only words written in lower case count: a capitalized one may be a name the
    writer did not spell ("Staples Center" in a British report, "Labour" in an American one)."""
    if configured != "auto":
        return configured
    return "en-GB" if _british(*dialect_evidence(doc)) else "en-US"


def _british(uk: int, us: int) -> bool:
    return uk > us


def dialect_evidence(doc: Document) -> tuple[int, int]:
    """How many British and American spellings the article uses (lower-case words only)."""
    if "dialect" not in doc.cache:
        from copydesk.readability import english_words

        british, american = _spelling_pairs()
        known = english_words()
        uk = us = 0
        for block in doc.blocks:
            for word in _WORD.findall(block.text):
                if word.islower():
                    uk += word in british or _looks_british(word, known)
                    us += word in american
        doc.cache["dialect"] = (uk, us)
    return doc.cache["dialect"]


@lru_cache(maxsize=1)
def _spelling_pairs() -> tuple[frozenset[str], frozenset[str]]:
    pairs = [line.split() for line in wordlist("british-spellings")]
    # A line may name the British form alone: its American form is an ordinary British word too.
    return frozenset(p[0] for p in pairs), frozenset(p[1] for p in pairs if len(p) > 1)


def placeholders(block: Block) -> list[tuple[int, int]]:
    """The block's stand-in words (for code, a bare link, an image): runs of
    synthetic characters, which the parser maps to a longer source range."""
    runs: list[tuple[int, int]] = []
    starts, ends, text = block.starts, block.ends, block.text
    for index, (start, end) in enumerate(zip(starts, ends)):
        if end - start == 1 or not text[index].isalpha():
            continue
        if runs and runs[-1][1] == index and starts[index - 1] == start:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs


_CODE_WORD = re.compile(r"[A-Za-z]+")  # letters only: LanguageTool 6.8 fails on some underscored words


def _markups(doc: Document, block: Block, runs: list[tuple[int, int]]) -> tuple[Markup, ...]:
    """Placeholders as LanguageTool markup: read as the code's own word when it is
    one ("an `upcast` method" reads "an upcast method"), else as the stand-in."""
    markups = []
    for start, end in runs:
        source_start, source_end = block.source_range(start, end)
        inner = doc.source[source_start:source_end].strip("`").strip()
        word = inner if _CODE_WORD.fullmatch(inner) else block.text[start:end]
        markups.append(Markup(start, end, word))
    return tuple(markups)


def _matches(doc: Document, context: RuleContext) -> list[tuple[Block, Match]]:
    """LanguageTool's matches for every prose block, fetched once per document;
    none that touches a placeholder (the stand-in is not the writer's word)."""
    if "languagetool" not in doc.cache:
        language = article_language(doc, context.engine.get("language", "auto"))
        blocks = [block for block in doc.blocks if block.kind != "byline" and block.text.strip()]
        runs = [placeholders(block) for block in blocks]
        texts = [block.text for block in blocks]
        markups = [_markups(doc, block, found) for block, found in zip(blocks, runs)]
        results = active_client(language, disabled_rules(context)).check_many(texts, markups)
        if context.engine.get("language", "auto") == "auto" and language == "en-US" and _british_after_all(doc, results):
            language = "en-GB"
            results = active_client(language, disabled_rules(context)).check_many(texts, markups)
        doc.cache["language"] = language
        doc.cache["languagetool"] = [
            (block, match) for block, found, stand_ins in zip(blocks, results, runs) for match in found
            if not any(start < match.end and match.start < end for start, end in stand_ins)
            and not _duplicate(match, context) and not _misfire(block, match, language)]
    return doc.cache["languagetool"]


def _british_after_all(doc: Document, results: list[list[Match]]) -> bool:
    """The article's own spellings, as LanguageTool's American dictionary reports them
    ("‘haematoma’ is British English"), weighed with the table's evidence: a British
    report with words the table lacks is British after all."""
    flagged = sum(1 for found in results for match in found if "British English" in match.message)
    uk, us = dialect_evidence(doc)
    return bool(flagged) and _british(uk + flagged, us)


def _duplicate(match: Match, context: RuleContext) -> bool:
    return any(kind in match.rule_id and ours in context.enabled for kind, ours in DUPLICATE_KINDS.items())


# Nouns that take a plural verb in British English ("the team have").
COLLECTIVE_NOUNS = frozenset(
    "team side squad club government council committee board cabinet party police staff crew band group family "
    "public audience crowd jury panel union firm company management opposition army navy federation".split())
_PLURAL_VERBS = frozenset("have are were do".split())
_AGREEMENT = re.compile(r"AGR|AGREEMENT")
_SPOKEN_FIGURES = frozenset("0123456789£$€¥")
_REPETITION = re.compile(r"REPEAT|REPETITION")


def _misfire(block: Block, match: Match, language: str) -> bool:
    """LanguageTool matches of a kind that is wrong on edited copy."""
    flagged = block.text[match.start:match.end]
    if _REPETITION.search(match.rule_id) and (any(char.isdigit() for char in flagged)
                                              or flagged.lower().split()[:1] in (["had"], ["that"])):
        return True  # scores repeat by nature ("won 6-2 6-2"); "had had" and "that that" are grammar
    if match.rule_id == "EN_A_VS_AN" and block.text[match.end:match.end + 2].lstrip()[:1] in _SPOKEN_FIGURES:
        return True  # "an £800m" is read "an eight hundred million": the figure decides, not its symbol
    if language == "en-GB" and _AGREEMENT.search(match.rule_id):
        return _british_collective(block.text, match)
    return False


def _british_collective(text: str, match: Match) -> bool:
    """British English agrees a team, a country fielding one or a body with a plural
    verb: "England have the ability", "the council were told"."""
    flagged = text[match.start:match.end].split()
    verb = flagged[0].lower() if flagged else ""
    before = text[max(0, match.start - 40):match.start].split()
    if not before or not (verb in _PLURAL_VERBS or verb.isalpha() and not verb.endswith("s")):
        return False  # only a plural verb is British agreement
    subject = before[-1].strip(",;:")
    return subject[:1].isupper() or subject.lower() in COLLECTIVE_NOUNS


# A lower-case word the article spells the same way this often is its term
# ("tablespaces" five times in a database post), not a slip of the keys.
TERM_USES = 3


def _proper_nouns(doc: Document) -> set[str]:
    """Capitalized words the article uses more than once and never in lower case,
    and lower-case words it uses at least TERM_USES times."""
    counts: dict[str, int] = {}
    lower: dict[str, int] = {}
    for block in doc.blocks:
        for word in _WORD.findall(block.text):
            if word[0].isupper():
                counts[word] = counts.get(word, 0) + 1
            else:
                lower[word] = lower.get(word, 0) + 1
    names = {word for word, count in counts.items() if count > 1 and word.lower() not in lower}
    return names | {word for word, count in lower.items() if count >= TERM_USES}


# Capitalized at the start of a sentence, these are no part of a name: "The Goverment".
_FUNCTION_WORDS = frozenset("the a an in on at for of and but to by with from as this that its our their his her "
                            "my your we they it he she if when while after before".split())


def _in_a_name(text: str, start: int, end: int) -> bool:
    """A capitalized word next to another capitalized word, with only a space
    between them, reads as part of a name: "Yan Chang", "Gulfstream G550";
    so do "JP McManus" (every word capitalized) and the "Gara" of "O'Gara"."""
    words = text[start:end].split()
    if not words or not all(word[0].isupper() for word in words):
        return False
    if len(words) > 1 or re.search(r"\b[A-Z]['’]$", text[max(0, start - 2):start]):
        return True
    before = re.search(r"(\S+) $", text[max(0, start - 40):start])
    after = re.match(r" (\S+)", text[end:end + 40])
    before_is_name = (before and before.group(1)[0].isupper() and before.group(1)[-1].isalnum()
                      and before.group(1).lower() not in _FUNCTION_WORDS)
    after_is_name = after and after.group(1)[0].isupper()
    return bool(before_is_name or after_is_name)


# A token that is code or an address, not a word: snake_case, camelCase, dotted
# names (docs.rs, crates.io-based), paths, @handles, #hashtags, :shortcodes:,
# version strings, URLs and e-mail addresses.
_CODE_LIKE = re.compile(
    r"_|[a-z][A-Z]|\w\.\w|/|\\|^[@#]|^:\w[\w+-]*:$|^v?\d+(?:\.\d+)+|://|^www\.|@\w|\w\(|[{}<>=$]|\d[a-zA-Z]|[a-zA-Z]\d"
    r"|&#?\w+"  # an HTML entity left in plain text (F&#244;n)
    r"|^\.\w|^[a-z\d]+(?:-[a-z\d]+){2,}$")  # a dotfile (.gitignore); kebab-case (usa-list-item)
_TOKEN_EDGES = "\"'“”‘’()[]{},;!?*…"


def surrounding_token(text: str, start: int, end: int) -> str:
    """The whole white-space-delimited token a match falls in, without the
    punctuation around it: "rs" of "docs.rs," gives "docs.rs"."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    token = text[start:end].strip(_TOKEN_EDGES)
    return token[:-1] if token.endswith(".") else token


def is_code_like(token: str) -> bool:
    return bool(_CODE_LIKE.search(token))


def _accepted(word: str, vocabulary: frozenset[str], names: set[str]) -> bool:
    return word in vocabulary or word.lower() in vocabulary or word in names


def _looks_like_a_typo(block: Block, match: Match, word: str) -> bool:
    """Whether a word the dictionary lacks reads as a slip of the keys rather than
    a name, a coinage or jargon: one slip (a letter added, dropped, changed or two
    swapped) from LanguageTool's first suggestion (ultimitely, Cryptocurreny,
    dea l) in a word of five letters or more (shorter ones are mostly jargon: npm,
    int), or a name written in lower case (achilles). A capitalized word inside
    a sentence must be ten letters or more, since shorter names sit one letter
    from many words (Yukos, Solaris, Earthlink); words far from any suggestion
    (Murrayfield, protosketching) or that split into two (skillsharing) are names
    or terms."""
    if not match.replacements:
        return False
    suggestion = match.replacements[0]
    if suggestion.lower() == word.lower():
        # "achilles" for "Achilles"; not "npm" for "NPM" or "devops" for "DevOps", which are jargon
        return word.islower() and len(word) >= 4 and suggestion == word.capitalize()
    if _variant(word, suggestion) or _derived(word):
        return False
    capital_inside = word[:1].isupper() and not any(s.start == match.start for s in block.sentences)
    return _one_slip(word, suggestion, 10 if capital_inside else 5)


def _variant(word: str, suggestion: str) -> bool:
    """Spelled the other accepted way: a hyphen (co-ordinator) or an accent (Motörhead)."""
    plain = "".join(char for char in unicodedata.normalize("NFKD", suggestion) if not unicodedata.combining(char))
    return word.replace("-", "").lower() == plain.replace("-", "").lower()


_PREFIXES = ("un", "non", "de", "re", "co", "pre", "anti", "over", "under")
_SUFFIXES = ("ers", "er", "rs", "r", "ors", "es", "s")


def _derived(word: str) -> bool:
    """A known word with a prefix or a plural/agent ending (uncosted, engagers,
    offerors): a rarer form of a word, not a slip of the keys."""
    from copydesk.readability import english_words

    known = english_words()
    lowered = word.lower()
    stems = [lowered[len(p):] for p in _PREFIXES if lowered.startswith(p)]
    stems += [stem[:-len(s)] for stem in [lowered, *stems] for s in _SUFFIXES if stem.endswith(s)]
    return any(len(stem) >= 4 and stem in known for stem in stems)


def _one_slip(word: str, suggestion: str, shortest: int) -> bool:
    """One letter added, dropped, changed or two swapped, in a word of at least ``shortest`` letters."""
    a, b = word.lower(), suggestion.lower()
    if len(a) < shortest or " " in b or a == b or abs(len(a) - len(b)) > 1:
        return False
    prefix = 0
    while prefix < min(len(a), len(b)) and a[prefix] == b[prefix]:
        prefix += 1
    a, b = a[prefix:], b[prefix:]
    if len(a) == len(b):
        return a[1:] == b[1:] or (len(a) >= 2 and a[0] == b[1] and a[1] == b[0] and a[2:] == b[2:])
    return a[1:] == b if len(a) > len(b) else a == b[1:]


# LanguageTool rules whose first replacement cannot change the meaning: a/an and a doubled word.
SAFE_FIX_RULES = frozenset({"EN_A_VS_AN", "ENGLISH_WORD_REPEAT_RULE"})


def _fixes(doc: Document, block: Block, match: Match) -> tuple[Fix, ...]:
    """LanguageTool's replacements as fixes, where the flagged text is plain in
    the source (no markup inside it), so replacing it keeps the markup intact."""
    start, end = block.source_range(match.start, match.end)
    if doc.source[start:end] != block.text[match.start:match.end] or not match.replacements:
        return ()
    safe = match.rule_id in SAFE_FIX_RULES
    return tuple(
        Fix(f"Replace with “{replacement}”", (Edit(start, end, replacement),),
            Applicability.SAFE if safe and index == 0 else Applicability.UNSAFE)
        for index, replacement in enumerate(match.replacements))


def _hit(doc: Document, block: Block, match: Match, family: str) -> Hit:
    start, end = block.source_range(match.start, match.end)
    message = match.message
    if len(match.replacements) > 1:
        message += f" (or: {', '.join(match.replacements[1:])})"
    properties = (
        ("languagetool-rule", match.rule_id),
        ("languagetool-category", match.category_name),
        ("description", match.description),
        ("url", match.url),
    )
    severity = languagetool_severity(match.rule_id) or (Severity.INFO if match.issue_type in STYLE_ISSUE_TYPES else None)
    suggestion = match.replacements[0] if match.replacements else None
    return Hit(start, end, message, suggestion, copydesk_id(family, match), severity, properties,
               _fixes(doc, block, match))


@check("grammar.languagetool")
def grammar(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for block, match in _matches(doc, context):
        if not is_spelling(match):
            yield _hit(doc, block, match, "grammar")


@check("spelling.languagetool")
def spelling(doc: Document, context: RuleContext) -> Iterator[Hit]:
    names = _proper_nouns(doc)
    repository = None  # read only for a capitalized word: it may scan the whole repository
    for block, match in _matches(doc, context):
        if not is_spelling(match):
            continue
        word = block.text[match.start : match.end]
        if _accepted(word, context.vocabulary, names) or not word[:1].isalnum():
            continue  # a match that starts on punctuation ("- Nair") straddles two tokens
        if _in_a_name(block.text, match.start, match.end):
            continue
        if is_code_like(surrounding_token(block.text, match.start, match.end)):
            continue  # never spell-check code, handles, addresses or versions
        typo = _looks_like_a_typo(block, match, word)
        if word[:1].isupper() and not typo:
            repository = repository_names(doc.path) if repository is None else repository
            if word in repository:
                continue  # a name the repository uses in two or more files (a typo copied twice is still one)
        hit = _hit(doc, block, match, "spelling")
        if _DICTIONARY_RULE.match(match.rule_id) and not typo:
            hit = replace(hit, severity=Severity.INFO,
                          message=f"{hit.message} If “{word}” is a name or a term, add it to the vocabulary.")
        elif _quoted_alone(block.text, match) or _in_a_list(block, match):
            hit = replace(hit, severity=Severity.INFO)
        yield hit


# LanguageTool's dictionary lookups (a word it does not know), as against its typo rules ("could of").
_DICTIONARY_RULE = re.compile(r"MORFOLOGIK|HUNSPELL")


_QUOTES_OPENING = "\"“‘'"
_QUOTES_CLOSING = "\"”’'"


def _quoted_alone(text: str, match: Match) -> bool:
    """A word set in quotation marks by itself or in a short phrase ("crowdworking",
    "ker-chunk") is a coined or cited term the writer chose, not a slip: info."""
    before = text[max(0, match.start - 30):match.start]
    after = text[match.end:match.end + 30]
    opening = max(before.rfind(q) for q in _QUOTES_OPENING)
    closings = [after.find(q) for q in _QUOTES_CLOSING if after.find(q) != -1]
    if opening == -1 or not closings:
        return False
    phrase = before[opening + 1:] + text[match.start:match.end] + after[:min(closings)]
    return len(phrase.split()) <= 3 and (opening == 0 or not before[opening - 1].isalnum())


def _in_a_list(block: Block, match: Match) -> bool:
    """A team line-up or a list of names in sentence form: its abbreviations
    ("capt") and names are not prose to spell-check strictly."""
    from copydesk.readability import count_words
    from copydesk.sentences import is_a_list

    for sentence in block.sentences:
        if sentence.start <= match.start < sentence.end:
            return is_a_list(sentence.text, count_words(sentence.text))
    return False
