"""LanguageTool grammar findings read in their context: direct quotations,
notional agreement, and compounds that are already hyphenated.

**Inside a direct quotation** the words and their grammar are the speaker's;
the spelling, punctuation and typing are the writer's. An editor does not
rewrite what someone said ("admitted to Graeme and I", "slightly less people",
"depends how often", "much more dark"), but does mend a transcription slip
("We are go to", "will increases", "didn't had", "an total", "the the").
The split, taken from LanguageTool's own classification of each match and
checked against judged BBC findings (docs/precision.md):

- LanguageTool's ``grammar`` issue type (its GRAMMAR and COLLOCATIONS
  categories) is advice on the speaker's wording: inside a quotation it is
  info, its message noting the quotation;
- except where its first replacement only mends a broken verb group or a
  spelling: another form of the same verb ("will increases" -> "increase",
  "are go" -> "going", "we was" -> "were"), an auxiliary or the infinitive "to"
  added or taken out ("going do" -> "going to do", "he still looking" -> "he
  was still", "was not been given" -> "was not given"), one letter of a word
  changed or two swapped ("prophesy" -> "prophecy", "then" -> "than"), or
  only a hyphen or a space changed ("opt-in" -> "opt in"). No speaker says
  those: they are slips of the transcript and stay warnings;
- every other issue type is the writer's and keeps its severity: misspelling
  (a/an, confused words, nonstandard phrases such as "could of"), duplication
  (a doubled word), typographical, punctuation, names (PROPER_NOUNS);
  ``style`` and ``register`` are info everywhere already.

The GRAMMAR category alone cannot make the split: on the judged BBC sample it
holds both the false alarms (I_ME, FEWER_LESS, DEPEND_ON, SHORT_COMPARATIVES)
and the true slips (MD_BASEFORM, DID_BASEFORM, BEEN_PART_AGREEMENT, GOING_BE,
PRP_RB_JJ), all issue type ``grammar``; the shape of the repair separates them.

**Notional agreement.** LanguageTool's collective-noun agreement rules flag a
plural verb after "a group of MPs", "a clutch of awards"; LanguageTool's own
message grants that such nouns take either number, and British and American
usage both accept the plural when the members are meant. Such a finding is
info by default (a severity configured for the rule still wins, as everywhere).

**A compound already hyphenated.** LanguageTool's MISSING_HYPHEN asks for
"a six-year-high" when the text has "a six-year high": the modifier is already
hyphenated and only the noun would be joined on. Nothing to fix: dropped.
Only after a number-unit compound ("six-year", "30-day"), never a range
("10-15 year") or an age without its "old" ("50-year old women").
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from copydesk.document import Block
from copydesk.finding import Hit, Severity
from copydesk.languagetool.client import Match
from copydesk.numbers import word_value
from copydesk.rules import wordlist

# LanguageTool's issue type for advice on wording (its GRAMMAR and COLLOCATIONS categories).
WORDING_ISSUE_TYPE = "grammar"
# Words whose insertion completes a verb group rather than changing the wording.
VERB_GROUP_WORDS = frozenset(
    "to be am is are was were been being have has had do does did will would shall should can could may might must"
    .split())
QUOTATION_NOTE = " (Inside a direct quotation: the speaker's wording, which an editor does not rewrite.)"
NAME_NOTE = " (The capital marks a name or a title, whose words keep their form.)"
NOTIONAL_NOTE = (" (A collective noun followed by “of” and a plural may take a plural verb when its members are "
                 "meant: notional agreement, accepted usage.)")


def in_quotation(block: Block, match: Match) -> bool:
    """Whether the match lies wholly inside one of the block's direct quotations."""
    return any(start < match.start and match.end <= end for start, end in block.quotations)


def in_context(block: Block, match: Match, hit: Hit) -> Hit:
    """The grammar hit with the severity its context earns: info for the speaker's
    wording inside a quotation, for notional agreement and for a name misread as
    grammar, with a note that says why (also where the rule is info already, so
    the reader sees the reason); otherwise unchanged."""
    note = _context_note(block, match)
    if note is None:
        return hit
    return replace(hit, severity=Severity.INFO, message=hit.message + note)


def _context_note(block: Block, match: Match) -> str | None:
    if _notional_agreement(block, match):
        return NOTIONAL_NOTE
    if match.issue_type == WORDING_ISSUE_TYPE and in_quotation(block, match) and not is_slip(block, match):
        return QUOTATION_NOTE
    if match.issue_type == WORDING_ISSUE_TYPE and rewrites_a_name(block, match):
        return NAME_NOTE
    return None


def rewrites_a_name(block: Block, match: Match) -> bool:
    """A grammar rule that would change a word capitalized inside a sentence ("should be Number One" ->
    "Numbered", "make it DOS compatible" -> "DOES"): the capital marks a name or title, whose words
    are not the grammar LanguageTool read. A repair that keeps the name ("Smith have" -> "Smith has")
    or mends its capitals ("the Uk" -> "the UK") still reports."""
    if not match.replacements:
        return False
    kept = set(match.replacements[0].lower().split())
    for word, start in _capitalized_words(block.text, match.start, match.end):
        if word != "I" and not _opens_a_sentence(block.text, start) and word.lower() not in kept:
            return True  # (a repair of the name's own capitals, "the Uk" -> "the UK", keeps it)
    return False



def _capitalized_words(text: str, start: int, end: int):
    position = start
    for word in text[start:end].split(" "):
        if word[:1].isupper():
            yield word.strip(".,;:!?\"“”'’()"), position
        position += len(word) + 1


def _opens_a_sentence(text: str, start: int) -> bool:
    """Nothing but quotation marks, brackets or a dash between the start of the block or a sentence's
    closing mark and the word."""
    before = text[:start].rstrip(" \"“‘'([-–—")
    return not before or before[-1] in ".!?:"


def is_slip(block: Block, match: Match) -> bool:
    """Whether LanguageTool's first replacement only mends a broken verb group or
    a spelling: another form of the same verb, a verb-group word added or taken
    out, one letter of a word changed (or two swapped), or only a hyphen or space
    changed. Advice on wording puts other words in."""
    if not match.replacements:
        return False
    flagged = block.text[match.start:match.end]
    suggestion = match.replacements[0]
    if _letters(flagged) == _letters(suggestion):
        return True
    old, new = flagged.lower().split(), suggestion.lower().split()
    if len(old) == len(new):
        changed = [(a, b) for a, b in zip(old, new) if a != b]
        return len(changed) == 1 and (same_verb(*changed[0]) or _misspelt(*changed[0]))
    shorter, longer = sorted((old, new), key=len)
    if len(longer) == len(shorter) + 1:
        extra = next((index for index, (a, b) in enumerate(zip(shorter, longer)) if a != b), len(shorter))
        return longer[:extra] + longer[extra + 1:] == shorter and longer[extra] in VERB_GROUP_WORDS
    return False


def _misspelt(a: str, b: str) -> bool:
    """One letter changed or two neighbours swapped in a word of four letters or
    more (prophesy/prophecy, then/than): a slip of the keys, not a word choice."""
    if len(a) != len(b) or len(a) < 4:
        return False
    differ = [index for index, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(differ) == 2 and differ[1] == differ[0] + 1:
        first, second = differ
        return a[first] == b[second] and a[second] == b[first]
    return len(differ) == 1


def _letters(text: str) -> str:
    return "".join(char for char in text.lower() if char.isalnum())


def same_verb(a: str, b: str) -> bool:
    """Two forms of one verb: listed together as irregular (had/have, saw/see) or
    one the regular inflection of the other (increases/increase, triggered/trigger)."""
    forms = _irregular_forms()
    if a in forms and b in forms[a]:
        return True
    return _regular_stem(a) == _regular_stem(b) and min(len(a), len(b)) >= 2


def _regular_stem(word: str) -> str:
    """The stem under a regular ending: -s/-es, -ed/-d, -ing, with a doubled final
    consonant or y->i undone (stopped/stop, carried/carry, increases/increase)."""
    for ending in ("ing", "ied", "ies", "ed", "es", "s", "d"):
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: -len(ending)]
            if ending in ("ied", "ies"):
                return stem + "y"
            if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
                stem = stem[:-1]
            return stem.rstrip("e")
    return word.rstrip("e")


@lru_cache(maxsize=1)
def _irregular_forms() -> dict[str, frozenset[str]]:
    forms: dict[str, frozenset[str]] = {}
    for line in wordlist("irregular-verbs"):
        words = frozenset(line.split())
        for word in words:
            forms[word] = forms.get(word, frozenset()) | words
    return forms


# LanguageTool's collective-noun agreement rules (COLLECTIVE_NOUN_VERB_AGREEMENT_VBP ...).
_COLLECTIVE_AGREEMENT = "COLLECTIVE_NOUN"


def _notional_agreement(block: Block, match: Match) -> bool:
    """A plural verb after "<collective> of <plural>": LanguageTool's collective-noun
    agreement rule, with the "of" phrase it matched before the verb."""
    if not match.rule_id.startswith(_COLLECTIVE_AGREEMENT):
        return False
    before = block.text[max(0, match.start - 60):match.start].lower().split()
    return "of" in before[-6:]


def compound_already_hyphenated(block: Block, match: Match) -> bool:
    """LanguageTool asks to hyphenate a number-unit compound the text already
    hyphenates ("a six-year high" -> "six-year-high"): every replacement only
    joins the following noun onto it with one more hyphen. A range is not such a
    compound ("a 10-15 year term" lacks the hyphen of "15-year"), and an age is
    not finished without its "old" ("a 50-year old woman" -> "50-year-old")."""
    flagged = block.text[match.start:match.end]
    return bool(match.replacements) and all(_only_joins_a_noun_on(flagged, suggestion)
                                            for suggestion in match.replacements)


def _only_joins_a_noun_on(flagged: str, suggestion: str) -> bool:
    """Whether ``suggestion`` differs from ``flagged`` only by hyphens put for
    spaces, each right after a hyphenated number-unit compound."""
    if len(flagged) != len(suggestion):
        return False
    changes = [index for index, (a, b) in enumerate(zip(flagged, suggestion)) if a != b]
    return bool(changes) and all(flagged[index] == " " and suggestion[index] == "-"
                                 and number_unit_compound(flagged[:index].rsplit(" ", 1)[-1])
                                 and not _completes_an_age(flagged[index + 1:]) for index in changes)


# "old" belongs to an age compound ("a 50-year-old woman", "25-year-olds"): no noun after it.
_AGE_WORDS = frozenset({"old", "olds"})


def _completes_an_age(rest: str) -> bool:
    words = rest.split()
    return bool(words) and words[0].strip(".,;:!?\"'”’").lower() in _AGE_WORDS


def number_unit_compound(word: str) -> bool:
    """A hyphenated number and unit: "six-year", "30-day", "twenty-five-year"
    (not a range such as "10-15")."""
    number, _, unit = word.rpartition("-")
    return bool(number) and unit.isalpha() and (number.isdigit() or word_value(number.lower()) is not None)
