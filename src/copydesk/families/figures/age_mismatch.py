"""figures.age-mismatch: an age that the birth year in the same sentence contradicts, as of the
publication date ("The author, 61, was born in 1971"; "Born in 1950, the conductor turned 70")."""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.document import Document
from copydesk.finding import Hit, Severity
from copydesk.rules import RuleContext, check
from copydesk.families.figures.common import sentences
from copydesk.families.figures.years import ages, birth_years, year_of_age


@check("figures.age-mismatch")
def age_mismatch(doc: Document, context: RuleContext) -> Iterator[Hit]:
    for sentence in sentences(doc, with_figures=True):
        if "born" not in sentence.text.lower():
            continue  # the relation needs its word; most sentences are passed over before tokens are made
        births = birth_years(sentence.reading)
        if not births:
            continue
        for index, quantity, how in ages(sentence.reading):
            age, born = int(quantity.value), births[0][1]
            stated_year = year_of_age(sentence.reading, index)
            if stated_year is None and context.publication_date is None:
                yield sentence.hit(quantity.start, quantity.end,
                                   f"An age of {age} with a birth year of {born} cannot be checked without a "
                                   "publication date (front matter `date`, config or --date)", severity=Severity.INFO)
                continue
            year = stated_year or context.publication_date.year
            possible = {year - born} if how == "turned" and stated_year else {year - born - 1, year - born}
            if age not in possible:
                could_be = " or ".join(str(a) for a in sorted(possible))
                yield sentence.hit(quantity.start, quantity.end,
                                   f"Born in {born}, the person would be {could_be} in {year}, not {age}",
                                   str(max(possible)))
