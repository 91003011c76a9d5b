"""headline.punctuation: no closing full stop, no exclamation marks, no comma splice."""

from __future__ import annotations

import re
from collections.abc import Iterator

from copydesk.document import Block, Document
from copydesk.families.headline.casing import headings
from copydesk.finding import Applicability, Edit, Fix, Hit
from copydesk.rules import RuleContext, check

_EDGE_PUNCTUATION = "\"'“”‘’()[]{},.;:!?…*"
_SPEECH_VERBS = {"says", "said", "say", "warns", "warn", "warned", "claims", "claim", "reports", "report", "finds",
                 "find", "insists", "insist", "admits", "admit", "told", "tells", "argues", "argue", "suggests",
                 "shows", "reveals", "confirms", "denies", "deny", "urged", "urges", "urge", "predicts", "predict",
                 "fears", "fear", "believes", "believe", "hopes", "hope", "asks", "ask", "demands", "demand"}
_LIST_WORDS = {"and", "or", "&", "nor"}
_ABBREVIATION_END = re.compile(r"\b(?:[A-Z]\.){2,}$|\b(?:Inc|Ltd|Co|Jr|Sr|St)\.$")


# A clause that opens with these is subordinate or a phrase ("When it fails, we learn").
_INTRODUCERS = {"when", "if", "with", "without", "to", "even", "as", "after", "before", "because", "although",
                "though", "while", "since", "in", "for", "on", "at", "by", "from", "once", "until", "unless",
                "whether", "despite", "like", "during", "over", "under", "amid", "through", "how", "why", "what",
                "where", "who", "hello", "yes", "no", "oh", "dear", "thanks", "so", "now", "here", "there"}
# After the comma these start a contrast, an addition or a label, not a clause ("teams, not handoffs").
_CONTINUERS = {"not", "but", "and", "or", "nor", "part", "then", "plus", "including", "especially", "except",
               "too", "again", "episode", "chapter", "volume", "vol", "no", "dr", "mr", "mrs", "ms", "prof",
               "sen", "rep", "gov", "gen", "sir", "dame", "lord", "lady", "instead", "rather", "less", "more",
               "most", "least", "very", "with", "without", "in", "at", "by", "for", "from", "of", "on", "to", "as",
               "like", "after", "before", "despite", "amid", "via", "under", "over", "through", "into", "across"}
_PHRASE_BREAKS = re.compile(r":|—|–| - |[.?!] ")
_LIST_NUMBER = re.compile(r"^\s*(?:\d+[.)]|[a-z][.)])\s+")


def _clause_words(text: str) -> list[str]:
    stripped = (w.lower().strip(_EDGE_PUNCTUATION) for w in text.split())
    return [w for w in stripped if w]


def comma_splice(text: str) -> int | None:
    """Index of a comma joining two clauses, or None for lists, attributions,
    introductory phrases, contrasts, labels and appositives."""
    commas = [m.start() for m in re.finditer(r",(?!\d)", text)]
    if len(commas) != 1:
        return None  # none, or a list of three or more
    comma = commas[0]
    if text.rfind("(", 0, comma) > text.rfind(")", 0, comma):
        return None  # a comma inside brackets: "(internal, external)"
    before_text = _LIST_NUMBER.sub("", _PHRASE_BREAKS.split(text[:comma])[-1])
    after_text = _PHRASE_BREAKS.split(text[comma + 1:])[0]
    before, after = _clause_words(before_text), _clause_words(after_text)
    if len(before) < 3 or len(after) < 3:
        return None  # "Trump, Biden meet", "Helpful now, invaluable later": too short to be two clauses
    if before[-1] in ("many", "few", "several", "some", "small", "big", "large", "new", "old", "long", "short"):
        return None  # coordinate adjectives: "many, inflexible deadlines"
    if _LIST_WORDS & set(after) or _LIST_WORDS & set(before[-1:]):
        return None  # "Cost, Traffic and Funding"
    if after[0] in _SPEECH_VERBS or after[-1] in _SPEECH_VERBS:
        return None  # "Economy will grow, minister says": AP's attribution
    if before[0] in _INTRODUCERS or before[0].endswith("ing") or after[0].endswith("ing"):
        return None  # an introductory or participial phrase: "Building a platform, brick by brick"
    if after[0] in _CONTINUERS or after[0][:1].isdigit():
        return None  # "teams, not handoffs", "interviews, part 1", "historian, Dr. Bill Barry"
    return comma


_SENTENCE_INSIDE = re.compile(r"[.?!][\"”’')]* +[\"“‘(]*[A-Z0-9]")
_FINAL_EXCLAMATION = re.compile(r"!+[)\]]*$")


def _closing_stop(text: str) -> bool:
    return text.endswith(".") and not text.endswith("...") and not _ABBREVIATION_END.search(text)


def _stop_is_house_pattern(block: Block, subheads: list[Block]) -> bool:
    """Subheads written as sentences, most of those at the same level ending
    with a full stop, a question or an exclamation mark, are the article's
    pattern ("We hired a team.", "Be agile.")."""
    if block.kind != "subhead":
        return False
    siblings = [other for other in subheads if other.level == block.level]
    if len(siblings) < 2:
        return True  # a lone subhead ending in a stop is a sentence by choice
    sentences = sum(other.text.rstrip().endswith((".", "?", "!")) for other in siblings)
    return sentences * 2 >= len(siblings)


@check("headline.punctuation")
def punctuation(doc: Document, context: RuleContext) -> Iterator[Hit]:
    subheads = doc.subheads
    for block in headings(doc):
        text = block.text.rstrip()
        two_sentences = bool(_SENTENCE_INSIDE.search(text))
        if _closing_stop(text) and not two_sentences and not _stop_is_house_pattern(block, subheads):
            start, end = block.source_range(len(text) - 1, len(text))
            # Deleting the stop changes no meaning: a safe fix.
            yield Hit(start, end, "Headlines take no closing full stop", "",
                      fixes=(Fix("Delete the full stop", (Edit(start, end, ""),), Applicability.SAFE),))
        exclamation = _FINAL_EXCLAMATION.search(text)
        if block.kind == "headline" and exclamation and not two_sentences:
            # Only the main headline's closing mark: "Hello, world! We are 18F" greets, and a
            # subhead's "Join us!" is a blog's call to action, not news shouting.
            start, end = block.source_range(exclamation.start(), exclamation.start() + 1)
            yield Hit(start, end, "Exclamation marks in headlines read as shouting; let the words carry it")
        comma = comma_splice(text)
        if comma is not None:
            start, end = block.source_range(comma, comma + 1)
            yield Hit(start, end, "Two clauses joined by a comma; AP headlines join them with a semicolon", ";",
                      fixes=(Fix("Join the clauses with a semicolon", (Edit(start, end, ";"),),
                                 Applicability.UNSAFE),))
