"""Word-by-word case judgement of a headline under one style, and the
document's house style (configured, or in auto mode the main headline's)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from copydesk.document import Block, Document
from copydesk.families.headline.evidence import ArticleBody, HeadingNames, KnownTokens, NameEvidence, english_words
from copydesk.families.headline.labels import name_and_role
from copydesk.families.headline.tables import (
    AP_MINOR, AUTO_PREFERENCE, CHICAGO_PREPOSITIONS, EITHER_CASE, FUNCTION_WORDS, LATIN_PHRASES,
    PARTICIPIAL_PREPOSITIONS, PREFIXES, STYLES, SUFFIXES,
)
from copydesk.families.headline.tokens import Word, words
from copydesk.finding import Applicability, Edit, Fix
from copydesk.rules import RuleContext, wordlist

UPPER, LOWER, EITHER = "upper", "lower", "either"


def is_neutral(word: str) -> bool:
    """Acronyms, figures, mixed case and single capitals keep their case in every style."""
    if any(map(str.isdigit, word)) or not any(map(str.isalpha, word)):
        return True
    if len(word) > 1 and word.replace(".", "").replace("&", "").isupper():
        return True
    if any(map(str.isupper, word[1:])):
        return True  # iPhone, McDonald, EastEnders, l'Grange
    if "." in word:
        return True  # i.e, e.g: abbreviations keep their case
    return len(word) == 1 and word.isupper() and word != "A"


def _minor(lower: str, style: str) -> bool:
    if style == "ap-title":
        return lower in AP_MINOR
    return lower in AP_MINOR or lower in CHICAGO_PREPOSITIONS


def _compound_part(word: Word, style: str) -> str:
    """A later part of a hyphenated compound ("Self-Driving", "Step-by-Step", "E-flat")."""
    lower, before = word.text.lower(), word.previous_part.lower()
    if lower in SUFFIXES:
        return EITHER  # Black-ish
    if style == "sentence":
        return LOWER
    minor = lower in AP_MINOR or lower in CHICAGO_PREPOSITIONS
    if minor and not word.last_part:
        # Chicago: Step-by-Step; AP houses write both Pay-as-You-Go and Pay-As-You-Go.
        return LOWER if style == "chicago-title" else EITHER
    if style == "chicago-title":
        if minor or len(before) == 1 or before in PREFIXES:
            return EITHER  # Chicago: Anti-intellectual, E-flat; Go-To or Go-to
        return UPPER
    return UPPER  # AP and start case capitalize every part: X-Ray, Go-To, Lying-In


def _phrase_start(word: Word, style: str) -> str:
    if word.after in ("colon", "dash", "line") and style == "sentence":
        return EITHER  # sentence case after a colon or dash
    if word.opens_quote and style == "sentence":
        return EITHER
    return UPPER


def expected_case(word: Word, style: str, latin: bool = False) -> str:
    """upper, lower or either, for one word under one style (names aside)."""
    lower = word.text.lower()
    if word.part:
        return _compound_part(word, style)
    if word.first and word.after != "soft":
        return _phrase_start(word, style)
    if word.after == "soft" and (style == "sentence" or lower in AP_MINOR or lower in CHICAGO_PREPOSITIONS):
        return EITHER  # after a semicolon or an ellipsis: "Shakspeare; or, the Poet"
    if not word.last_part and style != "sentence":
        return UPPER  # the first part of a compound is capitalized: On-Demand, In-or-Out
    if word.quoted and word.text[:1].isupper():
        return EITHER  # a quoted title keeps its own capitals: Have You Read “The Lottery”?
    if word.opens_bracket and word.text[:1].isupper():
        return EITHER  # "Colors (In relation to WCAG)": a bracket's first word may start its own sentence
    if style == "sentence":
        return EITHER if word.opens_quote else LOWER
    if word.opens_quote or word.last:
        return UPPER
    if latin:
        return EITHER  # in vitro, per capita
    if style == "start":
        return EITHER if lower in ("vs", "v") else UPPER
    if lower in EITHER_CASE or (style == "chicago-title" and lower in PARTICIPIAL_PREPOSITIONS):
        return EITHER
    return LOWER if _minor(lower, style) else UPPER


def _latin_words(headline_words: list[Word]) -> set[int]:
    found = set()
    for i in range(len(headline_words) - 1):
        pair = (headline_words[i].text.lower(), headline_words[i + 1].text.lower())
        if pair in LATIN_PHRASES:
            found |= {i, i + 1}
    return found


def _is_label(headline_words: list[Word], index: int) -> bool:
    """"A" as a label (Plan A, Knob A in Hole B), not the article: nothing that
    could be its noun follows in the same phrase. "No" before a figure (No 1)."""
    word = headline_words[index]
    if word.text in ("No", "Nos") and index + 1 < len(headline_words):
        return headline_words[index + 1].text[:1].isdigit()
    if word.text != "A" or word.first:
        return False
    if word.last or index + 1 == len(headline_words):
        return True
    following = headline_words[index + 1]
    return following.first or following.text.lower() in AP_MINOR or following.text.lower() in CHICAGO_PREPOSITIONS


@dataclass(frozen=True)
class Violation:
    word: Word
    expected: str


class HeadingWords:
    """A heading's words as every style reads them, read once. Which of them are
    names is worked out only when a capital would otherwise be off the style:
    most headings need no name decided, and then the article's body is never read."""

    def __init__(self, text: str, evidence: NameEvidence) -> None:
        self.words = words(text)
        self._evidence = evidence

    @cached_property
    def names(self) -> HeadingNames:
        return self._evidence.names(self.words)

    @cached_property
    def latin(self) -> set[int]:
        return _latin_words(self.words)

    @cached_property
    def judged(self) -> list[tuple[int, Word, bool]]:
        """(index, word, capitalized) for each word a style judges: no address,
        acronym, figure, mixed-case word or token that starts with no letter."""
        return [(index, word, word.text[0].isupper()) for index, word in enumerate(self.words)
                if not (word.address or not word.text[:1].isalpha() or is_neutral(word.text))]


def violations(text: str, style: str, evidence: NameEvidence, read: HeadingWords | None = None) -> list[Violation]:
    """The words of ``text`` off ``style``; ``read`` is the heading's words, when already read."""
    found = []
    heading = read or HeadingWords(text, evidence)
    headline_words = heading.words
    for index, word, is_upper in heading.judged:
        expected = expected_case(word, style, index in heading.latin)
        if expected == EITHER or (expected == UPPER) == is_upper:
            continue  # (asked first: whether a word is a name is asked only of a capital the style would mark)
        if is_upper and (index in heading.names or _is_label(headline_words, index)):
            continue  # names keep their capital in every style
        if style == "sentence" and is_upper and not evidence.common(word.text):
            continue  # no evidence either way: it may be a name (Kournikova)
        if word.first and not is_upper and _lower_case_code(word.text):
            continue  # a name styled in lower case (rdbms, npm): no dictionary knows it
        found.append(Violation(word, expected))
    if style == "sentence" and found and (_lone_capital(found, headline_words, heading.names)
                                          or _nickname(headline_words)):
        return []
    return found


def _nickname(headline_words: list[Word]) -> bool:
    """"The Decider", "The Pinch Hitter": a short heading of "The" and capitals names someone."""
    return 2 <= len(headline_words) <= 3 and headline_words[0].text == "The" \
        and all(w.text[:1].isupper() for w in headline_words)


def _lone_capital(found: list[Violation], headline_words: list[Word], names: HeadingNames) -> bool:
    """One capitalized word, or one run of two or three, after a lower-case word
    or a name in a headline otherwise in sentence case ("Santini resigns as
    Spurs manager", "Hunt cuts National Insurance by 2p", "Band Aid single
    storms to No 1") names something the writer knows: a team, a brand, a
    scheme. Capitals scattered over the headline, or running on from the first
    word with little after them, are a title-case habit ("Council Approves
    budget")."""
    if not found or any(v.expected != LOWER or v.word.part for v in found):
        return False
    indexes = [headline_words.index(v.word) for v in found]
    start, end = indexes[0], indexes[-1]
    if end - start >= 3 or headline_words[start].first:
        return False
    if any(not headline_words[i].text[:1].isupper() for i in range(start, end + 1)):
        return False  # not one unbroken run of capitals
    before = headline_words[start - 1]
    runs_on = before.text[:1].isupper() and start - 1 not in names
    phrase = _phrase_of(headline_words, start)
    if runs_on and phrase.start == 0:
        # Capitals running on from the headline's first word: the same phrase must go on
        # in lower case ("Band Aid single storms"), not stop ("Open Source Purchasing: an ...").
        after = [w for i, w in enumerate(headline_words) if i in phrase and i > end and not w.part
                 and w.text[:1].islower() and w.text.lower() not in FUNCTION_WORDS]
        return len(after) >= 2
    lowered = [w for i, w in enumerate(headline_words)
               if not start <= i <= end and w.text[:1].islower() and w.text.lower() not in FUNCTION_WORDS]
    return bool(lowered)


def _phrase_of(headline_words: list[Word], index: int) -> range:
    """The indexes of the phrase (between colons, dashes, sentence breaks) holding a word."""
    first = index
    while first > 0 and not headline_words[first].first:
        first -= 1
    last = index + 1
    while last < len(headline_words) and not headline_words[last].first:
        last += 1
    return range(first, last)


def _lower_case_code(text: str) -> bool:
    """No dictionary knows it and it has no vowel: a code name (rdbms, npm)."""
    return text.isascii() and text.lower() not in english_words() and not any(c in "aeiouy" for c in text.lower())


def recased(word: str, expected: str) -> str:
    return (word[0].upper() if expected == UPPER else word[0].lower()) + word[1:]


def corrected(text: str, found: list[Violation]) -> str:
    chars = list(text)
    for violation in found:
        first = violation.word.start
        chars[first] = recased(chars[first], violation.expected)
    return "".join(chars)


def recase_fix(block: Block, found: list[Violation], style_name: str) -> Fix:
    """Edits that change only the first letter of each word that differs."""
    edits = []
    for violation in found:
        start, end = block.source_range(violation.word.start, violation.word.start + 1)
        edits.append(Edit(start, end, recased(violation.word.text[0], violation.expected)))
    return Fix(f"Recase in {style_name}", tuple(edits), Applicability.UNSAFE)


class HeadlineStyle:
    """The case analysis shared by the headline rules, once per document."""

    def __init__(self, doc: Document, context: RuleContext) -> None:
        self.evidence = NameEvidence(_article_body(doc, context.run_memo), _names_accepted(context))
        self.headline = doc.headline
        self.subheads = doc.subheads
        self.house = context.house.get("headline-case", "auto")
        self._memo: dict[str, str] = {}
        self._fits: dict[int, list[str]] = {}  # the styles each heading fits best, by block
        self._labels: dict[int, bool] = {}  # whether each subhead is a name-and-role label, by block
        self._read: dict[int, HeadingWords] = {}  # each heading's words, read once
        self._found: dict[tuple[int, str], list[Violation]] = {}  # by block and style: rules ask again

    def violations(self, block: Block, style: str) -> list[Violation]:
        if self.is_label(block):
            return []  # "Jia Gu, Product Designer": a label, capitalized as the house likes, in no case style
        key = (id(block), style)
        if key not in self._found:
            if id(block) not in self._read:
                self._read[id(block)] = HeadingWords(block.text, self.evidence)
            self._found[key] = violations(block.text, style, self.evidence, self._read[id(block)])
        return list(self._found[key])

    def is_label(self, block: Block) -> bool:
        """A subhead that names people and their role or team (labels.py)."""
        key = id(block)
        if key not in self._labels:
            self._labels[key] = block.kind == "subhead" and name_and_role(block.text, self.evidence) is not None
        return self._labels[key]

    def count(self, block: Block, style: str) -> int:
        return len(self.violations(block, style))

    def best_styles(self, block: Block) -> list[str]:
        key = id(block)
        if key not in self._fits:
            counts = {style: self.count(block, style) for style in STYLES}
            fewest = min(counts.values())
            self._fits[key] = [style for style in STYLES if counts[style] == fewest]
        return self._fits[key]

    @property
    def inferred(self) -> bool:
        return self.house == "auto"

    def house_style(self) -> str:
        """The configured style, or in auto mode the main headline's (subheads break ties)."""
        if self.house != "auto":
            return self.house
        if "headline-style" not in self._memo:
            headline = self.headline
            candidates = self.best_styles(headline) if headline and not in_capitals(headline.text) \
                else list(STYLES)
            self._memo["headline-style"] = self._pick(candidates, self.subheads, AUTO_PREFERENCE)
        return self._memo["headline-style"]

    def style_for(self, block: Block) -> str:
        """The style a heading is held to. In auto mode subheads are held to the
        style most of them use, which many sites keep apart from the headline's
        (title case above, sentence case below)."""
        headline_style = self.house_style()
        if self.house != "auto" or block.kind == "headline":
            return headline_style
        if len(self.subheads) == 1:
            # A lone subhead has no siblings to agree with, and sentence-case subheads
            # under a title-case headline are common: it keeps the style it fits best.
            fits = self.best_styles(block)
            return headline_style if headline_style in fits else fits[0]
        if "subhead-style" not in self._memo:
            preference = (headline_style,) + tuple(s for s in AUTO_PREFERENCE if s != headline_style)
            majority = self.subhead_majority()
            self._memo["subhead-style"] = majority or self._pick(list(STYLES), self.subheads, preference)
        return self._memo["subhead-style"]

    def subhead_majority(self) -> str | None:
        """The style most subheads that fit only one style use (headline.consistency's yardstick)."""
        votes = Counter(styles[0] for styles in map(self.best_styles, self.subheads) if len(styles) == 1)
        if not votes:
            return None
        ranked = votes.most_common()
        best = [style for style, count in ranked if count == ranked[0][1]]
        return next(style for style in (self.house_style(),) + AUTO_PREFERENCE if style in best)

    def _pick(self, candidates: list[str], blocks: list[Block], preference: tuple[str, ...]) -> str:
        if len(candidates) > 1 and blocks:
            totals = {style: sum(self.count(block, style) for block in blocks) for style in candidates}
            fewest = min(totals.values())
            candidates = [style for style in candidates if totals[style] == fewest]
        return next(style for style in preference if style in candidates)


def _article_body(doc: Document, run_memo: dict) -> ArticleBody:
    """The body's evidence, read where a word asks; each distinct token is split once for the run."""
    known = run_memo.get("headline-body-tokens")
    if known is None:
        known = run_memo["headline-body-tokens"] = KnownTokens()
    return ArticleBody(doc.body, known)


def _names_accepted(context: RuleContext) -> frozenset[str]:
    """The repository's accepted words and the shipped proper nouns, joined once for the run."""
    key = ("headline-names-accepted", context.vocabulary)
    if key not in context.run_memo:
        context.run_memo[key] = context.vocabulary | wordlist("proper-nouns")
    return context.run_memo[key]


def in_capitals(text: str) -> bool:
    """Three or more words, every one in capitals (words of fewer than two letters aside)."""
    lettered = 0
    for word in text.split():
        if sum(map(str.isalpha, word)) >= 2:
            if word.upper() != word:
                return False  # most headings: their first word has a lower-case letter
            lettered += 1
    return lettered >= 3


def analysis(doc: Document, context: RuleContext) -> HeadlineStyle:
    if "headline-style" not in doc.cache:
        doc.cache["headline-style"] = HeadlineStyle(doc, context)
    return doc.cache["headline-style"]


def headings(doc: Document) -> list[Block]:
    return [block for block in doc.blocks if block.kind in ("headline", "subhead")]
