"""headline.*: case style, consistency, length, punctuation, capitals,
clickbait and figures of headlines and subheads.

Case is judged word by word against a style table; no share of matching words
lets a wrong one through. Acronyms, words with digits, mixed-case words
(iPhone) and proper nouns are left alone; in sentence case a capitalized word
is a proper noun when the body capitalizes it mid-sentence too, or when it is
in the accepted-words list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from copydesk.document import Block, Document
from copydesk.finding import Hit
from copydesk.numbers import read_quantities, same_value
from copydesk.rules import RuleContext, check, wordlist

STYLES = ("sentence", "ap-title", "chicago-title")
STYLE_NAMES = {"sentence": "sentence case", "ap-title": "AP title case", "chicago-title": "Chicago title case"}
AP_MINOR = {"a", "an", "the", "and", "as", "but", "for", "if", "nor", "or", "so", "yet", "at", "by", "in", "of",
            "off", "on", "per", "to", "up", "via", "vs", "v"}
CHICAGO_PREPOSITIONS = {
    "about", "above", "across", "after", "against", "along", "amid", "among", "around", "before", "behind",
    "below", "beneath", "beside", "besides", "between", "beyond", "despite", "down", "during", "except", "from",
    "inside", "into", "like", "near", "onto", "outside", "over", "past", "since", "through", "throughout",
    "toward", "towards", "under", "underneath", "until", "upon", "with", "within", "without",
}
# Small words that are often adverbs ("Not Yet Available", "Look Up"): either case passes in title styles.
EITHER_CASE = {"yet", "so", "up", "off", "down", "out"}
BREAKS = (":", "—", "–", ";", "?", "!")  # the next word starts a new phrase
_TOKEN = re.compile(r"\S+")
_EDGE_PUNCTUATION = "\"'“”‘’()[]{},.;:!?…*"
_SPEECH_VERBS = {"says", "said", "say", "warns", "warn", "warned", "claims", "claim", "reports", "report", "finds",
                 "find", "insists", "insist", "admits", "admit", "told", "tells", "argues", "argue", "suggests",
                 "shows", "reveals", "confirms", "denies", "deny", "urged", "urges", "urge", "predicts", "predict",
                 "fears", "fear", "believes", "believe", "hopes", "hope", "asks", "ask", "demands", "demand"}
_LIST_WORDS = {"and", "or", "&", "nor"}


def _without_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


@dataclass(frozen=True)
class Word:
    start: int  # offsets into the headline text
    end: int
    text: str
    first_of_phrase: bool  # first word, or the first after a colon or dash
    last: bool
    after_dash: bool = False  # starts a phrase only because a dash precedes it


def words(text: str) -> list[Word]:
    """The headline's words, punctuation trimmed; hyphenated parts are words of their own."""
    result: list[Word] = []
    new_phrase = True
    dash = False
    tokens = list(_TOKEN.finditer(text))
    for index, token in enumerate(tokens):
        raw = token.group()
        if raw in ("-", "—", "–", "|"):
            new_phrase = dash = True
            continue
        lead = len(raw) - len(raw.lstrip(_EDGE_PUNCTUATION))
        core = _without_possessive(raw.strip(_EDGE_PUNCTUATION))
        if not core:
            continue
        start = token.start() + lead
        parts = core.split("-")
        position = start
        for number, part in enumerate(parts):
            if part:
                result.append(Word(position, position + len(part), part, new_phrase and number == 0,
                                   index == len(tokens) - 1 and number == len(parts) - 1, dash and number == 0))
            position += len(part) + 1
        new_phrase = raw.endswith(BREAKS)
        dash = raw.endswith(("—", "–"))
    return result


def is_neutral(word: str, vocabulary: frozenset[str]) -> bool:
    """Acronyms, figures, mixed case and single capitals keep their case in every style."""
    if any(char.isdigit() for char in word) or not any(char.isalpha() for char in word):
        return True
    if len(word) > 1 and word.isupper():
        return True
    if any(char.isupper() for char in word[1:]):
        return True  # iPhone, McDonald, EastEnders
    return len(word) == 1 and word.isupper() and word != "A"


@dataclass(frozen=True)
class BodyWords:
    proper: frozenset[str]  # words the body treats as names
    lower: frozenset[str]  # words the body writes in lower case


def body_words(doc: Document) -> BodyWords:
    """Names are capitalized somewhere other than at a sentence's start, or
    capitalized every time they are used."""
    mid_sentence: set[str] = set()
    capitalized: set[str] = set()
    lower: set[str] = set()
    for block in doc.body:
        for sentence in block.sentences:
            for position, token in enumerate(sentence.text.split()):
                core = _without_possessive(token.strip(_EDGE_PUNCTUATION))
                for part in core.split("-"):
                    if not part[:1].isalpha():
                        continue
                    if part[0].isupper():
                        capitalized.add(part)
                        if position:
                            mid_sentence.add(part)
                    else:
                        lower.add(part)
    easy = _easy_words()
    # Capitalized every time counts only for unfamiliar words: "The" opens sentences, "Japan's" may too.
    proper = mid_sentence | {w for w in capitalized if w.lower() not in lower and w.lower() not in easy}
    return BodyWords(frozenset(proper), frozenset(lower))


def _easy_words() -> frozenset[str]:
    from copydesk.readability import textstat

    textstat()  # loads textstat the offline way
    from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words

    return frozenset(get_lang_easy_words("en_US"))


def _common_word(word: str, body: BodyWords) -> bool:
    """Evidently an ordinary word: the body writes it in lower case, or the
    dictionary knows it (the CMU dictionary, lower case). A capitalized word
    the dictionary lacks may be a name (Illva, Utd) and is not flagged."""
    from copydesk.readability import english_words

    lower = word.lower()
    return lower in body.lower or lower in english_words()


def _unknown_word(word: str) -> bool:
    """Not in the English dictionary at all (Illva, Inbev, Utd): a name."""
    from copydesk.readability import english_words

    return word.lower() not in english_words()


def expected_case(word: Word, style: str, proper: bool) -> str:
    """upper, lower or either, for one word under one style."""
    lower = word.text.lower()
    if proper or (word.first_of_phrase and not (style == "sentence" and word.after_dash)):
        return "upper"  # sentence case capitalizes after a colon, not after a dash
    if style == "sentence":
        return "lower"
    minor = lower in AP_MINOR or (style == "chicago-title" and lower in CHICAGO_PREPOSITIONS)
    if word.last:
        return "upper"
    if lower in EITHER_CASE:
        return "either"
    return "lower" if minor else "upper"


@dataclass(frozen=True)
class Violation:
    word: Word
    expected: str


def _names(headline_words: list[Word], proper_nouns: frozenset[str], vocabulary: frozenset[str]) -> set[int]:
    """Indexes of the words that are names: known ones, unknown capitalized words,
    and capitalized words standing beside a name ("Man Utd", "Time Warner")."""
    def known(word: Word) -> bool:
        return word.text[:1].isupper() and (word.text in proper_nouns or word.text in vocabulary
                                            or is_neutral(word.text, vocabulary) or _unknown_word(word.text))

    names = {i for i, word in enumerate(headline_words) if known(word)}
    grew = True
    while grew:
        grew = False
        for i, word in enumerate(headline_words):
            if i in names or not word.text[:1].isupper():
                continue
            adjacent = {i - 1, i + 1} & names
            if any(_touching(headline_words, i, j) for j in adjacent):
                names.add(i)
                grew = True
    return names


def _touching(headline_words: list[Word], i: int, j: int) -> bool:
    first, second = headline_words[min(i, j)], headline_words[max(i, j)]
    return second.start - first.end <= 1 and not second.first_of_phrase


def violations(text: str, style: str, body: BodyWords, vocabulary: frozenset[str]) -> list[Violation]:
    found = []
    proper_nouns = body.proper
    headline_words = words(text)
    names = _names(headline_words, proper_nouns, vocabulary) if style == "sentence" else set()
    for index, word in enumerate(headline_words):
        if is_neutral(word.text, vocabulary):
            continue
        is_upper = word.text[0].isupper()
        proper = is_upper and (index in names or word.text in proper_nouns or word.text in vocabulary)
        expected = expected_case(word, style, proper)
        if expected == "either" or (expected == "upper") == is_upper:
            continue
        if style == "sentence" and is_upper and not _common_word(word.text, body):
            continue  # no evidence either way: it may be a name
        found.append(Violation(word, expected))
    return found


def corrected(text: str, found: list[Violation]) -> str:
    chars = list(text)
    for violation in found:
        first = violation.word.start
        chars[first] = chars[first].upper() if violation.expected == "upper" else chars[first].lower()
    return "".join(chars)


class HeadlineStyle:
    """The case analysis shared by case-style and consistency, once per document."""

    def __init__(self, doc: Document, context: RuleContext) -> None:
        self.body = body_words(doc)
        self.vocabulary = context.vocabulary | wordlist("proper-nouns")
        self.headline = doc.headline
        self.subheads = doc.subheads
        self.house = context.house.get("headline-case", "auto")

    def count(self, block: Block, style: str) -> int:
        return len(violations(block.text, style, self.body, self.vocabulary))

    def best_styles(self, block: Block) -> list[str]:
        counts = {style: self.count(block, style) for style in STYLES}
        fewest = min(counts.values())
        return [style for style in STYLES if counts[style] == fewest]

    def house_style(self) -> str:
        """The configured style, or in auto mode the main headline's (subheads break ties)."""
        if self.house != "auto":
            return self.house
        candidates = self.best_styles(self.headline) if self.headline else list(STYLES)
        if len(candidates) > 1 and self.subheads:
            totals = {style: sum(self.count(block, style) for block in self.subheads) for style in candidates}
            fewest = min(totals.values())
            candidates = [style for style in candidates if totals[style] == fewest]
        for preferred in ("ap-title", "sentence", "chicago-title"):
            if preferred in candidates:
                return preferred
        return candidates[0]


def _style(doc: Document, context: RuleContext) -> HeadlineStyle:
    if "headline-style" not in doc.cache:
        doc.cache["headline-style"] = HeadlineStyle(doc, context)
    return doc.cache["headline-style"]


def _headings(doc: Document) -> list[Block]:
    return [block for block in doc.blocks if block.kind in ("headline", "subhead")]


@check("headline.case-style")
def case_style(doc: Document, context: RuleContext) -> Iterator[Hit]:
    analysis = _style(doc, context)
    style = analysis.house_style()
    for block in _headings(doc):
        found = violations(block.text, style, analysis.body, analysis.vocabulary)
        if not found:
            continue
        listed = ", ".join(f"“{v.word.text}” should be {'capitalized' if v.expected == 'upper' else 'lower case'}"
                           for v in found)
        what = "headline" if block.kind == "headline" else "subhead"
        start, end = block.source_range(0, len(block.text))
        yield Hit(start, end, f"This {what} is not in {STYLE_NAMES[style]}: {listed}", corrected(block.text, found))


@check("headline.consistency")
def consistency(doc: Document, context: RuleContext) -> Iterator[Hit]:
    analysis = _style(doc, context)
    if len(analysis.subheads) < 2:
        return
    fits = {id(block): analysis.best_styles(block) for block in analysis.subheads}
    votes = Counter(style for styles in fits.values() if len(styles) == 1 for style in styles)
    if not votes:
        return
    majority, _ = votes.most_common(1)[0]
    reported_by_case_style = "headline.case-style" in context.enabled
    for block in analysis.subheads:
        styles = fits[id(block)]
        if majority in styles:
            continue
        if reported_by_case_style and analysis.count(block, analysis.house_style()):
            continue  # headline.case-style already marks this subhead's words
        start, end = block.source_range(0, len(block.text))
        yield Hit(start, end, f"This subhead is in {STYLE_NAMES[styles[0]]}; the other subheads use "
                              f"{STYLE_NAMES[majority]}")


@check("headline.length")
def length(doc: Document, context: RuleContext) -> Iterator[Hit]:
    options = context.options
    for block in _headings(doc):
        main = block.kind == "headline"
        max_chars = options["max-chars"] if main else options["subhead-max-chars"]
        max_words = options["max-words"] if main else options["subhead-max-words"]
        chars, count = len(block.text), len(block.text.split())
        problems = []
        if chars > max_chars:
            problems.append(f"{chars} characters (limit {max_chars}; search results cut near 60)")
        if count > max_words:
            problems.append(f"{count} words (limit {max_words})")
        if problems:
            start, end = block.source_range(0, len(block.text))
            yield Hit(start, end, f"{'Headline' if main else 'Subhead'} too long: {' and '.join(problems)}")


def _comma_splice(text: str) -> int | None:
    """Index of a comma joining two clauses, or None for lists and attributions."""
    commas = [m.start() for m in re.finditer(r",(?!\d)", text)]
    if len(commas) != 1:
        return None  # none, or a list of three or more
    before, after = text[:commas[0]].split(), text[commas[0] + 1:].split()
    if len(before) < 2 or len(after) < 2:
        return None  # "Trump, Biden meet": a list of names
    lowered = [w.lower().strip(_EDGE_PUNCTUATION) for w in after]
    if _LIST_WORDS & set(lowered) or _LIST_WORDS & {w.lower() for w in before[-1:]}:
        return None  # "Cost, Traffic and Funding"
    if lowered[0] in _SPEECH_VERBS or lowered[-1] in _SPEECH_VERBS:
        return None  # "Economy will grow, minister says": AP's attribution
    return commas[0]


@check("headline.punctuation")
def punctuation(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for block in _headings(doc):
        text = block.text.rstrip()
        if text.endswith(".") and not text.endswith("...") and not re.search(r"\b(?:[A-Z]\.){2,}$|\b(?:Inc|Ltd|Co|Jr|Sr|St)\.$", text):
            start, end = block.source_range(len(text) - 1, len(text))
            yield Hit(start, end, "Headlines take no closing full stop", "")
        for match in re.finditer(r"!+", text):
            start, end = block.source_range(match.start(), match.end())
            yield Hit(start, end, "Exclamation marks in headlines read as shouting; let the words carry it")
        comma = _comma_splice(text)
        if comma is not None:
            start, end = block.source_range(comma, comma + 1)
            yield Hit(start, end, "Two clauses joined by a comma; AP headlines join them with a semicolon", ";")


@check("headline.all-caps")
def all_caps(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for block in _headings(doc):
        lettered = [w for w in block.text.split() if sum(c.isalpha() for c in w) >= 2]
        if len(lettered) >= 3 and all(w.upper() == w for w in lettered):
            start, end = block.source_range(0, len(block.text))
            yield Hit(start, end, "Headline in capitals; use the house case style", block.text.capitalize())


def _normalized(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'")


@check("headline.clickbait")
def clickbait(doc: Document, context: RuleContext) -> Iterator[Hit]:
    phrases = sorted(wordlist("clickbait-phrases"), key=len, reverse=True)
    for block in _headings(doc):
        text = _normalized(block.text)
        covered: list[tuple[int, int]] = []
        for phrase in phrases:  # longest first, so "you won't believe" hides "won't believe"
            for match in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text):
                if any(a < match.end() and match.start() < b for a, b in covered):
                    continue
                covered.append((match.start(), match.end()))
                start, end = block.source_range(match.start(), match.end())
                yield Hit(start, end, f"“{block.text[match.start():match.end()]}” is a clickbait phrase; say what happened")


@check("headline.figure-mismatch")
def figure_mismatch(doc: Document, context: RuleContext) -> Iterator[Hit]:
    body = [q for block in doc.body for q in read_quantities(block.text)]
    for block in _headings(doc):
        for quantity in read_quantities(block.text):
            if not quantity.noun or quantity.kind == "year":
                continue
            if any(same_value(q.value, quantity.value, 0.05) for q in body):
                continue  # the body states this figure somewhere
            # A slip (17 million for 1.7 million) stays within a factor of ten; a figure
            # further off is usually another quantity of the same noun (staff, job cuts).
            same_noun = [q for q in body if q.noun == quantity.noun and q.kind == quantity.kind
                         and q.value and 0.1 <= quantity.value / q.value <= 10]
            if not same_noun:
                continue
            stated = ", ".join(sorted({q.text for q in same_noun}))
            start, end = block.source_range(quantity.start, quantity.end)
            yield Hit(start, end, f"The headline says {quantity.text} {quantity.noun}s; the body says {stated}")
