"""grammar.* and spelling.*: LanguageTool's findings, mapped to source positions.

Each prose block (headline, subhead, paragraph, cell) is checked on its own, so
results cache per paragraph. LanguageTool rules that duplicate a copydesk rule
are switched off while that copydesk rule is on, so a problem is reported once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace
from functools import cached_property, lru_cache

from copydesk.document import Block, Document
from copydesk.families.figures.voice import voice
from copydesk.families.grammar_context import compound_already_hyphenated, in_context
from copydesk.finding import Applicability, Edit, Fix, Hit, Severity
from copydesk.languagetool.client import Markup, Match, active_client
from copydesk.precision import languagetool_severity
from copydesk.rules import RuleContext, check, wordlist
from copydesk.vocabulary import repository_names
from copydesk.families.spelling_reading import (COMMON_SHORT, american_twin, doubling_slip, generic_plural_of_a_name,
                                                inflected_from, inflection_stems, intended_word, is_derived, is_variant,
                                                names_a_written_message, one_slip, run_together, split_in_two,
                                                weak_split)

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
        counted: set[str] = set()
        for block in doc.blocks:
            if block.text in counted:
                continue  # one summary in both "excerpt" and "description" is one piece of evidence
            counted.add(block.text)
            for word in _WORD.findall(block.text):
                if word.islower():
                    uk += word in british or _looks_british(word, known)
                    us += word in american
        doc.cache["dialect"] = (uk, us)
    return doc.cache["dialect"]


@lru_cache(maxsize=1)
def _spelling_pairs() -> tuple[frozenset[str], frozenset[str]]:
    from copydesk.readability import english_words

    american_usage = english_words()  # the CMU dictionary, read from American text
    pairs = [line.split() for line in wordlist("british-spellings")]
    # A British form American text uses while it lacks the "American" one (cancellation/cancelation,
    # monologue/monolog) is the usual American spelling too: evidence of neither.
    pairs = [p for p in pairs if not (len(p) > 1 and p[0] in american_usage and p[1] not in american_usage)]
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
        blocks = _checked_blocks(doc)
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
            and not _article_before_stand_in(block, match, stand_ins)
            and not _duplicate(match, context) and not _misfire(block, match, _agreement_british(doc, language))
            and not _foreign(doc, block)]
    return doc.cache["languagetool"]


def _checked_blocks(doc: Document) -> list[Block]:
    return [block for block in doc.blocks if block.kind != "byline" and block.text.strip()]


def _article_before_stand_in(block: Block, match: Match, stand_ins: list[tuple[int, int]]) -> bool:
    """"an `http://` URL": a/an before code is decided by how the code is read
    aloud, which the stand-in word cannot tell."""
    if match.rule_id != "EN_A_VS_AN":
        return False
    following = match.end + len(block.text[match.end:match.end + 3]) - len(block.text[match.end:match.end + 3].lstrip())
    return any(start == following for start, _ in stand_ins)


# A paragraph in another language: an English dictionary and grammar say nothing of it.
_ENGLISH_MARKERS = frozenset("the and of to in is that for it on was with as are be this by at we our you they have "
                             "from or an will has not".split())


def _foreign(doc: Document, block: Block) -> bool:
    """Whether a block is in another language; read once per block (it is asked per match)."""
    known = doc.cache.setdefault("foreign-blocks", {})
    if id(block) not in known:
        known[id(block)] = _reads_foreign(doc, block)
    return known[id(block)]


def _reads_foreign(doc: Document, block: Block) -> bool:
    """Not English (a line-up aside): the shared reading of the block's voice says
    so, or the block is too short for it to tell, has no English function word, and the article
    has a paragraph in another language (a Spanish post's short lines)."""
    from copydesk.readability import count_words
    from copydesk.sentences import is_a_list

    if is_a_list(block.text, count_words(block.text)):
        return False  # a line-up of names has no function words either, but it is English copy
    if not voice(doc, block).english:
        return True
    if "foreign-article" not in doc.cache:
        doc.cache["foreign-article"] = any(not voice(doc, other).english for other in doc.blocks)
    if not doc.cache["foreign-article"]:
        return False
    words = [word.lower() for word in _WORD.findall(block.text)]
    return len(words) >= 4 and not any(word in _ENGLISH_MARKERS for word in words)


def _british_after_all(doc: Document, results: list[list[Match]]) -> bool:
    """The article's own spellings, as LanguageTool's American dictionary reports them
    ("‘haematoma’ is British English", or "well-publicised" with "well-publicized" as
    its suggestion), weighed with the table's evidence: a British report with words
    the table lacks is British after all."""
    flagged = sum(1 for block, found in zip(_checked_blocks(doc), results) for match in found
                  if _british_spelling(block, match))
    uk, us = dialect_evidence(doc)  # (a table word LanguageTool reports weighs twice: a tie goes British)
    return bool(flagged) and _british(uk + flagged, us)


def _british_spelling(block: Block, match: Match) -> bool:
    """A match LanguageTool's American dictionary makes of a British spelling."""
    return "British English" in match.message or bool(
        _DICTIONARY_RULE.match(match.rule_id) and american_twin(block.text[match.start:match.end], match.replacements))


def _duplicate(match: Match, context: RuleContext) -> bool:
    return any(kind in match.rule_id and ours in context.enabled for kind, ours in DUPLICATE_KINDS.items())


# Nouns that take a plural verb in British English ("the team have").
COLLECTIVE_NOUNS = frozenset(
    "team side squad club government council committee board cabinet party police staff crew band group family "
    "public audience crowd jury panel union firm company management opposition army navy federation".split())
_PLURAL_VERBS = frozenset("have are were do".split())
_AGREEMENT = re.compile(r"AGR|AGREEMENT|NNP_VBP")  # NNP_VBP: "If Madrid do not want me"
_SPOKEN_FIGURES = frozenset("0123456789£$€¥")
_REPETITION = re.compile(r"REPEAT|REPETITION")


def _agreement_british(doc: Document, language: str) -> bool:
    """British collective agreement is house style under en-GB, and in an article
    without one American spelling (a BBC report the table cannot place)."""
    return language == "en-GB" or dialect_evidence(doc)[1] == 0


def _misfire(block: Block, match: Match, british_agreement: bool) -> bool:
    """LanguageTool matches of a kind that is wrong on edited copy."""
    if compound_already_hyphenated(block, match):
        return True  # "a six-year high" needs no "six-year-high" (grammar_context)
    flagged = block.text[match.start:match.end]
    if _REPETITION.search(match.rule_id) and (any(char.isdigit() for char in flagged)
                                              or flagged.lower().split()[:1] in (["had"], ["that"])
                                              or _title_before_a_name(block.text, match)
                                              or _doubled_name(flagged)):
        return True  # scores repeat by nature ("won 6-2 6-2"); "had had" and "that that" are grammar
    if _CODE_TOKEN.search(surrounding_token(block.text, match.start, match.start + 1)):
        return True  # the "a" of "schedule_a" is code, not an article
    if match.rule_id == "EN_A_VS_AN" and block.text[match.end:match.end + 2].lstrip()[:1] in _SPOKEN_FIGURES:
        return True  # "an £800m" is read "an eight hundred million": the figure decides, not its symbol
    if british_agreement and _AGREEMENT.search(match.rule_id):
        return _british_collective(block.text, match)
    return False


def _doubled_name(flagged: str) -> bool:
    """"Bafana Bafana", "Duran Duran": a capitalized word doubled is a name,
    unless it is a function word ("The The" at a line break is a slip)."""
    words = flagged.split()
    return len(words) == 2 and words[0] == words[1] and words[0][:1].isupper() \
        and words[0].lower() not in _FUNCTION_WORDS


# Tokens that can only be code or an address (snake_case, paths, URLs, handles,
# markup): LanguageTool reads their pieces as words. (Not camelCase or dotted
# tokens: "GameBoy" and "U.S" are LanguageTool's to correct.)
_CODE_TOKEN = re.compile(r"_|^\.?/|/[\w.-]+/|://|^[@#]|[{}<>=$]|\w\(")  # ("any/all" is prose; /usr/bin a path)


def _title_before_a_name(text: str, match: Match) -> bool:
    """"senior law lord Lord Bingham": a noun, then the same word as the title of
    the name that follows, is not a doubled word."""
    words = text[match.start:match.end].split()
    after = text[match.end:match.end + 2].strip()
    return len(words) == 2 and words[0].islower() and words[1][:1].isupper() and after[:1].isupper()


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


# A word the article spells the same way this often, at least once in lower case,
# is its term ("tablespaces" five times in a database post; "Memoed ... memoed"),
# not a slip of the keys.
TERM_USES = 3


def _proper_nouns(doc: Document) -> set[str]:
    """Capitalized words the article uses more than once and never in lower case,
    and words it uses at least TERM_USES times in any case, once in lower case."""
    counts: dict[str, int] = {}
    lower: dict[str, int] = {}
    any_case: dict[str, int] = {}
    for block in doc.blocks:
        for word in _WORD.findall(block.text):
            folded = word.lower()
            any_case[folded] = any_case.get(folded, 0) + 1
            if word[0].isupper():
                counts[word] = counts.get(word, 0) + 1
            else:
                lower[word] = lower.get(word, 0) + 1
    names = {word for word, count in counts.items() if count > 1 and word.lower() not in lower}
    terms = {word for word in lower if any_case[word.lower()] >= TERM_USES}
    return names | terms | {word for word in counts if word.lower() in terms}


# Capitalized at the start of a sentence, these are no part of a name: "The Goverment".
_FUNCTION_WORDS = frozenset("the a an in on at for of and but to by with from as this that its our their his her "
                            "my your we they it he she if when while after before".split())
# An elided article or particle glued to a name: the "Gara" of "O'Gara", the
# "Estaing" of "d'Estaing", the "Audiovisuel" of "de l'Audiovisuel".
_ELISION_BEFORE = re.compile(r"(?:\b[A-Z]|\b[dlDL])['’]$")


def _in_a_name(text: str, start: int, end: int) -> bool:
    """A capitalized word next to another capitalized word, with only a space
    between them, reads as part of a name: "Yan Chang", "Gulfstream G550";
    so do "JP McManus" (every word capitalized), the "Gara" of "O'Gara" and
    the "Estaing" of "d'Estaing"."""
    words = text[start:end].split()
    if not words or not all(word[0].isupper() for word in words):
        return False
    if len(words) > 1 or _ELISION_BEFORE.search(text[max(0, start - 2):start]):
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


class _Evidence:
    """What the document and LanguageTool say about the words of one article,
    gathered once for the spelling rule."""

    def __init__(self, doc: Document, context: RuleContext) -> None:
        self.doc, self.context = doc, context
        self.lower_words = {word for block in doc.blocks for word in _WORD.findall(block.text) if word.islower()}
        self._twins: dict[str, bool] = {}

    @cached_property
    def repository(self) -> frozenset[str]:
        """The repository's shared names: read only for a capitalized word, since it may scan the whole repository."""
        return repository_names(self.doc.path)

    @cached_property
    def _capitalized_after_lower_case(self) -> frozenset[str]:
        """Words (lower-cased) the article capitalizes right after a lower-case word, with only a space
        or a comma between: capitals in running text, not at a sentence start or in a title-case run."""
        found = set()
        for block in self.doc.blocks:
            previous = None
            for match in _WORD.finditer(block.text):
                word = match.group()
                if previous is not None and previous.group()[:1].islower() and word[:1].isupper() \
                        and block.text[previous.end():match.start()] in (" ", ", "):
                    found.add(word.lower())
                previous = match
        return frozenset(found)

    def capitalized_in_running_text(self, word: str) -> bool:
        return word.lower() in self._capitalized_after_lower_case

    def used_in_lower_case(self, word: str) -> bool:
        """The article spells this word in lower case somewhere: an ordinary word the writer knows."""
        return word.lower() in self.lower_words

    def ordinary_word(self, suggestion: str) -> bool:
        """Whether LanguageTool's dictionary has the suggestion in lower case
        (cryptocurrency, government) rather than only as a name (Surgutneftegas,
        Ronaldinho, Sheffield). Words are asked of the server in one batch per
        article (see ``look_up``); each is its own cached text."""
        lowered = suggestion.lower()
        if lowered not in self._twins:
            self.look_up([lowered])
        return self._twins[lowered]

    def look_up(self, words: list[str]) -> None:
        fresh = sorted({word.lower() for word in words} - set(self._twins))
        if not fresh:
            return
        language = self.doc.cache.get("language", "en-US")
        results = active_client(language, disabled_rules(self.context)).check_many(fresh)
        for word, found in zip(fresh, results):
            self._twins[word] = not any(_DICTIONARY_RULE.match(match.rule_id) for match in found)

    def british_word(self, word: str) -> bool:
        """Whether LanguageTool's en-GB dictionary knows a word its en-US one
        lacks ("prising", from prise), asked for an article checked as en-US
        that has not one American spelling: a British report the table could
        not place."""
        if self.doc.cache.get("language") != "en-US" or dialect_evidence(self.doc)[1]:
            return False
        found = active_client("en-GB", disabled_rules(self.context)).check_many([word.lower()])[0]
        return not any(_DICTIONARY_RULE.match(match.rule_id) for match in found)

    def prefetch(self, matches: list[tuple[Block, Match]]) -> None:
        """Every word the spelling rule may ask about, in one request: the
        suggestions of capitalized misses, the stems of inflected ones and the
        parts of hyphenated ones."""
        from copydesk.readability import english_words

        known = english_words()
        words: list[str] = []
        for block, match in matches:
            word = block.text[match.start:match.end]
            if not _DICTIONARY_RULE.match(match.rule_id) or not match.replacements:
                continue
            if word[:1].isupper():
                words.append(match.replacements[0])
            words += inflection_stems(word)
            if "-" in word:
                words += [part for part in word.split("-") if len(part) >= 2 and part.lower() not in known]
        self.look_up(words)


def _looks_like_a_typo(block: Block, match: Match, word: str, evidence: _Evidence) -> bool:
    """Whether a word the dictionary lacks reads as a slip of the keys rather than
    a name, a coinage or jargon.

    A slip: one letter added, dropped, changed or two swapped from LanguageTool's
    first suggestion (ultimitely, informaton, dea l) in a word of five letters or
    more; a short slip of a common word (teh, thay); a consonant doubled or not
    (refered, targetting); two words run together where one is a function word
    (theircode, justfor); a name written in lower case (achilles). Not a slip:
    a closed compound of two content words (hardcourt, codenamed, skillsharing),
    a regular form of a known word (memoed, preppy, engagers), a name's plural
    used as a noun (sherpas), words far from any suggestion (Murrayfield, protosketching).
    A capitalized word is a slip only of an ordinary word (Cryptocurreny,
    Goverment), never of another name (Surgutneftegaz, Ronaldino: other
    spellings of a name are the writer's to choose), and inside a sentence only
    from ten letters or where the article spells the word right in lower case."""
    if not match.replacements or word.isupper():
        return False  # an acronym LanguageTool does not know (CCWIS, DAWIA) is a name
    if _hyphenated_of_words_or_names(word, evidence):
        return False
    suggestion = match.replacements[0]
    if word.islower() and len(word) <= 4 and any(one_slip(word, common, 3) for common in match.replacements
                                                 if common in COMMON_SHORT):
        return True  # teh, thay, adn
    if suggestion.lower() == word.lower():
        # "achilles" for "Achilles"; not "npm" for "NPM" or "devops" for "DevOps", which are jargon, nor a
        # closed compound LanguageTool also reads as two words ("greenfield": "green field"), whose
        # capitalized twin is some name's
        split = split_in_two(word, match.replacements)
        return (word.islower() and len(word) >= 4 and suggestion == word.capitalize()
                and not generic_plural_of_a_name(word, match.replacements)
                and not (split and not weak_split(split)))
    if match.rule_id.endswith("_EN_GB") and american_twin(word, match.replacements):
        return False  # a British article's -our/-ise form of an American word (vapourware): its dialect, no slip
    intended = intended_word(word, match.replacements)
    parts = split_in_two(word, (intended,))
    if parts and not weak_split(parts):
        return word.islower() and run_together(parts)  # Solaris is no "Solar is"
    if is_variant(word, suggestion):
        return False
    if word.islower() and len(word) >= 5 and any(doubling_slip(word, other) for other in match.replacements):
        return True  # a name's double letters are its own (Herron, not Heron)
    from copydesk.readability import english_words

    if is_derived(word, english_words()) or generic_plural_of_a_name(word, match.replacements) \
            or inflected_from(word, intended) or any(evidence.ordinary_word(stem) for stem in inflection_stems(word)):
        return False  # engagers, sherpas, codenamed (codename), memoed (memo), preppy (prep)
    if not one_slip(word, intended, 5):
        return False
    return not word[:1].isupper() or _capitalized_slip(block, match, word, evidence)


def _capitalized_slip(block: Block, match: Match, word: str, evidence: _Evidence) -> bool:
    """A capitalized word one slip from LanguageTool's suggestion: a typo only of
    an ordinary word, at a sentence start, from ten letters, or where the article
    writes the word in lower case; never of a dialect spelling, which is a name's."""
    if "American English" in match.message or "British English" in match.message:
        return False  # the Department of Defense keeps its own spelling in a British report
    suggestion = match.replacements[0]
    sentence_start = _starts_a_sentence(evidence.doc, block, match.start)
    if _between_lower_case_words(block, match):
        # A capital the writer chose: a slip only of a word the article itself capitalizes in running
        # text ("the Goverment" where it writes "the Government"), else a name ("grandmother Madea").
        written_right = evidence.capitalized_in_running_text(suggestion)
    else:
        written_right = evidence.used_in_lower_case(suggestion)  # capitals of a title-case run say nothing
    if not (sentence_start or len(word) >= 10 or written_right):
        return False
    return evidence.ordinary_word(suggestion)


_NEIGHBOUR_WINDOW = 40  # characters looked at either side for the next word: constant work per finding
_LAST_WORD = re.compile(r"([^\W\d_][\w'’-]*)[^\w]*$")
_FIRST_WORD = re.compile(r"^[^\w]*([^\W\d_][\w'’-]*)")


def _between_lower_case_words(block: Block, match: Match) -> bool:
    """A capitalized word whose neighbours are written in lower case ("her grandmother Madea (one of
    three roles"): the capital is the writer's, so the word is a name, not an ordinary word in a
    title-case run ("New Goverment Plans") whose capitals say nothing."""
    before = _LAST_WORD.search(block.text[max(0, match.start - _NEIGHBOUR_WINDOW):match.start])
    after = _FIRST_WORD.search(block.text[match.end:match.end + _NEIGHBOUR_WINDOW])
    return all(found is None or not found.group(1)[:1].isupper() for found in (before, after)) \
        and (before is not None or after is not None)


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
            # quotations and notional agreement (grammar_context)
            yield in_context(block, match, _hit(doc, block, match, "grammar"))


@check("spelling.languagetool")
def spelling(doc: Document, context: RuleContext) -> Iterator[Hit]:
    names = _proper_nouns(doc)
    evidence = _Evidence(doc, context)
    evidence.prefetch(_matches(doc, context))
    for block, match in _matches(doc, context):
        if not is_spelling(match):
            continue
        word = block.text[match.start : match.end]
        if _accepted(word, context.vocabulary, names) or not word[:1].isalnum():
            continue  # a match that starts on punctuation ("- Nair") straddles two tokens
        if _in_a_name(block.text, match.start, match.end) and not _misspelt_in_title_case(block, match, word, evidence):
            continue
        if is_code_like(surrounding_token(block.text, match.start, match.end)):
            continue  # never spell-check code, handles, addresses or versions
        typo = _looks_like_a_typo(block, match, word, evidence) and not (word.islower() and evidence.british_word(word))
        if word[:1].isupper() and not typo and word in evidence.repository:
            continue  # a name the repository uses in two or more files (a typo copied twice is still one)
        hit = _hit(doc, block, match, "spelling")
        if _DICTIONARY_RULE.match(match.rule_id) and not typo:
            hit = replace(hit, severity=Severity.INFO,
                          message=f"{hit.message} If “{word}” is a name or a term, add it to the vocabulary.")
        elif _quoted_alone(block.text, match) or _in_a_list(doc, block, match) or _quoted_message(doc, block, match) \
                or _british_spelling(block, match) and _quoted(doc, block, match):
            hit = replace(hit, severity=Severity.INFO)  # a quotation keeps its source's spelling
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


def _in_a_list(doc: Document, block: Block, match: Match) -> bool:
    """A team line-up or a list of names in sentence form: its abbreviations
    ("capt") and names are not prose to spell-check strictly. Each sentence is
    read once (a paragraph may hold hundreds of matches)."""
    from copydesk.readability import count_words
    from copydesk.sentences import is_a_list

    sentence = _sentence_at(doc, block, match.start)
    if sentence is None:
        return False
    lists = doc.cache.setdefault("spelling-lists", {})
    key = (id(block), sentence.start)
    if key not in lists:
        lists[key] = is_a_list(sentence.text, count_words(sentence.text))
    return lists[key]


def _sentence_starts(doc: Document, block: Block) -> list[int]:
    starts = doc.cache.setdefault("sentence-starts", {})
    if id(block) not in starts:
        starts[id(block)] = [sentence.start for sentence in block.sentences]
    return starts[id(block)]


def _sentence_at(doc: Document, block: Block, offset: int):
    """The block's sentence holding ``offset`` (binary search: sentences are in order)."""
    index = bisect_right(_sentence_starts(doc, block), offset) - 1
    if index >= 0 and offset < block.sentences[index].end:
        return block.sentences[index]
    return None


def _starts_a_sentence(doc: Document, block: Block, offset: int) -> bool:
    starts = _sentence_starts(doc, block)
    index = bisect_right(starts, offset) - 1
    return index >= 0 and starts[index] == offset


def _hyphenated_of_words_or_names(word: str, evidence: _Evidence) -> bool:
    """A hyphenated word whose parts are a prefix and a name (ex-Yukos,
    pro-Kremlin) or all known words (sweet-natured): a coinage, not a slip."""
    from copydesk.readability import english_words

    parts = [part for part in word.split("-") if part]
    if len(parts) < 2:
        return False
    if any(part[:1].isupper() for part in parts[1:]) and parts[0].islower():
        return True
    known = english_words()
    return all(len(part) >= 2 and (part.lower() in known or evidence.ordinary_word(part)) for part in parts)


def _misspelt_in_title_case(block: Block, match: Match, word: str, evidence: _Evidence) -> bool:
    """"New Goverment Plans" in a title-case headline, where the article writes
    "government": one slip from a word the article spells right in lower case
    is a typo even among capitals. (In running text a run of capitals is a name:
    "Eleni Chappen" is no slip of "happen".)"""
    return block.kind in ("headline", "subhead") and bool(match.replacements) \
        and one_slip(word, match.replacements[0], 5) and evidence.used_in_lower_case(match.replacements[0])


def _quoted(doc: Document, block: Block, match: Match) -> bool:
    """Inside quotation marks or a block quote: someone else's words."""
    return block.container == "quote" or _quotation_at(doc, block, match.start) is not None


def _quotation_at(doc: Document, block: Block, offset: int) -> tuple[int, int] | None:
    """The quotation of the block holding ``offset`` (binary search over its starts, read once)."""
    starts = doc.cache.setdefault("quotation-starts", {})
    if id(block) not in starts:
        starts[id(block)] = [start for start, _ in block.quotations]
    index = bisect_right(starts[id(block)], offset) - 1
    if index >= 0 and offset < block.quotations[index][1]:
        return block.quotations[index]
    return None


def _quoted_message(doc: Document, block: Block, match: Match) -> bool:
    """A word inside a quotation of a written message (an e-mail, a text, a
    tweet) keeps the sender's spelling ("No row between me and trevor"): the
    quotation, what leads into it or the paragraph before names the message."""
    quotation = _quotation_at(doc, block, match.start)
    if quotation is None:
        return False
    answers = doc.cache.setdefault("quoted-messages", {})
    key = (id(block), quotation[0])
    if key not in answers:  # read once per quotation
        index = next(number for number, other in enumerate(doc.blocks) if other is block)
        before = doc.blocks[index - 1].text if index else ""
        answers[key] = names_a_written_message(before + " " + block.text[:quotation[1]])
    return answers[key]
