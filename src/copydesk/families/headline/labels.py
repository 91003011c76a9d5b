"""Name-and-role labels: a subhead or a short line that names people and
their role or team ("Jia Gu, Product Designer", "Miatta Myers and Rebecca
Refoy - Acquisitions", "Howard Webb (South Yorkshire)").

Such a line is a label, not a headline: houses capitalize job titles and
team names in labels as they like, and the mark between name and role (a
comma, a hyphen, a dash, a colon, brackets) is a house choice. The headline
rules do not hold it to a case style, and typography.hyphen-as-dash does
not read its separator as a dash in a sentence.

A label is recognised by its shape and the evidence that its first part is
a person's name, never by particular words: one or more names (two to four
capitalized words, joined by "and" or "&"), each starting with a given name
or a word no dictionary and not the article itself writes in lower case;
then a short role of at most eight words with no verb or pronoun of a
sentence and no closing punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from copydesk.families.headline.evidence import NameEvidence, easy_words
from copydesk.families.headline.tables import AP_MINOR, CHICAGO_PREPOSITIONS, FUNCTION_WORDS

# The first separator between the names and the role. Every alternative is a
# fixed run of characters, so the search is linear.
_SEPARATOR = re.compile(r",\s+|\s+(?:--|[-–—])\s+|:\s+|\s+\(")
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")  # Refoy, Moka-Solana, O’Brien, J.
_JOINERS = {"and", "&"}
# Particles inside names: Ludwig van Beethoven, Lula da Silva.
_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "del", "della", "la", "le", "du", "bin", "ibn", "al"}
# Words of a sentence, not of a role: verbs and pronouns (prepositions and
# conjunctions may join a role: "Data Lead at 18F", "Head of Design").
_SENTENCE_WORDS = FUNCTION_WORDS - AP_MINOR - CHICAGO_PREPOSITIONS
MAX_ROLE_WORDS = 8


def is_sentence_word(word: str) -> bool:
    """A verb, pronoun or other function word that makes a run of words a clause, not a term."""
    return word.lower().strip(".,;:!?\"'’“”()") in _SENTENCE_WORDS


@dataclass(frozen=True)
class Label:
    names: str
    separator: tuple[int, int]  # offsets of the separator in the text
    role: str


def name_and_role(text: str, evidence: NameEvidence) -> Label | None:
    """The label's parts if ``text`` names people and their role, else None."""
    text = text.strip()
    separator = _SEPARATOR.search(text)
    if separator is None:
        return None
    names, role = text[:separator.start()], text[separator.end():]
    if separator.group().strip() == "(":
        if not role.endswith(")") or "(" in role[:-1]:
            return None
        role = role[:-1]
    if not _is_role(role, evidence) or not _are_names(names, evidence):
        return None
    return Label(names, separator.span(), role)


def _are_names(text: str, evidence: NameEvidence) -> bool:
    people: list[list[str]] = [[]]
    for token in text.split():
        if token in _JOINERS:
            people.append([])
        else:
            people[-1].append(token)
    return all(_is_person(words, evidence) for words in people)


def _is_person(words: list[str], evidence: NameEvidence) -> bool:
    if not 2 <= len(words) <= 4 or not _NAME_WORD.fullmatch(words[0]) or not _NAME_WORD.fullmatch(words[-1]):
        return False
    if not all(_NAME_WORD.fullmatch(word) or word in _PARTICLES for word in words[1:-1]):
        return False
    return _given_name(words[0], evidence)


def _given_name(word: str, evidence: NameEvidence) -> bool:
    """A given name from the list, or a word that is nothing else: no easy
    English word and never written in lower case in the article (Jia, Miatta)."""
    if word in evidence.given or word in evidence.vocabulary:
        return True
    lower = word.lower()
    return word.isalpha() and lower not in easy_words() and lower not in FUNCTION_WORDS \
        and not evidence.body.writes_lower(lower)


def _is_role(text: str, evidence: NameEvidence) -> bool:
    words = text.split()
    if not 1 <= len(words) <= MAX_ROLE_WORDS or text.rstrip()[-1:] in ".?!:;,":
        return False
    if words[0] in evidence.given:
        return False  # a second person, not a role: "Gordon Brown, Tony Blair clash"
    return not any(word.lower().strip("’'\"“”") in _SENTENCE_WORDS for word in words)
