"""figures.more-than-over: the house choice between "more than" and "over" with figures."""

from __future__ import annotations

from collections.abc import Iterator
import re

from copydesk.document import Document
from copydesk.finding import Hit
from copydesk.rules import RuleContext, check
from copydesk.families.figures.common import sentences


_MORE_THAN = re.compile(r"\bmore than\s+(?=[$£€]?\d|\w+\s+(?:thousand|million|billion))", re.IGNORECASE)
_OVER = re.compile(r"\bover\s+(?=[$£€]?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)", re.IGNORECASE)


@check("figures.more-than-over")
def more_than_over(doc: Document, context: RuleContext) -> Iterator[Hit]:
    preferred = context.options["prefer"]
    unwanted, wanted = (_OVER, "more than") if preferred == "more than" else (_MORE_THAN, "over")
    for sentence in sentences(doc):
        for match in unwanted.finditer(sentence.text):
            yield sentence.hit(match.start(), match.end() - 1 if match.group().endswith(" ") else match.end(),
                               f"House style uses “{wanted}” with figures", wanted)
