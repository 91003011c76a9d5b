"""Evidence that a capitalized word is a name: the article's body, the
accepted-words lists (shipped and the repository's vocabulary), the names
the dictionary writes with a capital (rules/wordlists/names-*.txt, from
SCOWL), and words no dictionary knows (Kournikova, Utd)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from copydesk.document import Block, Document
from copydesk.families.headline.tables import FUNCTION_WORDS, INSTITUTION_NOUNS
from copydesk.families.headline.tokens import Word, is_address
from copydesk.rules import wordlist

_EDGE_PUNCTUATION = "\"'“”‘’()[]{},.;:!?…*_"
_MAX_REMEMBERED_TOKENS = 200_000  # a long-lived run (the language server) starts afresh past this many


@lru_cache(maxsize=1)
def dictionary_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(names only ever capitalized, with common given names; names that are also
    ordinary words; acronyms)."""
    return (wordlist("names-dictionary") | wordlist("names-given"), wordlist("names-also-common"),
            wordlist("acronyms-dictionary"))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    return wordlist("names-given")


def english_words() -> frozenset[str]:
    from copydesk.readability import english_words as cmu_words

    return cmu_words()


def easy_words() -> frozenset[str]:
    """The commonest English words (textstat's easy-word list, read once by copydesk.readability)."""
    from copydesk.readability import easy_words as textstat_easy_words

    return textstat_easy_words()


def _without_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


@dataclass(frozen=True)
class BodyWords:
    """What a body says about words, as fixed sets (a body given outright, as the
    tests give one); ``ArticleBody`` answers the same questions from an article,
    reading only the paragraphs that hold the word."""

    proper: frozenset[str]  # words the body treats as names
    lower: frozenset[str]  # words the body writes in lower case
    capitalized: frozenset[str] = frozenset()  # every capitalized word, sentence starts included

    def is_proper(self, word: str) -> bool:
        return word in self.proper

    def writes_lower(self, word: str) -> bool:
        return word in self.lower

    def capitalizes(self, word: str) -> bool:
        return word in self.capitalized

    def writes_mixed_case(self, lower: str) -> bool:
        """A name with a capital inside (BlackBerry, eBay, McDonald) that lower-cases to ``lower``."""
        return lower in self._mixed_case

    @cached_property
    def _mixed_case(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.proper if _capital_inside(w))


def _capital_inside(word: str) -> bool:
    """BlackBerry, McDonald: a capital after the first letter."""
    return any(c.isupper() for c in word[1:])


def _token_parts(token: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A body token's word parts (split at hyphens and slashes): (capitalized, lower case)."""
    core = _without_possessive(token.strip(_EDGE_PUNCTUATION))
    capitals: list[str] = []
    lowers: list[str] = []
    if is_address(core):
        return (), ()
    for part in core.replace("/", "-").split("-"):
        if not part[:1].isalpha():
            continue
        (capitals if part[0].isupper() else lowers).append(part)
    return tuple(capitals), tuple(lowers)


class ArticleBody:
    """``BodyWords``' answers for one word at a time, read only from the body's
    paragraphs that contain the word: a heading asks about a handful of words,
    and the body is most of an article. A token holds each of its word parts,
    so a paragraph without the word (a plain search) has nothing to say."""

    def __init__(self, blocks: list[Block], known: "KnownTokens | None" = None) -> None:
        self._blocks = blocks
        self._known = _not_full(known)
        self._tokens: dict[str, tuple[set[str], set[str]]] = {}
        self._answers: dict[tuple[str, str], bool] = {}

    def _tokens_with(self, text: str) -> tuple[set[str], set[str]]:
        """The distinct body tokens that contain ``text``: (first of a sentence, later in one)."""
        if text not in self._tokens:
            self._tokens[text] = self._find_tokens(text) if text else (set(), set())  # no word part is empty
        return self._tokens[text]

    def _find_tokens(self, text: str) -> tuple[set[str], set[str]]:
        first: set[str] = set()
        later: set[str] = set()
        for block in self._blocks:
            if text in block.text:  # a plain search: most paragraphs do not hold the word
                for tokens in block.sentence_words:
                    if tokens and text in tokens[0]:
                        first.add(tokens[0])
                    later.update([token for token in tokens[1:] if text in token])
        self._known.learn(first | later)
        return first, later

    def _mid_sentence(self, word: str) -> bool:
        capitals = self._known.capitals
        return any(word in capitals[token] for token in self._tokens_with(word)[1])

    def capitalizes(self, word: str) -> bool:
        capitals = self._known.capitals
        return any(word in capitals[token] for token in self._tokens_with(word)[0]) or self._mid_sentence(word)

    def writes_lower(self, word: str) -> bool:
        lowers = self._known.lowers
        first, later = self._tokens_with(word)
        return any(word in lowers[token] for token in first) or any(word in lowers[token] for token in later)

    def is_proper(self, word: str) -> bool:
        """A name: capitalized mid-sentence, or capitalized every time and unfamiliar."""
        key = ("proper", word)
        if key not in self._answers:
            lower = word.lower()
            self._answers[key] = self._mid_sentence(word) or (
                self.capitalizes(word) and lower not in easy_words() and not self.writes_lower(lower))
        return self._answers[key]

    def writes_mixed_case(self, lower: str) -> bool:
        """A name with a capital inside (BlackBerry) that lower-cases to ``lower``. Every
        spelling of it sits where the paragraph's lower-cased text holds ``lower``."""
        key = ("mixed", lower)
        if key not in self._answers:
            self._answers[key] = any(_capital_inside(word) and word.lower() == lower and self.is_proper(word)
                                     for word in self._spellings(lower))
        return self._answers[key]

    def _spellings(self, lower: str) -> set[str]:
        """The body's spellings of ``lower``, whatever their case (each as long as ``lower``)."""
        if not lower:
            return set()
        spellings: set[str] = set()
        context_free = not any(c in lower for c in "σς\u0307")  # final sigma and dotted I lower by context
        for block, lowered in zip(self._blocks, self._lowered):
            text = block.text
            if context_free and len(lowered) == len(text):
                # One character lowers to one: the lower-cased text lines up with the text.
                position = lowered.find(lower)
                while position != -1:
                    spellings.add(text[position:position + len(lower)])
                    position = lowered.find(lower, position + 1)
            else:
                spellings.update(part for token in block.words() for part in self._capital_parts(token)
                                 if part.lower() == lower)
        return spellings

    @cached_property
    def _lowered(self) -> list[str]:
        """Each body paragraph's text in lower case, for every word asked about."""
        return [block.text.lower() for block in self._blocks]

    def _capital_parts(self, token: str) -> tuple[str, ...]:
        self._known.learn({token})
        return self._known.capitals[token]


def _not_full(known: "KnownTokens | None") -> "KnownTokens":
    """The run's tokens, or a fresh memo when there are none or too many to keep."""
    return known if known is not None and len(known.capitals) <= _MAX_REMEMBERED_TOKENS else KnownTokens()


class KnownTokens:
    """Each body token's word parts, capitalized and lower case, split once (for a run)."""

    def __init__(self) -> None:
        self.capitals: dict[str, tuple[str, ...]] = {}
        self.lowers: dict[str, tuple[str, ...]] = {}

    def learn(self, tokens: set[str]) -> None:
        for token in tokens.difference(self.capitals):
            self.capitals[token], self.lowers[token] = _token_parts(token)


class NameEvidence:
    """Decides, for a capitalized headline word, whether it is a name."""

    def __init__(self, body: BodyWords | ArticleBody, vocabulary: frozenset[str]) -> None:
        self.body = body
        self.vocabulary = vocabulary
        self.only_capitalized, self.also_common, self.acronyms = dictionary_names()
        self.given = given_names()

    def strong(self, text: str) -> bool:
        """A name on its own evidence."""
        if text in self.vocabulary or text in self.only_capitalized or self.body.is_proper(text):
            return True
        if self.body.writes_mixed_case(text.lower()):
            return True  # BlackBerry, eBay, McDonald: the body's mixed-case name matches "Blackberry"
        if text in self.also_common:
            if text.lower() in FUNCTION_WORDS:
                return False  # "In", "May", "Will": chemical symbols and months read as words here
            return not self.body.writes_lower(text.lower())  # "West", "May": a name unless the body uses the word
        return text.lower() not in english_words() and not self.body.writes_lower(text.lower())

    def common(self, text: str) -> bool:
        """Evidently an ordinary word: the dictionary or the body writes it in lower case."""
        lower = text.lower()
        return lower in english_words() or self.body.writes_lower(lower)

    def could_join(self, text: str) -> bool:
        """May a capitalized word be part of the name beside it ("Time Warner", "New Jersey")?"""
        lower = text.lower()
        if lower in FUNCTION_WORDS:
            return False
        return text in self.also_common or self.body.capitalizes(text)

    def names(self, headline_words: list[Word]) -> HeadingNames:
        return HeadingNames(self, headline_words)

    def case_of(self, text: str) -> str:
        """How a word in capitals is written in running text: upper (an acronym),
        title (a name) or lower."""
        title = text[:1] + text[1:].lower()
        if text.lower() in FUNCTION_WORDS:
            return "lower"  # IN, IT, AT in a headline in capitals are words, not Indiana or IT
        if text in self.acronyms or text in self.vocabulary:
            return "upper"
        if title in self.vocabulary or title in self.only_capitalized or self.body.is_proper(title) \
                or self.body.writes_mixed_case(title.lower()):
            return "title"
        if self.common(text):
            return "lower"
        if len(text) <= 3 or not any(c in "AEIOUYÀÁÂÄÆÉÈÊËÍÎÏÓÔÖØÚÛÜÝ" for c in text):
            return "upper"  # NHS, BBC: an unknown short word in capitals is an acronym
        return "title"  # a word no dictionary knows: a name


class HeadingNames:
    """The indexes of a heading's capitalized words that are names: known ones,
    and one neighbour of a known one that may belong to it. Growth stops after
    one step, so an unknown first name does not excuse the whole headline.

    Each index is decided when asked (``index in names``): deciding asks the
    body about the word and its neighbours, and most words of a heading are
    never asked about (a capital that opens a headline is right in every style)."""

    def __init__(self, evidence: NameEvidence, headline_words: list[Word]) -> None:
        self._evidence = evidence
        self._words = headline_words
        self._strong: dict[int, bool] = {}
        self._grown: dict[int, tuple[int, ...]] = {}

    def __contains__(self, index: int) -> bool:
        if not 0 <= index < len(self._words):
            return False
        return index in self._by_shape or self._is_strong(index) or index in self._grows(index) \
            or (index > 0 and index in self._grows(index - 1))

    @cached_property
    def _by_shape(self) -> set[int]:
        """Names the heading shows by itself: acronyms spelt out and institutions' names."""
        words = self._words
        in_sentence_case = any(w.text[:1].islower() and w.text.lower() not in FUNCTION_WORDS for w in words)
        return _acronym_expansions(words) | _name_runs(words, in_sentence_case)

    def _is_strong(self, index: int) -> bool:
        """A capitalized word that is a name on its own evidence."""
        if not 0 <= index < len(self._words):
            return False
        if index not in self._strong:
            text = self._words[index].text
            self._strong[index] = text[:1].isupper() and self._evidence.strong(text)
        return self._strong[index]

    def _grows(self, index: int) -> tuple[int, ...]:
        if index not in self._grown:
            self._grown[index] = self._growth(index)
        return self._grown[index]

    def _growth(self, i: int) -> tuple[int, ...]:
        """The names a capitalized word that is no name by itself makes beside a strong one."""
        words, evidence, strong = self._words, self._evidence, self._is_strong
        word = words[i]
        if not word.text[:1].isupper() or strong(i):
            return ()
        if evidence.could_join(word.text) and any(_touching(words, i, j) and strong(j) for j in (i - 1, i + 1)):
            return (i,)
        if i and words[i - 1].text in evidence.given and _touching(words, i, i - 1) \
                and word.text.lower() not in FUNCTION_WORDS:
            return (i,)  # a given name's surname: Rebecca Refoy
        if _named_after(words, i, strong):
            return (i,)  # Bank of England, Prisoner of Azkaban
        if word.part and _compound_name(words, i, strong):
            return (i,)  # J-Lo, Rolls-Royce
        if _double_barrelled(words, i, strong):
            return (i, i + 1)  # Uchenna Moka-Solana
        return ()


def _name_runs(headline_words: list[Word], in_sentence_case: bool) -> set[int]:
    """A run of capitalized words (joined perhaps by of, and, for, the) that
    ends in an institution's noun is one name ("California Child Welfare
    System"); so is one that holds an acronym in a headline otherwise in
    sentence case ("the CIOC Accessibility Working Group plans")."""
    found: set[int] = set()
    run: list[int] = []
    for i, word in enumerate(list(headline_words) + [None]):
        capital = word is not None and (word.text[:1].isupper() or word.text[:1].isdigit()) \
            and not (word.first and run)
        joiner = word is not None and run and word.text in ("of", "and", "for", "the", "on", "&") \
            and not word.first
        if capital or joiner:
            run.append(i)
            continue
        while run and headline_words[run[-1]].text[:1].islower():
            run.pop()  # a run ends on a capital
        capitals = [j for j in run if headline_words[j].text[:1].isupper() or headline_words[j].text[:1].isdigit()]
        institution = bool(capitals) and headline_words[capitals[-1]].text.lower() in INSTITUTION_NOUNS
        coded = in_sentence_case and any(_is_code(headline_words[j].text) for j in capitals)
        if len(capitals) >= 2 and (institution or coded):
            found |= set(capitals)
        run = [i] if capital else []
    return found


def _acronym_expansions(headline_words: list[Word]) -> set[int]:
    """Capitalized words whose initials spell an acronym of the same headline:
    "ETL: Extract, Transform, Learn", "Federal Bureau of Investigation (FBI)"."""
    acronyms = {w.text for w in headline_words if 2 <= len(w.text) <= 6 and w.text.isalpha() and w.text.isupper()}
    found: set[int] = set()
    for acronym in acronyms:
        for start, word in enumerate(headline_words):
            if word.text[:1] != acronym[0] or word.text == acronym:
                continue
            taken = _spell(headline_words, start, acronym)
            if taken:
                found |= taken
    return found


def _spell(headline_words: list[Word], start: int, acronym: str) -> set[int]:
    taken: set[int] = set()
    letters = 0
    for index in range(start, len(headline_words)):
        if letters == len(acronym):
            break
        text = headline_words[index].text
        if text[:1].isupper() and not text.isupper() and text[0] == acronym[letters]:
            taken.add(index)
            letters += 1
        elif text not in ("of", "and", "for", "the", "&"):
            return set()
    return taken if letters == len(acronym) else set()


def _is_code(text: str) -> bool:
    """Acronyms and words with figures (18F, CIOC, U.S.)."""
    return any(c.isdigit() for c in text) or (len(text) > 1 and text.replace(".", "").isupper())


def _named_after(headline_words: list[Word], i: int, strong: Callable[[int], bool]) -> bool:
    """A capitalized word followed by "of" (and perhaps "the") and a name."""
    following = [w.text for w in headline_words[i + 1:i + 4]]
    if following[:1] != ["of"]:
        return False
    name_at = i + 3 if following[1:2] == ["the"] else i + 2
    return strong(name_at)


def _double_barrelled(headline_words: list[Word], i: int, strong: Callable[[int], bool]) -> bool:
    """A capitalized two-part compound right after a name: a double-barrelled surname."""
    word = headline_words[i]
    if word.part or word.last_part or i + 1 >= len(headline_words):
        return False
    second = headline_words[i + 1]
    return second.part == 1 and second.last_part and second.text[:1].isupper() \
        and _touching(headline_words, i, i - 1) and strong(i - 1)


def _compound_name(headline_words: list[Word], i: int, strong: Callable[[int], bool]) -> bool:
    """A capitalized later part of a compound whose first part is a name or a single capital."""
    first = i - headline_words[i].part
    if first < 0:
        return False  # "--Ro": the empty parts before it are no words of the heading
    head = headline_words[first].text
    return (len(head) == 1 and head.isupper()) or strong(first)


def _touching(headline_words: list[Word], i: int, j: int) -> bool:
    if not 0 <= j < len(headline_words):
        return False
    first, second = headline_words[min(i, j)], headline_words[max(i, j)]
    return second.start - first.end <= 1 and not second.first
