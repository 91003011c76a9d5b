"""headline.punctuation: no closing full stop, no exclamation marks, no comma splice."""

from __future__ import annotations

import re
from collections.abc import Iterator

from copydesk.document import Document
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


def comma_splice(text: str) -> int | None:
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
    for block in headings(doc):
        text = block.text.rstrip()
        if text.endswith(".") and not text.endswith("...") and not _ABBREVIATION_END.search(text):
            start, end = block.source_range(len(text) - 1, len(text))
            # Deleting the stop changes no meaning: a safe fix.
            yield Hit(start, end, "Headlines take no closing full stop", "",
                      fixes=(Fix("Delete the full stop", (Edit(start, end, ""),), Applicability.SAFE),))
        for match in re.finditer(r"!+", text):
            start, end = block.source_range(match.start(), match.end())
            yield Hit(start, end, "Exclamation marks in headlines read as shouting; let the words carry it")
        comma = comma_splice(text)
        if comma is not None:
            start, end = block.source_range(comma, comma + 1)
            yield Hit(start, end, "Two clauses joined by a comma; AP headlines join them with a semicolon", ";",
                      fixes=(Fix("Join the clauses with a semicolon", (Edit(start, end, ";"),),
                                 Applicability.UNSAFE),))
