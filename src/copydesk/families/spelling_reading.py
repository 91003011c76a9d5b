"""How a word LanguageTool's dictionary lacks reads: a slip of the keys, or a
name, a coinage or jargon the writer chose.

Each test here is about the word and its suggestions as a copy editor weighs
them (is the suggestion one slip away, is it a name or an ordinary word, does
the word split into two, is it a regular form of a known word); the spelling
rule in grammar.py puts them together with what the document says.
"""

from __future__ import annotations

import re
import unicodedata

# Words an accidental join or a short slip lands on. A join of two content words
# (hardcourt, skillsharing, codenamed) is a closed compound; one with a word
# below is two words run together (theircode, justfor, eyefrom, alot).
FUNCTION_WORDS = frozenset(
    "a an the their his her its our your my this that these those of for from to and but or nor with just not "
    "very every each no any some is are was were be been have has had will would can could should it he she we "
    "they you i there which who what when where than then as at by".split())
# Particles form closed compounds all the time (lineout, backup, takeover, onramp):
# never evidence of two words run together.
_PARTICLES = frozenset("in on out up down off over back under through away".split())
# The short words a three- or four-letter slip is a slip of (teh, thay, adn, wiht).
COMMON_SHORT = frozenset(
    "the and that they than them then this with from have were what when your will been into also only just "
    "some said much more most very were here there their these those which would could should about after "
    "before because".split())


def one_slip(word: str, suggestion: str, shortest: int) -> bool:
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


def is_variant(word: str, suggestion: str) -> bool:
    """Spelled the other accepted way: a hyphen (co-ordinator) or an accent (Motörhead)."""
    plain = "".join(char for char in unicodedata.normalize("NFKD", suggestion) if not unicodedata.combining(char))
    return word.replace("-", "").lower() == plain.replace("-", "").lower()


def doubling_slip(word: str, suggestion: str) -> bool:
    """The suggestion doubles or undoubles consonants of the word and nothing
    else (refered, commited, targetting, untill, reccomend, tommorow): the
    classic slips in spelling a known word."""
    a, b = word.lower(), suggestion.lower()
    return a != b and " " not in b and _single_consonants(a) == _single_consonants(b)


def _single_consonants(word: str) -> str:
    return "".join(char for index, char in enumerate(word)
                   if index == 0 or char != word[index - 1] or char in "aeiou")


def intended_word(word: str, replacements: tuple[str, ...]) -> str:
    """The suggestion a lower-case word was most likely meant to be: the first
    that is not another word's name ("hard court", not "Harcourt", for
    hardcourt). A capitalized word keeps LanguageTool's first suggestion."""
    if word[:1].isupper():
        return replacements[0]
    for replacement in replacements:
        if not replacement[:1].isupper() or replacement.lower() == word.lower():
            return replacement
    return replacements[0]


def inflected_from(word: str, intended: str) -> bool:
    """The word is the suggestion with a regular ending (codenamed from
    codename): a form the dictionary lacks, not a slip."""
    lowered, base = word.lower(), intended.lower()
    return len(base) >= 4 and " " not in base and lowered in {base + ending for ending in ("d", "ed", "s", "es", "ing")}


def split_in_two(word: str, replacements: tuple[str, ...]) -> tuple[str, str] | None:
    """The two words LanguageTool offers for a word run together ("hard court"
    for hardcourt, "code-named" for codenamed, "their code" for theircode)."""
    for replacement in replacements:
        for separator in (" ", "-"):
            parts = replacement.split(separator)
            if len(parts) == 2 and all(parts) and (parts[0] + parts[1]).lower() == word.lower():
                return parts[0].lower(), parts[1].lower()
    return None


def weak_split(parts: tuple[str, str]) -> bool:
    """A split at a particle or prefix-like word (in dependant, line out) or off
    a scrap of letters (em missions) says nothing about a compound: the word is
    weighed on its other suggestions."""
    return parts[0] in _PARTICLES or parts[1] in _PARTICLES or min(len(parts[0]), len(parts[1])) < 3 \
        and not (parts[0] in FUNCTION_WORDS or parts[1] in FUNCTION_WORDS)


def run_together(parts: tuple[str, str]) -> bool:
    """Two words that a missed space joined (theircode, justfor, eyefrom,
    radicallyimproved), as against a closed compound of two content words."""
    left, right = parts
    return left in FUNCTION_WORDS or right in FUNCTION_WORDS or (left.endswith("ly") and len(left) > 4)


_PREFIXES = ("un", "non", "de", "re", "co", "pre", "anti", "over", "under", "il")
# Plural agent nouns (engagers, offerors) and nouns of a doctrine (bureaucratism, illiberalism) but not
# a bare "-er" or "-r": "grammer" is no "gramme" plus "r".
_SUFFIXES = ("ers", "rs", "ors", "es", "s", "ism", "isms")
# Inflections, as such or doubling a final consonant: memoed, preppy, scrapping.
_INFLECTIONS = ("ed", "ing", "y")


def is_derived(word: str, known: frozenset[str]) -> bool:
    """A known word with a prefix or a plural, agent or doctrine ending (uncosted, engagers,
    offerors, bureaucratism): a rarer form of a word, not a slip of the keys."""
    lowered = word.lower()
    stems = [lowered[len(p):] for p in _PREFIXES if lowered.startswith(p)]
    stems += [stem[:-len(s)] for stem in [lowered, *stems] for s in _SUFFIXES if stem.endswith(s)]
    return any(len(stem) >= 4 and stem in known for stem in stems)


def inflection_stems(word: str) -> list[str]:
    """The words a regular inflection would come from (memoed: memo; preppy:
    prep; scragged: scrag; not plany: plan), to be looked up in the dictionary. No final e is
    restored: "manged" is no "mange" plus "d", "faming" no "fame" plus "ing"."""
    lowered = word.lower()
    stems = []
    for ending in _INFLECTIONS:
        if lowered.endswith(ending):
            stem = lowered[:-len(ending)]
            doubled = len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou"
            if doubled:
                stem = stem[:-1]  # preppy: prep; scrapping: scrap
            elif ending == "y":
                continue  # an adjective in -y doubles its consonant (preppy); "plany" is no "plan" plus "y"
            if len(stem) >= 3 and stem.isalpha():
                stems.append(stem)
    return stems


def generic_plural_of_a_name(word: str, replacements: tuple[str, ...]) -> bool:
    """A name's plural used as a common noun (data "sherpas"): lower case on
    purpose, unlike a name missing its capital (achilles)."""
    return word.islower() and word.endswith("s") and word[:-1].capitalize() in replacements


# The two British spelling families that never make a typo: -ise/-isation for
# -ize/-ization and -our for -or. (LanguageTool's own message names the others:
# "‘centre’ is British English".)
_BRITISH_TO_AMERICAN = (("is", "iz"), ("our", "or"))


def american_twin(word: str, replacements: tuple[str, ...]) -> bool:
    """The suggestion is the lower-case word's American spelling (well-publicised
    -> well-publicized, humour -> humor): a British spelling, not a typo. (Names
    keep their letters: "Trammell" is no British "Trammel".)"""
    if not word.islower():
        return False
    wanted = {replacement.lower() for replacement in replacements}
    for british, american in _BRITISH_TO_AMERICAN:
        position = word.find(british)
        while position != -1:
            if word[:position] + american + word[position + len(british):] in wanted:
                return True
            position = word.find(british, position + 1)
    return False


# A written message quoted verbatim (e-mail, text, tweet, post): its informal
# spellings are the sender's, not the paper's ("No row between me and trevor").
_WRITTEN_MESSAGE = re.compile(
    r"\b(?:e-?mail(?:s|ed)?|text(?:ed|ing)|text messages?|tweets?|tweeted|messaged|sms|whatsapp|blog posts?)\b",
    re.IGNORECASE)


def names_a_written_message(text: str) -> bool:
    return bool(_WRITTEN_MESSAGE.search(text))
